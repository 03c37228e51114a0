/** A small published consultation with a draft and comments, written through the real commands. */
import type { Db } from "~db/database.server";
import { postComment } from "~/modules/comments/commands.server";
import { createConsultation, publishConsultation, saveDraftVersion } from "~/modules/consultations/commands.server";

const DAY = 86_400_000;

export async function seedSearchConsultation(db: Db, slug = "grant-rules-2027") {
  const org = await db
    .insertInto("organizations")
    .values({ slug: `body-${slug}`, kind: "government_body", name: JSON.stringify({ kk: "Министрлік", ru: "Министерство", en: "Ministry" }) })
    .returning("id")
    .executeTakeFirstOrThrow();
  const staff = await db
    .insertInto("users")
    .values({ email: `staff-${slug}@example.kz`, password_hash: "x", name: "Staff", role: "staff", organization_id: org.id })
    .returning("id")
    .executeTakeFirstOrThrow();
  const citizen = await db
    .insertInto("users")
    .values({ email: `citizen-${slug}@example.kz`, password_hash: "x", name: "Citizen", role: "citizen" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const created = await createConsultation(
    db,
    {
      slug,
      type: "grant_rules",
      organizationId: org.id,
      title: { kk: "Мемлекеттік гранттар қағидалары", ru: "Правила государственных грантов", en: "State grant rules" },
      summary: { kk: "Қазақстан өңірлеріндегі ғылым гранттары", ru: "Гранты на науку в регионах Казахстана", en: "Science grants in the regions of Kazakhstan" },
      explanatoryNote: { kk: "", ru: "", en: "" },
      opensAt: new Date(Date.now() - DAY),
      closesAt: new Date(Date.now() + 30 * DAY),
      shortPeriodJustification: null,
    },
    staff.id,
  );
  if (!created.ok) throw new Error("consultation not created");
  const consultationId = created.id;
  await saveDraftVersion(
    db,
    created.id,
    [
      { key: "a1", kind: "article", label: { kk: "1-бап", ru: "Статья 1", en: "Article 1" }, text: { kk: "Бірлесіп қаржыландыру талабы", ru: "Требование софинансирования", en: "Co-financing requirement" } },
      { key: "a2", kind: "article", label: { kk: "2-бап", ru: "Статья 2", en: "Article 2" }, text: { kk: "Есеп беру мерзімдері", ru: "Сроки отчетности", en: "Reporting deadlines" } },
    ],
    staff.id,
  );
  const published = await publishConsultation(db, created.id, staff.id);
  if (!published.ok) throw new Error("not published");
  const blocks = await db
    .selectFrom("blocks as b")
    .innerJoin("document_versions as v", "v.id", "b.version_id")
    .select(["b.id", "b.lineage_key"])
    .where("v.consultation_id", "=", created.id)
    .orderBy("b.position")
    .execute();
  let n = 0;
  async function comment(body: string, blockId: string | null = null) {
    const result = await postComment(db, { consultationId, blockId, body, lang: "ru", authorId: citizen.id, organizationId: null, idempotencyKey: `k-${++n}-${slug}` });
    if (!result.ok) throw new Error(result.error);
    return result.id;
  }
  return { consultationId: created.id, slug, staffId: staff.id, citizenId: citizen.id, blocks, comment };
}
