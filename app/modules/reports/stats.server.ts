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

export async function reportDashboard(db: Db, filter: DashboardFilter, dueDays: number, now: Date = new Date()): Promise<Dashboard> {
  let query = db
    .selectFrom("consultations as c")
    .innerJoin("organizations as o", "o.id", "c.organization_id")
    // Comment and answer figures are maintained counters (ADR 0061), not counted here.
    .leftJoin("consultation_stats as st", "st.consultation_id", "c.id")
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
      sql<Date | null>`(select min(rr.published_at) from report_revisions rr where rr.consultation_id = c.id)`.as("report_at"),
      // Published revisions; visible comments (replies included); of them, those with a published answer, and an accepting one.
      sql<number>`coalesce(st.report_revisions, 0)`.as("revisions"),
      sql<number>`coalesce(st.visible, 0)`.as("comments"),
      sql<number>`coalesce(st.answered_accepted + st.answered_partially_accepted + st.answered_not_accepted + st.answered_noted, 0)`.as("answered"),
      sql<number>`coalesce(st.answered_accepted + st.answered_partially_accepted, 0)`.as("accepted"),
    ])
    .orderBy("c.closes_at", "desc")
    .execute();

  // Days from a comment's posting to the publication of its answer, per body.
  let medianQuery = db
    .selectFrom("comments as cm")
    .innerJoin("comment_responses as r", "r.comment_id", "cm.id")
    .innerJoin("consultations as c", "c.id", "cm.consultation_id")
    .innerJoin("organizations as o", "o.id", "c.organization_id")
    .where("r.first_published_at", "is not", null)
    .where("cm.status", "=", "visible");
  if (filter.organization) medianQuery = medianQuery.where("o.slug", "=", filter.organization);
  if (filter.type) medianQuery = medianQuery.where("c.type", "=", filter.type);
  if (filter.year) medianQuery = medianQuery.where(sql<number>`extract(year from c.closes_at at time zone 'Asia/Almaty')`, "=", filter.year);
  const medians = await medianQuery
    .select(["c.organization_id", sql<number>`percentile_cont(0.5) within group (order by extract(epoch from r.first_published_at - cm.created_at) / 86400)`.as("median")])
    .groupBy("c.organization_id")
    .execute();
  const medianByOrg = new Map(medians.map((m) => [m.organization_id, m.median === null ? null : Number(m.median)]));

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
