/** The answer loop over real HTTP against the built server with the demo: answer, publish, moderate, export. */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "~/modules/reports/csv.server";
import { HttpClient, visibleText } from "../support/http";
import { serverEngines, startServer, type RunningServer } from "../support/server";

const PASSWORD = "kenes-demo-2026";

/** RFC 4180 CSV parsing (quotes, doubled quotes, commas and line breaks inside fields). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

async function csvOf(client: HttpClient, slug: string) {
  const response = await client.request(`/api/v1/consultations/${slug}/report.csv`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/text\/csv; charset=utf-8/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.slice(3)));
  expect(rows[0]).toEqual([...CSV_COLUMNS]);
  return rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]])));
}

for (const engine of serverEngines) {
  describe(`answers, reports and exports over HTTP (${engine})`, () => {
    let server: RunningServer;
    beforeAll(async () => {
      // These tests read the report right after writing: readers rebuild a stale report first
      // (tests/http/report-builds.test.ts covers the default, stored reads).
      server = await startServer({ engine, env: { REPORT_READ_MODE: "current" } });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it("shows the demo's published report as a page, JSON and CSV that agree", async () => {
      const client = new HttpClient(server.url);
      const page = await client.get("/ru/consultations/grant-reporting-2026/report");
      expect(page.status).toBe(200);
      expect(page.text).toContain('<svg role="img"');
      expect(page.text).toMatch(/<desc[^>]*>Принято: \d+/);
      const text = visibleText(page.text);
      expect(text).toContain("Редакция 1");
      expect(text).toContain("Скрыто модератором: Реклама");
      // The by-article table of the stored build travels once, as HTML (rendered once per build
      // and language); the page's data carries only the filter's choices, in the page's language.
      const table = /<div class="table-scroll" id="report-articles">(<table[\s\S]*?<\/table>)<\/div>/.exec(page.text)?.[1];
      expect(table).toBeDefined();
      expect(table).toMatch(/<th scope="row">[^<]+<\/th><td>\d+<\/td>/);
      const handoff = /window\.__remixContext = (\{[\s\S]*?\});<\/script>/.exec(page.text)?.[1] ?? "";
      const data = JSON.parse(handoff).state.loaderData["routes/$lang.consultations.$slug.report"];
      expect(data.data.articles).toEqual([]);
      expect(data.articlesHtml).toBeNull();
      expect(data.articleOptions.length).toBeGreaterThan(0);
      for (const option of data.articleOptions) expect(page.text).toContain(`<option value="${option.key}">`);
      // A client navigation has no document to take the table from: its data carries the HTML.
      const navigation = await client.get(`/ru/consultations/grant-reporting-2026/report?_data=${encodeURIComponent("routes/$lang.consultations.$slug.report")}`);
      expect(JSON.parse(navigation.text).articlesHtml).toBe(table);

      const api = await client.get("/api/v1/consultations/grant-reporting-2026/report");
      expect(api.status).toBe(200);
      const report = JSON.parse(api.text);
      expect(Object.keys(report)).toEqual(expect.arrayContaining(["consultation", "summary", "items"]));
      expect(report.consultation.slug).toBe("grant-reporting-2026");
      expect(Object.keys(report.summary.byStatus).sort()).toEqual(["accepted", "not_accepted", "noted", "partially_accepted", "unanswered"]);
      expect(report.summary.byStatus.unanswered).toBe(0);
      for (const status of ["accepted", "partially_accepted", "not_accepted", "noted"]) expect(report.summary.byStatus[status]).toBeGreaterThan(0);
      expect(report.summary.hidden).toBe(1);
      expect(report.items).toHaveLength(report.summary.comments);
      const answered = report.items.find((i: { response: unknown }) => i.response);
      expect(Object.keys(answered.response).sort()).toEqual(["justification", "respondedAt", "status"]);
      expect(report.summary.participants).toBeGreaterThan(1);

      const rows = await csvOf(client, "grant-reporting-2026");
      expect(rows).toHaveLength(report.summary.comments);
      const hidden = rows.filter((r) => r.comment_status === "hidden");
      expect(hidden).toHaveLength(1);
      expect(hidden[0].comment).toBe("");
      expect(rows.filter((r) => r.similar_group_size === "3")).toHaveLength(3);
      expect(rows.some((r) => r.author.startsWith("participant-"))).toBe(true);
    });

    it("runs the answer loop: draft, publish, seen by the commenter, exported with tricky text intact", async () => {
      const citizen = new HttpClient(server.url);
      await citizen.signIn("ru", "citizen@demo.kenes.kz", PASSWORD);
      const tricky = 'Мәтін "тырнақшада", үтірмен,\nжаңа жол; «ёлки», "кавычки" и запятые, ұғым һәм ғ';
      const form = await citizen.get("/ru/consultations/grant-rules-2027");
      const posted = await citizen.postForm("/ru/consultations/grant-rules-2027", {
        csrf: HttpClient.csrfFrom(form.text),
        intent: "comment",
        blockId: "",
        idempotencyKey: HttpClient.idempotencyKeyFrom(form.text),
        body: tricky,
        pseudonymous: "1",
      });
      expect(posted.status).toBe(303);
      const commentId = /#comment-([0-9a-f-]{36})/.exec(posted.headers.get("location") ?? "")![1];

      // Authorization: neither a citizen nor an MP may answer or publish.
      expect((await citizen.submit("/ru/consultations/grant-rules-2027/report", { intent: "publish_answers" })).status).toBe(403);
      const mp = new HttpClient(server.url);
      await mp.signIn("ru", "mp@demo.kenes.kz", PASSWORD);
      expect((await mp.submit("/ru/consultations/grant-reporting-2026/report", { intent: "publish_report" })).status).toBe(403);
      const page = await citizen.get("/ru/consultations/grant-rules-2027");
      expect((await citizen.postForm("/ru/manage/responses", { csrf: HttpClient.csrfFrom(page.text), commentId, status: "accepted" })).status).toBe(403);

      const staff = new HttpClient(server.url);
      await staff.signIn("ru", "staff@demo.kenes.kz", PASSWORD);
      const queuePath = "/ru/manage/responses?consultation=grant-rules-2027";
      const justification = "Не принято: норма о тексте, \"в кавычках\", сохраняется в редакции.";
      const queue = await staff.get(queuePath);
      expect(queue.status).toBe(200);
      expect(queue.text).toContain(commentId);
      // A missing justification is refused with the form as typed.
      const refused = await staff.postForm(queuePath, { csrf: HttpClient.csrfFrom(queue.text), intent: "answer", commentId, status: "not_accepted", justification_en: "kept as typed" });
      expect(refused.status).toBe(400);
      const refusedHtml = await refused.text();
      expect(visibleText(refusedHtml)).toContain("Для этого статуса нужно обоснование");
      expect(refusedHtml).toContain("kept as typed");
      expect(refusedHtml).toMatch(new RegExp(`checked="" value="${commentId}"`));

      expect((await staff.postForm(queuePath, { csrf: HttpClient.csrfFrom(queue.text), intent: "answer", commentId, status: "not_accepted", justification_ru: justification })).status).toBe(303);
      const beforePublish = await citizen.get(`/ru/consultations/grant-rules-2027/comments?block=general`);
      expect(visibleText(beforePublish.text)).not.toContain("Официальный ответ");
      expect(visibleText((await citizen.get("/ru/my/comments")).text)).not.toContain(justification);

      expect((await staff.postForm(queuePath, { csrf: HttpClient.csrfFrom(queue.text), intent: "publish", commentId })).status).toBe(303);
      const thread = visibleText((await citizen.get(`/ru/consultations/grant-rules-2027/comments?block=general`)).text);
      expect(thread).toContain("Официальный ответ");
      expect(thread).toContain(justification);
      const mine = visibleText((await citizen.get("/ru/my/comments")).text);
      expect(mine).toContain(justification);
      expect(mine).toContain("Не принято");

      const rows = await csvOf(citizen, "grant-rules-2027");
      const json = JSON.parse((await citizen.get("/api/v1/consultations/grant-rules-2027/report")).text);
      expect(rows).toHaveLength(json.summary.comments);
      const row = rows.find((r) => r.comment_id === commentId)!;
      expect(row.comment).toBe(tricky);
      // the author asked for a pseudonym when posting
      expect(row.author).toMatch(/^participant-[0-9a-f]{8}$/);
      expect(row.organization).toBe("");
      expect(row.response_status).toBe("not_accepted");
      expect(row.justification_ru).toBe(justification);
      // drafts of other comments are not exported
      expect(rows.filter((r) => r.response_status !== "").map((r) => r.comment_id)).toEqual([commentId]);
      expect(json.items.find((i: { comment: { id: string } }) => i.comment.id === commentId).response.status).toBe("not_accepted");

      // An open consultation's report cannot be published yet.
      const report = await staff.submit("/ru/consultations/grant-rules-2027/report", { intent: "publish_report" });
      expect(report.status).toBe(409);
      // Nobody changes a published report: a correction needs a change log and becomes revision 2.
      const correction = await staff.submit("/ru/consultations/grant-reporting-2026/report", { intent: "publish_report" });
      expect(correction.status).toBe(409);
      expect(visibleText(await correction.text())).toContain("Укажите, что изменилось");
    });

    it("answers with a reusable template of the body", async () => {
      const staff = new HttpClient(server.url);
      await staff.signIn("ru", "staff@demo.kenes.kz", PASSWORD);
      const text = "Шаблон: учтено при подготовке методических рекомендаций.";
      expect((await staff.submit("/ru/manage/templates", { title: "", status: "noted" })).status).toBe(400);
      expect((await staff.submit("/ru/manage/templates", { title: "Методика", status: "noted", justification_ru: text })).status).toBe(303);
      const templates = await staff.get("/ru/manage/templates");
      const templateId = /name="templateId" value="([0-9a-f-]{36})"/.exec(templates.text)![1];
      const queuePath = "/ru/manage/responses?consultation=grant-rules-2027&status=unanswered";
      const queue = await staff.get(queuePath);
      const commentId = /name="commentId" value="([0-9a-f-]{36})"/.exec(queue.text)![1];
      expect((await staff.postForm(queuePath, { csrf: HttpClient.csrfFrom(queue.text), intent: "answer", commentId, templateId })).status).toBe(303);
      const drafts = visibleText((await staff.get("/ru/manage/responses?consultation=grant-rules-2027&status=draft")).text);
      expect(drafts).toContain(text);
      // templates are for staff only
      const citizen = new HttpClient(server.url);
      await citizen.signIn("ru", "citizen@demo.kenes.kz", PASSWORD);
      expect((await citizen.get("/ru/manage/templates")).status).toBe(403);
    });

    it("moderation over HTTP: a citizen flags but cannot hide; a moderator hides with a public reason", async () => {
      const citizen = new HttpClient(server.url);
      await citizen.signIn("ru", "ngo@demo.kenes.kz", PASSWORD);
      const api = JSON.parse((await citizen.get("/api/v1/consultations/grant-rules-2027/comments?limit=3")).text);
      const target = api.items[2].id as string;
      const flag = await citizen.submit(`/ru/comments/${target}/flag`, { reason: "Оскорбление" });
      expect(flag.status).toBe(303);
      expect((await citizen.submit(`/ru/comments/${target}/flag`, { reason: "" })).status).toBe(400);
      const page = await citizen.get("/ru/consultations/grant-rules-2027");
      expect((await citizen.postForm("/ru/moderation", { csrf: HttpClient.csrfFrom(page.text), intent: "hide", commentId: target, reason: "нет" })).status).toBe(403);

      const moderator = new HttpClient(server.url);
      await moderator.signIn("ru", "moderator@demo.kenes.kz", PASSWORD);
      const queue = await moderator.get("/ru/moderation");
      expect(queue.status).toBe(200);
      expect(queue.text).toContain(`mod-${target}`);
      expect((await moderator.postForm("/ru/moderation", { csrf: HttpClient.csrfFrom(queue.text), intent: "hide", commentId: target, reason: "" })).status).toBe(400);
      expect((await moderator.postForm("/ru/moderation", { csrf: HttpClient.csrfFrom(queue.text), intent: "hide", commentId: target, reason: "Нарушение правил: оскорбление" })).status).toBe(303);
      const thread = visibleText((await citizen.get("/ru/consultations/grant-rules-2027/comments?block=general")).text + (await citizen.get("/ru/consultations/grant-rules-2027")).text);
      expect(thread).toContain("Нарушение правил: оскорбление");
      const json = JSON.parse((await citizen.get("/api/v1/consultations/grant-rules-2027/report")).text);
      expect(json.summary.hidden).toBe(1);
      expect(json.items.find((i: { comment: { id: string } }) => i.comment.id === target).comment.status).toBe("hidden");
    });

    it("serves feeds, the MPs' dashboard and a PDF per language", async () => {
      const client = new HttpClient(server.url);
      const all = await client.request("/kk/reports/feed.atom");
      expect(all.headers.get("content-type")).toMatch(/application\/atom\+xml/);
      const xml = await all.text();
      expect(xml).toContain("<feed");
      expect(xml).toContain("grant-reporting-2026/report?revision=1");
      const one = await client.get("/ru/consultations/grant-reporting-2026/feed.atom");
      expect(one.text.match(/<entry>/g)?.length ?? 0).toBeGreaterThan(5);

      const dashboard = await client.get("/ru/reports");
      expect(dashboard.status).toBe(200);
      expect(dashboard.text).toContain('data-body="misd"');
      expect(visibleText(dashboard.text)).toContain("опубликован");

      const pdf = await client.request("/kk/consultations/grant-reporting-2026/report.pdf");
      if (!existsSync("/usr/bin/chromium")) {
        console.log("[tests] PDF printing skipped: /usr/bin/chromium is missing; expecting the 503 instead");
        expect(pdf.status).toBe(503);
        return;
      }
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      const bytes = Buffer.from(await pdf.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      expect((await client.request("/ru/consultations/grant-rules-2027/report.pdf")).status).toBe(404);
    });
  });
}
