/** The report and the answer queue in a real browser (Chromium): readable without JavaScript, usable with it. */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/server";

const CHROMIUM = "/usr/bin/chromium";
const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.log(`[tests] browser tests skipped: ${CHROMIUM} is missing`);

describe.skipIf(!haveChromium)("report and answers in Chromium", () => {
  let server: RunningServer;
  const profiles: string[] = [];
  const contexts: BrowserContext[] = [];
  async function browser(javaScriptEnabled: boolean) {
    const dir = mkdtempSync(path.join(tmpdir(), "kenes-e2e-"));
    profiles.push(dir);
    const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args, javaScriptEnabled });
    contexts.push(context);
    return context.pages()[0] ?? (await context.newPage());
  }
  beforeAll(async () => {
    // The visitor opens the report right after the answer is published: read-your-writes.
    server = await startServer({ engine: "pglite", env: { REPORT_READ_MODE: "current" } });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    for (const d of profiles) rmSync(d, { recursive: true, force: true });
    await server?.stop();
  });

  it("shows the chart and filters the list without JavaScript", async () => {
    const page = await browser(false);
    await page.goto(`${server.url}/ru/consultations/grant-reporting-2026/report`);
    const chart = page.locator("figure.status-chart svg");
    const box = await chart.boundingBox();
    expect(box && box.width > 200 && box.height > 50).toBe(true);
    expect(await chart.getAttribute("aria-labelledby")).toContain("status-chart-desc");
    await page.selectOption('select[name="status"]', "not_accepted");
    await Promise.all([page.waitForURL(/status=not_accepted/), page.click(".filters button[type=submit]")]);
    const badges = await page.locator(".report-items .response-badge").allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(["Не принято"]));
  });

  it("lets staff answer a comment from the queue and publish it", async () => {
    const page = await browser(true);
    await page.goto(`${server.url}/ru/login`);
    await page.fill("#email", "staff@demo.kenes.kz");
    await page.fill("#password", "kenes-demo-2026");
    await Promise.all([page.waitForURL(/\/ru\/consultations/), page.locator("main button[type=submit]").click()]);
    await page.goto(`${server.url}/ru/manage/responses?consultation=grant-rules-2027&status=unanswered`);
    const first = page.locator(".queue-item").first();
    const commentId = await first.locator('input[name="commentId"]').getAttribute("value");
    await first.locator('input[name="commentId"]').check();
    await page.check('input[name="status"][value="partially_accepted"]');
    await page.fill("#justification_kk", "Ішінара қабылданды: мерзім 7 жұмыс күніне дейін ұзартылды.");
    await page.click('button[name="intent"][value="answer"]');
    await expect.poll(() => page.locator(".notice").textContent()).toContain("черновик");
    await page.goto(`${server.url}/ru/manage/responses?consultation=grant-rules-2027&status=draft`);
    await page.locator(`input[name="commentId"][value="${commentId}"]`).check();
    await page.click('button[name="intent"][value="publish"]');
    await expect.poll(() => page.locator(".notice").textContent()).toContain("Опубликован");

    const visitor = await browser(false);
    await visitor.goto(`${server.url}/ru/consultations/grant-rules-2027/report`);
    const item = visitor.locator(`#item-${commentId}`);
    await expect.poll(() => item.textContent()).toContain("мерзім 7 жұмыс күніне дейін ұзартылды");
    expect(await item.locator(".response-badge").textContent()).toBe("Принято частично");
  });
});
