/** Two stories behind one bot, for tests: the seed story and the second-story fixture in stories/<id>/. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_DIR, ROOT } from './data.ts';

export const SECOND_STORY_DIR = join(ROOT, 'tests/fixtures/second-story/data');

/** A temp data folder holding stories/seed (data/) and stories/tram (the second story); remove() deletes it. */
export async function twoStories(): Promise<{
  dir: string;
  storyDir(id: 'seed' | 'tram'): string;
  remove(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'story-bot-stories-'));
  await cp(DATA_DIR, join(dir, 'stories', 'seed'), { recursive: true });
  await cp(SECOND_STORY_DIR, join(dir, 'stories', 'tram'), { recursive: true });
  return {
    dir,
    storyDir: (id) => join(dir, 'stories', id),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
