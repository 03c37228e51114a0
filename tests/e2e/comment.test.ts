/** A reader in a real browser: signs in, comments without a full page reload, switches language. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, openBrowser } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

describe.runIf(hasChromium)("in the browser (Chromium)", () => {
  let server: RunningServer;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    server = await startServer({ engine: "pglite" });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("comments on an article with JavaScript, without a full reload, and keeps the page when switching language", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/ru/login?next=/ru/consultations/grant-rules-2027`);
    await page.fill("#email", "citizen@demo.kenes.kz");
    await page.fill("#password", "kenes-demo-2026");
    await page.click("main button[type=submit]");
    await page.waitForURL("**/ru/consultations/grant-rules-2027");
    // Wait for hydration, then mark the window: a full reload would lose the mark.
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    await page.waitForLoadState("networkidle");
    await page.evaluate(() => ((window as unknown as { __marker: string }).__marker = "still-here"));

    await page.locator("#block-art-7 .block__comment-link").first().click();
    const form = page.locator("form.comment-form").filter({ has: page.locator('input[name="blockId"]:not([value=""])') });
    await form.locator("textarea").fill("Софинансирование 5% — слишком много для сельских НПО. Ұсыныс: 2%.");
    await form.locator("button[type=submit]").click();
    await page.waitForURL(/notice=comment_posted/);
    await expect.poll(() => page.locator(".notice").textContent()).toContain("ваш комментарий опубликован");
    expect(await page.evaluate(() => (window as unknown as { __marker?: string }).__marker)).toBe("still-here");
    await expect.poll(() => page.locator("#block-art-7").textContent()).toContain("Ұсыныс: 2%.");

    await page.click('a[hreflang="kk"]');
    await page.waitForURL(/\/kk\/consultations\/grant-rules-2027/);
    expect(await page.getAttribute("html", "lang")).toBe("kk");
    expect(await page.locator("#block-art-7").textContent()).toContain("7-бап");
  });

  it("hydrates every main page in every language without an error (server and browser render the same text)", async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(`${page.url()}: ${m.text().slice(0, 200)}`));
    page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message.slice(0, 200)}`));
    for (const lang of ["kk", "ru", "en"]) {
      for (const path of ["", "/consultations", "/consultations/grant-rules-2027", "/consultations/grant-reporting-2026/report", "/consultations/youth-lots-2027/lots", "/reports"]) {
        await page.goto(`${server.url}/${lang}${path}`);
        await page.waitForLoadState("networkidle");
      }
    }
    // Comments on the whole draft stay after hydration (a server-only import once emptied them).
    await page.goto(`${server.url}/ru/consultations/grant-rules-2027`);
    await page.waitForLoadState("networkidle");
    expect(await page.locator(".general-comments .comment").count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
