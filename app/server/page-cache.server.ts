/**
 * The shared cache of anonymous renders (ADR 0060): one entry per URL (the language is in the
 * path), holding the exact response bytes, their brotli/gzip copies once asked for, a strong
 * ETag, and the change counters the page was rendered from. An entry is served while every one
 * of its counters is unchanged and its time has not run out; a new comment moves only its
 * consultation's counter, so only that consultation's pages render again. Bounded by bytes,
 * least recently used first out.
 */
import { createHash } from "node:crypto";
import type { ChangeSnapshot, ChangeWatcher } from "~/modules/changes/changes.server";
import { compressStored, isCompressible, MIN_COMPRESS_BYTES, type Encoding } from "./compression.server";

export interface CachedPage {
  status: number;
  /** Response headers to replay (content type and the like; never Set-Cookie). */
  headers: Record<string, string>;
  body: Buffer;
  etag: string;
  /** The Content-Security-Policy of this body: its inline scripts by hash (no per-response nonce). */
  csp: string | undefined;
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
  deps: ChangeSnapshot;
  expiresAt: number;
  storedAt: number;
  bytes: number;
}

export interface PageCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  stores: number;
  evictions: number;
}

/**
 * A strong ETag: the language and a hash of the bytes. Not the change counter: a counter also
 * moves for writes a page does not show (a report build, a similarity pass), and the same bytes
 * must keep one validator, so a reader's If-None-Match still gets its 304 after a re-render.
 */
export function pageEtag(lang: string, body: Buffer): string {
  const digest = createHash("sha1").update(body).digest("base64url").slice(0, 16);
  return `"${lang}-${digest}"`;
}

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  /** Entries currently counted in `bytes` (a compression finishing late must not count a removed one). */
  private readonly live = new WeakSet<CachedPage>();
  private bytes = 0;
  private readonly counts = { hits: 0, misses: 0, stores: 0, evictions: 0 };

  constructor(
    private readonly maxBytes: number,
    private readonly watcher: ChangeWatcher,
  ) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  /** The entry for a key if it is still current; a stale one is dropped. */
  get(key: string, now = Date.now()): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.counts.misses++;
      return undefined;
    }
    if (now >= entry.expiresAt || this.watcher.stale || !this.watcher.isCurrent(entry.deps)) {
      this.remove(key, entry);
      this.counts.misses++;
      return undefined;
    }
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.counts.hits++;
    return entry;
  }

  /** Stores a render; returns false when it does not fit (more than an eighth of the cache). */
  set(key: string, entry: CachedPage): boolean {
    if (!this.enabled || entry.bytes > this.maxBytes / 8) return false;
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.entries.set(key, entry);
    this.live.add(entry);
    this.bytes += entry.bytes;
    this.counts.stores++;
    this.evict();
    return true;
  }

  /** The body in the asked encoding, compressed once and kept with the entry. */
  async encoded(entry: CachedPage, encoding: Encoding | null): Promise<{ body: Buffer; encoding: Encoding | null }> {
    if (!encoding || entry.body.length < MIN_COMPRESS_BYTES || !isCompressible(entry.headers["content-type"])) return { body: entry.body, encoding: null };
    let pending = entry.encoded[encoding];
    if (!pending) {
      pending = compressStored(entry.body, encoding);
      entry.encoded[encoding] = pending;
      void pending.then(
        (compressed) => {
          if (this.live.has(entry)) {
            entry.bytes += compressed.length;
            this.bytes += compressed.length;
            this.evict();
          }
        },
        () => delete entry.encoded[encoding],
      );
    }
    return { body: await pending, encoding };
  }

  stats(): PageCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, ...this.counts };
  }

  private remove(key: string, entry: CachedPage): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.live.delete(entry);
    this.bytes -= entry.bytes;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) return;
      this.remove(key, entry);
      this.counts.evictions++;
    }
  }
}
