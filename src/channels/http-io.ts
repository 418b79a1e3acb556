/**
 * Reading requests and writing JSON answers in the adapters' HTTP handlers (webhooks, the web
 * chat's API), on plain node:http.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Writes `body` as a JSON answer with `status`, its length set. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(data),
  });
  res.end(data);
}

/** Reads a request body up to `limit` bytes; rejects with status 413 beyond it. */
export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw Object.assign(new Error('payload too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
