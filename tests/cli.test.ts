import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ALIAS_BOMB, copyOfData, MINI_STORY_DIR } from './support/data.ts';
import { runScript } from './support/run.ts';

/** A port something else already listens on. */
async function busyPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, server };
}

describe('npm start without a token: the bot in the terminal', () => {
  it('answers piped questions with citations and exits 0 at end of input', async () => {
    const result = await runScript('src/main.ts', [], {
      stdin: 'who did trump call a dictator?\n!quote lavrov\n',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Zelensky');
    expect(result.stdout).toMatch(/Source:\n> .*dictator/);
    expect(result.stdout).toContain('reported speech');
    expect(result.stderr).toContain('DISCORD_TOKEN');
  });

  it('serves another story with --data', async () => {
    const result = await runScript('src/main.ts', ['--data', MINI_STORY_DIR], {
      stdin: '!story\nwho voted against?\n',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Riverton approves Alder River footbridge');
    expect(result.stdout).toContain('Tom Hale');
  });

  it('exits non-zero with one line per configuration problem', async () => {
    const result = await runScript('src/main.ts', [], {
      env: { DISCORD_TOKEN: 'Bot "pasted with quotes"', COOLDOWN_SECONDS: 'soon' },
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^DISCORD_TOKEN: /),
      expect.stringMatching(/^COOLDOWN_SECONDS: /),
    ]);
  });
});

describe('npm start: start-up failures in one clear line', () => {
  it('a busy HEALTH_PORT is named with the cause in one line; exit 1', async () => {
    const { port, server } = await busyPort();
    try {
      // Discord is never contacted: /healthz is set up before logging in.
      const busy = await runScript('src/main.ts', ['--data', MINI_STORY_DIR], {
        env: {
          DISCORD_TOKEN: 'test-token.not-a-real-one',
          DISCORD_API_URL: 'http://127.0.0.1:9/api',
          HEALTH_PORT: String(port),
        },
      });
      expect(busy.code).toBe(1);
      expect(busy.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(`^HEALTH_PORT: port ${port} on 127\\.0\\.0\\.1 is already in use \\(EADDRINUSE`),
        ),
      ]);
    } finally {
      server.close();
    }
  });

  it('a YAML alias bomb is refused, naming the file, without a stack trace (npm start and validate)', async () => {
    const data = await copyOfData();
    try {
      await data.edit('qa.yaml', (t) => `${t}\n${ALIAS_BOMB}`);
      const start = await runScript('src/main.ts', ['--data', data.dir], { stdin: 'hello\n' });
      expect(start.code).toBe(1);
      expect(start.stderr).toMatch(/^qa\.yaml: its YAML aliases \(\*name\) expand too far .*maxAliasCount/m);
      const validate = await runScript('src/cli/validate.ts', ['--data', data.dir]);
      expect(validate.code).toBe(1);
      expect(validate.stdout).toMatch(/^qa\.yaml: its YAML aliases/m);
      for (const output of [start.stderr, validate.stdout, validate.stderr])
        expect(output).not.toMatch(/\n\s+at /);
    } finally {
      await data.remove();
    }
  });
});

describe('npm run ask', () => {
  it('answers piped lines readably without --json', async () => {
    const result = await runScript('src/cli/ask.ts', [], { stdin: 'who did trump call a dictator?\n' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('dictator');
    expect(result.stdout).not.toContain('Usage');
  });

  it('--explain with no question traces each piped line, a follow-up line after its context', async () => {
    const result = await runScript('src/cli/ask.ts', ['--explain'], {
      stdin: 'who is lavrov\n{"question":"how old is he?","context":["who is lavrov"]}\n',
    });
    expect(result.code).toBe(0);
    expect(result.stdout.match(/^decided by: /gm)).toHaveLength(2);
    expect(result.stdout).toContain('he = #lavrov');
    expect(result.stdout).not.toContain('Usage');
  });

  it('--json answers one question per line with the documented fields', async () => {
    const result = await runScript('src/cli/ask.ts', ['--json'], {
      stdin: 'who did trump call a dictator?\n\nwhat did scholz say?\n',
    });
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      question: 'who did trump call a dictator?',
      answered: true,
      kind: 'qa',
      id: 'trump-dictator',
      citation: { paragraph: 'p7', excerpt: expect.stringContaining('dictator') },
    });
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(
        expect.arrayContaining([
          'question',
          'answered',
          'kind',
          'text',
          'citation',
          'score',
          'id',
          'suggestions',
          'took_us',
        ]),
      );
      expect(line.took_us).toEqual(expect.any(Number));
    }
    expect(lines[1]).toMatchObject({ answered: false, kind: 'none', citation: null });
  });

  it('answers each plain line on its own, and a {"question", "context"} line after its context', async () => {
    const result = await runScript('src/cli/ask.ts', [], {
      stdin:
        'who is lavrov?\nhow old is he?\n{"question": "how old is he?", "context": ["who is lavrov?"]}\n',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Who do you mean by “he”?');
    expect(result.stdout).toContain("The article doesn't give Sergei Lavrov's age.");
  });

  it('shows an excerpt under the number of the paragraph that holds it', async () => {
    const result = await runScript('src/cli/ask.ts', ['Is Starmer meeting Trump?']);
    expect(result.code).toBe(0);
    // The entry cites p6, p9 and p1; its excerpt is p9's words.
    expect(result.stdout).toContain(
      'Source (paragraph 9): “His visit to Washington comes at a critical moment for transatlantic relations”',
    );
    expect(result.stdout).not.toMatch(/paragraph 6\): “His visit/);
  });

  it('prints one readable answer for a question given as arguments', async () => {
    const result = await runScript('src/cli/ask.ts', [
      'how',
      'much',
      'is',
      'the',
      'UK',
      'spending',
      'on',
      'defence?',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2.5%');
    expect(result.stdout).toContain('Source (paragraph 6)');
  });
});

describe('npm run validate', () => {
  it('exits 0 and summarises a good folder', async () => {
    const result = await runScript('src/cli/validate.ts', ['--data', MINI_STORY_DIR]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('OK. 5 Q&A entries, 2 quotes');
  });

  it('lists every problem with file and entry, and exits 1', async () => {
    const data = await copyOfData();
    try {
      await data.edit('qa.yaml', (t) => t.replace('cites: [p3.s1]', 'cites: [p8]'));
      await data.edit('quotes.yaml', (t) => t.replace('This bridge connects', 'This bridge joins'));
      const result = await runScript('src/cli/validate.ts', ['--data', data.dir]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('qa.yaml, entry "hale-vote", field cites[0]: p8 is not in the article');
      expect(result.stdout).toContain('quotes.yaml, entry "lopez-connects", field text: not verbatim');
    } finally {
      await data.remove();
    }
  });
});
