/**
 * npm run --silent validate -- [--data DIR] [--no-answer-check]: every problem in a data folder
 * in one pass (errors and warnings), the drafts still waiting for a person, and, when the data
 * loads, a check that each entry answers its own questions (every phrasing asked of the engine:
 * --no-answer-check skips it for a very large story). Exit 1 if any error.
 *
 * A folder of several stories (stories/<id>/) is checked story by story; each problem line then
 * names its story ("second/qa.yaml, entry …").
 */
import { checkOwnAnswers } from '../core/answer-check.ts';
import { buildFromValidated } from '../core/knowledge.ts';
import { namingAliasBombs, readDataDir } from '../core/load.ts';
import { countOf, DataError, type DataProblem, formatProblem, isWarning } from '../core/problems.ts';
import { findStories, ofStory } from '../core/story-folders.ts';
import { checkData, folder } from '../core/validate.ts';
import { argsOrExit, configOrExit } from './startup.ts';

const args = argsOrExit();
const dataDir = args.dataDir ?? (await configOrExit()).dataDir;

function report(problems: readonly DataProblem[]): string {
  const errors = problems.filter((p) => !isWarning(p));
  const warnings = problems.filter(isWarning);
  return [...errors, ...warnings].map(formatProblem).join('\n');
}

/** Validates one story's folder; its problems named by `story` when the folder holds several. */
async function validateStory(dir: string, story: string | null): Promise<{ ok: boolean; text: string }> {
  const named = (problems: readonly DataProblem[]): DataProblem[] =>
    story === null ? [...problems] : problems.map((p) => ofStory(story, p));
  try {
    const files = await readDataDir(dir);
    const fold = folder();
    const { data, problems } = namingAliasBombs(files, () => checkData(files, fold));
    if (!data) {
      const errors = problems.filter((p) => !isWarning(p)).length;
      const warnings = problems.length - errors;
      return {
        ok: false,
        text: `${dir}: ${countOf(errors, 'problem')}${warnings > 0 ? ` and ${countOf(warnings, 'warning')}` : ''}:\n${report(named(problems))}\n`,
      };
    }
    const kb = buildFromValidated(data, files, fold);
    const answerCheck = args.flags.has('no-answer-check') ? [] : checkOwnAnswers(kb, data.fileOf);
    const warnings = [...problems, ...answerCheck];
    const c = kb.counts;
    const drafts = kb.entries.filter((e) => e.draft).length;
    const built = [
      data.built.quotes ? 'quotes built from the article' : '',
      data.built.people ? 'people found in the article' : '',
    ].filter(Boolean);
    let text = `${dir}: OK. ${c.entries} Q&A entries${drafts > 0 ? ` (${drafts} drafts waiting for a person)` : ''}, ${c.quotes} quotes, ${c.people} people, ${c.gaps} known gaps, ${c.topics} topics; article of ${c.paragraphs} paragraphs (${c.sentences} sentences)${built.length > 0 ? `; ${built.join(', ')}` : ''}. Version ${kb.version}.\n`;
    if (warnings.length > 0) text += `${countOf(warnings.length, 'warning')}:\n${report(named(warnings))}\n`;
    return { ok: true, text };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return {
      ok: false,
      text: `${dir}: ${countOf(error.problems.length, 'problem')}:\n${report(named(error.problems))}\n`,
    };
  }
}

const layout = await findStories(dataDir);
let failed = false;
if (layout.problems.length > 0) {
  process.stdout.write(
    `${dataDir}: ${countOf(layout.problems.length, 'problem')}:\n${report(layout.problems)}\n`,
  );
  failed = true;
}
for (const story of layout.stories) {
  const result = await validateStory(story.dir, layout.kind === 'several' ? story.id : null);
  process.stdout.write(result.text);
  if (!result.ok) failed = true;
}
if (layout.kind === 'several' && layout.stories.length > 1)
  process.stdout.write(
    `${dataDir}: ${layout.stories.length} stories, ${failed ? 'with problems' : 'every one OK'}.\n`,
  );
if (failed) process.exitCode = 1;
