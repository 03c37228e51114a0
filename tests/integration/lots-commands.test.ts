/** Lot commands on the real engines: anchors, immutability, one feedback per organisation with history, summaries, the plan. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~db/database.server";
import { postComment } from "~/modules/comments/commands.server";
import { createConsultation, publishConsultation, saveDraftVersion } from "~/modules/consultations/commands.server";
import { listBlocks, listVersions } from "~/modules/consultations/queries.server";
import { periodFromDates } from "~/modules/consultations/rules";
import { importLots, saveLot, submitFeedback, syncLotAnchors } from "~/modules/lots/commands.server";
import { validateLot, type FeedbackData } from "~/modules/lots/lot.schema";
import { budgetLineKey, findLot, getLotFeedbackSummaries, listFeedbackRevisions, lotAnchors } from "~/modules/lots/queries.server";
import { savePlanItem } from "~/modules/plan/commands.server";
import { listPlan } from "~/modules/plan/queries.server";
import { engines } from "../support/engines";
import { validLotValues } from "../support/lots";

const lot = (over: Record<string, string> = {}) => {
  const r = validateLot(validLotValues(over));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.lot;
};
const answer = (over: Partial<FeedbackData> = {}): FeedbackData => ({ funding: "insufficient", proposedAmountKzt: 2_000_000, duration: "adequate", wouldApply: "yes", indicatorFeasibility: {}, note: null, ...over });

describe.each(engines)("lots on $name", (engine) => {
  let handle: DatabaseHandle;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    handle = await engine.open();
    const db = handle.db;
    const org = async (slug: string, kind: "government_body" | "ngo") =>
      (await db.insertInto("organizations").values({ slug, kind, name: JSON.stringify({ kk: slug, ru: slug, en: slug }) }).returning("id").executeTakeFirstOrThrow()).id;
    ids.body = await org("body", "government_body");
    ids.ngoA = await org("ngo-a", "ngo");
    ids.ngoB = await org("ngo-b", "ngo");
    const user = async (email: string, role: "staff" | "ngo_representative" | "citizen", organization: string | null) =>
      (await db.insertInto("users").values({ email, name: email, role, password_hash: "x", organization_id: organization }).returning("id").executeTakeFirstOrThrow()).id;
    ids.staff = await user("staff@t", "staff", ids.body);
    ids.a1 = await user("a1@t", "ngo_representative", ids.ngoA);
    ids.a2 = await user("a2@t", "ngo_representative", ids.ngoA);
    ids.b1 = await user("b1@t", "ngo_representative", ids.ngoB);
    ids.citizen = await user("c@t", "citizen", null);
  });
  afterAll(async () => handle?.close());

  async function consultation(slug: string, opensOn: string, closesOn: string) {
    const { opensAt, closesAt } = periodFromDates(opensOn, closesOn);
    const L = { kk: "Лоттар", ru: "Лоты", en: "" };
    const created = await createConsultation(handle.db, { slug, type: "lot_specification", organizationId: ids.body, title: L, summary: L, explanatoryNote: L, opensAt, closesAt, shortPeriodJustification: null }, ids.staff);
    if (!created.ok) throw new Error("not created");
    return created.id;
  }

  it("saves lots with anchors in a draft version, publishes a lot-only consultation, then refuses edits", async () => {
    const db = handle.db;
    const id = await consultation("lots-open", "2020-01-01", "2099-12-31");
    expect(await saveLot(db, { consultationId: id, lot: lot(), originalCode: null, actorId: ids.staff })).toEqual({ ok: true, code: "T-01" });
    expect(await saveLot(db, { consultationId: id, lot: lot({ code: "T-02" }), originalCode: null, actorId: ids.staff })).toEqual({ ok: true, code: "T-02" });
    expect(await saveLot(db, { consultationId: id, lot: lot({ code: "T-02" }), originalCode: "T-01", actorId: ids.staff })).toEqual({ ok: false, error: "errors.code_taken" });
    // Editing T-01 changes its amount and budget; the anchors follow.
    expect((await saveLot(db, { consultationId: id, lot: lot({ amount_kzt: "2000000", budget_1_quantity: "1" }), originalCode: "T-01", actorId: ids.staff })).ok).toBe(true);
    const versions = await listVersions(db, id);
    expect(versions).toHaveLength(1);
    const blocks = await listBlocks(db, versions[0].id);
    expect(blocks.filter((b) => b.kind === "budget_line").map((b) => b.key).sort()).toEqual(["lot:T-01:budget:1", "lot:T-01:budget:2", "lot:T-02:budget:1", "lot:T-02:budget:2"]);
    expect(blocks.find((b) => b.key === "lot:T-01:amount")?.text.ru).toMatch(/2\s000\s000 ₸/);

    // The draft text and the anchors live side by side; a redone draft drops the anchors, the sync restores them.
    await saveDraftVersion(db, id, [{ key: "a1", kind: "article", label: null, text: { kk: "Мәтін", ru: "Текст", en: "" } }], ids.staff);
    expect(await publishConsultation(db, id, ids.staff)).toEqual({ ok: true });
    const published = (await listVersions(db, id))[0];
    expect((await lotAnchors(db, published.id)).size).toBe(0);
    await syncLotAnchors(db, id);
    await syncLotAnchors(db, id); // idempotent
    const anchors = await lotAnchors(db, published.id);
    expect(anchors.size).toBe(2 * (7 + 1 + 2));

    expect(await saveLot(db, { consultationId: id, lot: lot({ code: "T-03" }), originalCode: null, actorId: ids.staff })).toEqual({ ok: false, error: "errors.consultation_published" });
    expect(await importLots(db, { consultationId: id, lots: [lot({ code: "T-03" })], actorId: ids.staff })).toEqual({ ok: false, error: "errors.consultation_published" });

    // A budget line is commented like a draft block, through the foundation's postComment.
    const line = anchors.get(budgetLineKey("T-01", 2))!.id;
    for (const [i, author] of [ids.a1, ids.b1, ids.citizen].entries()) {
      const posted = await postComment(db, { consultationId: id, blockId: line, body: `Проезд дороже (${i})`, lang: "ru", authorId: author, organizationId: null, idempotencyKey: `key-${i}-xxxxxxxx` });
      expect(posted.ok).toBe(true);
    }
    ids.open = id;
  });

  it("keeps one answer per organisation, revisable with history, and one per person without one", async () => {
    const db = handle.db;
    const t01 = (await findLot(db, ids.open, "T-01"))!;
    const indicator = t01.indicators[0].id;
    const first = await submitFeedback(db, { lotId: t01.id, user: { id: ids.a1, organizationId: ids.ngoA }, feedback: answer({ proposedAmountKzt: 2_400_000, indicatorFeasibility: { [indicator]: "unrealistic" } }) });
    expect(first).toMatchObject({ ok: true, revision: 1 });
    // A colleague from the same NGO revises the organisation's answer.
    const second = await submitFeedback(db, { lotId: t01.id, user: { id: ids.a2, organizationId: ids.ngoA }, feedback: answer({ funding: "adequate", proposedAmountKzt: null, wouldApply: "no" }) });
    expect(second).toEqual({ ok: true, id: first.ok ? first.id : "", revision: 2 });
    await submitFeedback(db, { lotId: t01.id, user: { id: ids.b1, organizationId: ids.ngoB }, feedback: answer({ proposedAmountKzt: 3_000_000, indicatorFeasibility: { [indicator]: "feasible" } }) });
    await submitFeedback(db, { lotId: t01.id, user: { id: ids.citizen, organizationId: null }, feedback: answer({ funding: "excessive", proposedAmountKzt: 1_800_000, wouldApply: null }) });

    const rows = await db.selectFrom("lot_feedback").select(["respondent_key", "revision", "author_id"]).where("lot_id", "=", t01.id).orderBy("respondent_key").execute();
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.respondent_key === `org:${ids.ngoA}`)).toMatchObject({ revision: 2, author_id: ids.a2 });
    const history = await listFeedbackRevisions(db, first.ok ? first.id : "");
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ revision: 1, authorName: "a1@t" });
    expect(history[0].data).toMatchObject({ funding: "insufficient", proposedAmountKzt: 2_400_000, indicatorFeasibility: { [indicator]: "unrealistic" } });

    const [s] = (await getLotFeedbackSummaries(db, ids.open)).filter((x) => x.lot.code === "T-01");
    expect(s.summary.respondents).toBe(3);
    expect(s.summary.organizations).toBe(2);
    expect(s.summary.funding).toEqual({ adequate: 1, insufficient: 1, excessive: 1 });
    expect(s.summary.proposed).toMatchObject({ count: 2, median: 2_400_000, min: 1_800_000, max: 3_000_000, medianVsOffered: 400_000 });
    expect(s.summary.wouldApply).toMatchObject({ yes: 1, no: 1, unanswered: 1, share: 0.5 });
    expect(s.summary.indicators[0].counts).toEqual({ feasible: 1, unrealistic: 0, unclear: 0 });
    expect(s.summary.mostCommentedBudgetLines).toEqual([{ position: 2, item: t01.budgetLines[1].item, comments: 3 }]);
    expect(s.feedback.every((f) => f.answer === null)).toBe(true);
  });

  it("accepts feedback only while the consultation is open", async () => {
    const db = handle.db;
    const closed = await consultation("lots-closed", "2020-01-01", "2020-02-01");
    await saveLot(db, { consultationId: closed, lot: lot(), originalCode: null, actorId: ids.staff });
    expect(await publishConsultation(db, closed, ids.staff)).toEqual({ ok: true });
    const l = (await findLot(db, closed, "T-01"))!;
    expect(await submitFeedback(db, { lotId: l.id, user: { id: ids.a1, organizationId: ids.ngoA }, feedback: answer() })).toEqual({ ok: false, error: "errors.consultation_closed" });
    const draft = await consultation("lots-draft", "2020-01-01", "2099-01-01");
    await saveLot(db, { consultationId: draft, lot: lot(), originalCode: null, actorId: ids.staff });
    const d = (await findLot(db, draft, "T-01"))!;
    expect(await submitFeedback(db, { lotId: d.id, user: { id: ids.a1, organizationId: ids.ngoA }, feedback: answer() })).toEqual({ ok: false, error: "errors.lot_not_found" });
    ids.closed = closed;
  });

  it("lists the plan with lateness and links only the body's own consultations", async () => {
    const db = handle.db;
    const L = { kk: "Акт", ru: "Акт", en: "" };
    const base = { organizationId: ids.body, kind: "act" as const, consultationType: "regulation" as const, title: L, actorId: ids.staff };
    await savePlanItem(db, { ...base, year: 2020, quarter: 1, consultationSlug: "" });
    await savePlanItem(db, { ...base, year: 2020, quarter: 1, consultationSlug: "lots-closed" }); // opened 2020-01-01: on time
    await savePlanItem(db, { ...base, year: 2099, quarter: 4, consultationSlug: "" });
    expect(await savePlanItem(db, { ...base, organizationId: ids.ngoA, year: 2020, quarter: 1, consultationSlug: "lots-closed" })).toEqual({ ok: false, error: "errors.consultation_unknown", field: "consultationSlug" });
    const plan2020 = await listPlan(db, 2020);
    expect(plan2020.map((i) => i.status).sort()).toEqual(["late", "opened"]);
    expect((await listPlan(db, 2099)).map((i) => i.status)).toEqual(["upcoming"]);
  });
});
