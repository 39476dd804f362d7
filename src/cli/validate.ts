/**
 * npm run --silent validate -- [--data DIR] [--no-answer-check]: every problem in a data folder
 * in one pass (errors and warnings), the drafts still waiting for a person, and, when the data
 * loads, a check that each entry answers its own questions (every phrasing asked of the engine:
 * --no-answer-check skips it for a very large story). Exit 1 if any error.
 */
import { checkOwnAnswers } from '../core/answer-check.ts';
import { buildFromValidated } from '../core/knowledge.ts';
import { readDataDir } from '../core/load.ts';
import { countOf, DataError, type DataProblem, formatProblem, isWarning } from '../core/problems.ts';
import { checkData, folder } from '../core/validate.ts';
import { argsOrExit, configOrExit } from './startup.ts';

const args = argsOrExit();
const dataDir = args.dataDir ?? (await configOrExit()).dataDir;

function report(problems: readonly DataProblem[]): string {
  const errors = problems.filter((p) => !isWarning(p));
  const warnings = problems.filter(isWarning);
  return [...errors, ...warnings].map(formatProblem).join('\n');
}

try {
  const files = await readDataDir(dataDir);
  const fold = folder();
  const { data, problems } = checkData(files, fold);
  if (!data) {
    const errors = problems.filter((p) => !isWarning(p)).length;
    const warnings = problems.length - errors;
    process.stdout.write(
      `${dataDir}: ${countOf(errors, 'problem')}${warnings > 0 ? ` and ${countOf(warnings, 'warning')}` : ''}:\n${report(problems)}\n`,
    );
    process.exitCode = 1;
  } else {
    const kb = buildFromValidated(data, files, fold);
    const answerCheck = args.flags.has('no-answer-check') ? [] : checkOwnAnswers(kb, data.fileOf);
    const warnings = [...problems, ...answerCheck];
    const c = kb.counts;
    const drafts = kb.entries.filter((e) => e.draft).length;
    const built = [
      data.built.quotes ? 'quotes built from the article' : '',
      data.built.people ? 'people found in the article' : '',
    ].filter(Boolean);
    process.stdout.write(
      `${dataDir}: OK. ${c.entries} Q&A entries${drafts > 0 ? ` (${drafts} drafts waiting for a person)` : ''}, ${c.quotes} quotes, ${c.people} people, ${c.gaps} known gaps, ${c.topics} topics; article of ${c.paragraphs} paragraphs (${c.sentences} sentences)${built.length > 0 ? `; ${built.join(', ')}` : ''}. Version ${kb.version}.\n`,
    );
    if (warnings.length > 0)
      process.stdout.write(`${countOf(warnings.length, 'warning')}:\n${report(warnings)}\n`);
  }
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  process.stdout.write(
    `${dataDir}: ${countOf(error.problems.length, 'problem')}:\n${report(error.problems)}\n`,
  );
  process.exitCode = 1;
}
