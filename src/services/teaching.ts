/**
 * Teaching: the one write the curator studio and Discord's /unanswered share. A question readers
 * asked becomes an alternate of a Q&A entry, or a new known gap. The YAML is edited in place
 * (yaml-edit.ts keeps comments and layout), the whole folder is validated with the change and
 * the knowledge base rebuilt; only then is the file written (temp file and rename, the previous
 * version kept as .bak) and the new knowledge put live. A folder that would fail validation is
 * never written. Every attempt is logged with who asked, which entry and what changed.
 */
import { randomUUID } from 'node:crypto';
import type { Stats } from 'node:fs';
import { copyFile, lstat, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import YAML from 'yaml';
import type { Answer } from '../core/answer.ts';
import { answerQuestion } from '../core/engine.ts';
import type { KnowledgeBase } from '../core/knowledge.ts';
import { readDataDir } from '../core/load.ts';
import { coreMessages } from '../core/messages.ts';
import { DataError, type DataProblem, formatProblem, isWarning } from '../core/problems.ts';
import { cleanText, foldText, wordsOf } from '../core/text.ts';
import { GAPS_FILE, QA_FILE, validateData } from '../core/validate.ts';
import type { Logger } from '../log.ts';
import type { ReloadReport, ReloadRequest } from './knowledge-holder.ts';
import { addAlternate, appendItem, hasItem, YamlEditError } from './yaml-edit.ts';

/** Longest question taught (the question log keeps 300 characters). */
export const MAX_TAUGHT_QUESTION = 300;
/** Longest known-gap reply a curator may write here. */
export const MAX_GAP_REPLY = 1000;
/** Where data files may be: the folder itself, or its qa/ and gaps/ sub-folders. */
const DATA_FILE_NAME = /^(?:(?:qa|gaps)\/)?[^/\\]+\.ya?ml$/;

export interface TeachingChange {
  readonly kind: 'alternate' | 'gap';
  /** The data file changed (or that would have been). */
  readonly file: string;
  /** The entry given the alternate, or the new gap's id. */
  readonly entryId: string;
  readonly question: string;
  /** Who asked for it: "studio 127.0.0.1", "discord moderator (1234...)". */
  readonly by: string;
}

export type TeachingResult =
  | {
      readonly ok: true;
      readonly change: TeachingChange;
      readonly version: string;
      readonly shards: ReloadReport['shards'];
      /** What the bot answers to the question now, from the new data. */
      readonly answerAfter: Answer;
      /** For an alternate: the question is now answered by that entry. For a gap: declined by it. */
      readonly taken: boolean;
      /** From the request to the new data being live. */
      readonly tookMs: number;
    }
  | {
      readonly ok: false;
      readonly change: TeachingChange | null;
      /** Why nothing was written: the request, or every problem validation found with the change. */
      readonly problems: readonly DataProblem[];
      readonly tookMs: number;
    };

export interface Teaching {
  addAlternate(request: {
    readonly entryId: string;
    readonly question: string;
    readonly by: string;
  }): Promise<TeachingResult>;
  addGap(request: {
    readonly question: string;
    readonly by: string;
    /** What the bot should say instead; default: the engine's plain "the article doesn't say". */
    readonly reply?: string;
    /** Q&A entries to suggest; default: the engine's suggestions for the question. */
    readonly see?: readonly string[];
  }): Promise<TeachingResult>;
}

export interface TeachingOptions {
  readonly dataDir: string;
  readonly knowledge: () => KnowledgeBase;
  /** Validates the folder with the replaced file, writes it only if valid, and swaps the data in. */
  readonly reload: (request: ReloadRequest) => Promise<ReloadReport>;
  readonly log: Logger;
}

export function createTeaching(options: TeachingOptions): Teaching {
  const { dataDir, knowledge, log } = options;
  // One teaching write at a time: each reads the file the previous one wrote.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  /**
   * Writes `edit(file)` and puts it live. A file at the top of the folder goes through the
   * reload's upload path: the edit is made again on the file as the reload reads the folder, the
   * folder validated and built with it, and only then written. A file in qa/ or gaps/ (which
   * uploads cannot replace), or a gaps file still to create, is validated with the whole folder
   * here, written, then reloaded.
   */
  async function write(
    change: TeachingChange,
    edit: (source: string) => string,
    started: number,
  ): Promise<TeachingResult> {
    const tookMs = (): number => Math.round(performance.now() - started);
    const refuse = (problems: readonly DataProblem[]): TeachingResult => {
      const errors = problems.filter((p) => !isWarning(p));
      log.warn({ ...change, problems: errors.map(formatProblem) }, 'teaching refused; nothing written');
      return { ok: false, change, problems: errors, tookMs: tookMs() };
    };
    const editing = (source: string): string => {
      try {
        return edit(source);
      } catch (error) {
        if (error instanceof YamlEditError)
          throw new DataError([{ file: change.file, entry: change.entryId, message: error.message }]);
        throw error;
      }
    };
    const path = join(dataDir, change.file);
    let existing: Stats | null;
    try {
      existing = await placeOf(dataDir, change.file);
    } catch (error) {
      return refuse([{ file: change.file, message: (error as Error).message }]);
    }
    let report: ReloadReport;
    if (existing && !change.file.includes('/')) {
      report = await options.reload({
        requestedBy: change.by,
        // The reload checks the edited file's real size after reading it.
        file: {
          name: change.file,
          size: existing.size,
          read: async () => editing(await readFile(path, 'utf8')),
        },
      });
      if (!report.outcome.ok) return refuse(report.outcome.problems);
    } else {
      try {
        const files = new Map(await readDataDir(dataDir));
        const edited = editing(files.get(change.file) ?? '');
        files.set(change.file, edited);
        validateData(files);
        await writeAtomically(path, edited, existing !== null);
      } catch (error) {
        if (error instanceof DataError) return refuse(error.problems);
        return refuse([{ file: change.file, message: `could not be written: ${(error as Error).message}` }]);
      }
      report = await options.reload({ requestedBy: change.by });
      if (!report.outcome.ok) {
        // Someone else changed the folder between the check and the reload.
        const problems = report.outcome.problems.filter((p) => !isWarning(p));
        log.warn(
          { ...change, problems: problems.map(formatProblem) },
          'teaching written, but the reload refused the folder',
        );
        return {
          ok: false,
          change,
          problems: [
            {
              file: change.file,
              message: 'was written, but the folder changed meanwhile and the reload refused it:',
            },
            ...problems,
          ],
          tookMs: tookMs(),
        };
      }
    }
    const outcome = report.outcome;
    const answerAfter = answerQuestion(knowledge(), change.question);
    const taken = answerAfter.ids.includes(change.entryId);
    log.info(
      {
        ...change,
        changed:
          change.kind === 'alternate'
            ? { alternates: { added: change.question } }
            : { gaps: { added: change.entryId } },
        version: outcome.version,
        previousVersion: outcome.previousVersion,
        answeredNowBy: answerAfter.ids,
        tookMs: tookMs(),
      },
      change.kind === 'alternate' ? 'teaching: alternate added' : 'teaching: known gap added',
    );
    return {
      ok: true,
      change,
      version: outcome.version,
      shards: report.shards,
      answerAfter,
      taken,
      tookMs: tookMs(),
    };
  }

  return {
    addAlternate: (request) =>
      serial(async () => {
        const started = performance.now();
        const question = oneLine(request.question);
        const kb = knowledge();
        const entry = kb.entryById.get(request.entryId);
        const file = entry
          ? ((await fileHolding(dataDir, QA_FILE, 'entries', entry.id)) ?? 'qa.yaml')
          : 'qa.yaml';
        const change: TeachingChange = {
          kind: 'alternate',
          file,
          entryId: request.entryId,
          question,
          by: request.by,
        };
        const problem = questionProblem(question);
        const refuse = (message: string): TeachingResult => {
          log.warn({ ...change, problems: [message] }, 'teaching refused; nothing written');
          return {
            ok: false,
            change,
            problems: [{ file, entry: request.entryId, message }],
            tookMs: Math.round(performance.now() - started),
          };
        };
        if (problem) return refuse(problem);
        if (!entry) return refuse(`no Q&A entry has id "${request.entryId}": pick one from the list`);
        const key = phrasingKey(question);
        if ([entry.question, ...entry.alternates].some((p) => phrasingKey(p) === key))
          return refuse(`"${question}" is already a phrasing of this entry`);
        return write(change, (source) => addAlternate(source, 'entries', entry.id, question), started);
      }),

    addGap: (request) =>
      serial(async () => {
        const started = performance.now();
        const question = capitalised(oneLine(request.question));
        const kb = knowledge();
        const id = newGapId(kb, question);
        const file = await gapsFileOf(dataDir);
        const change: TeachingChange = {
          kind: 'gap',
          file,
          entryId: id,
          question,
          by: request.by,
        };
        const reply = oneLine(request.reply ?? '') || coreMessages.notInArticle;
        const problem =
          questionProblem(question) ??
          (reply.length > MAX_GAP_REPLY
            ? `the reply is ${reply.length} characters; keep it under ${MAX_GAP_REPLY}`
            : null);
        if (problem) {
          log.warn({ ...change, problems: [problem] }, 'teaching refused; nothing written');
          return {
            ok: false,
            change,
            problems: [{ file, entry: id, message: problem }],
            tookMs: Math.round(performance.now() - started),
          };
        }
        const see = (request.see ?? answerQuestion(kb, question).suggestions.map((s) => s.id))
          .filter((s) => kb.entryById.has(s))
          .slice(0, 3);
        const gap = { id, question, reply, ...(see.length > 0 ? { see } : {}) };
        return write(
          change,
          (source) => (source.trim() === '' ? newGapsFile(gap) : appendItem(source, 'gaps', gap)),
          started,
        );
      }),
  };
}

/** The data file (of those `kind` matches) whose `listKey` list holds the id. */
async function fileHolding(
  dataDir: string,
  kind: RegExp,
  listKey: string,
  id: string,
): Promise<string | null> {
  const files = await readDataDir(dataDir).catch(() => new Map<string, string>());
  for (const [name, text] of files) {
    if (kind.test(name) && text.includes(id) && hasItem(text, listKey, id)) return name;
  }
  return null;
}

/** Where a new known gap goes: gaps.yaml, else the last of gaps/*.yaml, else a new gaps.yaml. */
async function gapsFileOf(dataDir: string): Promise<string> {
  const names = [...(await readDataDir(dataDir).catch(() => new Map<string, string>())).keys()];
  if (names.includes('gaps.yaml')) return 'gaps.yaml';
  return (
    names
      .filter((n) => GAPS_FILE.test(n))
      .sort()
      .at(-1) ?? 'gaps.yaml'
  );
}

function newGapsFile(gap: Record<string, unknown>): string {
  return `# Questions people ask that the article does not answer (started by the curator studio).\n${YAML.stringify(
    { gaps: [gap] },
    { lineWidth: 0 },
  )}`;
}

/**
 * The file's place is inside the data folder: a data file's name, in the folder or its qa/ or
 * gaps/ sub-folder (itself no link elsewhere), and a regular file if it exists. Its stats, or null
 * when it does not exist yet.
 */
async function placeOf(dataDir: string, name: string): Promise<Stats | null> {
  if (!DATA_FILE_NAME.test(name)) throw new Error('is not the name of a data file');
  const folder = dirname(name);
  if (folder !== '.' && !(await lstat(join(dataDir, folder))).isDirectory())
    throw new Error(`is not in the data folder: ${folder}/ is not a folder there`);
  const stats = await lstat(join(dataDir, name)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (stats && !stats.isFile()) throw new Error('is not a regular file in the data folder');
  return stats;
}

/** Temp file beside the target, then rename; the previous version stays as NAME.bak. */
async function writeAtomically(path: string, content: string, keepBackup: boolean): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temp, content, 'utf8');
    if (keepBackup) await copyFile(path, `${path}.bak`);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function questionProblem(question: string): string | null {
  if (wordsOf(foldText(question)).length === 0) return 'the question has no words to teach';
  if (question.length > MAX_TAUGHT_QUESTION)
    return `the question is ${question.length} characters; teach at most ${MAX_TAUGHT_QUESTION}`;
  return null;
}

/** How the validator compares phrasings: the same words, whatever the case and punctuation. */
function phrasingKey(text: string): string {
  return wordsOf(foldText(cleanText(text))).join(' ');
}

/** "gap-" and the question's first words, unique among every id in the data. */
function newGapId(kb: KnowledgeBase, question: string): string {
  const slug =
    wordsOf(foldText(question))
      .map((w) => w.replace(/[^a-z0-9]/g, ''))
      .filter((w) => w.length > 0)
      .slice(0, 6)
      .join('-') || 'question';
  const taken = (id: string): boolean =>
    kb.entryById.has(id) || kb.quoteById.has(id) || kb.gapById.has(id) || kb.personById.has(id);
  const base = `gap-${slug}`;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/** A Q&A entry the engine considered for a question: where teaching most likely belongs. */
export interface TeachingCandidate {
  readonly id: string;
  readonly question: string;
  /** The engine's score, when it gave one. */
  readonly score: number | null;
  /** How the engine got to it: the answer itself, a runner-up, or a suggestion. */
  readonly via: 'answer' | 'runner-up' | 'suggestion';
}

/** The Q&A entries the engine put forward for a question, best first, each once. */
export function teachingCandidates(kb: KnowledgeBase, answer: Answer): TeachingCandidate[] {
  const out: TeachingCandidate[] = [];
  const add = (id: string | null, score: number | null, via: TeachingCandidate['via']): void => {
    const entry = id === null ? undefined : kb.entryById.get(id);
    if (!entry || out.some((c) => c.id === entry.id)) return;
    out.push({ id: entry.id, question: entry.question, score, via });
  };
  if (answer.kind === 'qa') for (const id of answer.ids) add(id, answer.confidence, 'answer');
  for (const r of answer.runnersUp) add(r.id, r.score, 'runner-up');
  for (const s of answer.suggestions) add(s.id, null, 'suggestion');
  return out;
}
