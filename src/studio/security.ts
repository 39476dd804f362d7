/**
 * What keeps the studio safe by default: the access token (required off loopback, compared in
 * constant time), the Host check against DNS rebinding, same-origin checks and per-page CSRF
 * tokens for every write.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isLoopbackHost } from '../config.ts';

export const TOKEN_COOKIE = 'studio_token';
/** A page's CSRF token stays valid this long (a curator may keep a page open over lunch). */
const CSRF_TTL_MS = 4 * 60 * 60 * 1000;
/** Tokens kept at most; the oldest go first. */
const CSRF_MAX = 2000;

/** Constant-time comparison of two secrets of any length (both are hashed to 32 bytes first). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The access token a request carries: `Authorization: Bearer …` or the studio's cookie. */
export function tokenOf(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return cookiesOf(request).get(TOKEN_COOKIE) ?? null;
}

export function cookiesOf(request: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // A malformed cookie is no cookie.
    }
  }
  return cookies;
}

/**
 * Host names the studio answers to. On loopback: 127.0.0.1, localhost and [::1] with its port,
 * so a web page elsewhere cannot reach it by pointing its own name at 127.0.0.1 (DNS rebinding).
 * Elsewhere the token guards it, and any Host is accepted.
 */
export function hostAllowed(request: IncomingMessage, bindHost: string, port: number): boolean {
  if (!isLoopbackHost(bindHost)) return true;
  const host = (request.headers.host ?? '').toLowerCase();
  return [
    `127.0.0.1:${port}`,
    `localhost:${port}`,
    `[::1]:${port}`,
    `${bindHost.toLowerCase()}:${port}`,
  ].includes(host);
}

/**
 * A write must come from the studio's own pages: the browser's Origin (or, without one,
 * Sec-Fetch-Site) must say same-origin. Scripts without a browser send neither and are judged
 * by their CSRF token and access token alone.
 */
export function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const host = request.headers.host;
    return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
  }
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** Per-page CSRF tokens: each page rendered gets a fresh one, accepted until it expires. */
export class CsrfTokens {
  private readonly issued = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(): string {
    const token = randomBytes(24).toString('base64url');
    this.issued.set(token, this.now() + CSRF_TTL_MS);
    while (this.issued.size > CSRF_MAX) {
      const oldest = this.issued.keys().next().value;
      if (oldest === undefined) break;
      this.issued.delete(oldest);
    }
    return token;
  }

  valid(token: string | null | undefined): boolean {
    if (!token) return false;
    const expires = this.issued.get(token);
    if (expires === undefined) return false;
    if (expires < this.now()) {
      this.issued.delete(token);
      return false;
    }
    return true;
  }
}
