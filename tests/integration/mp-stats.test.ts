/** The MPs' dashboard figures on a data set built here, on the real engines. */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~db/database.server";
import type { ResponseStatus } from "~db/schema";
import { materializeReport } from "~/modules/reports/builds.server";
import { publishReport } from "~/modules/reports/commands.server";
import { reportDashboard } from "~/modules/reports/stats.server";
import { answerComments, publishResponses } from "~/modules/responses/commands.server";
import { engines } from "../support/engines";
import { makeComments, makeConsultation, makeOrg, makeUser } from "../support/responses-fixture";

const why = { kk: "Себебі.", ru: "Причина.", en: "" };

for (const engine of engines) {
  describe(`MP dashboard statistics (${engine.name})`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle?.close();
    });

    it("computes report states and per-body shares and medians", async () => {
      const db = handle.db;
      const a = await makeOrg(db, "stats-a");
      const b = await makeOrg(db, "stats-b");
      const staffA = await makeUser(db, "staff", a.id);
      const citizen = await makeUser(db, "citizen");

      /** Comments answered with the given statuses, published `days` after each comment was posted. */
      async function answered(c: Awaited<ReturnType<typeof makeConsultation>>, answers: { status: ResponseStatus | null; days: number }[]) {
        const ids = await makeComments(db, c, answers.map((_, i) => ({ authorId: citizen.id, body: `Комментарий ${i}` })));
        for (const [i, ans] of answers.entries()) {
          if (!ans.status) continue;
          await answerComments(db, { actor: staffA, consultationId: c.id, commentIds: [ids[i]], status: ans.status, justification: why });
        }
        await publishResponses(db, { actor: staffA, consultationId: c.id });
        for (const [i, ans] of answers.entries()) {
          if (!ans.status) continue;
          await db
            .updateTable("comment_responses")
            .set({ first_published_at: sql`(select created_at from comments where id = ${ids[i]}) + ${`${ans.days} days`}::interval` })
            .where("comment_id", "=", ids[i])
            .execute();
        }
        return ids;
      }

      const a1 = await makeConsultation(db, { slug: "stats-a1", organizationId: a.id, closedDaysAgo: 40, periodDays: 30 });
      await answered(a1, [
        { status: "accepted", days: 2 },
        { status: "partially_accepted", days: 4 },
        { status: "not_accepted", days: 6 },
        { status: "noted", days: 10 },
      ]);
      const a2 = await makeConsultation(db, { slug: "stats-a2", organizationId: a.id, closedDaysAgo: 10, periodDays: 15 });
      await answered(a2, [
        { status: "accepted", days: 8 },
        { status: null, days: 0 },
      ]);
      const a3 = await makeConsultation(db, { slug: "stats-a3", organizationId: a.id, closedDaysAgo: 20, periodDays: 30 });
      await answered(a3, [{ status: "noted", days: 3 }]);
      expect((await publishReport(db, { actor: staffA, consultationId: a1.id })).ok).toBe(true);
      expect((await publishReport(db, { actor: staffA, consultationId: a3.id })).ok).toBe(true);

      const b1 = await makeConsultation(db, { slug: "stats-b1", organizationId: b.id, closedDaysAgo: 45, periodDays: 30, type: "lot_specification" });
      await makeComments(db, b1, [1, 2, 3].map((i) => ({ authorId: citizen.id, body: `Без ответа ${i}` })));
      const b2 = await makeConsultation(db, { slug: "stats-b2", organizationId: b.id, closedDaysAgo: -10, periodDays: 30 });
      await makeComments(db, b2, [{ authorId: citizen.id, body: "Пока открыто" }]);

      const all = await reportDashboard(db, {}, 30);
      const state = Object.fromEntries(all.consultations.map((c) => [c.slug, c.state]));
      expect(state).toMatchObject({ "stats-a1": "published_late", "stats-a2": "pending", "stats-a3": "published", "stats-b1": "overdue", "stats-b2": "open" });

      const bodyA = all.bodies.find((x) => x.slug === "stats-a")!;
      expect(bodyA).toMatchObject({ held: 3, comments: 7, overdue: 0 });
      expect(bodyA.thirtyDayShare).toBeCloseTo(2 / 3, 6);
      expect(bodyA.answeredShare).toBeCloseTo(6 / 7, 6);
      expect(bodyA.acceptedShare).toBeCloseTo(3 / 6, 6);
      expect(bodyA.medianDaysToAnswer).toBeCloseTo(5, 6); // 2 3 4 6 8 10

      const bodyB = all.bodies.find((x) => x.slug === "stats-b")!;
      // the open consultation is not counted as held
      expect(bodyB).toMatchObject({ held: 1, comments: 3, answeredShare: 0, acceptedShare: null, medianDaysToAnswer: null, overdue: 1, thirtyDayShare: 1 });

      // a longer allowance turns the overdue report into a pending one
      expect((await reportDashboard(db, { organization: "stats-b" }, 60)).consultations.find((c) => c.slug === "stats-b1")?.state).toBe("pending");
      // filters: by body and by type
      const onlyA = await reportDashboard(db, { organization: "stats-a" }, 30);
      expect(onlyA.bodies.map((x) => x.slug)).toEqual(["stats-a"]);
      const lots = await reportDashboard(db, { type: "lot_specification" }, 30);
      expect(lots.consultations.map((c) => c.slug)).toEqual(["stats-b1"]);
      const year = new Date(Date.now() - 40 * 86_400_000 + 5 * 3_600_000).getUTCFullYear();
      expect((await reportDashboard(db, { year, organization: "stats-a" }, 30)).consultations.map((c) => c.slug)).toContain("stats-a1");
      expect((await reportDashboard(db, { year: 1999 }, 30)).consultations).toEqual([]);

      // Once the stored reports exist (ADR 0064) the dashboard reads them, with the same figures;
      // half built, half counted from rows, too.
      const ours = all.consultations.map((c) => c.slug);
      const ids = await db.selectFrom("consultations").select("id").where("slug", "in", ours).orderBy("slug").execute();
      await materializeReport(db, ids[0].id);
      await materializeReport(db, ids[2].id);
      expect(await reportDashboard(db, {}, 30)).toEqual(all);
      for (const { id } of ids) await materializeReport(db, id);
      const built = await db.selectFrom("report_builds").select(db.fn.countAll<string>().as("n")).where("kind", "=", "live").where("consultation_id", "in", ids.map((i) => i.id)).executeTakeFirstOrThrow();
      expect(Number(built.n)).toBeGreaterThanOrEqual(ids.length);
      expect(await reportDashboard(db, {}, 30)).toEqual(all);
      expect(await reportDashboard(db, { organization: "stats-a" }, 30)).toEqual(onlyA);
      // a new answer shows at once: the counts are the maintained counters' (ADR 0061), only the
      // medians come from the builds
      const a2open = await db.selectFrom("comments").select("id").where("consultation_id", "=", a2.id).where("body", "=", "Комментарий 1").executeTakeFirstOrThrow();
      await answerComments(db, { actor: staffA, consultationId: a2.id, commentIds: [a2open.id], status: "accepted", justification: why });
      await publishResponses(db, { actor: staffA, consultationId: a2.id });
      expect((await reportDashboard(db, {}, 30)).consultations.find((c) => c.slug === "stats-a2")?.answered).toBe(2);
      await materializeReport(db, a2.id);
      expect((await reportDashboard(db, {}, 30)).consultations.find((c) => c.slug === "stats-a2")?.answered).toBe(2);
    });
  });
}
