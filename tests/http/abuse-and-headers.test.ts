/**
 * Over real HTTP against the built server: security headers with the CSP nonce on Remix's
 * inline scripts (their hashes on pages shared by anonymous readers), rate limits (429 + Retry-After, localized) for sign-in per account and per
 * address, sign-up per address and comments per user, and sign-out everywhere.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient, visibleText } from "../support/http";
import { serverEngines, startServer, type RunningServer } from "../support/server";
import { DEMO_PASSWORD, csrfTokenFrom, demoEmails } from "../support/write-actions";

const root = path.resolve(import.meta.dirname, "../..");
const securityText = (lang: string) => JSON.parse(readFileSync(path.join(root, "locales", lang, "security.json"), "utf8"));

let address = 0;
/** A client that appears to come from its own address (X-Forwarded-For from loopback is trusted). */
class ClientAt extends HttpClient {
  readonly ip = `10.9.${Math.floor(++address / 250)}.${address % 250}`;
  override request(p: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    headers.set("X-Forwarded-For", this.ip);
    return super.request(p, { ...init, headers });
  }
}

describe.each(serverEngines)("on %s", (engine) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      engine,
      env: { RATE_LIMIT_SIGNIN_ACCOUNT: "3/15m", RATE_LIMIT_SIGNIN_IP: "6/15m", RATE_LIMIT_SIGNUP_IP: "2/1h", RATE_LIMIT_COMMENTS_USER: "3/1m" },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe("security headers", () => {
    const inlineScripts = (html: string) => [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc=/.test(m[1]));
    const scriptSrcOf = (response: Response) => {
      const csp = response.headers.get("Content-Security-Policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? "";
      expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      return scriptSrc;
    };

    it("sends CSP with a fresh nonce that every inline script of a page rendered for one reader carries", async () => {
      const client = new ClientAt(server.url);
      await client.signIn("en", demoEmails.citizen, DEMO_PASSWORD);
      const seen = new Set<string>();
      for (const page of ["/en/consultations", "/kk/consultations/grant-rules-2027", "/ru/account/sessions", "/en/my/comments"]) {
        const { response, text } = await client.get(page);
        const nonce = /'nonce-([^']+)'/.exec(scriptSrcOf(response))?.[1];
        expect(nonce, page).toBeTruthy();
        expect(seen.has(nonce!)).toBe(false);
        seen.add(nonce!);
        const scripts = inlineScripts(text);
        expect(scripts.length).toBeGreaterThan(1);
        for (const m of scripts) expect(m[1]).toContain(`nonce="${nonce}"`);
        expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
        expect(response.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
        expect(response.headers.get("Strict-Transport-Security")).toBeNull();
      }
    });

    it("allows the inline scripts of a page shared by anonymous readers by their hashes, and nothing else", async () => {
      for (const page of ["/en/consultations", "/kk/consultations/grant-rules-2027"]) {
        const { response, text } = await new ClientAt(server.url).get(page);
        const scriptSrc = scriptSrcOf(response);
        expect(scriptSrc).not.toContain("'nonce-");
        const allowed = new Set([...scriptSrc.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]));
        const scripts = inlineScripts(text);
        expect(scripts.length).toBeGreaterThan(1);
        for (const m of scripts) {
          expect(m[1]).not.toContain("nonce=");
          expect(allowed.has(createHash("sha256").update(m[2], "utf8").digest("base64")), page).toBe(true);
        }
        expect(allowed.size).toBe(new Set(scripts.map((m) => m[2])).size);
      }
    });

    it("sends them on static files, API answers and errors too", async () => {
      for (const p of ["/styles.css", "/api/v1/consultations", "/en/no-such-page", "/healthz"]) {
        const response = await fetch(new URL(p, server.url));
        await response.arrayBuffer();
        expect(response.headers.get("Content-Security-Policy"), p).toContain("frame-ancestors 'none'");
        expect(response.headers.get("X-Content-Type-Options"), p).toBe("nosniff");
      }
    });

    it("sends HSTS only when the request came over HTTPS (X-Forwarded-Proto from the trusted proxy)", async () => {
      const https = await fetch(new URL("/en/consultations", server.url), { headers: { "X-Forwarded-Proto": "https" } });
      await https.text();
      expect(https.headers.get("Strict-Transport-Security")).toMatch(/max-age=\d{7,}/);
      const plain = await fetch(new URL("/en/consultations", server.url));
      await plain.text();
      expect(plain.headers.get("Strict-Transport-Security")).toBeNull();
    });
  });

  describe("rate limits", () => {
    it("locks an account after too many failed sign-ins, with Retry-After and a localized message; the owner elsewhere is refused too", async () => {
      const email = demoEmails.mp;
      for (let i = 0; i < 3; i++) {
        const attacker = new ClientAt(server.url);
        const r = await attacker.submit("/en/login", { email, password: `wrong-${i}` });
        expect(r.status).toBe(401);
      }
      for (const lang of ["kk", "ru", "en"]) {
        const someone = new ClientAt(server.url);
        const page = await someone.get(`/${lang}/login`);
        const r = await someone.postForm(`/${lang}/login`, { csrf: csrfTokenFrom(page.text), email, password: DEMO_PASSWORD });
        expect(r.status).toBe(429);
        expect(Number(r.headers.get("Retry-After"))).toBeGreaterThan(0);
        const text = visibleText(await r.text());
        expect(text).toContain(securityText(lang).rate_limited);
        // What was typed is kept.
        expect(text.length).toBeGreaterThan(0);
      }
      // Another account is not affected.
      const other = new ClientAt(server.url);
      await other.signIn("en", demoEmails.moderator, DEMO_PASSWORD);
    });

    it("limits sign-in attempts per address, whatever the account", async () => {
      const client = new ClientAt(server.url);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        const r = await client.submit("/en/login", { email: `nobody-${i}@example.kz`, password: "wrong-password" });
        statuses.push(r.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
      // A different address still gets through.
      await new ClientAt(server.url).signIn("en", demoEmails.ngo, DEMO_PASSWORD);
    });

    it("limits sign-ups per address", async () => {
      const client = new ClientAt(server.url);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const fresh = new ClientAt(server.url);
        Object.defineProperty(fresh, "ip", { value: client.ip });
        const r = await fresh.submit("/en/register", { name: "Bot", email: `bot-${engine}-${i}-${Date.now()}@example.kz`, password: "a-long-password-1", organizationName: "", bin: "" });
        statuses.push(r.status);
        if (r.status === 429) {
          expect(Number(r.headers.get("Retry-After"))).toBeGreaterThan(0);
          expect(visibleText(await r.text())).toContain(securityText("en").rate_limited);
        }
      }
      expect(statuses).toEqual([303, 303, 429]);
    });

    it("limits comments per user per minute and keeps the refused text", async () => {
      const client = new ClientAt(server.url);
      await client.signIn("ru", demoEmails.citizen, DEMO_PASSWORD);
      const page = "/ru/consultations/grant-rules-2027";
      const statuses: number[] = [];
      let refused = "";
      for (let i = 0; i < 4; i++) {
        const html = (await client.get(page)).text;
        const body = `Комментарий номер ${i} — ${engine}`;
        const r = await client.postForm(`${page}?index`, { csrf: csrfTokenFrom(html), body, blockId: "", idempotencyKey: `rl-${engine}-${Date.now()}-${i}` });
        statuses.push(r.status);
        if (r.status === 429) {
          expect(Number(r.headers.get("Retry-After"))).toBeGreaterThan(0);
          refused = await r.text();
          expect(visibleText(refused)).toContain(securityText("ru").rate_limited);
          expect(refused).toContain(body);
        }
      }
      expect(statuses).toEqual([303, 303, 303, 429]);
    });
  });

  it("signs out everywhere: every session of the account ends", async () => {
    const laptop = new ClientAt(server.url);
    const phone = new ClientAt(server.url);
    await laptop.signIn("kk", demoEmails.admin, DEMO_PASSWORD);
    await phone.signIn("kk", demoEmails.admin, DEMO_PASSWORD);
    const list = await phone.get("/kk/account/sessions");
    expect(list.status).toBe(200);
    const r = await laptop.submit("/kk/account/sessions", { intent: "sign_out_everywhere" });
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toMatch(/^\/kk\/login\?signedOut=\d+/);
    const after = await phone.get("/kk/account/sessions");
    expect(after.status).toBe(302);
    expect(after.response.headers.get("Location")).toMatch(/\/kk\/login\?next=/);
    expect((await laptop.get("/kk/account/sessions")).status).toBe(302);
  });
});
