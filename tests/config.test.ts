import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.ts';
import { MAX_DATA_FILE_BYTES } from '../src/core/limits.ts';
import { ROOT } from './support/data.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('has working defaults with nothing set: terminal mode, data/, prefix !', () => {
    const config = parseConfig({});
    expect(config.discord.token).toBeUndefined();
    expect(config.discord.apiUrl).toBe('https://discord.com/api');
    expect(config.dataDir).toBe('data');
    expect(config.commandPrefix).toBe('!');
    expect(config.discord.messageContentIntent).toBe(true);
    expect(config.moderators).toEqual({ roleIds: [], userIds: [] });
  });

  it('is frozen all the way down', () => {
    const config = parseConfig({ MOD_ROLE_IDS: '123456789012345678' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.moderators.roleIds)).toBe(true);
  });

  it('parses lists, flags and numbers', () => {
    const config = parseConfig({
      MOD_ROLE_IDS: ' 123456789012345678, 234567890123456789 ',
      MESSAGE_CONTENT_INTENT: 'false',
      COOLDOWN_SECONDS: '10',
      DISCORD_API_URL: 'http://127.0.0.1:1234/api/',
      SHARD_COUNT: 'auto',
    });
    expect(config.moderators.roleIds).toEqual(['123456789012345678', '234567890123456789']);
    expect(config.discord.messageContentIntent).toBe(false);
    expect(config.cooldownSeconds).toBe(10);
    expect(config.discord.apiUrl).toBe('http://127.0.0.1:1234/api');
    expect(config.discord.shardCount).toBe('auto');
  });

  it('reports every problem at once, one line each, naming the variable and the fix', () => {
    const problems = problemsOf({
      DISCORD_TOKEN: 'Bot abc.def',
      DISCORD_CLIENT_ID: 'abc',
      MOD_ROLE_IDS: '123, 456789012345678901',
      COOLDOWN_SECONDS: '-1',
      LOG_LEVEL: 'loud',
      MESSAGE_CONTENT_INTENT: 'maybe',
    });
    expect(problems).toHaveLength(6);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^DISCORD_TOKEN: .*Developer Portal/),
        expect.stringMatching(/^DISCORD_CLIENT_ID: .*application id/),
        expect.stringMatching(/^MOD_ROLE_IDS: "123" is not a Discord id/),
        expect.stringMatching(/^COOLDOWN_SECONDS: "-1" is not a whole number/),
        expect.stringMatching(/^LOG_LEVEL: must be one of/),
        expect.stringMatching(/^MESSAGE_CONTENT_INTENT: "maybe" is not a yes\/no value/),
      ]),
    );
    for (const line of problems) expect(line).not.toContain('\n');
  });

  it('treats an empty or blank DISCORD_TOKEN as a mistake, and an unset one as the terminal', () => {
    for (const token of ['', '   '])
      expect(problemsOf({ DISCORD_TOKEN: token })).toEqual([
        expect.stringMatching(/^DISCORD_TOKEN: is set but empty/),
      ]);
    expect(parseConfig({ DISCORD_TOKEN: ' abc.def ' }).discord.token).toBe('abc.def');
  });

  it('starts in the terminal with a .env copied from .env.example', () => {
    const config = parseConfig(parse(readFileSync(join(ROOT, '.env.example'))));
    expect(config.discord.token).toBeUndefined();
    expect(config.maxUploadBytes).toBe(MAX_DATA_FILE_BYTES);
    expect(config.questionLogRetentionDays).toBe(90);
  });

  it('keeps 5 turns of context for 10 minutes by default; CONTEXT_TURNS and CONTEXT_MINUTES change it', () => {
    expect(parseConfig({}).conversation).toEqual({ turns: 5, minutes: 10 });
    expect(parseConfig(parse(readFileSync(join(ROOT, '.env.example')))).conversation).toEqual({
      turns: 5,
      minutes: 10,
    });
    expect(parseConfig({ CONTEXT_TURNS: '0', CONTEXT_MINUTES: '30' }).conversation).toEqual({
      turns: 0,
      minutes: 30,
    });
    expect(problemsOf({ CONTEXT_TURNS: 'lots', CONTEXT_MINUTES: '-5' })).toEqual([
      expect.stringMatching(/^CONTEXT_MINUTES: "-5" is not a whole number of minutes/),
      expect.stringMatching(/^CONTEXT_TURNS: "lots" is not a whole number of turns/),
    ]);
  });

  it('never lets uploads exceed what the loader accepts', () => {
    expect(parseConfig({}).maxUploadBytes).toBe(MAX_DATA_FILE_BYTES);
    expect(parseConfig({ MAX_UPLOAD_KB: '512' }).maxUploadBytes).toBe(512 * 1024);
    expect(problemsOf({ MAX_UPLOAD_KB: String(MAX_DATA_FILE_BYTES / 1024 + 1) })).toEqual([
      expect.stringMatching(/^MAX_UPLOAD_KB: .* from 1 to 16384/),
    ]);
  });
});
