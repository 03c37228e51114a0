/**
 * A reader annotates exact words in headless Chromium: selects words in an article (mouse
 * drag, then keyboard shift+arrows), posts the annotation, reloads, sees the server-rendered
 * highlight and opens its thread by clicking it and with the keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { chromiumPath, dragSelect, hasChromium } from "../support/browser";

/** As tests/support/browser.ts, plus caret browsing: how keyboard users select static text. */
async function openBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), "kenes-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--enable-caret-browsing"],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
import { startServer, type RunningServer } from "../support/server";

describe.runIf(hasChromium)("annotating in the browser (Chromium)", () => {
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

  it("selects words, annotates, reloads, sees the highlight and opens its thread", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/ru/login?next=/ru/consultations/grant-rules-2027`);
    await page.fill("#email", "citizen@demo.kenes.kz");
    await page.fill("#password", "kenes-demo-2026");
    await page.click("main button[type=submit]");
    await page.waitForURL("**/ru/consultations/grant-rules-2027");
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    await page.waitForLoadState("networkidle");

    // The first paragraph after article 7: select its second and third words with a real mouse drag.
    const block = page.locator('#block-art-7 ~ .block--paragraph [data-block-text]').first();
    const blockId = await page.locator("#block-art-7 ~ .block--paragraph").first().getAttribute("data-block-id");
    const text = (await block.textContent())!;
    const words = text.split(" ");
    const wanted = `${words[1]} ${words[2]}`;
    await dragSelect(page, block, wanted);

    const panel = page.locator("#form-annotate");
    await panel.waitFor();
    expect(await panel.locator('[data-testid="annotation-quote"]').textContent()).toBe(wanted);
    expect(await panel.locator('input[name="blockId"]').inputValue()).toBe(blockId);
    expect(Number(await panel.locator('input[name="start"]').inputValue())).toBe(text.indexOf(wanted));
    await panel.locator("textarea").fill("Эти слова нужно уточнить: для кого именно?");
    await panel.locator("button[type=submit]").click();
    await page.waitForURL(/notice=comment_posted/);

    // Reload: the highlight is in the server-rendered HTML.
    await page.reload();
    const mark = page.locator(`[data-block-id="${blockId}"] mark[data-annotation-id]`).first();
    expect(await mark.textContent()).toBe(wanted);
    const id = await mark.getAttribute("data-annotation-id");
    expect(await page.locator(`[data-block-id="${blockId}"] [data-testid="block-count"]`).textContent()).toContain("аннотация");
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    await page.waitForLoadState("networkidle");
    await mark.click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#comment-${id}`);
    const thread = page.locator(`#comment-${id}`);
    expect(await thread.evaluate((el) => el.classList.contains("is-active"))).toBe(true);
    expect(await thread.textContent()).toContain("Эти слова нужно уточнить");
    expect(await thread.locator("blockquote").textContent()).toBe(wanted);

    // Keyboard: focus the highlight and press Enter; then select with shift+arrows.
    await page.evaluate(() => window.history.replaceState(null, "", window.location.pathname));
    await mark.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#comment-${id}`);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await block.evaluate((el) => {
      // Select the first letter (as a tap or a caret-browsing start would), then extend by keyboard.
      const node = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode()!;
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, 1);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    });
    for (let i = 0; i < 4; i++) await page.keyboard.press("Shift+ArrowRight");
    await expect.poll(() => page.locator('#form-annotate [data-testid="annotation-quote"]').textContent()).toBe(text.slice(0, 5).trim());
  });

  it("staff edit a draft in the Lexical editor and it autosaves", async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/ru/login?next=/ru/manage/consultations/grant-rules-2027/editor`);
    await page.fill("#email", "staff@demo.kenes.kz");
    await page.fill("#password", "kenes-demo-2026");
    await page.click("main button[type=submit]");
    await page.waitForURL("**/editor");
    const editor = page.locator('[data-testid="editor-ru"]');
    await editor.waitFor();
    expect(await editor.textContent()).toContain("Статья 1. Предмет регулирования");
    await editor.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Дополнение к проекту.");
    await expect.poll(() => page.locator('[data-testid="autosave-ru"]').textContent(), { timeout: 15_000 }).toContain("Сохранено");
    await page.reload();
    await page.locator('[data-testid="editor-ru"]').waitFor();
    expect(await page.locator('[data-testid="editor-ru"]').textContent()).toContain("Дополнение к проекту.");
  });
});
