/**
 * Downloading a moderator's upload (/reload file:). Only Discord's attachment hosts are fetched,
 * and the host of DISCORD_API_URL (a proxy, or the fake Discord in tests), over https unless that
 * host is this machine; redirects are followed only to those hosts. The size is checked before
 * the download (the Content-Length) and while it streams (the bytes counted), so a file that
 * claims to be small but is not is cut off at the limit.
 */
import { fileTooLarge, MAX_DATA_FILE_BYTES } from '../core/limits.ts';
import { DataError } from '../core/problems.ts';

/** Where Discord serves attachments. */
export const DISCORD_ATTACHMENT_HOSTS: readonly string[] = ['cdn.discordapp.com', 'media.discordapp.net'];
const MAX_REDIRECTS = 3;
const DOWNLOAD_TIMEOUT_MS = 30_000;

export interface DownloadOptions {
  /** The file's name, for messages. */
  readonly name: string;
  /** MAX_UPLOAD_KB in bytes; never more than a data file may be. */
  readonly maxBytes: number;
  /** DISCORD_API_URL: its host may serve attachments too. */
  readonly apiUrl: string;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Why this URL is not fetched, or null if it may be. */
export function attachmentUrlProblem(raw: string, apiUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'its address is not a URL';
  }
  const refused = `was not downloaded: attachments are fetched only from Discord (${DISCORD_ATTACHMENT_HOSTS.join(', ')}), not from ${url.protocol === 'http:' || url.protocol === 'https:' ? url.host : `${url.protocol} URLs`}`;
  if (url.username !== '' || url.password !== '') return refused;
  const api = new URL(apiUrl);
  if (url.protocol === 'https:' && (DISCORD_ATTACHMENT_HOSTS.includes(url.host) || url.host === api.host))
    return null;
  // The API on this machine (a local proxy, the tests' fake Discord) may speak plain http.
  if (url.protocol === 'http:' && url.host === api.host && isLoopback(api.hostname)) return null;
  return refused;
}

/** Fetches an attachment as UTF-8 text; throws DataError naming the file when it may not or cannot be. */
export async function downloadAttachment(address: string, options: DownloadOptions): Promise<string> {
  const limit = Math.min(options.maxBytes, MAX_DATA_FILE_BYTES);
  const problem = (message: string): DataError => new DataError([{ file: options.name, message }]);
  const tooLarge = (bytes: number | null): DataError =>
    limit < MAX_DATA_FILE_BYTES
      ? problem(
          `${bytes === null ? 'is larger than' : `is ${bytes.toLocaleString('en')} bytes, over`} the upload limit of ${limit.toLocaleString('en')} bytes (MAX_UPLOAD_KB)`,
        )
      : new DataError([fileTooLarge(options.name, bytes)]);

  const signal = AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS);
  let url = address;
  let response: Response | undefined;
  for (let hop = 0; ; hop++) {
    const refused = attachmentUrlProblem(url, options.apiUrl);
    if (refused) throw problem(refused);
    try {
      response = await fetch(url, { redirect: 'manual', signal });
    } catch (error) {
      throw problem(`could not be downloaded: ${(error as Error).message}; try the upload again`);
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || location === null) break;
    await response.body?.cancel();
    if (hop === MAX_REDIRECTS) throw problem('could not be downloaded: too many redirects');
    url = new URL(location, url).href;
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw problem(`could not be downloaded: HTTP ${response.status}; try the upload again`);
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    throw tooLarge(declared);
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw problem(`could not be downloaded: ${(error as Error).message}; try the upload again`);
      }
      if (chunk.done) break;
      received += chunk.value.byteLength;
      if (received > limit) {
        await reader.cancel();
        throw tooLarge(null);
      }
      chunks.push(chunk.value);
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}
