/**
 * The HTTP front over real HTTP (ADR 0060): anonymous readers share one render (ETag, 304,
 * Cache-Control), a comment invalidates only its consultation, nothing of a signed-in user
 * leaks into what is shared, static files and translations come compressed from memory, and
 * an overloaded server answers 503 with Retry-After instead of making everyone wait.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "../support/http";
import { serverEngines, startServer, type RunningServer } from "../support/server";
import { DEMO_PASSWORD, demoEmails } from "../support/write-actions";

const OPEN = "grant-rules-2027";
const OTHER = "youth-lots-2027";

/** The signed-in user's name as the header shows it (the user menu), or null. */
const menuName = (html: string) => /class="user-menu__name"[^>]*>([^<]*)</.exec(html)?.[1] ?? null;
const csrfValues = (html: string) => [...html.matchAll(/name="csrf" value="([^"]*)"/g)].map((m) => m[1]);

describe.each(serverEngines)("the front on %s", (engine) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ engine });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("serves anonymous readers one shared render: strong ETag, 304, public Cache-Control, HEAD", async () => {
    const identity = { "Accept-Encoding": "identity" };
    const a = await fetch(new URL(`/en/consultations/${OPEN}`, server.url), { headers: identity });
    const bodyA = await a.text();
    const b = await fetch(new URL(`/en/consultations/${OPEN}`, server.url), { headers: identity });
    const bodyB = await b.text();
    expect(a.status).toBe(200);
    const etag = a.headers.get("ETag")!;
    expect(etag).toMatch(/^"en-[\w-]{16}"$/);
    expect(b.headers.get("ETag")).toBe(etag);
    expect(bodyB).toBe(bodyA);
    expect(a.headers.get("Cache-Control")).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    expect(a.headers.get("Vary")).toContain("Cookie");
    expect(a.headers.get("Set-Cookie")).toBeNull();
    const revalidated = await fetch(new URL(`/en/consultations/${OPEN}`, server.url), { headers: { ...identity, "If-None-Match": etag } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    // Another language is another representation.
    const kk = await fetch(new URL(`/kk/consultations/${OPEN}`, server.url), { headers: { ...identity, "If-None-Match": etag } });
    expect(kk.status).toBe(200);
    expect(kk.headers.get("ETag")).toMatch(/^"kk-/);
    expect(await kk.text()).toContain("ә");
    const head = await fetch(new URL(`/en/consultations/${OPEN}`, server.url), { method: "HEAD", headers: identity });
    expect(head.status).toBe(200);
    expect(head.headers.get("ETag")).toBe(etag);
    expect(await head.text()).toBe("");
    // Compressed copies carry their own validators.
    const br = await fetch(new URL(`/en/consultations/${OPEN}`, server.url), { headers: { "Accept-Encoding": "br" } });
    expect(br.headers.get("Content-Encoding")).toBe("br");
    expect(br.headers.get("ETag")).toBe(etag.replace(/"$/, '-br"'));
    expect(await br.text()).toBe(bodyA);
  });

  it("a new comment changes its consultation's pages only, at once", async () => {
    const etagOf = async (path: string) => {
      const r = await fetch(new URL(path, server.url));
      return { etag: r.headers.get("ETag"), text: await r.text() };
    };
    const before = await etagOf(`/ru/consultations/${OPEN}`);
    const other = await etagOf(`/ru/consultations/${OTHER}`);
    const author = new HttpClient(server.url);
    await author.signIn("ru", demoEmails.citizen, DEMO_PASSWORD);
    const page = await author.get(`/ru/consultations/${OPEN}`);
    const body = `Новый комментарий виден сразу: қазақша әріптер ${Date.now()}`;
    const posted = await author.postForm(`/ru/consultations/${OPEN}`, { csrf: HttpClient.csrfFrom(page.text), intent: "comment", blockId: "", idempotencyKey: HttpClient.idempotencyKeyFrom(page.text), body });
    expect(posted.status).toBe(303);
    const after = await etagOf(`/ru/consultations/${OPEN}`);
    expect(after.etag).not.toBe(before.etag);
    expect(after.text).toContain(body.slice(0, 40));
    expect((await etagOf(`/ru/consultations/${OTHER}`)).etag).toBe(other.etag);
    // The list shows the comment count: it moved too.
    const list1 = await etagOf("/ru/consultations");
    const posted2 = await author.postForm(`/ru/consultations/${OPEN}`, { csrf: HttpClient.csrfFrom(page.text), intent: "comment", blockId: "", idempotencyKey: `${Date.now()}-second`, body: `${body} (2)` });
    expect(posted2.status).toBe(303);
    expect((await etagOf("/ru/consultations")).etag).not.toBe(list1.etag);
  });

  it("two users and an anonymous reader each see only what is theirs", async () => {
    const citizen = new HttpClient(server.url);
    await citizen.signIn("en", demoEmails.citizen, DEMO_PASSWORD);
    const ngo = new HttpClient(server.url);
    await ngo.signIn("en", demoEmails.ngo, DEMO_PASSWORD);
    const path = `/en/consultations/${OPEN}`;
    // The citizen supports a comment: their page shows the button pressed, nobody else's does.
    const first = await citizen.get(path);
    const ngoFirst = await ngo.get(path);
    const pressed = (html: string, id: string) => new RegExp(`name="commentId" value="${id}"[\\s\\S]{0,400}?aria-pressed="true"`).test(html);
    // A comment neither of them supports yet.
    const commentId = [...first.text.matchAll(/class="support-form"[\s\S]*?name="commentId" value="([^"]+)"/g)].map((m) => m[1]).find((id) => !pressed(first.text, id) && !pressed(ngoFirst.text, id));
    expect(commentId).toBeTruthy();
    const supported = await citizen.postForm(path + "?index", { csrf: HttpClient.csrfFrom(first.text), intent: "support", commentId: commentId!, support: "1" });
    expect(supported.status).toBe(303);

    const anonymousBefore = await fetch(new URL(path, server.url));
    const sharedEtag = anonymousBefore.headers.get("ETag")!;
    await anonymousBefore.text();
    const mine = await citizen.get(path);
    const theirs = await ngo.get(path);
    const anonymous = await new HttpClient(server.url).get(path);

    for (const page of [mine, theirs]) {
      expect(page.response.headers.get("Cache-Control")).toBe("private, no-store");
      expect(page.response.headers.get("ETag")).toBeNull();
    }
    const citizenName = menuName(mine.text);
    const ngoName = menuName(theirs.text);
    expect(citizenName && ngoName && citizenName !== ngoName).toBeTruthy();
    const citizenToken = csrfValues(mine.text)[0];
    const ngoToken = csrfValues(theirs.text)[0];
    expect(citizenToken).toHaveLength(43);
    expect(ngoToken).toHaveLength(43);
    expect(citizenToken).not.toBe(ngoToken);
    expect(new Set(csrfValues(mine.text))).toEqual(new Set([citizenToken]));
    expect(new Set(csrfValues(theirs.text))).toEqual(new Set([ngoToken]));
    expect(theirs.text).not.toContain(citizenToken);
    expect(mine.text).not.toContain(ngoToken);
    expect(pressed(mine.text, commentId!)).toBe(true);
    expect(pressed(theirs.text, commentId!)).toBe(false);

    // The anonymous page: no user, no token, no one's support state, the same bytes for all.
    expect(anonymous.response.headers.get("Cache-Control")).toMatch(/^public/);
    expect(anonymous.response.headers.get("ETag")).toBe(sharedEtag);
    expect(menuName(anonymous.text)).toBeNull();
    expect(csrfValues(anonymous.text).every((v) => v === "")).toBe(true);
    expect(anonymous.text).not.toContain(citizenToken);
    expect(anonymous.text).not.toContain(ngoToken);
    expect(anonymous.text).not.toContain('"csrfToken":"' + citizenToken);
    expect(anonymous.text).not.toMatch(/aria-pressed="true"/);
    expect(anonymous.response.headers.get("Set-Cookie")).toBeNull();
    // A signed-in reader holding the shared page's ETag still gets their own page, never a 304 of it.
    const conditional = await citizen.get(path, { "If-None-Match": sharedEtag });
    expect(conditional.status).toBe(200);
    expect(menuName(conditional.text)).toBe(citizenName);
  });

  it("serves static files and the translations from memory, compressed and cacheable", async () => {
    const css = await fetch(new URL("/styles.css", server.url), { headers: { "Accept-Encoding": "gzip" } });
    expect(css.headers.get("Content-Encoding")).toBe("gzip");
    expect(css.headers.get("Cache-Control")).toBe("public, max-age=3600");
    const etag = css.headers.get("ETag")!;
    expect((await css.text()).length).toBeGreaterThan(1000);
    expect((await fetch(new URL("/styles.css", server.url), { headers: { "Accept-Encoding": "gzip", "If-None-Match": etag } })).status).toBe(304);
    const page = await (await fetch(new URL("/kk/consultations", server.url))).text();
    const url = /"i18nUrl":"([^"]+)"/.exec(page)?.[1];
    expect(url).toMatch(/^\/locales\/kk\.[\w-]+\.json$/);
    // The translations are no longer in the page data.
    expect(page).not.toContain('"resources"');
    const file = await fetch(new URL(url!, server.url), { headers: { "Accept-Encoding": "br" } });
    expect(file.headers.get("Cache-Control")).toContain("immutable");
    expect(file.headers.get("Content-Encoding")).toBe("br");
    const resources = (await file.json()) as Record<string, Record<string, unknown>>;
    expect(Object.keys(resources)).toContain("consultation");
    expect(JSON.stringify(resources)).toMatch(/[әғқңөұүһі]/);
    expect((await fetch(new URL("/build/../package.json", server.url))).status).toBe(404);
  });

  it("answers /healthz without a round trip per request", async () => {
    const health = await fetch(new URL("/healthz", server.url));
    expect(health.status).toBe(200);
    const body = await health.json();
    expect(body).toMatchObject({ status: "ok", database: { engine, ok: true, latencyMs: expect.any(Number), checkedAt: expect.any(String) } });
    expect(health.headers.get("Cache-Control")).toBe("no-store");
  });
});

describe.each(serverEngines)("an overloaded server on %s", (engine) => {
  let server: RunningServer;
  beforeAll(async () => {
    // One render at a time and one waiting: the rest of a burst must be refused at once.
    server = await startServer({ engine, env: { MAX_CONCURRENT_REQUESTS: "1", MAX_QUEUED_REQUESTS: "1", QUEUE_TIMEOUT_MS: "2000" } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("refuses what it cannot take with 503 and Retry-After, keeps answering health checks and cached pages", async () => {
    const cached = await fetch(new URL("/ru/consultations", server.url));
    await cached.text();
    const burst = await Promise.all(
      Array.from({ length: 24 }, (_, i) => fetch(new URL(`/ru/consultations/${OPEN}?burst=${i}`, server.url), { headers: { "Cache-Control": "no-cache" } }).then(async (r) => ({ status: r.status, retryAfter: r.headers.get("Retry-After"), text: await r.text() }))),
    );
    const refused = burst.filter((r) => r.status === 503);
    const served = burst.filter((r) => r.status === 200);
    expect(refused.length).toBeGreaterThan(0);
    expect(served.length).toBeGreaterThan(0);
    expect(refused.length + served.length).toBe(burst.length);
    for (const r of refused) {
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
      expect(r.text).toContain("Сайт перегружен");
    }
    expect((await fetch(new URL("/healthz", server.url))).status).toBe(200);
    const again = await fetch(new URL("/ru/consultations", server.url));
    expect(again.status).toBe(200);
    expect(again.headers.get("ETag")).toBe(cached.headers.get("ETag"));
  });
});

describe.each(serverEngines)("a server whose clients leave while they wait, on %s", (engine) => {
  let server: RunningServer;
  beforeAll(async () => {
    // One render at a time and a long request limit: a slot held by a request nobody waits for
    // would starve everyone behind it for ten minutes; the queue refuses after 3 s.
    server = await startServer({ engine, env: { MAX_CONCURRENT_REQUESTS: "1", MAX_QUEUED_REQUESTS: "64", QUEUE_TIMEOUT_MS: "3000", REQUEST_TIMEOUT_MS: "600000" } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("drops a queued request whose client is gone instead of holding a render slot for it", async () => {
    const { port } = new URL(server.url);
    const open = () => {
      const socket = net.connect(Number(port), "127.0.0.1");
      socket.on("error", () => {});
      return socket;
    };
    const head = (length: number) => `POST /kk/consultations/${OPEN}?index HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${length}\r\n\r\n`;
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // A post whose body is still coming holds the one slot, so the next ones wait in the queue.
    const holder = open();
    holder.write(`${head(1000)}body=`);
    await pause(300);
    // Whole form posts (a comment sent without a session), each on its own connection, closed
    // by their clients while they wait.
    const body = "body=%D2%9B%D0%B0%D0%B7%D0%B0%D2%9B&blockId=&idempotencyKey=gone";
    const left = Array.from({ length: 12 }, () => {
      const socket = open();
      socket.write(head(Buffer.byteLength(body)) + body);
      return socket;
    });
    await pause(300);
    for (const socket of left) socket.destroy();
    await pause(100);
    holder.destroy();
    // Every left request is over once its turn comes: a fresh render gets a slot, not a 503.
    const after = await fetch(new URL(`/kk/consultations/${OPEN}`, server.url), { headers: { "Cache-Control": "no-cache" } });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain("<html");
  });
});
