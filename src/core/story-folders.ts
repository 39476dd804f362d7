/**
 * Where the stories are. A data folder is either one story (story.yaml in it, as it always was)
 * or holds several: `stories/<id>/`, each a story folder of its own (or the folder is itself the
 * stories folder: sub-folders with a story.yaml). A story's id is its folder's name.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { DataProblem } from './problems.ts';

export interface StoryFolder {
  readonly id: string;
  readonly dir: string;
}

export interface StoryLayout {
  /** 'single': the data folder is the story; 'several': stories/<id>/ folders. */
  readonly kind: 'single' | 'several';
  readonly stories: readonly StoryFolder[];
  /** Folders that look like stories but cannot be served (a bad id). */
  readonly problems: readonly DataProblem[];
}

/** A story id: what `/ask story:` and `/story use:` take, and what the question log records. */
export const STORY_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

const exists = async (path: string): Promise<boolean> => {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
};

/** The folders with a story.yaml directly inside `dir`, by name. */
async function storiesIn(dir: string): Promise<{ stories: StoryFolder[]; problems: DataProblem[] }> {
  const stories: StoryFolder[] = [];
  const problems: DataProblem[] = [];
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return { stories, problems };
  }
  for (const name of names) {
    const story = join(dir, name);
    if (!(await exists(join(story, 'story.yaml')))) continue;
    if (!STORY_ID.test(name)) {
      problems.push({
        file: name,
        message: `is not a story id: name the folder with lower-case letters, digits, - and _ (at most 64, e.g. ${name
          .toLowerCase()
          .replace(/[^a-z0-9_-]+/g, '-')
          .replace(/^[-_]+/, '')
          .slice(0, 64)})`,
      });
      continue;
    }
    stories.push({ id: name, dir: story });
  }
  return { stories, problems };
}

/**
 * The stories of a data folder. A folder with story.yaml is one story (its id is the folder's
 * name); otherwise `stories/` inside it, or the folder itself, holds one folder per story. No
 * story at all is the single-story layout, so that loading it says what is missing as before.
 */
export async function findStories(dataDir: string): Promise<StoryLayout> {
  const single = (): StoryLayout => ({
    kind: 'single',
    stories: [{ id: singleStoryId(dataDir), dir: dataDir }],
    problems: [],
  });
  if (await exists(join(dataDir, 'story.yaml'))) return single();
  for (const dir of [join(dataDir, 'stories'), dataDir]) {
    const { stories, problems } = await storiesIn(dir);
    if (stories.length > 0 || problems.length > 0) return { kind: 'several', stories, problems };
  }
  return single();
}

/** A one-story folder's id: its name, made into an id ("data" for data/). */
export function singleStoryId(dataDir: string): string {
  const name = basename(resolve(dataDir))
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+/, '')
    .slice(0, 64);
  return STORY_ID.test(name) ? name : 'story';
}

/** A problem of one story, named by the story: "second/qa.yaml, entry …". */
export function ofStory(id: string, problem: DataProblem): DataProblem {
  // A problem of the folder itself names it by its path: the story's id says which.
  return { ...problem, file: isAbsolute(problem.file) ? `${id}/` : `${id}/${problem.file}` };
}
