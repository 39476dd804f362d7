/**
 * A real browser for tests: Debian's chromium (/usr/bin/chromium) driven by playwright-core,
 * headless, with a fresh profile, nothing downloaded and nothing loaded from anywhere but the
 * page's own origin. One browser per test file; a page (or context) per test.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export interface TestBrowser {
  readonly context: BrowserContext;
  /** A new page whose requests are all checked, its script errors collected. */
  newPage(): Promise<WatchedPage>;
  close(): Promise<void>;
}

export interface WatchedPage {
  readonly page: Page;
  /** Requests to anywhere but the allowed origin (they were refused). */
  readonly outside: string[];
  /** Uncaught exceptions and console errors. */
  readonly errors: string[];
}

export async function launchBrowser(allowedOrigin: () => string): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Debian's chromium is missing at ${CHROMIUM}: apt-get update && apt-get install -y chromium (.ci/run does this)`,
    );
  }
  const profile = await mkdtemp(join(tmpdir(), 'story-bot-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    context,
    async newPage() {
      const page = await context.newPage();
      const outside: string[] = [];
      const errors: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(allowedOrigin())) return route.continue();
        outside.push(url);
        return route.abort('blockedbyclient');
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      return { page, outside, errors };
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
