/** Headless Debian Chromium through playwright-core (no downloaded browsers on these machines). */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(chromiumPath);
if (!hasChromium) console.log(`[tests] browser tests skipped: no Chromium at ${chromiumPath} (apt-get install -y chromium)`);

/** `touch`: a phone (touch events, mobile viewport) instead of a desktop with a mouse. */
export async function openBrowser(options: { touch?: boolean } = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), "kenes-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    ...(options.touch ? { hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 } : {}),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Viewport coordinates of the first and last letter of `wanted` in `el`'s text (run in the page). */
export const wordBox = (el: Element, wanted: string) => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let node: Node | null;
  while ((node = walker.nextNode()) && !node.nodeValue!.includes(wanted));
  const at = node!.nodeValue!.indexOf(wanted);
  const range = document.createRange();
  range.setStart(node!, at);
  range.setEnd(node!, at + 1);
  const first = range.getBoundingClientRect();
  range.setStart(node!, at + wanted.length - 1);
  range.setEnd(node!, at + wanted.length);
  const last = range.getBoundingClientRect();
  return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 0.5, y2: last.top + last.height / 2 };
};

/** Selects `wanted` inside `target` with a real mouse drag, as a reader does. */
export async function dragSelect(page: Page, target: Locator, wanted: string): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.evaluate(wordBox, wanted);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}
