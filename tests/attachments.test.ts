/**
 * Downloading uploads: only from Discord's hosts (or DISCORD_API_URL's), no redirects elsewhere,
 * and never beyond the size limit, whatever the server declares. Servers on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_DATA_FILE_BYTES } from '../src/core/limits.ts';
import { DataError } from '../src/core/problems.ts';
import { attachmentUrlProblem, downloadAttachment } from '../src/discord/attachments.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function problemOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DataError) return error.problems.map((p) => `${p.file}: ${p.message}`).join('\n');
    throw error;
  }
  throw new Error('the download was expected to be refused');
}

describe('attachment URLs', () => {
  const api = 'https://discord.com/api';
  it.each([
    ['https://cdn.discordapp.com/attachments/1/2/qa.yaml?ex=1', null],
    ['https://media.discordapp.net/attachments/1/2/qa.yaml', null],
    ['https://discord.com/attachments/qa.yaml', null],
    ['http://cdn.discordapp.com/attachments/1/2/qa.yaml', 'not from cdn.discordapp.com'],
    ['https://cdn.discordapp.com.evil.example/qa.yaml', 'not from cdn.discordapp.com.evil.example'],
    ['https://cdn.discordapp.com:8443/qa.yaml', 'not from cdn.discordapp.com:8443'],
    ['https://user:pw@cdn.discordapp.com/qa.yaml', 'fetched only from Discord'],
    ['http://127.0.0.1:8080/qa.yaml', 'not from 127.0.0.1:8080'],
    ['data:text/yaml,topics: []', 'not from data: URLs'],
    ['file:///etc/passwd', 'not from file: URLs'],
    ['not a url', 'is not a URL'],
  ])('%s', (url, problem) => {
    const found = attachmentUrlProblem(url, api);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });

  it('allow plain http only from a DISCORD_API_URL on this machine, and only its own port', () => {
    expect(
      attachmentUrlProblem('http://127.0.0.1:5000/attachments/1/qa.yaml', 'http://127.0.0.1:5000/api'),
    ).toBeNull();
    expect(attachmentUrlProblem('http://127.0.0.1:5001/qa.yaml', 'http://127.0.0.1:5000/api')).not.toBeNull();
    expect(attachmentUrlProblem('http://proxy.internal/qa.yaml', 'http://proxy.internal/api')).not.toBeNull();
    expect(attachmentUrlProblem('https://proxy.internal/qa.yaml', 'http://proxy.internal/api')).toBeNull();
  });
});

describe('downloading an upload', () => {
  it('follows no redirect to another host', async () => {
    const elsewhere = await serve((_req, res) => res.end('topics: []\n'));
    const api = await serve((_req, res) => res.writeHead(302, { location: `${elsewhere}/qa.yaml` }).end());
    const problem = await problemOf(
      downloadAttachment(`${api}/attachments/1/qa.yaml`, {
        name: 'qa.yaml',
        maxBytes: 1024,
        apiUrl: `${api}/api`,
      }),
    );
    expect(problem).toMatch(/^qa\.yaml: was not downloaded: .* not from 127\.0\.0\.1:\d+$/);
  });

  it('follows a redirect within the allowed host', async () => {
    const api = await serve((req, res) => {
      if (req.url === '/moved') res.writeHead(301, { location: '/attachments/1/qa.yaml' }).end();
      else res.end('topics: []\n');
    });
    expect(
      await downloadAttachment(`${api}/moved`, { name: 'qa.yaml', maxBytes: 1024, apiUrl: `${api}/api` }),
    ).toBe('topics: []\n');
  });

  it('refuses a declared Content-Length over the limit before reading the body', async () => {
    let written = 0;
    const api = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(64 * 1024 * 1024) });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (written < 64 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
      };
      res.on('drain', pump);
      pump();
    });
    const problem = await problemOf(
      downloadAttachment(`${api}/big`, {
        name: 'qa.yaml',
        maxBytes: MAX_DATA_FILE_BYTES,
        apiUrl: `${api}/api`,
      }),
    );
    expect(problem).toMatch(/^qa\.yaml: is 67,108,864 bytes, over the 16 MB limit for a data file/);
    expect(written).toBeLessThan(MAX_DATA_FILE_BYTES);
  });

  it('stops reading a body that turns out larger than the limit, whatever was declared', async () => {
    let written = 0;
    let closed = false;
    const api = await serve((_req, res) => {
      res.writeHead(200); // chunked: no length declared, and no end
      res.on('close', () => {
        closed = true;
      });
      const chunk = Buffer.alloc(256 * 1024, 'x');
      const pump = () => {
        while (!closed && written < 256 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
      };
      res.on('drain', pump);
      pump();
    });
    const problem = await problemOf(
      downloadAttachment(`${api}/endless`, { name: 'qa.yaml', maxBytes: 1024 * 1024, apiUrl: `${api}/api` }),
    );
    expect(problem).toMatch(
      /^qa\.yaml: is larger than the upload limit of 1,048,576 bytes \(MAX_UPLOAD_KB\)/,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(true);
    expect(written).toBeLessThan(32 * 1024 * 1024);
  });
});
