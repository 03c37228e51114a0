/** Answers, moderation, reports and their revisions on the real engines (PGlite, and PostgreSQL when configured). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~db/database.server";
import { dismissFlags, flagComment, hideComment, restoreComment } from "~/modules/moderation/commands.server";
import { listModerationQueue } from "~/modules/moderation/queries.server";
import { publishReport } from "~/modules/reports/commands.server";
import { buildReport, findPublishedReport } from "~/modules/reports/queries.server";
import { reportCsvStream } from "~/modules/reports/csv.server";
import { answerComments, publishResponses } from "~/modules/responses/commands.server";
import { expandToGroups, listQueue, publishedResponses } from "~/modules/responses/queries.server";
import { drainSimilarity } from "~/modules/responses/similarity-worker.server";
import { engines } from "../support/engines";
import { distinctComment, nearCopy, rng } from "../support/campaign";
import { makeComments, makeConsultation, makeOrg, makeUser } from "../support/responses-fixture";

const reason = { kk: "Себебі: заң талабы.", ru: "Причина: требование закона.", en: "" };

for (const engine of engines) {
  describe(`responses and reports (${engine.name})`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle?.close();
    });

    async function world(slug: string) {
      const db = handle.db;
      const body = await makeOrg(db, `${slug}-body`);
      const other = await makeOrg(db, `${slug}-other`);
      const ngo = await makeOrg(db, `${slug}-ngo`, "ngo");
      const staff = await makeUser(db, "staff", body.id);
      const otherStaff = await makeUser(db, "staff", other.id);
      const citizen = await makeUser(db, "citizen");
      const ngoRep = await makeUser(db, "ngo_representative", ngo.id);
      const mp = await makeUser(db, "mp");
      const moderator = await makeUser(db, "moderator");
      const consultation = await makeConsultation(db, { slug, organizationId: body.id });
      const comments = await makeComments(db, consultation, [
        { authorId: citizen.id, body: "Предлагаю увеличить срок.", blockId: consultation.blocks["p-1-1"] },
        { authorId: ngoRep.id, organizationId: ngo.id, body: "Статья 2 неясна.", blockId: consultation.blocks["art-2"] },
        { authorId: citizen.id, body: "Общий комментарий к проекту.", pseudonymous: true },
      ]);
      return { db, body, staff, otherStaff, citizen, ngoRep, mp, moderator, consultation, comments };
    }

    it("lets only staff of the responsible body answer", async () => {
      const w = await world("authz-1");
      for (const actor of [w.citizen, w.ngoRep, w.mp, w.moderator, w.otherStaff]) {
        const result = await answerComments(w.db, { actor, consultationId: w.consultation.id, commentIds: [w.comments[0]], status: "accepted", justification: reason });
        expect(result).toEqual({ ok: false, error: "errors.forbidden" });
      }
      expect((await publishResponses(w.db, { actor: w.otherStaff, consultationId: w.consultation.id })).ok).toBe(false);
      expect(await publishReport(w.db, { actor: w.mp, consultationId: w.consultation.id })).toEqual({ ok: false, error: "errors.forbidden" });
      const ok = await answerComments(w.db, { actor: w.staff, consultationId: w.consultation.id, commentIds: [w.comments[0]], status: "accepted", justification: reason });
      expect(ok).toEqual({ ok: true, count: 1 });
      const rows = await w.db.selectFrom("comment_responses").selectAll().execute();
      expect(rows.filter((r) => r.consultation_id === w.consultation.id)).toHaveLength(1);
    });

    it("requires a Kazakh or Russian justification for partially and not accepted", async () => {
      const w = await world("justify-1");
      const onlyEnglish = { kk: "", ru: "", en: "Because." };
      for (const status of ["partially_accepted", "not_accepted"] as const) {
        expect(await answerComments(w.db, { actor: w.staff, consultationId: w.consultation.id, commentIds: [w.comments[0]], status, justification: onlyEnglish })).toEqual({ ok: false, error: "errors.justification_required" });
      }
      expect((await answerComments(w.db, { actor: w.staff, consultationId: w.consultation.id, commentIds: [w.comments[0]], status: "noted", justification: { kk: "", ru: "", en: "" } })).ok).toBe(true);
    });

    it("keeps answers private until published, and refuses a report while a comment is unanswered", async () => {
      const w = await world("publish-1");
      await answerComments(w.db, { actor: w.staff, consultationId: w.consultation.id, commentIds: [w.comments[0], w.comments[1]], status: "not_accepted", justification: reason });
      expect((await publishedResponses(w.db, w.consultation.id)).size).toBe(0);
      expect((await buildReport(w.db, w.consultation.id)).summary.byStatus.unanswered).toBe(3);
      const refused = await publishReport(w.db, { actor: w.staff, consultationId: w.consultation.id });
      expect(refused).toEqual({ ok: false, error: "errors.unanswered_comments", unanswered: 1 });
      expect(await findPublishedReport(w.db, w.consultation.id)).toBeUndefined();

      // one by one
      expect(await publishResponses(w.db, { actor: w.staff, consultationId: w.consultation.id, commentIds: [w.comments[0]] })).toEqual({ ok: true, count: 1 });
      expect([...(await publishedResponses(w.db, w.consultation.id)).keys()]).toEqual([w.comments[0]]);

      await answerComments(w.db, { actor: w.staff, consultationId: w.consultation.id, commentIds: [w.comments[2]], status: "accepted", justification: reason });
      const published = await publishReport(w.db, { actor: w.staff, consultationId: w.consultation.id });
      expect(published).toEqual({ ok: true, revision: 1 });
      const report = await findPublishedReport(w.db, w.consultation.id);
      expect(report?.data.summary.byStatus).toEqual({ accepted: 1, partially_accepted: 0, not_accepted: 2, noted: 0, unanswered: 0 });
      expect(report?.data.summary.participants).toBe(2);
      expect(report?.data.summary.organisations).toBe(1);
      // the pseudonymous author is not named in the report
      const general = report!.data.items.find((i) => i.comment.id === w.comments[2])!;
      expect(general.comment.authorName).toBeNull();
      expect(general.comment.pseudonym).toMatch(/^[0-9a-f]{8}$/);
      // every draft became public with the report, and the commenters are to be told
      expect((await publishedResponses(w.db, w.consultation.id)).size).toBe(3);
      const outbox = await w.db.selectFrom("outbox").select("topic").where("topic", "like", "notify.%").execute();
      expect(outbox.filter((o) => o.topic === "notify.report_published").length).toBeGreaterThanOrEqual(1);
      const consultation = await w.db.selectFrom("consultations").select("report_published_at").where("id", "=", w.consultation.id).executeTakeFirstOrThrow();
      expect(consultation.report_published_at).not.toBeNull();
      const audit = await w.db.selectFrom("audit_log").select(["action", "actor_id"]).where("subject", "=", `consultation:${w.consultation.id}`).execute();
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["response.drafted", "response.published", "report.published"]));
    });

    it("cannot open a report before the consultation closes", async () => {
      const db = handle.db;
      const body = await makeOrg(db, "open-1-body");
      const staff = await makeUser(db, "staff", body.id);
      const c = await makeConsultation(db, { slug: "open-1", organizationId: body.id, closedDaysAgo: -3 });
      expect(await publishReport(db, { actor: staff, consultationId: c.id })).toEqual({ ok: false, error: "errors.consultation_not_closed" });
    });

    it("never changes a published report: corrections are new revisions with a change log", async () => {
      const w = await world("revise-1");
      await answerComments(w.db, { actor: w.staff, consultationId: w.consultation.id, commentIds: w.comments, status: "noted", justification: reason });
      expect((await publishReport(w.db, { actor: w.staff, consultationId: w.consultation.id })).ok).toBe(true);
      const first = await findPublishedReport(w.db, w.consultation.id, 1);

      // the database refuses to alter or remove a revision, whoever asks
      await expect(w.db.updateTable("report_revisions").set({ change_log: JSON.stringify({ kk: "x", ru: "x", en: "x" }) }).where("consultation_id", "=", w.consultation.id).execute()).rejects.toThrow(/cannot be changed/);
      await expect(w.db.deleteFrom("report_revisions").where("consultation_id", "=", w.consultation.id).execute()).rejects.toThrow(/cannot be changed/);
      // answers cannot be republished behind the report's back
      expect(await publishResponses(w.db, { actor: w.staff, consultationId: w.consultation.id })).toEqual({ ok: false, error: "errors.report_published_use_revision" });

      await answerComments(w.db, { actor: w.staff, consultationId: w.consultation.id, commentIds: [w.comments[1]], status: "accepted", justification: reason });
      expect(await publishReport(w.db, { actor: w.staff, consultationId: w.consultation.id })).toEqual({ ok: false, error: "errors.change_log_required" });
      const changeLog = { kk: "2-бапқа жауап түзетілді.", ru: "Исправлен ответ по статье 2.", en: "" };
      expect(await publishReport(w.db, { actor: w.staff, consultationId: w.consultation.id, changeLog })).toEqual({ ok: true, revision: 2 });

      const again = await findPublishedReport(w.db, w.consultation.id, 1);
      expect(again?.data).toEqual(first?.data);
      expect(again?.data.summary.byStatus.noted).toBe(3);
      const latest = await findPublishedReport(w.db, w.consultation.id);
      expect(latest?.revision.revision).toBe(2);
      expect(latest?.revision.changeLog).toEqual(changeLog);
      expect(latest?.data.summary.byStatus).toMatchObject({ noted: 2, accepted: 1 });
      expect(latest?.history.map((h) => h.revision)).toEqual([2, 1]);
    });

    it("moderation: any user flags, only moderators hide and restore, hidden comments stay counted", async () => {
      const w = await world("moderate-1");
      const target = w.comments[1];
      expect(await hideComment(w.db, { actor: w.citizen, commentId: target, reason: "spam" })).toEqual({ ok: false, error: "errors.forbidden" });
      expect(await hideComment(w.db, { actor: w.staff, commentId: target, reason: "spam" })).toEqual({ ok: false, error: "errors.forbidden" });
      expect(await flagComment(w.db, { actor: w.citizen, commentId: target, reason: "" })).toEqual({ ok: false, error: "errors.reason_required" });
      expect(await flagComment(w.db, { actor: w.citizen, commentId: target, reason: "Оскорбление" })).toEqual({ ok: true });
      expect(await flagComment(w.db, { actor: w.citizen, commentId: target, reason: "Ещё раз" })).toEqual({ ok: false, error: "errors.already_flagged" });
      expect((await listModerationQueue(w.db, "flagged")).map((i) => i.commentId)).toContain(target);

      expect(await hideComment(w.db, { actor: w.moderator, commentId: target, reason: "" })).toEqual({ ok: false, error: "errors.reason_required" });
      expect(await hideComment(w.db, { actor: w.moderator, commentId: target, reason: "Оскорбительные выражения" })).toEqual({ ok: true });
      const row = await w.db.selectFrom("comments").selectAll().where("id", "=", target).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: "hidden", status_reason: "Оскорбительные выражения", status_changed_by: w.moderator.id, body: "Статья 2 неясна." });
      expect((await listModerationQueue(w.db, "flagged")).map((i) => i.commentId)).not.toContain(target);

      const report = await buildReport(w.db, w.consultation.id);
      expect(report.summary.comments).toBe(3);
      expect(report.summary.hidden).toBe(1);
      expect(report.summary.byStatus.unanswered).toBe(2);
      const hiddenItem = report.items.find((i) => i.comment.id === target)!;
      expect(hiddenItem.comment).toMatchObject({ status: "hidden", statusReason: "Оскорбительные выражения", body: "" });
      // a hidden comment needs no answer: answering the two visible ones is enough to publish
      const queue = await listQueue(w.db, { organizationIds: [w.body.id], consultationSlug: "moderate-1" });
      expect(queue.items.map((i) => i.commentId).sort()).toEqual([w.comments[0], w.comments[2]].sort());

      expect(await restoreComment(w.db, { actor: w.citizen, commentId: target, reason: "" })).toEqual({ ok: false, error: "errors.forbidden" });
      expect(await restoreComment(w.db, { actor: w.moderator, commentId: target, reason: "Ошибка модерации" })).toEqual({ ok: true });
      expect((await buildReport(w.db, w.consultation.id)).summary.hidden).toBe(0);
      expect(await restoreComment(w.db, { actor: w.moderator, commentId: target, reason: "" })).toEqual({ ok: false, error: "errors.not_hidden" });

      await flagComment(w.db, { actor: w.ngoRep, commentId: w.comments[0], reason: "Не по теме" });
      expect(await dismissFlags(w.db, { actor: w.moderator, commentId: w.comments[0] })).toEqual({ ok: true });
      const audit = await w.db.selectFrom("audit_log").select(["action", "actor_id", "subject"]).where("subject", "in", [`comment:${target}`, `comment:${w.comments[0]}`]).orderBy("id").execute();
      expect(audit.map((a) => a.action)).toEqual(["comment.flagged", "comment.hidden", "comment.restored", "comment.flagged", "comment.flags_dismissed"]);
      expect(audit[1].actor_id).toBe(w.moderator.id);
    });

    it("groups a campaign of 100 near-copies among 300 distinct comments and answers it at once", async () => {
      const db = handle.db;
      const body = await makeOrg(db, "campaign-body");
      const staff = await makeUser(db, "staff", body.id);
      const authors = await Promise.all(Array.from({ length: 20 }, () => makeUser(db, "citizen")));
      const c = await makeConsultation(db, { slug: "campaign-1", organizationId: body.id });
      const random = rng(2026);
      const specs = Array.from({ length: 400 }, (_, i) => ({ authorId: authors[i % authors.length].id, body: i % 4 === 2 ? nearCopy(random, i) : distinctComment(random), copy: i % 4 === 2 }));
      const ids = await makeComments(db, c, specs);
      const copies = new Set(ids.filter((_, i) => specs[i].copy));
      expect(copies.size).toBe(100);
      // Groups are stored by the similarity worker (ADR 0063): these comments were inserted
      // directly, so its catch-up finds them.
      expect((await listQueue(db, { organizationIds: [body.id], consultationSlug: "campaign-1", limit: 1000 })).items.filter((i) => i.group)).toHaveLength(0);
      await drainSimilarity(db);

      const queue = await listQueue(db, { organizationIds: [body.id], consultationSlug: "campaign-1", limit: 1000 });
      expect(queue.total).toBe(400);
      const grouped = queue.items.filter((i) => i.group);
      expect(new Set(grouped.map((i) => i.commentId))).toEqual(copies);
      expect(new Set(grouped.map((i) => i.group!.size))).toEqual(new Set([100]));

      const one = [...copies][5];
      const targets = await expandToGroups(db, c.id, [one]);
      expect(new Set(targets)).toEqual(copies);
      expect(await answerComments(db, { actor: staff, consultationId: c.id, commentIds: targets, status: "partially_accepted", justification: reason, groupKey: one })).toEqual({ ok: true, count: 100 });
      const rows = await db.selectFrom("comment_responses").select(["comment_id", "status"]).where("consultation_id", "=", c.id).execute();
      expect(rows).toHaveLength(100);
      expect(new Set(rows.map((r) => r.comment_id))).toEqual(copies);
      const report = await buildReport(db, c.id, { draft: true });
      expect(report.summary.similarGroups).toBe(1);
      expect(report.summary.byStatus).toMatchObject({ partially_accepted: 100, unanswered: 300 });
    });

    it("streams the CSV across batches: one row per comment, in order, hidden ones marked", async () => {
      const db = handle.db;
      const body = await makeOrg(db, "csv-body");
      const author = await makeUser(db, "citizen");
      const moderator = await makeUser(db, "moderator");
      const c = await makeConsultation(db, { slug: "csv-1", organizationId: body.id });
      const ids = await makeComments(db, c, Array.from({ length: 1234 }, (_, i) => ({ authorId: author.id, body: `Пікір №${i}, "тырнақша"\nекінші жол` })));
      await hideComment(db, { actor: moderator, commentId: ids[700], reason: "Спам" });
      const stream = await reportCsvStream(db, c.id, "ru");
      let chunks = 0;
      let text = "";
      for await (const chunk of stream) {
        chunks++;
        text += chunk.toString("utf8");
      }
      expect(chunks).toBeGreaterThan(1);
      expect(text.charCodeAt(0)).toBe(0xfeff);
      // every record ends with CRLF; the bodies' own line breaks are bare LF inside quotes
      const records = text.slice(1).split("\r\n").filter((r) => r !== "");
      expect(records).toHaveLength(1 + 1234);
      expect(records[1]).toContain(`"Пікір №0, ""тырнақша""\nекінші жол"`);
      expect(records.slice(1).map((r) => r.slice(0, 36))).toEqual(ids);
      expect(records[701]).toContain(",hidden,Спам,,");
    });
  });
}
