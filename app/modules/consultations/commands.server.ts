import type { Db } from "~db/database.server";
import type { ConsultationType, Localized } from "~db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import type { DraftBlock } from "~/modules/documents/structured-text";
import { mapPublishedVersion } from "~/modules/documents/versioning.server";
import { enqueueOutbox } from "~/modules/outbox/outbox.server";

export interface ConsultationInput {
  slug: string;
  type: ConsultationType;
  organizationId: string;
  title: Localized;
  summary: Localized;
  explanatoryNote: Localized;
  opensAt: Date;
  closesAt: Date;
  shortPeriodJustification: Localized | null;
}

export type CreateResult = { ok: true; id: string } | { ok: false; field: "slug"; error: "errors.slug_taken" };

/** Creates an unpublished consultation (a draft only its body's staff see). */
export async function createConsultation(db: Db, input: ConsultationInput, actorId: string): Promise<CreateResult> {
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom("consultations").select("id").where("slug", "=", input.slug).executeTakeFirst();
    if (taken) return { ok: false, field: "slug", error: "errors.slug_taken" } as const;
    const row = await trx
      .insertInto("consultations")
      .values({
        slug: input.slug,
        type: input.type,
        organization_id: input.organizationId,
        title: JSON.stringify(input.title),
        summary: JSON.stringify(input.summary),
        explanatory_note: JSON.stringify(input.explanatoryNote),
        opens_at: input.opensAt,
        closes_at: input.closesAt,
        short_period_justification: input.shortPeriodJustification ? JSON.stringify(input.shortPeriodJustification) : null,
        created_by: actorId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId, action: "consultation.created", subject: `consultation:${row.id}`, data: { slug: input.slug } });
    return { ok: true, id: row.id } as const;
  });
}

/** Updates the metadata and period; only while the consultation is unpublished. */
export async function updateConsultation(db: Db, id: string, input: Omit<ConsultationInput, "slug" | "organizationId">, actorId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("consultations")
      .set({
        type: input.type,
        title: JSON.stringify(input.title),
        summary: JSON.stringify(input.summary),
        explanatory_note: JSON.stringify(input.explanatoryNote),
        opens_at: input.opensAt,
        closes_at: input.closesAt,
        short_period_justification: input.shortPeriodJustification ? JSON.stringify(input.shortPeriodJustification) : null,
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .where("published_at", "is", null)
      .execute();
    await recordAudit(trx, { actorId, action: "consultation.updated", subject: `consultation:${id}`, data: {} });
  });
}

/**
 * Adds a new version. While the latest version is unpublished it is replaced (a draft may be
 * redone); a published version is never changed, so the new blocks become version N+1.
 */
export async function saveDraftVersion(db: Db, consultationId: string, blocks: DraftBlock[], actorId: string): Promise<{ versionId: string; number: number }> {
  return db.transaction().execute(async (trx) => {
    const latest = await trx
      .selectFrom("document_versions")
      .select(["id", "number", "published_at"])
      .where("consultation_id", "=", consultationId)
      .orderBy("number", "desc")
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    let versionId: string;
    let number: number;
    if (latest && !latest.published_at) {
      versionId = latest.id;
      number = latest.number;
      await trx.deleteFrom("blocks").where("version_id", "=", versionId).execute();
    } else {
      number = (latest?.number ?? 0) + 1;
      versionId = (
        await trx.insertInto("document_versions").values({ consultation_id: consultationId, number, created_by: actorId }).returning("id").executeTakeFirstOrThrow()
      ).id;
    }
    await insertBlocks(trx, versionId, blocks);
    await recordAudit(trx, { actorId, action: "version.saved", subject: `consultation:${consultationId}`, data: { number, blocks: blocks.length } });
    return { versionId, number };
  });
}

export async function insertBlocks(db: Db, versionId: string, blocks: DraftBlock[]): Promise<void> {
  // Batches keep a 300-article draft to a few statements on both engines.
  for (let i = 0; i < blocks.length; i += 500) {
    await db
      .insertInto("blocks")
      .values(
        blocks.slice(i, i + 500).map((b, j) => ({
          version_id: versionId,
          position: i + j + 1,
          lineage_key: b.key,
          kind: b.kind,
          label: b.label ? JSON.stringify(b.label) : null,
          text: JSON.stringify(b.text),
          content: b.content ? JSON.stringify(b.content) : null,
        })),
      )
      .execute();
  }
}

export type PublishResult = { ok: true } | { ok: false; error: "errors.no_version" | "errors.already_published" };

/**
 * Publishes the consultation (first time) together with its latest draft version; later
 * calls publish a new version. A published version is immutable from then on.
 */
export async function publishConsultation(db: Db, consultationId: string, actorId: string): Promise<PublishResult> {
  return db.transaction().execute(async (trx) => {
    const consultation = await trx.selectFrom("consultations").select(["published_at", "slug"]).where("id", "=", consultationId).forUpdate().executeTakeFirstOrThrow();
    const draft = await trx
      .selectFrom("document_versions")
      .select(["id", "number"])
      .where("consultation_id", "=", consultationId)
      .where("published_at", "is", null)
      .orderBy("number", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!draft) return { ok: false, error: consultation.published_at ? "errors.already_published" : "errors.no_version" } as const;
    const now = new Date();
    await trx.updateTable("document_versions").set({ published_at: now }).where("id", "=", draft.id).execute();
    if (!consultation.published_at) {
      await trx.updateTable("consultations").set({ published_at: now, updated_at: now }).where("id", "=", consultationId).execute();
    }
    // Block mapping and re-anchoring belong to the same transaction: a version is never visible without them.
    const mapping = await mapPublishedVersion(trx, consultationId, draft.id);
    await enqueueOutbox(trx, "consultation.published", { consultationId, versionId: draft.id });
    await recordAudit(trx, { actorId, action: "consultation.published", subject: `consultation:${consultationId}`, data: { version: draft.number, changes: mapping.changes, anchors: mapping.anchors } });
    return { ok: true } as const;
  });
}
