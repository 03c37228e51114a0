/**
 * Response compression: brotli or gzip by the client's Accept-Encoding (negotiator parses the
 * header, q-values included). Bodies that are stored (static files, shared pages) are compressed
 * once, strongly, off the event loop (zlib's async functions run in libuv's thread pool);
 * streamed private responses use a fast setting, so compression never costs more than it saves.
 */
import Negotiator from "negotiator";
import { promisify } from "node:util";
import zlib, { type BrotliOptions, type ZlibOptions } from "node:zlib";
import type { IncomingMessage } from "node:http";
import type { Transform } from "node:stream";

export type Encoding = "br" | "gzip";

const offered = ["br", "gzip", "identity"];

/** The encoding to answer with, or null for none (identity). */
export function negotiateEncoding(req: IncomingMessage): Encoding | null {
  const header = req.headers["accept-encoding"];
  if (!header) return null;
  // Where the client likes both equally ("gzip, deflate, br"), brotli: smaller for text.
  // (negotiator 1.0 takes the option; @types/negotiator still describes 0.6.)
  const negotiator = new Negotiator({ headers: { "accept-encoding": header } }) as unknown as { encoding(available: string[], options: { preferred: string[] }): string | undefined };
  const best = negotiator.encoding(offered, { preferred: ["br", "gzip"] });
  return best === "br" || best === "gzip" ? best : null;
}

const compressibleType = /^(text\/|application\/(json|javascript|xml|atom\+xml|manifest\+json)|image\/svg\+xml)/;

/** Text-like types compress well; images, archives and PDFs do not. */
export function isCompressible(contentType: string | undefined | null): boolean {
  return !!contentType && compressibleType.test(contentType);
}

/** Below this size compression saves less than its headers and time cost. */
export const MIN_COMPRESS_BYTES = 1024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** One-off compression of a body kept in memory (served many times): strong settings. */
export function compressStored(body: Buffer, encoding: Encoding): Promise<Buffer> {
  if (encoding === "br") {
    const options: BrotliOptions = {
      params: {
        // Quality 9 is within a few percent of 11 at a fraction of its time on megabyte pages.
        [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    };
    return brotli(body, options);
  }
  const options: ZlibOptions = { level: 9 };
  return gzip(body, options);
}

/** A streaming compressor for a response rendered for one reader: fast settings. */
export function compressStream(encoding: Encoding): Transform {
  if (encoding === "br") return zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } });
  return zlib.createGzip({ level: 5 });
}
