import type { Db } from "~db/database.server";
import type { ConsultationType, Localized } from "~db/schema";
import { statusSql } from "~/modules/consultations/queries.server";
import type { ConsultationStatus } from "~/modules/consultations/rules";
import { planItemStatus, type PlanItemStatus } from "./rules";

export interface PlanItemView {
  id: string;
  year: number;
  quarter: number;
  kind: "act" | "lot";
  consultationType: ConsultationType;
  title: Localized;
  body: { id: string; slug: string; name: Localized };
  consultation: { slug: string; title: Localized; status: ConsultationStatus; opensAt: Date; closesAt: Date; publishedAt: Date | null } | null;
  status: PlanItemStatus;
}

/** The plan of a year, every body, by body then quarter. A linked draft is shown only as "not opened". */
export async function listPlan(db: Db, year: number, now: Date = new Date()): Promise<PlanItemView[]> {
  const rows = await db
    .selectFrom("plan_items as p")
    .innerJoin("organizations as o", "o.id", "p.organization_id")
    .leftJoin("consultations as c", "c.id", "p.consultation_id")
    .select([
      "p.id", "p.year", "p.quarter", "p.kind", "p.consultation_type", "p.title", "o.id as org_id", "o.slug as org_slug", "o.name as org_name",
      "c.slug as c_slug", "c.title as c_title", "c.opens_at", "c.closes_at", "c.published_at", statusSql.as("c_status"),
    ])
    .where("p.year", "=", year)
    .orderBy("o.slug")
    .orderBy("p.quarter")
    .orderBy("p.created_at")
    .execute();
  return rows.map((r) => {
    const consultation =
      r.c_slug && r.opens_at && r.closes_at
        ? { slug: r.c_slug, title: r.c_title as Localized, status: r.c_status, opensAt: new Date(r.opens_at), closesAt: new Date(r.closes_at), publishedAt: r.published_at ? new Date(r.published_at) : null }
        : null;
    return {
      id: r.id,
      year: r.year,
      quarter: r.quarter,
      kind: r.kind,
      consultationType: r.consultation_type,
      title: r.title,
      body: { id: r.org_id, slug: r.org_slug, name: r.org_name },
      consultation,
      status: planItemStatus({ year: r.year, quarter: r.quarter, consultation }, now),
    };
  });
}

export async function findPlanItem(db: Db, id: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  return db.selectFrom("plan_items").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Consultations of a body that an item may link to. */
export async function listBodyConsultations(db: Db, organizationId: string) {
  return db.selectFrom("consultations").select(["id", "slug", "title"]).where("organization_id", "=", organizationId).orderBy("created_at", "desc").execute();
}
