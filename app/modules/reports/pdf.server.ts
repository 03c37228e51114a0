/**
 * PDF of a report: the server renders the report's HTML itself and prints it with headless
 * Chromium (playwright-core and the system's /usr/bin/chromium). No network is involved: the page
 * is set as content, and every request from it is refused. One print at a time, so a burst of
 * downloads cannot start a crowd of browsers on a small server.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export class PdfUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PdfUnavailableError";
  }
}

let queue: Promise<unknown> = Promise.resolve();
let slots: Promise<unknown> = Promise.resolve();

/**
 * Runs a whole PDF request (reading the report, rendering, printing) after the ones before it:
 * a report's items and its HTML are in memory for one download at a time.
 */
export function withPrintSlot<T>(job: () => Promise<T>): Promise<T> {
  const run = slots.then(job);
  slots = run.catch(() => {});
  return run;
}

export function pdfAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function htmlToPdf(html: string, options: { footer: string; executablePath?: string }): Promise<Buffer> {
  const executablePath = options.executablePath ?? CHROMIUM_PATH;
  if (!existsSync(executablePath)) throw new PdfUnavailableError(`Chromium not found at ${executablePath}`);
  const job = queue.then(async () => {
    const { chromium } = await import("playwright-core");
    const profile = mkdtempSync(path.join(tmpdir(), "kenes-pdf-"));
    let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | undefined;
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      });
      const page = context.pages()[0] ?? (await context.newPage());
      await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: "load" });
      const pdf = await page.pdf({
        format: "A4",
        printBackground: true,
        margin: { top: "18mm", bottom: "18mm", left: "15mm", right: "15mm" },
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#555">${escapeHtml(options.footer)} · <span class="pageNumber"></span>/<span class="totalPages"></span></div>`,
      });
      return Buffer.from(pdf);
    } catch (error) {
      throw new PdfUnavailableError((error as Error).message);
    } finally {
      await context?.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    }
  });
  queue = job.catch(() => {});
  return job;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}
