/** Lots, feedback and the plan through the built server and real HTTP (no JavaScript), with the demo. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient, visibleText as rawText } from "../support/http";
import { serverEngines, startServer, type RunningServer } from "../support/server";
import { csvHeader, csvLotRows, toCsv } from "../support/lots";
import { selectorFor } from "~/modules/comments/anchor";

const PASSWORD = "kenes-demo-2026";
/** Visible text with the spaces that tag boundaries leave before punctuation removed. */
const visibleText = (html: string) => rawText(html).replace(/[\u00a0\u202f]/g, " ").replace(/ ([:,.)])/g, "$1").replace(/\( /g, "(");
const LOT = "/ru/consultations/youth-lots-2027/lots/L-01";

async function signedIn(server: RunningServer, email: string) {
  const client = new HttpClient(server.url);
  await client.signIn("ru", email, PASSWORD);
  return client;
}

async function upload(client: HttpClient, path: string, name: string, content: string) {
  const page = await client.get(path);
  const form = new FormData();
  form.set("csrf", HttpClient.csrfFrom(page.text));
  form.set("intent", "import");
  form.set("file", new Blob([content], { type: "text/csv" }), name);
  return client.request(path, { method: "POST", body: form });
}

describe.each(serverEngines)("lots over HTTP on %s", (engine) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ engine });
  });
  afterAll(async () => server?.stop());

  it("shows a lot's fields, budget table, summary chart and open data", async () => {
    const anonymous = new HttpClient(server.url);
    const page = await anonymous.get(LOT);
    expect(page.status).toBe(200);
    const text = visibleText(page.text).replace(/[\u00a0\u202f]/g, " ");
    expect(text).toContain("Лот L-01: Развитие молодёжного волонтёрства в Туркестанской области");
    expect(text).toContain("18 000 000 ₸ (3 957,8 МРП");
    expect(text).toContain("Проезд тренеров и участников");
    expect(text).toMatch(/460 .*5 000 ₸ .*2 300 000 ₸/);
    expect(text).toContain("Итого по бюджету 18 000 000 ₸");
    expect(page.text).toContain('<svg viewBox="0 0 600 150"');
    expect(text).toContain("Медиана предложенных сумм 21 000 000 ₸");
    expect(text).toContain("Самые обсуждаемые строки бюджета");
    // The draft page links the lots but does not list their anchors as draft text.
    const draft = visibleText((await anonymous.get("/ru/consultations/youth-lots-2027")).text);
    expect(draft).toContain("Лот L-02");
    expect(draft).not.toContain("строка бюджета 1");

    // The lots page: every lot's summary and every organisation's answer (the report's section).
    const index = visibleText((await anonymous.get("/ru/consultations/youth-lots-2027/lots")).text);
    expect(index).toContain("Лоты грантов: что сказал сектор");
    expect(index).toContain("Общественное объединение сельских женщин «Сыр аналары»");
    expect(index).toContain("Ответа пока нет");
    expect(index).toMatch(/Экологический общественный фонд «Таза Ертіс» \(г. Павлодар\) .*Избыточно 8 800 000 ₸ Административные расходы можно сократить/);
    const api = await (await anonymous.request("/api/v1/consultations/youth-lots-2027")).json();
    expect(api.lots.map((l: { code: string }) => l.code)).toEqual(["L-01", "L-02", "L-03"]);
    for (const l of api.lots) {
      expect(l.budgetLines.reduce((s: number, b: { totalKzt: number }) => s + b.totalKzt, 0)).toBe(l.amountKzt);
      expect(typeof l.amountMci).toBe("number");
      expect(l.indicators.length).toBeGreaterThanOrEqual(3);
      expect(l.feedbackSummary.respondents).toBeGreaterThanOrEqual(3);
    }
    expect(api.lots[0]).toMatchObject({ amountKzt: 18_000_000, durationMonths: 10, title: { ru: "Развитие молодёжного волонтёрства в Туркестанской области" } });
    expect(api.lots[0].feedbackSummary.proposedAmountKzt.median).toBe(21_000_000);
  });

  it("takes structured feedback without JavaScript, keeps input on errors and revises with history", async () => {
    const citizen = await signedIn(server, "olga.petrenko@demo.kenes.kz");
    const page = await citizen.get(LOT);
    expect(page.text).toContain('id="feedback-form"');
    const bad = await citizen.submit(LOT, { intent: "feedback", proposedAmount: "-3", note: "Мало денег на проезд" });
    expect(bad.status).toBe(400);
    const badText = visibleText(await bad.text());
    expect(badText).toContain("Укажите, достаточно, недостаточно или избыточно финансирование.");
    expect(badText).toContain("Сумма не может быть отрицательной.");
    expect(badText).toContain("Мало денег на проезд");

    const ok = await citizen.submit(LOT, { intent: "feedback", funding: "insufficient", proposedAmount: "25 000 000", duration: "too_short", wouldApply: "unsure" });
    expect(ok.status).toBe(303);
    const after = visibleText((await citizen.follow(ok)).text);
    expect(after).toContain("Ваша оценка сохранена");
    expect(after).toContain("Пересмотреть оценку");
    const revised = await citizen.submit(LOT, { intent: "feedback", funding: "adequate" });
    expect(revised.status).toBe(303);
    const history = visibleText((await citizen.follow(revised)).text);
    expect(history).toContain("Пересмотрена 1 раз.");
    expect(history).toMatch(/Версия 1 от .*Недостаточно, 25 000 000 ₸/);

    // The body's own staff (here: an admin, who manages every body) do not assess a lot.
    const admin = await signedIn(server, "admin@demo.kenes.kz");
    // (Their page has no feedback form: take the CSRF token from the draft page's comment form.)
    const refused = await admin.submit("/ru/consultations/youth-lots-2027", { intent: "feedback", funding: "adequate" }, LOT);
    expect(refused.status).toBe(403);
    const anonymous = new HttpClient(server.url);
    expect((await anonymous.submit("/ru/consultations/youth-lots-2027", { intent: "feedback", funding: "adequate" }, LOT)).status).toBe(401);
  });

  it("comments on a budget line like on a draft block", async () => {
    const ngo = await signedIn(server, "viktor.lebedev@demo.kenes.kz");
    const page = await ngo.get(LOT);
    const budgetRow = page.text.slice(page.text.indexOf('id="budget-8"'));
    const blockId = /comment_on=([0-9a-f-]{36})/.exec(budgetRow)![1];
    const form = await ngo.get(`${LOT}?comment_on=${blockId}`);
    const key = HttpClient.idempotencyKeyFrom(form.text, `form-${blockId}`);
    const posted = await ngo.postForm(LOT, { csrf: HttpClient.csrfFrom(form.text), intent: "comment", blockId, idempotencyKey: key, body: "Административные расходы завышены." });
    expect(posted.status).toBe(303);
    expect(visibleText((await ngo.follow(posted)).text)).toContain("Административные расходы завышены.");
    const thread = await ngo.get(`/ru/consultations/youth-lots-2027/comments?block=${blockId}`);
    expect(thread.status).toBe(200);
    expect(visibleText(thread.text)).toContain("Административные расходы завышены.");
    const api = await (await ngo.request("/api/v1/consultations/youth-lots-2027/comments?block=" + blockId)).json();
    expect(JSON.stringify(api)).toContain("Административные расходы завышены.");
  });

  it("annotates a span of a budget line like a draft block, and refuses a quote that is not there", async () => {
    const ngo = await signedIn(server, "viktor.lebedev@demo.kenes.kz");
    const page = await ngo.get(LOT);
    const rowOf = (html: string) => html.slice(html.indexOf('id="budget-3"'), html.indexOf("</tr>", html.indexOf('id="budget-3"')));
    const row = rowOf(page.text);
    // The line's text as the selection script reads it: the same plain text as blocks.text.
    const m = /data-block-id="([0-9a-f-]{36})" data-block-text=""[^>]*>([\s\S]*?)<\/div>/.exec(row);
    expect(m).not.toBeNull();
    const blockId = m![1];
    const text = m![2].replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    const colon = text.indexOf(":");
    expect(colon).toBeGreaterThan(3);
    // A span inside the line: the second half of the item's name up to the colon.
    const start = Math.floor(colon / 2);
    const selector = selectorFor(text, start, colon)!;
    const csrf = HttpClient.csrfFrom(page.text);
    const post = (exact: string, key: string) =>
      ngo.postForm(LOT, { csrf, blockId, idempotencyKey: key, body: "Эта часть строки неясна.", exact, prefix: selector.prefix, suffix: selector.suffix, start: String(selector.start), end: String(selector.end) });

    const wrong = await post(`${selector.exact}x`, `lot-annot-bad-${engine}`);
    expect(wrong.status).toBe(400);
    expect(rowOf(await wrong.text())).not.toContain("<mark data-annotation-id=");

    const posted = await post(selector.exact, `lot-annot-ok-${engine}`);
    expect(posted.status).toBe(303);
    expect(posted.headers.get("location")).toContain("notice=comment_posted");
    const reloaded = rowOf((await ngo.get(LOT)).text);
    expect(reloaded).toMatch(/<mark data-annotation-id="[0-9a-f-]{36}"[^>]*>/);
    expect(visibleText(reloaded)).toContain("Эта часть строки неясна.");
    const marked = /<mark data-annotation-id="[^"]+"[^>]*>([\s\S]*?)<\/mark>/.exec(reloaded)![1];
    expect(marked.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&")).toBe(selector.exact);
  });

  it("lets only the body's staff manage lots: form, CSV import with row errors, publication", async () => {
    const staff = await signedIn(server, "staff@demo.kenes.kz"); // staff of misd; the demo lots are cisc's
    expect((await staff.get("/ru/manage/consultations/youth-lots-2027/lots")).status).toBe(403);
    const ngo = await signedIn(server, "ngo@demo.kenes.kz");
    expect((await ngo.get("/ru/manage/consultations/youth-lots-2027/lots")).status).toBe(403);

    const newPage = await staff.get("/ru/manage/consultations/new");
    const organizationId = /name="organizationId"[\s\S]*?value="([0-9a-f-]{36})"/.exec(newPage.text)![1];
    // Two calendar weeks are 10 working days: enough for a grant topic without a justification.
    const created = await staff.submit("/ru/manage/consultations/new", {
      slug: "lots-http-test", type: "lot_specification", organizationId, title_kk: "Лоттар", title_ru: "Лоты", summary_kk: "Қысқаша", summary_ru: "Кратко",
      opensOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), closesOn: new Date(Date.now() + 13 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(created.status).toBe(303);
    const manage = "/ru/manage/consultations/lots-http-test/lots";

    const mismatch = await staff.submit(`${manage}/new`, { code: "M-1", title_kk: "Лот", title_ru: "Лот", problem_kk: "М", problem_ru: "П", target_group_kk: "Т", target_group_ru: "Ц", regions: "astana", grant_type: "short_term", duration_months: "6", amount_kzt: "1 000 000", funding_year: "2027", tor_kk: "Т", tor_ru: "Т", eligibility_kk: "Т", eligibility_ru: "Т", indicator_0_text_kk: "К", indicator_0_text_ru: "П", indicator_0_target: "10", indicator_0_unit_kk: "адам", indicator_0_unit_ru: "чел.", budget_0_item_kk: "Еңбекақы", budget_0_item_ru: "Оплата", budget_0_unit_kk: "ай", budget_0_unit_ru: "мес.", budget_0_quantity: "6", budget_0_unit_cost: "150000" });
    expect(mismatch.status).toBe(400);
    const mismatchText = visibleText(await mismatch.text()).replace(/[\u00a0\u202f]/g, " ");
    expect(mismatchText).toContain("Итог бюджета — 900 000 ₸, а сумма лота — 1 000 000 ₸: они должны совпадать.");

    const bad = [csvHeader.split(","), ...csvLotRows("C-1")];
    bad[3][23] = "abc";
    bad[1][2] = "";
    const refused = await upload(staff, manage, "lots.csv", toCsv(bad));
    expect(refused.status).toBe(400);
    const refusedText = visibleText(await refused.text());
    expect(refusedText).toContain("Строка 2, колонка title_kk: Казахский и русский — официальные языки");
    expect(refusedText).toContain("Строка 4, колонка unit_cost: Укажите цену за единицу в целых тенге.");
    const imported = await upload(staff, manage, "lots.csv", toCsv([csvHeader.split(","), ...csvLotRows("C-1"), ...csvLotRows("C-2")], ";"));
    expect(imported.status).toBe(303);
    expect(visibleText((await staff.follow(imported)).text)).toContain("Импорт выполнен: новых лотов — 2, заменено — 0.");

    const publishPage = await staff.get("/ru/manage/consultations/lots-http-test");
    const published = await staff.postForm("/ru/manage/consultations/lots-http-test", { csrf: HttpClient.csrfFrom(publishPage.text), intent: "publish" });
    expect(published.status).toBe(303);
    const publicLot = await new HttpClient(server.url).get("/ru/consultations/lots-http-test/lots/C-2");
    expect(publicLot.status).toBe(200);
    expect(publicLot.text).toMatch(/comment_on=[0-9a-f-]{36}/);
    // Published lots are frozen.
    expect((await upload(staff, manage, "lots.csv", toCsv([csvHeader.split(","), ...csvLotRows("C-3")]))).status).toBe(409);
  });

  it("publishes the annual plan with lateness; only a body's staff add items", async () => {
    const anonymous = new HttpClient(server.url);
    const year = new Date().getUTCFullYear();
    const plan = await (await anonymous.request(`/api/v1/plan?year=${year}`)).json();
    expect(plan.items.some((i: { late: boolean; consultation: unknown }) => i.late && i.consultation === null)).toBe(true);
    const plan2027 = await (await anonymous.request("/api/v1/plan?year=2027")).json();
    expect(plan2027.items.find((i: { consultation: { slug: string } | null }) => i.consultation?.slug === "youth-lots-2027")).toMatchObject({ quarter: 1, kind: "lot" });
    expect((await anonymous.request("/api/v1/plan?year=abc")).status).toBe(400);
    const page = visibleText((await anonymous.get("/ru/plan/2027")).text);
    expect(page).toContain("Лоты грантов 2027 года в сфере молодёжной политики");

    const citizen = await signedIn(server, "citizen@demo.kenes.kz");
    const staff = await signedIn(server, "staff@demo.kenes.kz");
    const staffPage = await staff.get("/ru/plan/2028");
    const organizationId = /name="organizationId"[\s\S]*?value="([0-9a-f-]{36})"/.exec(staffPage.text)![1];
    const item = { intent: "add", organizationId, year: "2028", quarter: "2", kind: "act", consultationType: "regulation", title_kk: "Жаңа қағидалар", title_ru: "Новые правила" };
    expect((await citizen.submit("/ru/plan/2028", item)).status).toBe(403);
    const missing = await staff.submit("/ru/plan/2028", { ...item, title_kk: "" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('value="Новые правила"');
    expect((await staff.submit("/ru/plan/2028", item)).status).toBe(303);
    const listed = await (await anonymous.request("/api/v1/plan?year=2028")).json();
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ quarter: 2, status: "upcoming", late: false, title: { ru: "Новые правила" } });
  });
});
