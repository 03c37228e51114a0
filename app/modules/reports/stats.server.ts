/** The MPs' dashboard: every consultation's report status and each body's responsiveness. */
import { sql } from "kysely";
import type { Db } from "~db/database.server";
import type { ConsultationType, Localized } from "~db/schema";
import { periodDays, STANDARD_PERIOD_DAYS } from "~/modules/consultations/rules";

export interface DashboardFilter {
  organization?: string;
  type?: ConsultationType;
  year?: number;
}

export type ReportState = "planned" | "open" | "pending" | "overdue" | "published" | "published_late";

export interface DashboardConsultation {
  id: string;
  slug: string;
  title: Localized;
  type: ConsultationType;
  organization: { slug: string; name: Localized };
  opensAt: Date;
  closesAt: Date;
  dueAt: Date;
  reportPublishedAt: Date | null;
  state: ReportState;
  comments: number;
  answered: number;
  accepted: number;
  revisions: number;
}

export interface BodyStats {
  slug: string;
  name: Localized;
  held: number;
  thirtyDayShare: number | null;
  comments: number;
  answeredShare: number | null;
  acceptedShare: number | null;
  medianDaysToAnswer: number | null;
  overdue: number;
}

export interface Dashboard {
  consultations: DashboardConsultation[];
  bodies: BodyStats[];
  years: number[];
}

const DAY = 86_400_000;

// Medians per body, by the set of builds they were computed from: builds never change, so the
// same set gives the same medians (recomputed only when a build is replaced or a filter differs).
// Keyed per database handle too (tests open several databases in one process).
const medianCaches = new WeakMap<Db, Map<string, Map<string, number | null>>>();
const MEDIAN_CACHE_MAX = 64;

/**
 * The dashboard. Per consultation, comment and answer figures are its maintained counters
 * (ADR 0061) and the days-to-answer medians come from its stored report build (ADR 0064); a
 * consultation without a build yet (just published, the worker not there yet) has its answer
 * days read from its rows. Nothing counts comments per request.
 */
