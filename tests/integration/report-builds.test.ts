/**
 * Stored similar-comment groups (ADR 0063) and materialized reports (ADR 0064) on the real
 * engines: the worker functions are driven directly, and what they store is compared with what
 * a fresh computation says.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~db/database.server";
import { filterItems, paginate, paginateItems, REPORT_PAGE_SIZE } from "~/components/reports/ReportView";
import { findConsultationBySlug } from "~/modules/consultations/queries.server";
import { editComment, postComment, withdrawComment } from "~/modules/comments/commands.server";
import { hideComment, restoreComment } from "~/modules/moderation/commands.server";
import { buildItemBatches, buildItemsPage, currentReport, filteredTotal, findPublishedRevision, latestBuild, materializeReport } from "~/modules/reports/builds.server";
import { publishReport } from "~/modules/reports/commands.server";
import { buildCsvStream } from "~/modules/reports/csv.server";
import { reportJson, reportJsonStream } from "~/modules/reports/open-data.server";
import { buildReport, buildReportPreview, findPublishedReport, type ReportFilters } from "~/modules/reports/queries.server";
import type { ReportData } from "~/modules/reports/report.types";
import { ReportWorker } from "~/modules/reports/worker.server";
import { answerComments, publishResponses } from "~/modules/responses/commands.server";
import { expandToGroups, listQueue } from "~/modules/responses/queries.server";
import { groupSimilar } from "~/modules/responses/similarity";
import { loadSimilarGroups, similarGroupsOf } from "~/modules/responses/similarity-store.server";
import { drainSimilarity, runSimilarityOnce } from "~/modules/responses/similarity-worker.server";
import { engines } from "../support/engines";
import { distinctComment, nearCopy, rng } from "../support/campaign";
import { makeComments, makeConsultation, makeOrg, makeUser } from "../support/responses-fixture";

const reason = { kk: "Себебі: заң талабы.", ru: "Причина: требование закона.", en: "" };

/** What a fresh computation says the groups are: the visible comments, oldest first. */
async function freshGroups(db: DatabaseHandle["db"], consultationId: string) {
  const rows = await db.selectFrom("comments").select(["id", "body"]).where("consultation_id", "=", consultationId).where("status", "=", "visible").orderBy("created_at").orderBy("id").execute();
  return groupSimilar(rows);
}

async function readAll(stream: NodeJS.ReadableStream | ReadableStream<Uint8Array>): Promise<string> {
  let text = "";
  const decoder = new TextDecoder();
  for await (const chunk of stream as AsyncIterable<Uint8Array | string>) text += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
  return text;
}

/** The stored head equals a fresh report's, apart from when each was computed. */
function withoutTime(data: Omit<ReportData, "items"> & { items?: unknown }) {
  const { generatedAt: _t, items: _i, ...rest } = data as ReportData;
  return rest;
}

