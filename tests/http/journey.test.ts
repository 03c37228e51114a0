/**
 * The first user journey over real HTTP against the built server (`node server.js`):
 * register → sign in → comment → see it in the page and the API, plus the bad inputs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isValidBin } from "~/modules/accounts/accounts.schema";
import { HttpClient, visibleText } from "../support/http";
import { serverEngines, startServer, type RunningServer } from "../support/server";

const SLUG = "grant-rules-2027"; // open in the demo
const CLOSED = "grant-reporting-2026";
const PLANNED = "ngo-register-2027";

for (const engine of serverEngines) {
  describe(`HTTP journey on ${engine}`, () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ engine });
    });
    afterAll(async () => {
      await server?.stop();
    });
    const client = () => new HttpClient(server.url);
    let counter = 0;
    async function registered(lang = "ru") {
      const c = client();
      const email = `user${++counter}-${Date.now()}@example.kz`;
      const response = await c.submit(`/${lang}/register`, { email, password: "a-good-password", name: `Тұрғын ${counter}` });
      expect(response.status).toBe(303);
      return { c, email };
    }
    async function firstArticleBlockId(c: HttpClient) {
      const api = await c.get(`/api/v1/consultations/${SLUG}`);
      const blocks = JSON.parse(api.text).blocks as { id: string; kind: string }[];
      return blocks.find((b) => b.kind === "article")!.id;
    }

    it("redirects / by Accept-Language (Kazakh by default) and sets <html lang>", async () => {
      const c = client();
      expect((await c.get("/", { "Accept-Language": "ru-RU,ru;q=0.9" })).response.headers.get("location")).toBe("/ru");
      expect((await c.get("/", { "Accept-Language": "en-GB,en;q=0.8" })).response.headers.get("location")).toBe("/en");
      expect((await c.get("/", { "Accept-Language": "de-DE" })).response.headers.get("location")).toBe("/kk");
      expect((await c.get("/")).response.headers.get("location")).toBe("/kk");
      const home = await c.get("/kk");
      expect(visibleText(home.text)).toContain("Талқылау қалай өтеді");
      for (const lang of ["kk", "ru", "en"]) {
        const page = await c.get(`/${lang}/consultations`);
        expect(page.status).toBe(200);
        expect(page.text).toContain(`<html lang="${lang}"`);
      }
    });

    it("answers 404 for other prefixes and unknown pages, localized", async () => {
      const c = client();
      expect((await c.get("/de/consultations")).status).toBe(404);
      expect((await c.get("/consultations")).status).toBe(404);
      const missing = await c.get("/ru/consultations/no-such-draft");
      expect(missing.status).toBe(404);
      expect(missing.text).toContain("Страница не найдена");
      const kk = await c.get("/kk/nowhere");
      expect(kk.status).toBe(404);
      expect(kk.text).toContain("Бет табылмады");
    });

    it("lists consultations with open ones first, days left, and filters", async () => {
      const c = client();
      const page = await c.get("/ru/consultations");
      const text = visibleText(page.text);
      expect(text).toMatch(/осталось \d+ (дня|дней|день)|остался \d+ день/);
      const order = ["youth-lots-2027", SLUG, PLANNED, CLOSED].map((s) => page.text.indexOf(`/ru/consultations/${s}"`));
      expect(order.every((i) => i > 0)).toBe(true);
      expect(Math.max(order[0], order[1])).toBeLessThan(order[2]);
      expect(order[2]).toBeLessThan(order[3]);
      // The demo's closed consultation already has its report published.
      const closedOnly = await c.get("/ru/consultations?status=report_published");
      expect(closedOnly.text).toContain(`/ru/consultations/${CLOSED}"`);
      expect(closedOnly.text).not.toContain(`/ru/consultations/${SLUG}"`);
      const byType = await c.get("/en/consultations?type=lot_specification");
      expect(byType.text).toContain("/en/consultations/youth-lots-2027");
      expect(byType.text).not.toContain(`/en/consultations/${SLUG}"`);
      const byBody = await c.get("/kk/consultations?body=cisc");
      expect(byBody.text).toContain("/kk/consultations/youth-lots-2027");
      expect(byBody.text).not.toContain(`/kk/consultations/${SLUG}"`);
    });

    it("shows the draft block by block with anchors, contents, counts and the short-period justification", async () => {
      const c = client();
      const page = await c.get(`/kk/consultations/${SLUG}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('data-block-id="');
      expect(page.text).toContain('id="block-art-1"');
      expect(page.text).toContain('href="#block-art-1"');
      expect(page.text).toContain("1-бап");
      expect(page.text).toContain("Мазмұны"); // table of contents
      expect(page.text.includes("\u0000")).toBe(false); // React 18 streaming bug guarded in entry.server
      const en = await c.get(`/en/consultations/${SLUG}`);
      expect(en.text).toContain("unofficial translation");
      const lots = await c.get("/ru/consultations/youth-lots-2027");
      expect(visibleText(lots.text)).toMatch(/Почему срок короче 30 дней/);
    });

    it("register → sign in → comment on the whole draft and on an article → page and API show them", async () => {
      const { c, email } = await registered("ru");
      // Sign out and in again with the same account.
      const page = await c.get("/ru/consultations");
      expect((await c.postForm("/ru/logout", { csrf: HttpClient.csrfFrom(page.text) })).status).toBe(303);
      await c.signIn("ru", email, "a-good-password");

      const draft = await c.get(`/ru/consultations/${SLUG}`);
      const body = `Предлагаю увеличить сумму лота: <b>3 000 МРП</b> не покрывает зарплаты. №${Date.now()}`;
      const posted = await c.postForm(`/ru/consultations/${SLUG}`, {
        csrf: HttpClient.csrfFrom(draft.text),
        intent: "comment",
        blockId: "",
        idempotencyKey: HttpClient.idempotencyKeyFrom(draft.text),
        body,
      });
      expect(posted.status).toBe(303);
      expect(posted.headers.get("location")).toMatch(new RegExp(`/ru/consultations/${SLUG}\\?notice=comment_posted#comment-`));
      const after = await c.follow(posted);
      expect(after.text).toContain("ваш комментарий опубликован");
      // Markup in a comment is shown as text, never as HTML.
      expect(after.text).toContain("&lt;b&gt;3 000 МРП&lt;/b&gt;");
      expect(after.text).not.toContain("<b>3 000 МРП</b>");

      const blockId = await firstArticleBlockId(c);
      const withForm = await c.get(`/ru/consultations/${SLUG}?comment_on=${blockId}`);
      const onBlock = await c.postForm(`/ru/consultations/${SLUG}`, {
        csrf: HttpClient.csrfFrom(withForm.text),
        intent: "comment",
        blockId,
        idempotencyKey: HttpClient.idempotencyKeyFrom(withForm.text, `form-${blockId}`),
        body: "Бапқа ескерту: мерзім тым қысқа.",
      });
      expect(onBlock.status).toBe(303);

      const api = JSON.parse((await c.get(`/api/v1/consultations/${SLUG}/comments?limit=200`)).text);
      const mine = api.items.filter((i: { author: { name: string } }) => i.author.name.startsWith("Тұрғын"));
      expect(mine.map((i: { body: string }) => i.body)).toEqual(expect.arrayContaining([body, "Бапқа ескерту: мерзім тым қысқа."]));
      const blockComment = mine.find((i: { blockId: string | null }) => i.blockId === blockId);
      expect(blockComment).toMatchObject({ lang: "ru", author: { organization: null } });
      const detail = JSON.parse((await c.get(`/api/v1/consultations/${SLUG}`)).text);
      expect(detail.blocks.find((b: { id: string }) => b.id === blockId).commentCount).toBeGreaterThanOrEqual(1);
    });

    it("refuses bad comments with a localized message next to the field and keeps the text", async () => {
      const { c } = await registered("kk");
      const draft = await c.get(`/kk/consultations/${SLUG}`);
      const base = { csrf: HttpClient.csrfFrom(draft.text), intent: "comment", blockId: "", idempotencyKey: HttpClient.idempotencyKeyFrom(draft.text) };

      const empty = await c.postForm(`/kk/consultations/${SLUG}`, { ...base, body: "   " });
      expect(empty.status).toBe(400);
      expect(visibleText(await empty.text())).toContain("Жібермес бұрын пікіріңізді жазыңыз.");

      const long = "ә".repeat(10_001);
      const tooLong = await c.postForm(`/kk/consultations/${SLUG}`, { ...base, body: long });
      expect(tooLong.status).toBe(400);
      const tooLongHtml = await tooLong.text();
      expect(tooLongHtml).toContain("10 000 таңбадан ұзын");
      expect(tooLongHtml).toContain(long); // nothing typed is lost

      const unknownBlock = await c.postForm(`/kk/consultations/${SLUG}`, { ...base, blockId: "00000000-0000-4000-8000-000000000000", body: "Мәтін" });
      expect(unknownBlock.status).toBe(400);
      expect(visibleText(await unknownBlock.text())).toContain("Жобаның бұл бөлігі енді жоқ");

      const closed = await c.get(`/ru/consultations/${CLOSED}`);
      const onClosed = await c.postForm(`/ru/consultations/${CLOSED}`, { ...base, csrf: HttpClient.csrfFrom(closed.text), body: "Поздно, но важно" });
      expect(onClosed.status).toBe(409);
      const closedHtml = await onClosed.text();
      expect(visibleText(closedHtml)).toContain("Обсуждение завершено");
      expect(closedHtml).toContain("Поздно, но важно");

      const planned = await c.postForm(`/en/consultations/${PLANNED}`, { ...base, body: "Too early" });
      expect(planned.status).toBe(409);
      expect(visibleText(await planned.text())).toContain("not open yet");
    });

    it("a double submit creates one comment", async () => {
      const { c } = await registered("ru");
      const draft = await c.get(`/ru/consultations/${SLUG}`);
      const fields = { csrf: HttpClient.csrfFrom(draft.text), intent: "comment", blockId: "", idempotencyKey: HttpClient.idempotencyKeyFrom(draft.text), body: `Двойной клик ${Date.now()}` };
      const [a, b] = await Promise.all([c.postForm(`/ru/consultations/${SLUG}`, fields), c.postForm(`/ru/consultations/${SLUG}`, fields)]);
      expect([a.status, b.status]).toEqual([303, 303]);
      expect(a.headers.get("location")).toBe(b.headers.get("location"));
      const resent = await c.postForm(`/ru/consultations/${SLUG}`, fields);
      expect(resent.headers.get("location")).toBe(a.headers.get("location"));
      const api = JSON.parse((await c.get(`/api/v1/consultations/${SLUG}/comments?limit=200`)).text);
      expect(api.items.filter((i: { body: string }) => i.body === fields.body)).toHaveLength(1);
    });

    it("a signed-out visitor gets a sign-in message and keeps the text", async () => {
      const c = client();
      const draft = await c.get(`/ru/consultations/${SLUG}`);
      // A shared render carries no CSRF token: the visitor posts what the page's form holds.
      expect(draft.text).toContain('name="csrf" value=""');
      const response = await c.postForm(`/ru/consultations/${SLUG}`, { csrf: "", intent: "comment", blockId: "", idempotencyKey: HttpClient.idempotencyKeyFrom(draft.text), body: "Мой текст без входа" });
      expect(response.status).toBe(401);
      const html = await response.text();
      expect(visibleText(html)).toContain("Войдите, чтобы отправить комментарий");
      expect(html).toContain("Мой текст без входа");
    });

    it("refuses missing, wrong and cross-site CSRF", async () => {
      const { c } = await registered("en");
      const draft = await c.get(`/en/consultations/${SLUG}`);
      const fields = { intent: "comment", blockId: "", idempotencyKey: HttpClient.idempotencyKeyFrom(draft.text), body: "Forged?" };
      const missing = await c.postForm(`/en/consultations/${SLUG}`, fields);
      expect(missing.status).toBe(403);
      expect(visibleText(await missing.text())).toContain("This form has expired or did not come from this site");
      expect((await c.postForm(`/en/consultations/${SLUG}`, { ...fields, csrf: "x".repeat(43) })).status).toBe(403);
      const foreign = await c.postForm(`/en/consultations/${SLUG}`, { ...fields, csrf: HttpClient.csrfFrom(draft.text) }, { Origin: "https://evil.example" });
      expect(foreign.status).toBe(403);
      const login = await client().postForm("/en/login", { email: "citizen@demo.kenes.kz", password: "kenes-demo-2026" });
      expect(login.status).toBe(403);
      const api = JSON.parse((await c.get(`/api/v1/consultations/${SLUG}/comments?limit=200`)).text);
      expect(api.items.some((i: { body: string }) => i.body === "Forged?")).toBe(false);
    });

    it("registration and sign-in errors are localized and give no hint which part was wrong", async () => {
      const c = client();
      const invalid = Array.from({ length: 10 }, (_, d) => `12345678901${d}`).find((b) => !isValidBin(b))!;
      const badBin = await c.submit("/ru/register", { email: `ngo-${Date.now()}@example.kz`, password: "a-good-password", name: "НПО", asNgo: "on", organizationName: "Жастар", bin: invalid });
      expect(badBin.status).toBe(400);
      const badBinHtml = await badBin.text();
      expect(visibleText(badBinHtml)).toContain("Это недействительный БИН: проверьте цифры.");
      expect(badBinHtml).toContain('value="Жастар"');
      const shortBin = await c.submit("/kk/register", { email: `ngo2-${Date.now()}@example.kz`, password: "a-good-password", name: "ҮЕҰ", asNgo: "on", organizationName: "Жастар", bin: "12345" });
      expect(visibleText(await shortBin.text())).toContain("БСН дәл 12 цифрдан тұрады.");

      const wrongPassword = await c.submit("/ru/login", { email: "citizen@demo.kenes.kz", password: "not-the-password" });
      const unknownEmail = await c.submit("/ru/login", { email: "nobody@demo.kenes.kz", password: "kenes-demo-2026" });
      expect(wrongPassword.status).toBe(401);
      expect(unknownEmail.status).toBe(401);
      const a = visibleText(await wrongPassword.text());
      const b = visibleText(await unknownEmail.text());
      expect(a).toContain("Неверный адрес электронной почты или пароль.");
      expect(b).toContain("Неверный адрес электронной почты или пароль.");
    });

    it("staff create a consultation from structured text and publish it; others may not", async () => {
      const staff = client();
      await staff.signIn("ru", "staff@demo.kenes.kz", "kenes-demo-2026");
      const slug = `test-${Date.now()}`;
      const newPage = await staff.get("/ru/manage/consultations/new");
      const orgId = /name="organizationId"[^>]*>[\s\S]*?<option value="([^"]+)"/.exec(newPage.text)![1];
      const short = await staff.postForm("/ru/manage/consultations/new", {
        csrf: HttpClient.csrfFrom(newPage.text), slug, type: "grant_rules", organizationId: orgId,
        title_kk: "Сынақ қағидалары", title_ru: "Тестовые правила", summary_kk: "Қысқаша", summary_ru: "Кратко",
        opensOn: "2026-01-01", closesOn: "2026-01-10",
      });
      expect(short.status).toBe(400);
      expect(visibleText(await short.text())).toContain("Срок короче минимального");
      const created = await staff.postForm("/ru/manage/consultations/new", {
        csrf: HttpClient.csrfFrom(newPage.text), slug, type: "grant_rules", organizationId: orgId,
        title_kk: "Сынақ қағидалары", title_ru: "Тестовые правила", summary_kk: "Қысқаша", summary_ru: "Кратко",
        opensOn: "2026-01-01", closesOn: "2030-01-10",
      });
      expect(created.status).toBe(303);
      // Not public before publishing.
      expect((await client().get(`/ru/consultations/${slug}`)).status).toBe(404);
      const manage = `/ru/manage/consultations/${slug}`;
      const mismatch = await staff.submit(manage, { intent: "draft", text_kk: "1-бап. Мақсаты", text_ru: "Статья 1. Цель\nСтатья 2. Сроки" });
      expect(mismatch.status).toBe(400);
      expect(visibleText(await mismatch.text())).toContain("структура во всех языках должна совпадать");
      expect((await staff.submit(manage, { intent: "draft", text_kk: "1-бап. Мақсаты\nМәтін.", text_ru: "Статья 1. Цель\nТекст." })).status).toBe(303);
      expect((await staff.submit(manage, { intent: "publish" })).status).toBe(303);
      const pub = await client().get(`/kk/consultations/${slug}`);
      expect(pub.status).toBe(200);
      expect(pub.text).toContain("1-бап");

      const citizen = client();
      await citizen.signIn("ru", "citizen@demo.kenes.kz", "kenes-demo-2026");
      expect((await citizen.get("/ru/manage/consultations/new")).status).toBe(403);
      expect((await citizen.submit("/ru/consultations", { intent: "publish" }, manage)).status).toBe(403);
      expect((await client().get(manage)).status).toBe(302);
    });

    it("serves the open-data API with keyset pagination and clear errors", async () => {
      const c = client();
      const list = JSON.parse((await c.get("/api/v1/consultations")).text);
      const item = list.items.find((i: { slug: string }) => i.slug === SLUG);
      expect(item).toMatchObject({ slug: SLUG, type: "grant_rules", status: "open", title: { kk: expect.any(String), ru: expect.any(String), en: expect.any(String) } });
      expect(Object.keys(item)).toEqual(expect.arrayContaining(["slug", "type", "status", "title", "summary", "body", "opensAt", "closesAt", "commentCount"]));
      const detail = JSON.parse((await c.get(`/api/v1/consultations/${SLUG}`)).text);
      expect(detail.blocks[0]).toMatchObject({ id: expect.any(String), key: expect.any(String), kind: expect.any(String), text: { kk: expect.any(String), ru: expect.any(String), en: expect.any(String) }, commentCount: expect.any(Number) });
      expect(detail.versions).toEqual([expect.objectContaining({ number: 1 })]);
      const first = JSON.parse((await c.get(`/api/v1/consultations/${CLOSED}/comments?limit=5`)).text);
      expect(first.items).toHaveLength(5);
      expect(first.items[0]).toMatchObject({ id: expect.any(String), body: expect.any(String), lang: expect.any(String), author: { name: expect.any(String) }, createdAt: expect.any(String) });
      const second = JSON.parse((await c.get(`/api/v1/consultations/${CLOSED}/comments?limit=5&cursor=${first.nextCursor}`)).text);
      expect(second.items[0].id).not.toBe(first.items[0].id);
      expect(new Set([...first.items, ...second.items].map((i: { id: string }) => i.id)).size).toBe(10);
      expect((await c.get(`/api/v1/consultations/${SLUG}/comments?limit=abc`)).status).toBe(400);
      expect((await c.get(`/api/v1/consultations/${SLUG}/comments?limit=100000`)).status).toBe(400);
      expect((await c.get(`/api/v1/consultations/${SLUG}/comments?cursor=%27%3Bdrop`)).status).toBe(400);
      expect((await c.get("/api/v1/consultations/nope")).status).toBe(404);
      const health = await c.get("/healthz");
      expect(health.status).toBe(200);
      expect(JSON.parse(health.text)).toMatchObject({ status: "ok", database: { ok: true, engine } });
    });
  });
}

for (const engine of serverEngines) {
  describe(`comment page on ${engine}`, () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ engine });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it("the author edits (history kept and shown) and withdraws (kept with the reason); others cannot", async () => {
      const author = new HttpClient(server.url);
      await author.signIn("ru", "ngo@demo.kenes.kz", "kenes-demo-2026");
      const draft = await author.get(`/ru/consultations/${SLUG}`);
      const posted = await author.postForm(`/ru/consultations/${SLUG}`, { csrf: HttpClient.csrfFrom(draft.text), intent: "comment", blockId: "", idempotencyKey: HttpClient.idempotencyKeyFrom(draft.text), body: "Первый текст" });
      const id = /#comment-([0-9a-f-]{36})/.exec(posted.headers.get("location")!)![1];
      const pagePath = `/ru/comments/${id}`;

      const other = new HttpClient(server.url);
      await other.signIn("ru", "citizen@demo.kenes.kz", "kenes-demo-2026");
      const otherPage = await other.get(pagePath);
      expect(otherPage.text).not.toContain('value="edit"');
      const forged = await other.postForm(pagePath, { csrf: HttpClient.csrfFrom(otherPage.text), intent: "edit", body: "Чужая правка" });
      expect(forged.status).toBe(403);

      const empty = await author.submit(pagePath, { intent: "edit", body: " " });
      expect(empty.status).toBe(400);
      expect((await author.submit(pagePath, { intent: "edit", body: "Второй текст" })).status).toBe(303);
      const shown = visibleText((await new HttpClient(server.url).get(pagePath)).text);
      expect(shown).toContain("Второй текст");
      expect(shown).toContain("Прежние редакции комментария");
      expect(shown).toContain("Первый текст");

      expect((await author.submit(pagePath, { intent: "withdraw", reason: "Учтено в другом замечании" })).status).toBe(303);
      const after = visibleText((await new HttpClient(server.url).get(pagePath)).text);
      expect(after).toContain("Отозвано автором");
      expect(after).not.toContain("Второй текст");
      const api = JSON.parse((await author.get(`/api/v1/consultations/${SLUG}/comments?limit=200`)).text);
      expect(api.items.some((i: { id: string }) => i.id === id)).toBe(false);
    });
  });
}
