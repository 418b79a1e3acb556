/**
 * Signed, short-lived links to files (`/files/<id>?exp=<unix s>&sig=<hex>`), for channels that
 * cannot carry a file. The signature is HMAC-SHA256 over `<id>.<exp>` with a key derived from
 * the service's link secret; it is checked in constant time. Bad or missing signature → 403,
 * expired (or the bytes gone) → 410. Nothing is listed: only a holder of the URL can fetch.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FileBlobStore, FileLinks } from '../ports/file-links.js';
import type { RouteRegistrar } from '../ports/http-routes.js';
import type { Logger } from '../ports/logger.js';

/** The path prefix file links are served under. */
export const FILES_PATH = '/files/';

/** How links are made: where the bytes go, the public origin, the secret and the lifetime. */
export interface SignedFileLinksOptions {
  store: FileBlobStore;
  /** Public origin of this service, e.g. `https://dondoc.example.vn` (no trailing slash needed). */
  baseUrl: string;
  /** Secret key material (at least 16 bytes); the signing key is derived from it. */
  secret: string | Uint8Array;
  /** How long a link works. Default 24 hours. */
  ttlSec?: number;
  /** For tests: milliseconds since the epoch. */
  now?: () => number;
  logger?: Logger;
}

/** The FileLinks port, plus the route that serves the links. */
export type SignedFileLinks = FileLinks & {
  /** Registers `GET /files/<id>` (and HEAD) on the service's routes. */
  register(routes: RouteRegistrar): void;
  /** The signature of `<id>.<exp>` (tests). */
  sign(id: string, exp: number): string;
};

/**
 * Creates the links. Throws when the secret is shorter than 16 bytes. `publish` stores the
 * bytes for the link's lifetime and returns `<baseUrl>/files/<id>/<name>?exp=…&sig=…`.
 */
export function createSignedFileLinks(options: SignedFileLinksOptions): SignedFileLinks {
  const base = options.baseUrl.replace(/\/+$/, '');
  const ttlSec = options.ttlSec ?? 86_400;
  const now = options.now ?? Date.now;
  if (
    Buffer.byteLength(typeof options.secret === 'string' ? Buffer.from(options.secret) : options.secret) < 16
  ) {
    throw new Error('file links: the secret must be at least 16 bytes');
  }
  // A key of its own for links, so the secret itself never signs anything visible.
  const key = createHmac('sha256', options.secret).update('dondoc file links v1').digest();
  const sign = (id: string, exp: number) => createHmac('sha256', key).update(`${id}.${exp}`).digest('hex');

  return {
    sign,
    async publish(file) {
      const id = randomBytes(16).toString('base64url');
      const exp = Math.floor(now() / 1000) + ttlSec;
      await options.store.put(id, file, ttlSec);
      const name = encodeURIComponent(file.name);
      return {
        url: `${base}${FILES_PATH}${id}/${name}?exp=${exp}&sig=${sign(id, exp)}`,
        expiresAt: new Date(exp * 1000),
      };
    },
    register(routes) {
      routes.prefix(FILES_PATH, async (req, res) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.writeHead(405, { allow: 'GET, HEAD' }).end();
          return;
        }
        const url = new URL(req.url ?? '/', 'http://localhost');
        const id = url.pathname.slice(FILES_PATH.length).split('/')[0] ?? '';
        const expText = url.searchParams.get('exp') ?? '';
        const sig = url.searchParams.get('sig') ?? '';
        const exp = /^\d{1,12}$/.test(expText) ? Number(expText) : Number.NaN;
        if (!/^[A-Za-z0-9_-]{10,64}$/.test(id) || !Number.isFinite(exp) || !signatureOk(sign(id, exp), sig)) {
          plain(res, 403, 'Forbidden');
          return;
        }
        if (Math.floor(now() / 1000) > exp) {
          plain(res, 410, 'Gone: this link has expired');
          return;
        }
        const file = await options.store.get(id);
        if (!file) {
          plain(res, 410, 'Gone: this link has expired');
          return;
        }
        const data = Buffer.from(file.data);
        res.writeHead(200, {
          'content-type': file.mime,
          'content-length': data.length,
          'content-disposition': `${file.mime.startsWith('image/') ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
          'cache-control': 'private, no-store',
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
        });
        res.end(req.method === 'HEAD' ? undefined : data);
        options.logger?.debug({ bytes: data.length }, 'file link served');
      });
    },
  };
}

function signatureOk(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
