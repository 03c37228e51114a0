/**
 * The annotation form over real HTTP (built server, demo data): the contract fields body,
 * blockId, exact, prefix, suffix, start, end; the server's quote check; highlights in the
 * server-rendered page; the API selector; replies and support without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectorFor } from "~/modules/comments/anchor";
import { HttpClient, visibleText } from "../support/http";
import { serverEngines, startServer, type RunningServer } from "../support/server";

const SLUG = "grant-rules-2027"; // open in the demo
const CLOSED = "grant-reporting-2026";

for (const engine of serverEngines) {
  describe(`annotations over HTTP on ${engine}`, () => {
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

    async function blocksOf(slug: string) {
      const api = await citizen.get(`/api/v1/consultations/${slug}`);
      return JSON.parse(api.text).blocks as { id: string; kind: string; text: { kk: string; ru: string; en: string } }[];
    }
    async function paragraph(slug = SLUG) {
      return (await blocksOf(slug)).find((b) => b.kind === "paragraph" && b.text.ru.length > 40)!;
    }
    async function form(slug = SLUG) {
      const page = await citizen.get(`/ru/consultations/${slug}`);
      return { csrf: HttpClient.csrfFrom(page.text), intent: "comment", idempotencyKey: `annot-${Date.now()}-${Math.random().toString(36).slice(2)}` };
    }
    function selectorFields(text: string, start: number, end: number) {
      const s = selectorFor(text, start, end)!;
      return { exact: s.exact, prefix: s.prefix, suffix: s.suffix, start: String(s.start), end: String(s.end) };
    }

    it("stores a valid annotation, highlights it after reload and lists its selector in the API", async () => {
      const block = await paragraph();
      const text = block.text.ru;
      const words = text.split(" ");
      const start = words[0].length + 1;
      const end = start + words[1].length + 1 + words[2].length;
      const response = await citizen.postForm(`/ru/consultations/${SLUG}`, { ...(await form()), body: "Уточните эту формулировку.", blockId: block.id, ...selectorFields(text, start, end) });
      expect(response.status).toBe(303);
      const id = /#comment-([0-9a-f-]{36})/.exec(response.headers.get("location") ?? "")![1];
      const page = await citizen.get(`/ru/consultations/${SLUG}`);
      expect(page.text).toContain(`<mark data-annotation-id="${id}"`);
      const mark = new RegExp(`<mark data-annotation-id="${id}"[^>]*>([^<]*)</mark>`).exec(page.text)!;
      expect(mark[1]).toBe(text.slice(start, end));
      expect(page.text).toContain(`id="comment-${id}"`);
      const api = JSON.parse((await citizen.get(`/api/v1/consultations/${SLUG}/comments?limit=200`)).text);
      const item = api.items.find((i: { id: string }) => i.id === id);
      expect(item.selector).toMatchObject({ blockId: block.id, start, end, exact: text.slice(start, end), prefix: text.slice(0, start) });
      const plain = api.items.find((i: { selector: unknown; id: string }) => i.id !== id && i.selector === null);
      expect(plain).toBeDefined();
    });

    it("refuses a quote that is not the text at start..end, keeping what was typed", async () => {
      const block = await paragraph();
      const fields = selectorFields(block.text.ru, 0, 10);
      const response = await citizen.postForm(`/ru/consultations/${SLUG}`, { ...(await form()), body: "Мой текст замечания", blockId: block.id, ...fields, exact: "не те слова" });
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(visibleText(html)).toContain("Процитированных слов нет в этой части текста");
      expect(html).toContain("Мой текст замечания");
    });

    it("finds a quote typed without JavaScript (no offsets) and refuses one not in the block", async () => {
      const block = await paragraph();
      const exact = block.text.ru.split(" ").slice(2, 5).join(" ");
      const ok = await citizen.postForm(`/ru/consultations/${SLUG}`, { ...(await form()), body: "Без JavaScript", blockId: block.id, exact, prefix: "", suffix: "", start: "", end: "" });
      expect(ok.status).toBe(303);
      const missing = await citizen.postForm(`/ru/consultations/${SLUG}`, { ...(await form()), body: "Без JavaScript", blockId: block.id, exact: "такого текста нет", start: "", end: "" });
      expect(missing.status).toBe(400);
    });

    it("refuses an unknown block and a closed consultation", async () => {
      const block = await paragraph();
      const unknown = await citizen.postForm(`/ru/consultations/${SLUG}`, { ...(await form()), body: "Текст", blockId: "00000000-0000-4000-8000-000000000000", ...selectorFields(block.text.ru, 0, 5) });
      expect(unknown.status).toBe(400);
      expect(visibleText(await unknown.text())).toContain("Этой части проекта больше нет");
      const closedBlock = await paragraph(CLOSED);
      const closed = await citizen.postForm(`/ru/consultations/${CLOSED}`, { ...(await form(CLOSED)), body: "Поздно", blockId: closedBlock.id, ...selectorFields(closedBlock.text.ru, 0, 5) });
      expect(closed.status).toBe(409);
      expect(visibleText(await closed.text())).toContain("Обсуждение завершено");
    });

    it("posts the same annotation once per idempotency key", async () => {
      const block = await paragraph();
      const fields = { ...(await form()), body: "Двойной клик", blockId: block.id, ...selectorFields(block.text.ru, 3, 12) };
      const first = await citizen.postForm(`/ru/consultations/${SLUG}`, fields);
      const second = await citizen.postForm(`/ru/consultations/${SLUG}`, fields);
      expect(first.headers.get("location")).toBe(second.headers.get("location"));
    });

    it("replies one level deep and counts one support per user, without JavaScript", async () => {
      const api = JSON.parse((await citizen.get(`/api/v1/consultations/${SLUG}/comments?limit=200`)).text);
      const target = api.items.find((i: { parentId: string | null }) => !i.parentId);
      const reply = await citizen.postForm(`/ru/consultations/${SLUG}`, { ...(await form()), body: "Согласен, поддерживаю", blockId: "", parentId: target.id });
      expect(reply.status).toBe(303);
      const replyId = /#comment-([0-9a-f-]{36})/.exec(reply.headers.get("location") ?? "")![1];
      const nested = await citizen.postForm(`/ru/consultations/${SLUG}`, { ...(await form()), body: "Ответ на ответ", blockId: "", parentId: replyId });
      const nestedId = /#comment-([0-9a-f-]{36})/.exec(nested.headers.get("location") ?? "")![1];
      const after = JSON.parse((await citizen.get(`/api/v1/consultations/${SLUG}/comments?limit=200`)).text);
      expect(after.items.find((i: { id: string }) => i.id === replyId).parentId).toBe(target.id);
      expect(after.items.find((i: { id: string }) => i.id === nestedId).parentId).toBe(target.id);

      const page = await citizen.get(`/ru/consultations/${SLUG}`);
      const csrf = HttpClient.csrfFrom(page.text);
      expect(visibleText(page.text)).toContain("Согласен, поддерживаю");
      for (let i = 0; i < 2; i++) expect((await citizen.postForm(`/ru/consultations/${SLUG}`, { csrf, intent: "support", commentId: target.id, support: "1" })).status).toBe(303);
      const ngo = new HttpClient(server.url);
      await ngo.signIn("ru", "ngo@demo.kenes.kz", "kenes-demo-2026");
      const ngoPage = await ngo.get(`/ru/consultations/${SLUG}`);
      expect((await ngo.postForm(`/ru/consultations/${SLUG}`, { csrf: HttpClient.csrfFrom(ngoPage.text), intent: "support", commentId: target.id, support: "1" })).status).toBe(303);
      const counted = JSON.parse((await citizen.get(`/api/v1/consultations/${SLUG}/comments?limit=200`)).text);
      expect(counted.items.find((i: { id: string }) => i.id === target.id).supportCount).toBe(2);
      await citizen.postForm(`/ru/consultations/${SLUG}`, { csrf, intent: "support", commentId: target.id, support: "0" });
      const withdrawn = JSON.parse((await citizen.get(`/api/v1/consultations/${SLUG}/comments?limit=200`)).text);
      expect(withdrawn.items.find((i: { id: string }) => i.id === target.id).supportCount).toBe(1);
      const anonymous = new HttpClient(server.url);
      const anonToken = await anonymous.token(`/ru/consultations/${SLUG}`);
      expect((await anonymous.postForm(`/ru/consultations/${SLUG}`, { csrf: anonToken, intent: "support", commentId: target.id })).status).toBe(401);
    });
  });
}
