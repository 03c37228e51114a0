/**
 * Span annotations beyond the desktop draft page, in headless Chromium:
 * - on a phone (touch events, 390 px viewport): taps never open the panel by themselves; a
 *   selection as a long press leaves it (a word, then extended by the handles) opens it within
 *   the screen, and the comment is posted, highlighted and opened with taps only;
 * - on a lot page with a mouse: dragging over a budget line or field's words annotates it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { dragSelect, hasChromium, openBrowser, wordBox } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

async function signIn(page: Page, base: string, email: string, next: string, touch: boolean) {
  await page.goto(`${base}/en/login?next=${encodeURIComponent(next)}`);
  if (touch) await page.tap("#email");
  await page.fill("#email", email);
  await page.fill("#password", "kenes-demo-2026");
  if (touch) await page.tap("main button[type=submit]");
  else await page.click("main button[type=submit]");
  await page.waitForURL(`**${next}`);
  await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
  await page.waitForLoadState("networkidle");
}

describe.runIf(hasChromium)("annotating on a phone and on a lot page (Chromium)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ engine: "pglite" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("on a touch screen: taps alone open nothing; a long-press selection opens the panel on screen; post, highlight and open by tapping", async () => {
    const browser = await openBrowser({ touch: true });
    try {
      const page = await browser.context.newPage();
      const draft = "/en/consultations/grant-rules-2027";
      await signIn(page, server.url, "citizen@demo.kenes.kz", draft, true);
      expect(await page.evaluate(() => navigator.maxTouchPoints > 0 && "ontouchstart" in window)).toBe(true);

      const container = page.locator("#block-art-7 ~ .block--paragraph").first();
      const block = container.locator("[data-block-text]");
      const blockId = await container.getAttribute("data-block-id");
      const text = (await block.textContent())!;
      const [w0, w1, w2] = text.split(" ");
      await block.scrollIntoViewIfNeeded();
      const box = await block.evaluate(wordBox, w1);

      // A tap places no selection: the panel stays closed.
      await page.touchscreen.tap(box.x1, box.y1);
      await page.waitForTimeout(400);
      expect(await page.locator("#form-annotate").count()).toBe(0);

      // What a long press then a drag of the end handle leaves: the word under the finger,
      // extended to the next word. The page learns it from selectionchange and touchend.
      await block.evaluate((el, word) => {
        const node = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode()!;
        const at = node.nodeValue!.indexOf(word);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        selection.addRange(range);
      }, w1);
      await page.evaluate(() => window.getSelection()!.modify("extend", "forward", "word"));
      await page.evaluate(() => document.dispatchEvent(new TouchEvent("touchend", { bubbles: true })));
      const wanted = `${w1} ${w2}`;
      const panel = page.locator("#form-annotate");
      await panel.waitFor();
      expect(await panel.locator('[data-testid="annotation-quote"]').textContent()).toBe(wanted);
      expect(Number(await panel.locator('input[name="start"]').inputValue())).toBe(w0.length + 1);
      expect(await panel.locator('input[name="blockId"]').inputValue()).toBe(blockId);
      // The panel fits the phone's screen once scrolled to (no sideways scrolling).
      await panel.scrollIntoViewIfNeeded();
      const rect = (await panel.boundingBox())!;
      expect(rect.x).toBeGreaterThanOrEqual(0);
      expect(rect.x + rect.width).toBeLessThanOrEqual(390 + 1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390 + 1);

      await panel.locator("textarea").tap();
      await panel.locator("textarea").fill("Written on a phone: who exactly is meant here?");
      await panel.locator("button[type=submit]").tap();
      await page.waitForURL(/notice=comment_posted/);

      await page.reload();
      await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
      await page.waitForLoadState("networkidle");
      const mark = page.locator(`[data-block-id="${blockId}"] mark[data-annotation-id]`).first();
      expect(await mark.textContent()).toBe(wanted);
      const id = await mark.getAttribute("data-annotation-id");
      await mark.scrollIntoViewIfNeeded();
      await mark.tap();
      await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#comment-${id}`);
      expect(await page.locator(`#comment-${id}`).textContent()).toContain("Written on a phone");
    } finally {
      await browser.close();
    }
  });

  it("on a lot page with a mouse: drags over a field's words, posts, and sees the highlight after reload", async () => {
    const browser = await openBrowser();
    try {
      const page = await browser.context.newPage();
      const lot = "/en/consultations/youth-lots-2027/lots/L-02";
      await signIn(page, server.url, "ngo@demo.kenes.kz", lot, false);
      const anchor = page.locator(".lot-anchor-text[data-block-id]").first();
      const blockId = await anchor.getAttribute("data-block-id");
      const text = (await anchor.textContent())!;
      const words = text.split(/\s+/).filter(Boolean);
      const wanted = `${words[0]} ${words[1]}`;
      expect(text.startsWith(wanted)).toBe(true);
      await dragSelect(page, anchor, wanted);

      const panel = page.locator("#form-annotate");
      await panel.waitFor();
      expect(await panel.locator('[data-testid="annotation-quote"]').textContent()).toBe(wanted);
      expect(await panel.locator('input[name="blockId"]').inputValue()).toBe(blockId);
      expect(Number(await panel.locator('input[name="start"]').inputValue())).toBe(0);
      await panel.locator("textarea").fill("This amount does not cover the regional trips in the ToR.");
      await panel.locator("button[type=submit]").click();
      await page.waitForURL(/notice=comment_posted/);

      await page.reload();
      const mark = page.locator(`.lot-anchor-text[data-block-id="${blockId}"] mark[data-annotation-id]`).first();
      await mark.waitFor();
      expect(await mark.textContent()).toBe(wanted);
    } finally {
      await browser.close();
    }
  });
});