export async function reportDashboard(db: Db, filter: DashboardFilter, dueDays: number, now: Date = new Date()): Promise<Dashboard> {
  let query = db
    .selectFrom("consultations as c")
    .innerJoin("organizations as o", "o.id", "c.organization_id")
    .leftJoin("consultation_stats as st", "st.consultation_id", "c.id")
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("report_builds as rb")
          .select(["rb.id"])
          .whereRef("rb.consultation_id", "=", "c.id")
          .where("rb.kind", "=", "live")
          .where("rb.completed_at", "is not", null)
          .orderBy("rb.id", "desc")
          .limit(1)
          .as("b"),
      (join) => join.onTrue(),
    )
    .where("c.published_at", "is not", null);
  if (filter.organization) query = query.where("o.slug", "=", filter.organization);
  if (filter.type) query = query.where("c.type", "=", filter.type);
  if (filter.year) query = query.where(sql<number>`extract(year from c.closes_at at time zone 'Asia/Almaty')`, "=", filter.year);
  const rows = await query
    .select([
      "c.id",
      "c.slug",
      "c.title",
      "c.type",
      "c.opens_at",
      "c.closes_at",
      "c.organization_id",
      "o.slug as org_slug",
      "o.name as org_name",
      "b.id as build_id",
      sql<Date | null>`(select min(rr.published_at) from report_revisions rr where rr.consultation_id = c.id)`.as("report_at"),
      // Published revisions; visible comments (replies included); of them, those with a published answer, and an accepting one.
      sql<number>`coalesce(st.report_revisions, 0)`.as("revisions"),
      sql<number>`coalesce(st.visible, 0)`.as("comments"),
      sql<number>`coalesce(st.answered_accepted + st.answered_partially_accepted + st.answered_not_accepted + st.answered_noted, 0)`.as("answered"),
      sql<number>`coalesce(st.answered_accepted + st.answered_partially_accepted, 0)`.as("accepted"),
    ])
    .orderBy("c.closes_at", "desc")
    .execute();

  const unbuilt = rows.filter((r) => r.build_id === null).map((r) => r.id);

  // Days from a comment's posting to the publication of its answer, per body: the builds keep
  // each consultation's days sorted; consultations without a build are read from their rows.
  const builds = rows.filter((r) => r.build_id !== null).map((r) => String(r.build_id));
  const cacheKey = unbuilt.length ? undefined : builds.sort().join(",");
  let medianCache = medianCaches.get(db);
  if (!medianCache) medianCaches.set(db, (medianCache = new Map()));
  let medianByOrg = cacheKey !== undefined ? medianCache.get(cacheKey) : undefined;
  if (!medianByOrg) {
    const fromBuilds = builds.length
      ? sql`select c.organization_id, d.days from report_builds b join consultations c on c.id = b.consultation_id cross join lateral unnest(b.answer_days) as d(days) where b.id = any(${builds}::bigint[])`
      : sql`select null::uuid as organization_id, null::float8 as days where false`;
    const fromRows = unbuilt.length
      ? sql`select c.organization_id, (extract(epoch from r.first_published_at - cm.created_at) / 86400)::float8 as days
          from comments cm join comment_responses r on r.comment_id = cm.id join consultations c on c.id = cm.consultation_id
          where cm.consultation_id = any(${unbuilt}::uuid[]) and r.first_published_at is not null and cm.status = 'visible'`
      : sql`select null::uuid as organization_id, null::float8 as days where false`;
    const medians = await sql<{ organization_id: string; median: number | null }>`
      select organization_id, percentile_cont(0.5) within group (order by days) as median
      from (${fromBuilds} union all ${fromRows}) x group by organization_id`.execute(db);
    medianByOrg = new Map(medians.rows.map((m) => [m.organization_id, m.median === null ? null : Number(m.median)]));
    if (cacheKey !== undefined) {
      medianCache.set(cacheKey, medianByOrg);
      while (medianCache.size > MEDIAN_CACHE_MAX) medianCache.delete(medianCache.keys().next().value!);
    }
  }

  const yearRows = await db
    .selectFrom("consultations as c")
    .select(sql<number>`extract(year from c.closes_at at time zone 'Asia/Almaty')::int`.as("y"))
    .where("c.published_at", "is not", null)
    .distinct()
    .execute();

  const consultations: DashboardConsultation[] = rows.map((r) => {
    const opensAt = new Date(r.opens_at);
    const closesAt = new Date(r.closes_at);
    const dueAt = new Date(closesAt.getTime() + dueDays * DAY);
    const reportAt = r.report_at ? new Date(r.report_at) : null;
    const state: ReportState = reportAt
      ? reportAt > dueAt
        ? "published_late"
        : "published"
      : now < opensAt
        ? "planned"
        : now < closesAt
          ? "open"
          : now > dueAt
            ? "overdue"
            : "pending";
    return {
      id: r.id,
      slug: r.slug,
      title: r.title,
      type: r.type,
      organization: { slug: r.org_slug, name: r.org_name },
      opensAt,
      closesAt,
      dueAt,
      reportPublishedAt: reportAt,
      state,
      comments: Number(r.comments),
      answered: Number(r.answered),
      accepted: Number(r.accepted),
      revisions: Number(r.revisions),
    };
  });

  const bodies = new Map<string, BodyStats & { thirty: number; answered: number; accepted: number }>();
  rows.forEach((r, i) => {
    const c = consultations[i];
    // Only finished consultations count: an open one's comments cannot be answered yet.
    if (c.state === "planned" || c.state === "open") return;
    const b = bodies.get(r.organization_id) ?? {
      slug: r.org_slug,
      name: r.org_name,
      held: 0,
      thirtyDayShare: null,
      comments: 0,
      answeredShare: null,
      acceptedShare: null,
      medianDaysToAnswer: medianByOrg.get(r.organization_id) ?? null,
      overdue: 0,
      thirty: 0,
      answered: 0,
      accepted: 0,
    };
    b.held++;
    if (periodDays(c.opensAt, c.closesAt) >= STANDARD_PERIOD_DAYS) b.thirty++;
    b.comments += c.comments;
    b.answered += c.answered;
    b.accepted += c.accepted;
    if (c.state === "overdue") b.overdue++;
    bodies.set(r.organization_id, b);
  });
  return {
    consultations,
    bodies: [...bodies.values()]
      .map(({ thirty, answered, accepted, ...b }) => ({
        ...b,
        thirtyDayShare: b.held ? thirty / b.held : null,
        answeredShare: b.comments ? answered / b.comments : null,
        acceptedShare: answered ? accepted / answered : null,
      }))
      .sort((a, b) => a.slug.localeCompare(b.slug)),
    years: yearRows.map((y) => Number(y.y)).sort((a, b) => b - a),
  };
}