for (const engine of engines) {
  describe(`stored similarity and report builds (${engine.name})`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle?.close();
    });

    it("keeps similar-comment groups in the database, updated after each post, edit, hiding and withdrawal", async () => {
      const db = handle.db;
      const body = await makeOrg(db, "sim-body");
      const staff = await makeUser(db, "staff", body.id);
      const moderator = await makeUser(db, "moderator");
      const authors = await Promise.all(Array.from({ length: 12 }, () => makeUser(db, "citizen")));
      // Open for comments: closes in ten days.
      const c = await makeConsultation(db, { slug: "sim-1", organizationId: body.id, closedDaysAgo: -10 });
      const random = rng(77);
      const post = async (i: number, text: string) => {
        const r = await postComment(db, { consultationId: c.id, blockId: null, body: text, lang: "ru", authorId: authors[i % authors.length].id, organizationId: null, idempotencyKey: `sim-${i}-${Math.random()}` });
        if (!r.ok) throw new Error(r.error);
        return r.id;
      };
      const distinct: string[] = [];
      const copies: string[] = [];
      for (let i = 0; i < 60; i++) {
        if (i % 3 === 1) copies.push(await post(i, nearCopy(random, i)));
        else distinct.push(await post(i, `${distinctComment(random)} Қазақша: әңгіме, ғылым, құқық, өнер, үкімет, һәм іс.`));
      }
      // A post only queues the work: nothing is grouped until the worker runs.
      expect((await db.selectFrom("comment_similarity").select("comment_id").where("consultation_id", "=", c.id).execute()).length).toBe(0);
      const deliveries = await db.selectFrom("outbox_deliveries").select("outbox_id").where("consumer", "=", "similarity").where("processed_at", "is", null).execute();
      expect(deliveries.length).toBeGreaterThanOrEqual(60);

      // The consultation was never caught up: the catch-up adds its comments in order.
      await drainSimilarity(db);
      const campaignKey = copies[0];
      const stored = await loadSimilarGroups(db, c.id);
      expect(new Set(stored.byComment.keys())).toEqual(new Set(copies));
      expect(new Set([...stored.byComment.values()].map((g) => JSON.stringify(g)))).toEqual(new Set([JSON.stringify({ key: campaignKey, size: 20 })]));
      expect(stored.byComment).toEqual(await freshGroups(db, c.id));

      // New copies arrive through the outbox consumer, one small batch at a time.
      const late: string[] = [];
      for (let i = 60; i < 66; i++) late.push(await post(i, nearCopy(random, i)));
      expect(await runSimilarityOnce(db, { batchSize: 4 })).toBe(4);
      expect(await runSimilarityOnce(db, { batchSize: 4 })).toBeGreaterThanOrEqual(2);
      await drainSimilarity(db);
      expect((await loadSimilarGroups(db, c.id)).byComment.get(late[5])).toEqual({ key: campaignKey, size: 26 });
      expect((await loadSimilarGroups(db, c.id)).byComment).toEqual(await freshGroups(db, c.id));

      // Readers: the draft page's enrichment, the answer queue and "answer the whole group".
      const queue = await listQueue(db, { organizationIds: [body.id], consultationSlug: "sim-1", limit: 1000 });
      expect(queue.items.filter((i) => i.group).map((i) => i.commentId).sort()).toEqual([...copies, ...late].sort());
      expect(new Set(await expandToGroups(db, c.id, [late[2], distinct[1]]))).toEqual(new Set([...copies, ...late, distinct[1]]));
      const sizes = await similarGroupsOf(db, [copies[3], distinct[0]]);
      expect([sizes.get(copies[3])?.size, sizes.get(distinct[0])]).toEqual([26, undefined]);

      // An edit that makes a copy a text of its own takes it out of the group.
      const editor = (await db.selectFrom("comments").select("author_id").where("id", "=", copies[4]).executeTakeFirstOrThrow()).author_id;
      expect(await editComment(db, { commentId: copies[4], authorId: editor, body: "Совершенно другой текст о сроках отчётности и аудите: ничего общего с письмом." })).toEqual({ ok: true });
      // The group's oldest member withdraws: the next oldest becomes the key.
      const keyAuthor = (await db.selectFrom("comments").select("author_id").where("id", "=", campaignKey).executeTakeFirstOrThrow()).author_id;
      expect(await withdrawComment(db, { commentId: campaignKey, authorId: keyAuthor, reason: "Передумал" })).toEqual({ ok: true });
      // A hidden copy leaves the group; restored, it comes back.
      expect(await hideComment(db, { actor: moderator, commentId: copies[6], reason: "Дубликат" })).toEqual({ ok: true });
      await drainSimilarity(db);
      let groups = (await loadSimilarGroups(db, c.id)).byComment;
      expect(groups.has(copies[4])).toBe(false);
      expect(groups.has(campaignKey)).toBe(false);
      expect(groups.has(copies[6])).toBe(false);
      expect(groups.get(copies[5])).toEqual({ key: copies[1], size: 23 });
      expect(groups).toEqual(await freshGroups(db, c.id));
      expect(await restoreComment(db, { actor: moderator, commentId: copies[6], reason: "Ошибка" })).toEqual({ ok: true });
      await drainSimilarity(db);
      groups = (await loadSimilarGroups(db, c.id)).byComment;
      expect(groups.get(copies[6])).toEqual({ key: copies[1], size: 24 });
      expect(groups).toEqual(await freshGroups(db, c.id));

      // A report build reads the stored groups.
      await answerComments(db, { actor: staff, consultationId: c.id, commentIds: await expandToGroups(db, c.id, [copies[1]]), status: "noted", justification: reason });
      await publishResponses(db, { actor: staff, consultationId: c.id });
      const build = await materializeReport(db, c.id);
      expect(build.head.summary.similarGroups).toBe(1);
      const items = (await buildItemsPage(db, build.id, { status: "", article: "" }, 1, 1000)).filter((i) => i.comment.group);
      expect(items).toHaveLength(24);
      expect(items.every((i) => i.comment.group!.key === copies[1] && i.response?.status === "noted")).toBe(true);
    });

    it("stores a build that equals a fresh report: page by page, filtered, as JSON and as CSV", async () => {
      const db = handle.db;
      const body = await makeOrg(db, "eq-body");
      const ngo = await makeOrg(db, "eq-ngo", "ngo");
      const staff = await makeUser(db, "staff", body.id);
      const moderator = await makeUser(db, "moderator");
      const authors = await Promise.all(Array.from({ length: 9 }, () => makeUser(db, "citizen")));
      const c = await makeConsultation(db, { slug: "eq-1", organizationId: body.id });
      const random = rng(9);
      const blocks = [null, c.blocks["art-1"], c.blocks["p-1-1"], c.blocks["art-2"]];
      const ids = await makeComments(
        db,
        c,
        Array.from({ length: 432 }, (_, i) => ({
          authorId: authors[i % authors.length].id,
          organizationId: i % 7 === 0 ? ngo.id : null,
          pseudonymous: i % 11 === 0,
          blockId: blocks[i % blocks.length],
          body: i % 6 === 0 ? nearCopy(random, i) : `${distinctComment(random)} «${i}», "тырнақша", ұғым`,
        })),
      );
      await hideComment(db, { actor: moderator, commentId: ids[10], reason: "Спам" });
      const withdrawer = (await db.selectFrom("comments").select("author_id").where("id", "=", ids[11]).executeTakeFirstOrThrow()).author_id;
      await db.updateTable("comments").set({ status: "withdrawn", status_reason: "—", status_changed_by: withdrawer }).where("id", "=", ids[11]).execute();
      const statuses = ["accepted", "partially_accepted", "not_accepted", "noted"] as const;
      for (const [k, status] of statuses.entries()) {
        await answerComments(db, { actor: staff, consultationId: c.id, commentIds: ids.filter((_, i) => i % 5 === k), status, justification: reason });
      }
      await publishResponses(db, { actor: staff, consultationId: c.id, commentIds: ids.filter((_, i) => i % 2 === 0) });
      await drainSimilarity(db);

      const build = await materializeReport(db, c.id);
      const fresh = await buildReport(db, c.id);
      expect(fresh.summary.similarGroups).toBe(1);
      expect(withoutTime(build.head)).toEqual(withoutTime(fresh));
      expect(build.items).toBe(fresh.items.length);

      // Pages of every filter the page offers, with their totals.
      const filterSets: ReportFilters[] = [
        { status: "", article: "" },
        { status: "hidden", article: "" },
        { status: "unanswered", article: "" },
        { status: "accepted", article: "art-1" },
        { status: "", article: "general" },
        { status: "noted", article: "art-2" },
        { status: "nonsense", article: "" },
        { status: "", article: "no-such-article" },
      ];
      for (const filters of filterSets) {
        const expected = filterItems(fresh.items, filters);
        expect(filteredTotal(build.head, filters)).toBe(expected.length);
        for (const page of [1, 2, 5]) {
          // As the page does: a page past the end shows the last one.
          const want = paginateItems(expected, String(page), () => "").items;
          const got = await buildItemsPage(db, build.id, filters, paginate(filteredTotal(build.head, filters), String(page), () => "").page, REPORT_PAGE_SIZE);
          expect(got).toEqual(want);
        }
      }

      // The JSON export, streamed from the build, byte for byte what the full report gives.
      const consultation = (await findConsultationBySlug(db, "eq-1"))!;
      const streamed = await readAll(reportJsonStream(db, consultation, build, null, []));
      expect(JSON.parse(streamed)).toEqual(JSON.parse(JSON.stringify(reportJson(consultation, { ...build.head, items: fresh.items }, null, []))));
      expect(streamed).toBe(JSON.stringify(reportJson(consultation, { ...build.head, items: (await buildReport(db, c.id)).items }, null, [])));

      // The CSV, one row per comment in order.
      const csv = await readAll(buildCsvStream(db, build, "kk"));
      const records = csv.slice(1).split("\r\n").filter((r) => r !== "");
      expect(records).toHaveLength(1 + fresh.items.length);
      expect(records.slice(1).map((r) => r.slice(0, 36))).toEqual(fresh.items.map((i) => i.comment.id));
      expect(records.filter((r) => r.includes(",hidden,Спам,"))).toHaveLength(1);
      expect(records.filter((r) => /,participant-[0-9a-f]{8},/.test(r)).length).toBe(fresh.items.filter((i) => i.comment.pseudonym).length);

      // Items in keyset batches come back whole, whatever the batch size.
      let n = 0;
      for await (const batch of buildItemBatches(db, build, 37)) n += batch.length;
      expect(n).toBe(fresh.items.length);

      // The staff preview (draft answers, computed on demand) keeps one page and the figures.
      const preview = await buildReportPreview(db, c.id, { status: "unanswered", article: "" }, 99, REPORT_PAGE_SIZE);
      const draft = await buildReport(db, c.id, { draft: true });
      expect(withoutTime(preview.head)).toEqual(withoutTime(draft));
      const draftUnanswered = filterItems(draft.items, { status: "unanswered", article: "" });
      expect(preview.total).toBe(draftUnanswered.length);
      expect(preview.items).toEqual(paginateItems(draftUnanswered, "99", () => "").items);
    });

    it("rebuilds when the data change, debounced, and a new answer or comment makes the next build differ", async () => {
      const db = handle.db;
      const body = await makeOrg(db, "deb-body");
      const staff = await makeUser(db, "staff", body.id);
      const citizen = await makeUser(db, "citizen");
      const c = await makeConsultation(db, { slug: "deb-1", organizationId: body.id, closedDaysAgo: -5 });
      const ids = await makeComments(db, c, [1, 2, 3].map((i) => ({ authorId: citizen.id, body: `Комментарий номер ${i} о сроках` })));
      await drainSimilarity(db);
      const worker = new ReportWorker(db, { delayMs: 2_000, intervalMs: 60_000 });
      const builtFor = async (at: number) => (await worker.tick(at)).includes(c.id);
      const t0 = Date.now();
      // First seen now: not built before the delay has passed.
      expect(await builtFor(t0)).toBe(false);
      expect(await latestBuild(db, c.id)).toBeUndefined();
      expect(await builtFor(t0 + 2_100)).toBe(true);
      const first = (await latestBuild(db, c.id))!;
      expect(first.head.summary.comments).toBe(3);
      const builtAt = new Date(first.builtAt).getTime();
      // Nothing changed: nothing to build, however long one waits.
      expect(await builtFor(t0 + 3_600_000)).toBe(false);

      // Changes keep coming: built once the delay after the first is over, at most once an interval.
      await answerComments(db, { actor: staff, consultationId: c.id, commentIds: [ids[0]], status: "accepted", justification: reason });
      await publishResponses(db, { actor: staff, consultationId: c.id });
      const t1 = Date.now();
      expect(await builtFor(t1)).toBe(false); // just seen
      expect(await postComment(db, { consultationId: c.id, blockId: null, body: "Ещё один комментарий, с буквами ә і ң ғ ү ұ қ ө һ", lang: "kk", authorId: citizen.id, organizationId: null, idempotencyKey: "deb-new" })).toMatchObject({ ok: true });
      await drainSimilarity(db);
      expect(await builtFor(t1 + 1_000)).toBe(false); // within the delay
      expect(await builtFor(t1 + 2_100)).toBe(false); // within the interval after the last build
      expect((await latestBuild(db, c.id))!.id).toBe(first.id);
      expect(await builtFor(builtAt + 60_100)).toBe(true);
      const second = (await latestBuild(db, c.id))!;
      expect(second.id).not.toBe(first.id);
      // The comment posted during the delay joined the same build.
      expect(second.head.summary.comments).toBe(4);
      expect(second.head.summary.byStatus).toMatchObject({ accepted: 1, unanswered: 3 });
      expect(withoutTime(second.head)).toEqual(withoutTime(await buildReport(db, c.id)));
      expect(withoutTime(second.head)).not.toEqual(withoutTime(first.head));
      // Its own write (the counter it moves for caches) does not make it stale.
      expect(await builtFor(Date.now() + 7_200_000)).toBe(false);

      // A consultation whose groups are still catching up waits for them.
      const waiting = await makeConsultation(db, { slug: "deb-2", organizationId: body.id });
      await makeComments(db, waiting, [{ authorId: citizen.id, body: "Ждёт сходства" }]);
      expect(await worker.tick(Date.now())).not.toContain(waiting.id);
      expect(await worker.tick(Date.now() + 5_000)).not.toContain(waiting.id);
      await drainSimilarity(db);
      expect(await worker.tick(Date.now() + 10_000)).toContain(waiting.id);
    });

    it("answers readers without a build once for all of them, and reads your writes in current mode", async () => {
      const db = handle.db;
      const body = await makeOrg(db, "first-body");
      const staff = await makeUser(db, "staff", body.id);
      const citizen = await makeUser(db, "citizen");
      const c = await makeConsultation(db, { slug: "first-1", organizationId: body.id, closedDaysAgo: -5 });
      const ids = await makeComments(db, c, Array.from({ length: 250 }, (_, i) => ({ authorId: citizen.id, body: `Пікір ${i}: мерзімді ұзарту керек` })));
      const readers = await Promise.all(Array.from({ length: 20 }, () => currentReport(db, c.id)));
      expect(new Set(readers.map((r) => r.id)).size).toBe(1);
      const builds = await db.selectFrom("report_builds").select("id").where("consultation_id", "=", c.id).execute();
      expect(builds).toHaveLength(1);
      expect(readers[0].head.summary.comments).toBe(250);

      // Stored mode: the stored build is served, with its time, until the worker rebuilds it.
      await answerComments(db, { actor: staff, consultationId: c.id, commentIds: [ids[0]], status: "noted", justification: reason });
      await publishResponses(db, { actor: staff, consultationId: c.id });
      expect((await currentReport(db, c.id)).head.summary.byStatus.noted).toBe(0);
      // Current mode: a reader that finds it behind rebuilds it (once) before answering.
      const now = await Promise.all([currentReport(db, c.id, { readMode: "current" }), currentReport(db, c.id, { readMode: "current" })]);
      expect(now.map((r) => r.head.summary.byStatus.noted)).toEqual([1, 1]);
      expect(now[0].id).toBe(now[1].id);
      expect((await currentReport(db, c.id, { readMode: "current" })).id).toBe(now[0].id);
    });

    it("stores each published revision row-wise, equal to its snapshot", async () => {
      const db = handle.db;
      const body = await makeOrg(db, "rev-body");
      const staff = await makeUser(db, "staff", body.id);
      const citizen = await makeUser(db, "citizen");
      const c = await makeConsultation(db, { slug: "rev-1", organizationId: body.id });
      const random = rng(3);
      const ids = await makeComments(db, c, Array.from({ length: 130 }, (_, i) => ({ authorId: citizen.id, blockId: i % 2 ? c.blocks["art-2"] : null, body: i % 4 === 0 ? nearCopy(random, i) : distinctComment(random) })));
      await answerComments(db, { actor: staff, consultationId: c.id, commentIds: ids, status: "noted", justification: reason });
      // Publishing brings the groups up to date itself (the worker has not run for these).
      expect(await publishReport(db, { actor: staff, consultationId: c.id })).toEqual({ ok: true, revision: 1 });
      const snapshot = (await findPublishedReport(db, c.id))!;
      expect(snapshot.data.summary.similarGroups).toBe(1);
      const stored = (await findPublishedRevision(db, c.id))!;
      expect(stored.revision.revision).toBe(1);
      expect(stored.report.kind).toBe("revision");
      expect(stored.report.head).toEqual(withoutItems(snapshot.data));
      const items = [];
      for await (const batch of buildItemBatches(db, stored.report)) items.push(...batch);
      expect(items).toEqual(snapshot.data.items);
      expect(await buildItemsPage(db, stored.report.id, { status: "", article: "art-2" }, 1, REPORT_PAGE_SIZE)).toEqual(filterItems(snapshot.data.items, { status: "", article: "art-2" }).slice(0, REPORT_PAGE_SIZE));
      expect(await findPublishedRevision(db, c.id, 2)).toBeUndefined();
    });
  });
}

function withoutItems(data: ReportData) {
  const { items: _items, ...head } = data;
  return head;
}
