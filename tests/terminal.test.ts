/**
 * The terminal as a user runs it (a spawned process, questions piped in), and another story's
 * bot: its terminal help and its slash-command definitions talk about that story only.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../src/commands/registry.ts';
import { DATA_DIR, knowledgeOf, ROOT } from './support/data.ts';
import { runScript } from './support/run.ts';

const SECOND_STORY = join(ROOT, 'tests/fixtures/second-story/data');
/** The seed story's people and places, none of which the second story mentions. */
const SEED_NAMES = /trump|starmer|zelensk|lavrov|theresa|kyiv|putin|ukrain|lympne/i;

describe('the terminal session', () => {
  it('is one conversation, piped lines too; help names its commands; !quit ends it', async () => {
    const result = await runScript('src/main.ts', [], {
      stdin: 'who is lavrov\nhow old is he\n!help\n!story\n!quit\nwho is putin\n',
    });
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/The article doesn't give (Sergei )?Lavrov's age/);
    // Help: the terminal's own commands, and how to leave; no slash command, no "use /story".
    expect(out).toContain('!ask <question>');
    expect(out).toMatch(/!quit \(or Ctrl-D\)/);
    expect(out).not.toMatch(/(^|[\s`(])\/(ask|quote|topics|story|help|reload|unanswered)\b/m);
    // !story: the story, with no file or folder of the machine it runs on.
    expect(out).toContain('Read any paragraph with !story <n>.');
    expect(out).not.toContain(DATA_DIR);
    expect(out).not.toMatch(/article\.txt|story\.yaml|data\//);
    // Nothing after !quit is answered.
    expect(out).not.toContain('“who is putin”');
    expect(result.stderr).toMatch(/!quit or Ctrl-D/);
  });
});

describe('another story’s bot talks about that story', () => {
  it('terminal help gives that story’s examples and none of the seed story’s names', async () => {
    const result = await runScript('src/main.ts', [], { stdin: '!help\n', env: { DATA_DIR: SECOND_STORY } });
    expect(result.code).toBe(0);
    const kb = await knowledgeOf(SECOND_STORY);
    expect(kb.story.examples).toBeUndefined();
    expect(result.stdout).toContain(kb.story.title);
    // No `examples` in its story.yaml: the questions of its first entries, and a speaker it quotes.
    expect(result.stdout).toContain(`Try: “${kb.entries[0]?.question}”`);
    const quoted = kb.people.filter((p) => kb.quotes.some((q) => q.speaker === p.id)).map((p) => p.name);
    expect(quoted.some((name) => result.stdout.includes(`“quote ${name}”`))).toBe(true);
    expect(result.stdout).not.toMatch(SEED_NAMES);
  });

  it('deploy-commands --dry-run describes that story’s speakers and subjects; the seed story’s its own', async () => {
    const second = await runScript('src/cli/deploy-commands.ts', ['--dry-run'], {
      env: { DATA_DIR: SECOND_STORY },
    });
    expect(second.code).toBe(0);
    const optionsOf = (json: string, command: string) =>
      (JSON.parse(json) as { name: string; options?: { name: string; description: string }[] }[]).find(
        (c) => c.name === command,
      )?.options ?? [];
    const kb = await knowledgeOf(SECOND_STORY);
    const speaker = optionsOf(second.stdout, 'quote').find((o) => o.name === 'speaker')?.description ?? '';
    const named = kb.people.filter((p) => speaker.includes(p.name));
    expect(speaker).toMatch(/^Whose words \(e\.g\. .+\)$/);
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((p) => kb.quotes.some((q) => q.speaker === p.id))).toBe(true);
    expect(second.stdout).not.toMatch(SEED_NAMES);
    // The seed story's own, from the same definitions deploy-commands prints.
    const seed = JSON.stringify(commandDefinitions(await knowledgeOf(DATA_DIR)));
    expect(optionsOf(seed, 'quote').find((o) => o.name === 'speaker')?.description).toMatch(
      /^Whose words \(e\.g\. .*Trump/,
    );
    expect(optionsOf(seed, 'ask').find((o) => o.name === 'question')?.description).toBe(
      'Your question, in your own words (e.g. who did Trump call a dictator?)',
    );
  });
});
