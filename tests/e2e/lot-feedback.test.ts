/** The lot page in Chromium: the feedback form with JavaScript on, and the chart's text alternative. */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/server";

const chromiumPath = "/usr/bin/chromium";
const available = existsSync(chromiumPath);
if (!available) console.log("[tests] browser test skipped: /usr/bin/chromium is missing");

describe.skipIf(!available)("lot page in a browser", () => {
  let server: RunningServer;
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    server = await startServer({ engine: "pglite" });
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

  it("revises an organisation's assessment and updates the summary", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/en/login`);
    await page.fill("input[name=email]", "ngo@demo.kenes.kz");
    await page.fill("input[name=password]", "kenes-demo-2026");
    await page.click("main button[type=submit]");
    await page.waitForURL(/consultations/);
    await page.goto(`${server.url}/en/consultations/youth-lots-2027/lots/L-02`);
    // The chart is an image with a text alternative; the numbers are also in a table.
    const chart = page.locator("svg.lot-chart");
    await expect(chart.getAttribute("role")).resolves.toBe("img");
    expect(await page.locator("#summary caption").first().textContent()).toContain("the numbers behind the chart");
    expect(await page.locator("#feedback").textContent()).toContain("Your organisation's assessment");
    await page.check("input[name=funding][value=excessive]");
    await page.fill("#proposedAmount", "12 000 000");
    await page.click("#feedback-form button[type=submit]");
    await page.locator(".notice").waitFor();
    expect(await page.locator(".notice").textContent()).toContain("Your assessment has been saved");
    expect(await page.locator("#feedback").textContent()).toContain("Revised 1 time.");
    expect(await page.locator("#summary").textContent()).toMatch(/Excessive\s*1/);
    expect(await page.locator("input[name=funding][value=excessive]").isChecked()).toBe(true);
  });
});
