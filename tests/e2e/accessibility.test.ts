/**
 * Accessibility in a real browser (Debian Chromium through playwright-core): axe-core finds no
 * WCAG 2.1 A/AA violations on the pages below, in all three languages; the CSP with nonces does
 * not block any of the page's own scripts; sign-in and commenting work with the keyboard alone.
 * Add pages to `pages` as features land.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { startServer, type RunningServer } from "../support/server";
import { DEMO_PASSWORD, demoEmails, type SignedInRole } from "../support/write-actions";

const chromiumPath = "/usr/bin/chromium";
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const langs = ["kk", "ru", "en"] as const;

interface AxePage {
  name: string;
  path: (lang: string) => string;
  /** Signed in as this role first (the comment form needs an account). */
  as?: SignedInRole;
}

export const pages: AxePage[] = [
  { name: "consultation list", path: (l) => `/${l}/consultations` },
  { name: "home", path: (l) => `/${l}` },
  { name: "draft page", path: (l) => `/${l}/consultations/grant-rules-2027` },
  { name: "draft page with the comment forms", path: (l) => `/${l}/consultations/grant-rules-2027`, as: "citizen" },
  { name: "thread page", path: (l) => `/${l}/consultations/grant-rules-2027/comments` },
  { name: "sign-in", path: (l) => `/${l}/login` },
  { name: "registration", path: (l) => `/${l}/register` },
  { name: "sessions (sign out everywhere)", path: (l) => `/${l}/account/sessions`, as: "ngo" },
  { name: "not found", path: (l) => `/${l}/no-such-page` },
];

const skip = !existsSync(chromiumPath);
if (skip) console.log(`[tests] browser tests skipped: ${chromiumPath} is missing (apt-get install chromium)`);

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[];
}

describe.skipIf(skip)("accessibility (axe-core, WCAG 2.1 A/AA)", () => {
  let server: RunningServer;
  let context: BrowserContext;
  let profile: string;
  const cspErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer({ engine: "pglite" });
    const { chromium } = await import("playwright-core");
    profile = mkdtempSync(path.join(tmpdir(), "kenes-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await context?.close();
    await server?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function open(p: string, role?: SignedInRole): Promise<Page> {
    await context.clearCookies();
    const page = await context.newPage();
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) cspErrors.push(`${p}: ${m.text()}`);
    });
    if (role) {
      await page.goto(new URL("/en/login", server.url).toString());
      await page.fill("#email", demoEmails[role]);
      await page.fill("#password", DEMO_PASSWORD);
      await Promise.all([page.waitForURL((u) => !u.pathname.endsWith("/login")), page.click("main button[type=submit]")]);
    }
    await page.goto(new URL(p, server.url).toString(), { waitUntil: "networkidle" });
    return page;
  }

  async function axe(page: Page): Promise<AxeResult> {
    // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) does not apply to it.
    await page.evaluate(axeSource);
    return page.evaluate(async () => {
      const w = window as unknown as { axe: { run(ctx: Document, options: unknown): Promise<AxeResult> } };
      const r = await w.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] });
      return { violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })) };
    });
  }

  for (const p of pages) {
    it.each(langs)(`${p.name} (%s)`, async (lang) => {
      const page = await open(p.path(lang), p.as);
      try {
        expect(await page.getAttribute("html", "lang")).toBe(lang);
        const result = await axe(page);
        const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
        expect(summary).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it("the page's scripts run under the CSP (hydrated, no violations reported)", async () => {
    const page = await open("/en/consultations/grant-rules-2027");
    try {
      // Remix sets window.__remixContext in a nonce'd inline script and hydrates from it.
      expect(await page.evaluate(() => typeof (window as unknown as { __remixContext?: unknown }).__remixContext)).toBe("object");
      expect(cspErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("signing in and commenting work with the keyboard alone", async () => {
    const page = await open("/ru/login");
    try {
      // The first Tab reaches the skip link, which leads to the content.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("#main");
      await page.focus("#email");
      await page.keyboard.type(demoEmails.citizen);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("password");
      await page.keyboard.type(DEMO_PASSWORD);
      await Promise.all([page.waitForURL((u) => !u.pathname.endsWith("/login")), page.keyboard.press("Enter")]);
      await page.goto(new URL("/ru/consultations/grant-rules-2027", server.url).toString(), { waitUntil: "networkidle" });
      const body = `Клавиатурный комментарий ${Date.now()}`;
      await page.focus("#form-general textarea");
      await page.keyboard.type(body);
      // Tab order from the text to the submit button, then Enter submits.
      for (let i = 0; i < 5; i++) {
        const tag = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute("type"));
        if (tag === "submit") break;
        await page.keyboard.press("Tab");
      }
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute("type"))).toBe("submit");
      await Promise.all([page.waitForURL(/notice=comment_posted/, { timeout: 15_000 }), page.keyboard.press("Enter")]);
    } finally {
      await page.close();
    }
  });
});
