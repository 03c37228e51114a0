/** A reader in a real browser: searches from the header, sees marks, narrows with a facet, pages. */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/server";

const chromium = "/usr/bin/chromium";
const hasChromium = existsSync(chromium);
if (!hasChromium) console.log(`[tests] browser search test skipped: ${chromium} is missing (apt-get install chromium)`);

describe.runIf(hasChromium)("search in the browser (Chromium)", () => {
  let server: RunningServer;
  let profile: string;
  let context: import("playwright-core").BrowserContext;
  beforeAll(async () => {
    server = await startServer({ engine: "pglite" });
    const deadline = Date.now() + 60_000;
    while (!/\[search\] built the postgres index/.test(server.output())) {
      if (Date.now() > deadline) throw new Error("index not built");
      await new Promise((r) => setTimeout(r, 200));
    }
    const { chromium: browserType } = await import("playwright-core");
    profile = mkdtempSync(path.join(tmpdir(), "kenes-chromium-"));
    context = await browserType.launchPersistentContext(profile, {
      executablePath: chromium,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await server?.stop();
  });

  it("finds Kazakh text typed without Kazakh letters from the header box, and narrows by a facet", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/kk/consultations`);
    await page.fill("#header-search-q", "казакстан");
    await page.press("#header-search-q", "Enter");
    await page.waitForURL(/\/kk\/search\?q=/);
    await page.waitForSelector(".search-hit mark", { timeout: 15_000 });
    expect((await page.locator(".search-hit mark").first().textContent())?.toLowerCase()).toContain("қазақстан");
    expect(await page.inputValue("#header-search-q")).toBe("казакстан");

    await page.locator(".facet a", { hasText: "Пікірлер" }).click();
    await page.waitForURL(/kind=comment/);
    await page.waitForFunction(() => document.querySelectorAll(".search-group").length === 1, undefined, { timeout: 15_000 });
    expect(await page.locator(".search-group h2").textContent()).toBe("Пікірлер");

    // Search within a consultation from its page.
    await page.goto(`${server.url}/ru/consultations/grant-rules-2027`);
    await page.fill("#consultation-search-q", "софинансирование");
    await page.press("#consultation-search-q", "Enter");
    await page.waitForURL(/consultation=grant-rules-2027/);
    await page.waitForSelector(".search-hit", { timeout: 15_000 });
    const slugs = await page.locator(".chips a").allTextContents();
    expect(slugs.join(" ")).toContain("Консультация");
  });
});
