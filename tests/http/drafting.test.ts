/**
 * Staff drafting over real HTTP: import .docx drafts (built here with the `docx` package) in
 * Russian and Kazakh, redo an import, build and publish the version; attachments with type
 * checks and a safe download name; readers get sanitized server-rendered HTML; a second version
 * re-anchors an annotation, keeps the first version readable and shows a per-article diff.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectorFor } from "~/modules/comments/anchor";
import { HttpClient, visibleText } from "../support/http";
import { serverEngines, startServer, type RunningServer } from "../support/server";

function docx(lines: Array<{ heading?: boolean; text: string; bold?: string }>) {
  return Packer.toBuffer(
    new Document({
      sections: [
        {
          children: lines.map((l) =>
            l.heading ? new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(l.text)] }) : new Paragraph({ children: [new TextRun(l.text), ...(l.bold ? [new TextRun({ text: l.bold, bold: true })] : [])] }),
          ),
        },
      ],
    }),
  );
}

const ruV1 = [{ heading: true, text: "Глава 1. Общие положения" }, { text: "Статья 1. Размер гранта" }, { text: "Размер гранта составляет ", bold: "5 000 000 тенге на один проект." }];
const kkV1 = [{ heading: true, text: "1-тарау. Жалпы ережелер" }, { text: "1-бап. Грант мөлшері" }, { text: "Грант мөлшері ", bold: "бір жобаға 5 000 000 теңге." }];

for (const engine of serverEngines) {
  describe(`drafting over HTTP on ${engine}`, () => {
    let server: RunningServer;
    let staff: HttpClient;
    const slug = `docx-${Date.now().toString(36)}`;
    beforeAll(async () => {
      server = await startServer({ engine });
      staff = new HttpClient(server.url);
      await staff.signIn("ru", "staff@demo.kenes.kz", "kenes-demo-2026");
    });
    afterAll(async () => {
      await server?.stop();
    });

    async function upload(path: string, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; type: string }) {
      const page = await staff.get(path);
      const body = new FormData();
      body.set("csrf", HttpClient.csrfFrom(page.text));
      for (const [k, v] of Object.entries(fields)) body.set(k, v);
      if (file) body.set("file", new Blob([Uint8Array.from(file.bytes)], { type: file.type }), file.name);
      return staff.request(path, { method: "POST", body });
    }
    const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    it("imports, redoes, builds and publishes a trilingual .docx draft; readers get sanitized HTML", async () => {
      const newPage = await staff.get("/ru/manage/consultations/new");
      const orgId = /name="organizationId"[^>]*>[\s\S]*?<option value="([^"]+)"/.exec(newPage.text)![1];
      const created = await staff.postForm("/ru/manage/consultations/new", {
        csrf: HttpClient.csrfFrom(newPage.text), slug, type: "grant_rules", organizationId: orgId,
        title_kk: "Сынақ", title_ru: "Проверка импорта", summary_kk: "Қысқаша", summary_ru: "Кратко", opensOn: "2026-01-01", closesOn: "2030-01-10",
      });
      expect(created.status).toBe(303);
      const editor = `/ru/manage/consultations/${slug}/editor`;
      const bad = await upload(editor, { intent: "import", lang: "ru" }, { name: "draft.docx", bytes: new TextEncoder().encode("just text, not a zip"), type: DOCX });
      expect(bad.status).toBe(400);
      expect(visibleText(await bad.text())).toContain("не является документом Word");
      // A first import with a typo, then the corrected one: the second replaces the first.
      expect((await upload(editor, { intent: "import", lang: "ru" }, { name: "черновик.docx", bytes: await docx([{ text: "Статья 1. Опечатка" }]), type: DOCX })).status).toBe(303);
      expect((await upload(editor, { intent: "import", lang: "ru" }, { name: "проект.docx", bytes: await docx(ruV1), type: DOCX })).status).toBe(303);
      expect((await upload(editor, { intent: "import", lang: "kk" }, { name: "жоба.docx", bytes: await docx(kkV1), type: DOCX })).status).toBe(303);
      const build = await staff.submit(editor, { intent: "build" });
      expect(build.status).toBe(303);
      const preview = await staff.get(`/ru/manage/consultations/${slug}`);
      expect(visibleText(preview.text)).toContain("art-1.p1");
      expect(visibleText(preview.text)).not.toContain("Опечатка");
      expect((await staff.submit(`/ru/manage/consultations/${slug}`, { intent: "publish" })).status).toBe(303);

      const reader = new HttpClient(server.url);
      const page = await reader.get(`/ru/consultations/${slug}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain("<strong>5 000 000 тенге на один проект.</strong>");
      expect(page.text).toMatch(/id="block-art-1"[^>]*data-block-id="/);
      const kk = await reader.get(`/kk/consultations/${slug}`);
      expect(kk.text).toContain("1-бап");
      expect(kk.text).toContain("<strong>бір жобаға 5 000 000 теңге.</strong>");
    });

    it("stores attachments with type and size checks and serves them with a safe name", async () => {
      const path = `/ru/manage/consultations/${slug}/attachments`;
      const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
      const ok = await upload(path, { kind: "explanatory_memorandum", version: "1" }, { name: '../../Пояснительная "записка".exe.pdf', bytes: pdf, type: "application/pdf" });
      expect(ok.status).toBe(303);
      const refused = await upload(path, { kind: "other" }, { name: "virus.pdf", bytes: new TextEncoder().encode("MZ\u0090\u0000 not a pdf"), type: "application/pdf" });
      expect(refused.status).toBe(400);
      expect(visibleText(await refused.text())).toContain("только файлы PDF, DOCX и XLSX");
      const word = await upload(path, { kind: "comparative_table" }, { name: "таблица.docx", bytes: await docx([{ text: "Сравнительная таблица" }]), type: "application/octet-stream" });
      expect(word.status).toBe(303);

      const publicPage = await new HttpClient(server.url).get(`/ru/consultations/${slug}`);
      const links = [...publicPage.text.matchAll(/href="\/files\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
      expect(links).toHaveLength(2);
      const download = await new HttpClient(server.url).request(`/files/${links[0]}`);
      expect(download.status).toBe(200);
      expect(download.headers.get("content-type")).toBe("application/pdf");
      const disposition = download.headers.get("content-disposition")!;
      expect(disposition).toMatch(/^attachment; filename="[^"/\\]+\.pdf"; filename\*=UTF-8''/);
      expect(decodeURIComponent(disposition.split("''")[1])).toBe("Пояснительная записка .exe.pdf");
      expect(download.headers.get("x-content-type-options")).toBe("nosniff");
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
      const docxDownload = await new HttpClient(server.url).request(`/files/${links[1]}`);
      expect(docxDownload.headers.get("content-type")).toBe(DOCX);
      expect((await new HttpClient(server.url).request("/files/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    });

    it("re-anchors an annotation on the next version, keeps version 1 readable and shows the diff", async () => {
      const citizen = new HttpClient(server.url);
      await citizen.signIn("ru", "citizen@demo.kenes.kz", "kenes-demo-2026");
      const api = JSON.parse((await citizen.get(`/api/v1/consultations/${slug}`)).text);
      const block = api.blocks.find((b: { key: string }) => b.key === "art-1.p1");
      const text: string = block.text.ru;
      expect(text).toBe("Размер гранта составляет 5 000 000 тенге на один проект.");
      // The quote spans the plain and the bold text node.
      const at = text.indexOf("составляет 5 000 000");
      const s = selectorFor(text, at, at + "составляет 5 000 000".length)!;
      const page = await citizen.get(`/ru/consultations/${slug}`);
      const posted = await citizen.postForm(`/ru/consultations/${slug}`, {
        csrf: HttpClient.csrfFrom(page.text), intent: "comment", idempotencyKey: `drafting-${Date.now()}`, body: "Сумма мала", blockId: block.id,
        exact: s.exact, prefix: s.prefix, suffix: s.suffix, start: String(s.start), end: String(s.end),
      });
      expect(posted.status).toBe(303);
      const id = /#comment-([0-9a-f-]{36})/.exec(posted.headers.get("location")!)![1];
      const marked = await citizen.get(`/ru/consultations/${slug}`);
      expect(marked.text.match(new RegExp(`data-annotation-id="${id}"`, "g"))).toHaveLength(2);

      const editor = `/ru/manage/consultations/${slug}/editor`;
      const ruV2 = [...ruV1.slice(0, 2), { text: "Максимальный размер гранта составляет ", bold: "5 000 000 тенге на один проект." }, { text: "Статья 2. Отчётность" }, { text: "Отчёт сдаётся ежегодно." }];
      const kkV2 = [...kkV1, { text: "2-бап. Есептілік" }, { text: "Есеп жыл сайын тапсырылады." }];
      expect((await upload(editor, { intent: "import", lang: "ru" }, { name: "v2.docx", bytes: await docx(ruV2), type: DOCX })).status).toBe(303);
      expect((await upload(editor, { intent: "import", lang: "kk" }, { name: "v2.docx", bytes: await docx(kkV2), type: DOCX })).status).toBe(303);
      expect((await staff.submit(editor, { intent: "build" })).status).toBe(303);
      expect((await staff.submit(`/ru/manage/consultations/${slug}`, { intent: "publish" })).status).toBe(303);

      const v2 = await citizen.get(`/ru/consultations/${slug}`);
      expect(v2.text).toContain(`data-annotation-id="${id}"`);
      expect(visibleText(v2.text)).toContain("Аннотация перенесена из прежней версии");
      const v1 = await citizen.get(`/ru/consultations/${slug}?version=1`);
      expect(v1.status).toBe(200);
      expect(visibleText(v1.text)).toContain("Вы читаете версию 1");
      expect(v1.text).toContain(`data-annotation-id="${id}"`);
      expect(visibleText(v1.text)).not.toContain("Отчёт сдаётся ежегодно");

      const diff = await citizen.get(`/ru/consultations/${slug}/diff?from=1&to=2`);
      expect(diff.status).toBe(200);
      expect(diff.text).toContain("<ins>Максимальный</ins>");
      expect(diff.text).toContain("<del>Размер</del>");
      expect(visibleText(diff.text)).toContain("Статья 2. Отчётность (добавлено)");
      const diffKk = await citizen.get(`/kk/consultations/${slug}/diff?from=1&to=2`);
      expect(visibleText(diffKk.text)).toContain("2-бап. Есептілік (қосылды)");
    });
  });
}
