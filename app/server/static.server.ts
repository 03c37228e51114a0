/**
 * Static files served from memory: everything under public/ is read once at start (a few
 * hundred kilobytes), with its ETag; brotli and gzip copies are made on first demand and kept.
 * Only paths found at start are served, so no request path ever reaches the file system (no
 * traversal to guard against). Hashed build assets (/build/…) are immutable for a year, other
 * files are cached for an hour and revalidated with their ETag.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import mime from "mime-types";
import { compressStored, isCompressible, MIN_COMPRESS_BYTES, negotiateEncoding, type Encoding } from "./compression.server";
import { etagMatches } from "./http.server";

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
}

/** Larger files are left to a CDN or the reverse proxy; Kenes ships none. */
const MAX_FILE_BYTES = 8 * 2 ** 20;

export class StaticFiles {
  private assets = new Map<string, Asset>();

  /** Reads every file under `dir` (a public/ folder) into memory. */
  static fromDirectory(dir: string): StaticFiles {
    const files = new StaticFiles();
    const walk = (folder: string) => {
      for (const name of readdirSync(folder)) {
        if (name.startsWith(".")) continue;
        const full = path.join(folder, name);
        const stat = statSync(full);
        if (stat.isDirectory()) walk(full);
        else if (stat.size <= MAX_FILE_BYTES) {
          const urlPath = "/" + path.relative(dir, full).split(path.sep).join("/");
          const immutable = urlPath.startsWith("/build/");
          files.add(urlPath, readFileSync(full), mime.contentType(path.extname(name)) || "application/octet-stream", immutable);
        }
      }
    };
    walk(dir);
    return files;
  }

  add(urlPath: string, body: Buffer, type: string, immutable: boolean): void {
    const etag = `"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
    const cacheControl = immutable ? "public, max-age=31536000, immutable" : "public, max-age=3600";
    this.assets.set(urlPath, { body, type, etag, cacheControl, encoded: {} });
  }

  has(urlPath: string): boolean {
    return this.assets.has(urlPath);
  }

  get size(): number {
    return this.assets.size;
  }

  /** Answers a GET or HEAD for a known path; returns false when the path is not a static file. */
  async serve(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<boolean> {
    const asset = this.assets.get(urlPath);
    if (!asset) return false;
    const compressible = isCompressible(asset.type) && asset.body.length >= MIN_COMPRESS_BYTES;
    const encoding = compressible ? negotiateEncoding(req) : null;
    const etag = encoding ? asset.etag.replace(/"$/, `-${encoding}"`) : asset.etag;
    res.setHeader("Cache-Control", asset.cacheControl);
    res.setHeader("ETag", etag);
    if (compressible) res.setHeader("Vary", "Accept-Encoding");
    if (etagMatches(req.headers["if-none-match"], etag)) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    let body = asset.body;
    if (encoding) {
      asset.encoded[encoding] ??= compressStored(asset.body, encoding);
      body = await asset.encoded[encoding]!;
      res.setHeader("Content-Encoding", encoding);
    }
    res.statusCode = 200;
    res.setHeader("Content-Type", asset.type);
    res.setHeader("Content-Length", body.length);
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  }
}
