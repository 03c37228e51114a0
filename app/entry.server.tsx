import { Transform } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { isLang } from "./utils/i18n";
import { i18nFor } from "./utils/i18n.server";
import { NonceProvider } from "./utils/nonce";
import { IslandsContext } from "./components/ui/ServerHtml";

// Start-up lives in the server build so the server and every route share one database handle.
export { boot } from "./boot.server";
export { securityMiddleware } from "./modules/security/headers.server";
export { createFront } from "./server/front.server";
import kkSecurity from "../locales/kk/security.json";
import ruSecurity from "../locales/ru/security.json";
import enSecurity from "../locales/en/security.json";

/** Texts of the page server.js shows for a write from a foreign Origin. */
export const forgedRequestPages = Object.fromEntries(
  Object.entries({ kk: kkSecurity, ru: ruSecurity, en: enSecurity }).map(([lang, t]) => [lang, { title: t.forged_title, text: t.forged_text }]),
);

const ABORT_DELAY = 5_000;

/**
 * React 18's streaming renderer flushes its whole 2 KB buffer even when a multi-byte character
 * (Cyrillic, Kazakh letters) did not fit at its end, leaving NUL bytes in the HTML
 * (facebook/react#26228, fixed only in React 19). Each chunk React writes is one buffer, so
 * trimming NULs from chunk ends restores the exact output; text never contains NUL (PostgreSQL
 * cannot store it and forms strip it).
 */
function stripTrailingNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let end = chunk.length;
      while (end > 0 && chunk[end - 1] === 0) end--;
      callback(null, end === chunk.length ? chunk : chunk.subarray(0, end));
    },
  });
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  // Route `headers` exports are optional; an action's Retry-After (a 429) must reach the page's response anyway.
  for (const headers of Object.values(remixContext.staticHandlerContext.actionHeaders ?? {})) {
    const retryAfter = headers.get("Retry-After");
    if (retryAfter) responseHeaders.set("Retry-After", retryAfter);
  }
  // Bots and no-JS readers get the whole page at once; browsers get it streamed.
  // Shared renders are kept whole by the front anyway: no point streaming them in pieces.
  const waitForAll = !!loadContext.shared || isbot(request.headers.get("user-agent") ?? "");
  const rootLang = (remixContext.staticHandlerContext.loaderData?.root as { lang?: string } | undefined)?.lang;
  const i18n = i18nFor(isLang(rootLang) ? rootLang : "kk");
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // Stops a render still streaming after ABORT_DELAY. Cleared as soon as React has written the
    // whole page: left running, the timer held every finished render (its loader data and
    // islands: 5 MB for the full draft) for 5 s, and 20 fresh drafts a second filled the 640 MB
    // heap (a heap snapshot showed ~80 finished renders kept by these timers).
    let timer: NodeJS.Timeout | undefined;
    let over = false;
    const done = () => {
      over = true;
      clearTimeout(timer);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <IslandsContext.Provider value={loadContext.islands}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
          </IslandsContext.Provider>
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = stripTrailingNulBytes();
          body.once("finish", done).once("close", done);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          done();
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Log once the shell is out; before that the error reaches the error boundary.
          if (shellRendered) console.error(error);
        },
      },
    );
    if (!over) timer = setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error("[remix]", request.method, new URL(request.url).pathname, error);
}
