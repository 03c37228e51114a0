/**
 * The draft page shows only each block's latest comments (COMMENTS_PER_BLOCK) over real HTTP,
 * with the block's full count and a link to its whole thread, while every annotation of the
 * block stays highlighted; an annotation whose comment is not on the page has its own page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectorFor } from "~/modules/comments/anchor";
import { COMMENTS_PER_BLOCK } from "~/modules/comments/annotated-draft.server";
import { HttpClient, visibleText } from "../support/http";
import { serverEngines, startServer, type RunningServer } from "../support/server";

const SLUG = "grant-rules-2027"; // open in the demo
const POSTED = COMMENTS_PER_BLOCK + 2;

/** The HTML of one block of the draft: its text, its margin and its thread. */
function blockHtml(page: string, blockId: string): string {
  const start = page.indexOf(`data-block-id="${blockId}"`);
  expect(start).toBeGreaterThan(-1);
  const ends = [page.indexOf('data-block-id="', start + 1), page.indexOf('id="orphaned-title"', start), page.indexOf('class="general-comments"', start)].filter((i) => i > start);
  return page.slice(start, Math.min(...ends));
}

for (const engine of serverEngines) {
  describe(`block threads on the draft page on ${engine}`, () => {
    let server: RunningServer;
    let citizen: HttpClient;
    beforeAll(async () => {
      server = await startServer({ engine });
      citizen = new HttpClient(server.url);
      await citizen.signIn("ru", "citizen@demo.kenes.kz", "kenes-demo-2026");
    });
    afterAll(async () => {
      await server?.stop();
    });

    it(`renders the latest ${COMMENTS_PER_BLOCK} comments, the total and a link to all, and a mark for every annotation`, async () => {
      const blocks = JSON.parse((await citizen.get(`/api/v1/consultations/${SLUG}`)).text).blocks as { id: string; kind: string; text: { ru: string } }[];
      const before = (await citizen.get(`/ru/consultations/${SLUG}`)).text;
      // A paragraph without comments yet, long enough for one annotation per word.
      const block = blocks.find((b) => b.kind === "paragraph" && b.text.ru.split(" ").length > POSTED && !blockHtml(before, b.id).includes('data-testid="block-count"'));
      expect(block).toBeDefined();
      const text = block!.text.ru;
      const words = text.split(" ");
      const ids: string[] = [];
      let at = 0;
      for (let i = 0; i < POSTED; i++) {
        const s = selectorFor(text, at, at + words[i].length)!;
        at += words[i].length + 1;
        const form = await citizen.get(`/ru/consultations/${SLUG}`);
        const response = await citizen.postForm(`/ru/consultations/${SLUG}`, {
          csrf: HttpClient.csrfFrom(form.text),
          intent: "comment",
          idempotencyKey: `many-${i}-${Date.now()}`,
          body: `Замечание номер ${i + 1} к слову «${words[i]}».`,
          blockId: block!.id,
          exact: s.exact,
          prefix: s.prefix,
          suffix: s.suffix,
          start: String(s.start),
          end: String(s.end),
        });
        expect(response.status).toBe(303);
        ids.push(/#comment-([0-9a-f-]{36})/.exec(response.headers.get("location") ?? "")![1]);
      }

      const html = blockHtml((await citizen.get(`/ru/consultations/${SLUG}`)).text, block!.id);
      // Every annotation is highlighted, shown in the thread or not.
      for (const id of ids) expect(html).toContain(`<mark data-annotation-id="${id}"`);
      // Only the latest ones are in the thread, a comment just posted among them.
      const items = [...html.matchAll(/<li id="comment-([0-9a-f-]{36})"/g)].map((m) => m[1]);
      expect(items).toEqual(ids.slice(POSTED - COMMENTS_PER_BLOCK));
      // The margin counts them all, and a link leads to the whole thread.
      const count = /data-testid="block-count"[^>]*>([^<]*)</.exec(html)!;
      expect(count[1]).toContain(String(POSTED));
      const link = /<a [^>]*data-testid="show-all"[^>]*>([\s\S]*?)<\/a>/.exec(html)!;
      const href = /href="([^"]+)"/.exec(link[0])![1].replace(/&amp;/g, "&");
      expect(href).toBe(`/ru/consultations/${SLUG}/comments?block=${block!.id}`);
      expect(visibleText(link[1])).toContain(`Показать все ${POSTED} комментариев`);

      // The whole thread has the older ones; an older annotation's own page (where its mark leads) exists.
      const thread = await citizen.get(href);
      expect(thread.status).toBe(200);
      for (const id of ids) expect(thread.text).toContain(id);
      const own = await citizen.get(`/ru/comments/${ids[0]}`);
      expect(own.status).toBe(200);
      expect(own.text).toContain(`Замечание номер 1`);
    });

    it("renders a thread page's list once for every reader, in the HTML only, and again when the thread changes", async () => {
      const blocks = JSON.parse((await citizen.get(`/api/v1/consultations/${SLUG}`)).text).blocks as { id: string; kind: string }[];
      const block = blocks.filter((b) => b.kind === "paragraph").at(-1)!;
      const path = `/ru/consultations/${SLUG}/comments?block=${block.id}`;
      const post = async (body: string) => {
        const form = await citizen.get(`/ru/consultations/${SLUG}`);
        const response = await citizen.postForm(`/ru/consultations/${SLUG}`, { csrf: HttpClient.csrfFrom(form.text), intent: "comment", idempotencyKey: `list-${Date.now()}-${Math.random().toString(36).slice(2)}`, body, blockId: block.id });
        expect(response.status).toBe(303);
      };
      const anonymous = new HttpClient(server.url);
      const occurrences = (html: string, text: string) => html.split(text).length - 1;
      const first = "Бірінші пікір: әлеуметтік гранттар <script>alert(1)</script>";
      await post(first);
      const page = await anonymous.get(path);
      expect(page.status).toBe(200);
      // The heading is the block's label and text, the label's own full stop not doubled.
      expect(page.text).not.toMatch(/<h1>[^<]*\.\. /);
      // Once, escaped, in the list; not a second time in the page's data.
      expect(occurrences(page.text, "Бірінші пікір: әлеуметтік гранттар &lt;script&gt;")).toBe(1);
      expect(page.text).not.toContain("<script>alert(1)</script>");
      expect(occurrences(page.text, "Бірінші пікір")).toBe(1);
      // A client navigation has no document to take the list from: its data carries the HTML.
      const data = JSON.parse((await anonymous.get(`${path}&_data=${encodeURIComponent("routes/$lang.consultations.$slug.comments")}`)).text);
      expect(data.shown).toBeGreaterThan(0);
      expect(data.commentsHtml).toContain("Бірінші пікір");
      // A new comment on the thread is on the next render, for the anonymous reader and the author alike.
      await post("Екінші пікір: қосымша ұсыныс");
      for (const reader of [anonymous, citizen]) {
        const again = await reader.get(path);
        expect(again.text).toContain("Бірінші пікір");
        expect(again.text).toContain("Екінші пікір: қосымша ұсыныс");
      }
    });
  });
}
