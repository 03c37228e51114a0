import type { Db } from "~db/database.server";
import type { ConsultationType, Localized } from "~db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { enqueueOutbox } from "~/modules/outbox/outbox.server";

export interface PlanItemData {
  organizationId: string;
  year: number;
  quarter: number;
  kind: "act" | "lot";
  consultationType: ConsultationType;
  title: Localized;
  /** Slug of the body's consultation for this item, once it exists; "" for none. */
  consultationSlug: string;
}

export type PlanError = "errors.consultation_unknown" | "errors.not_found";

async function resolveConsultation(trx: Db, organizationId: string, slug: string): Promise<{ id: string | null } | PlanError> {
  if (slug === "") return { id: null };
  const c = await trx.selectFrom("consultations").select("id").where("slug", "=", slug).where("organization_id", "=", organizationId).executeTakeFirst();
  return c ? { id: c.id } : "errors.consultation_unknown";
}

/** Adds an item to a body's plan (or, with id, changes it). A linked consultation must be the same body's. */
export async function savePlanItem(db: Db, input: PlanItemData & { id?: string; actorId: string }): Promise<{ ok: true; id: string } | { ok: false; error: PlanError; field: string }> {
  return db.transaction().execute(async (trx) => {
    const linked = await resolveConsultation(trx, input.organizationId, input.consultationSlug);
    if (typeof linked === "string") return { ok: false, error: linked, field: "consultationSlug" } as const;
    const values = {
      organization_id: input.organizationId,
      year: input.year,
      quarter: input.quarter,
      kind: input.kind,
      consultation_type: input.consultationType,
      title: JSON.stringify(input.title),
      consultation_id: linked.id,
    };
    let id: string;
    if (input.id) {
      const updated = await trx
        .updateTable("plan_items")
        .set({ ...values, updated_at: new Date() })
        .where("id", "=", input.id)
        .where("organization_id", "=", input.organizationId)
        .returning("id")
        .executeTakeFirst();
      if (!updated) return { ok: false, error: "errors.not_found", field: "form" } as const;
      id = updated.id;
    } else {
      id = (await trx.insertInto("plan_items").values({ ...values, created_by: input.actorId }).returning("id").executeTakeFirstOrThrow()).id;
    }
    await recordAudit(trx, { actorId: input.actorId, action: input.id ? "plan_item.updated" : "plan_item.created", subject: `plan_item:${id}`, data: { year: input.year, quarter: input.quarter } });
    await enqueueOutbox(trx, "plan.changed", { year: input.year, organizationId: input.organizationId });
    return { ok: true, id } as const;
  });
}

export async function deletePlanItem(db: Db, input: { id: string; organizationId: string; actorId: string }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.deleteFrom("plan_items").where("id", "=", input.id).where("organization_id", "=", input.organizationId).returning(["year"]).executeTakeFirst();
    if (!row) return false;
    await recordAudit(trx, { actorId: input.actorId, action: "plan_item.deleted", subject: `plan_item:${input.id}`, data: {} });
    await enqueueOutbox(trx, "plan.changed", { year: row.year, organizationId: input.organizationId });
    return true;
  });
}
