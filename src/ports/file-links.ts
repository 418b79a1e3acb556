/**
 * Files offered as links: for channels that cannot carry a file (Zalo sends only text and
 * photos by URL), the service keeps the bytes for a short while and hands out a signed URL.
 * Implementations: src/http/signed-file-links.ts (FileLinks), src/redis/file-blob-store.ts
 * (FileBlobStore).
 */
import type { OutgoingFile } from './channel.js';

/** A published file: where to fetch it and until when. */
export interface FileLink {
  url: string;
  expiresAt: Date;
}

/**
 * Publishes a file and returns a short-lived signed URL served by this service (anyone holding
 * the URL may fetch the file until it expires, so it is sent only to the chat it belongs to).
 */
export interface FileLinks {
  publish(file: OutgoingFile): Promise<FileLink>;
}

/** Where published bytes are kept until they expire (shared by every instance of the service). */
export interface FileBlobStore {
  /** Stores the file under `id` for `ttlSec` seconds. */
  put(id: string, file: OutgoingFile, ttlSec: number): Promise<void>;
  /** The file, or null when it expired or never existed. */
  get(id: string): Promise<Omit<OutgoingFile, 'asPhoto'> | null>;
}
