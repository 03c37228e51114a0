/**
 * Demo comments for search: Kazakh with its own letters (so "казакстан", "гылым", "онир" typed
 * without them find something), and Russian inflections. Inserted like the other demo comments;
 * the search worker's first build indexes them.
 */
import type { Db } from "~db/database.server";

const comments: { email: string; lang: "kk" | "ru" | "en"; body: string }[] = [
  {
    email: "ngo@demo.kenes.kz",
    lang: "kk",
    body: "Қазақстанның өңірлеріндегі ғылыми-білім беру жобалары үшін бірлесіп қаржыландыру талабын 10 пайызға дейін төмендетуді ұсынамыз.",
  },
  {
    email: "citizen@demo.kenes.kz",
    lang: "kk",
    body: "Ауылдық өңірлердегі шағын ұйымдар есептілікті қағаз түрінде де тапсыра алуы керек: Қазақстанда интернет әлі барлық жерде жоқ.",
  },
  {
    email: "citizen@demo.kenes.kz",
    lang: "ru",
    body: "Требования к софинансированию для сельских организаций нужно смягчить: отчётность по грантам слишком сложна для небольших команд.",
  },
];

export async function seedDemoSearch(db: Db, now: Date = new Date()): Promise<void> {
  const consultation = await db.selectFrom("consultations").select(["id"]).where("slug", "=", "grant-rules-2027").executeTakeFirst();
  if (!consultation) return;
  const version = await db
    .selectFrom("document_versions")
    .select("id")
    .where("consultation_id", "=", consultation.id)
    .where("published_at", "is not", null)
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!version) return;
  const users = await db.selectFrom("users").select(["id", "email", "organization_id"]).where("email", "in", comments.map((c) => c.email)).execute();
  const rows = comments.flatMap((c, i) => {
    const user = users.find((u) => u.email === c.email);
    if (!user) return [];
    return [
      {
        consultation_id: consultation.id,
        version_id: version.id,
        block_id: null,
        author_id: user.id,
        organization_id: user.organization_id,
        body: c.body,
        lang: c.lang,
        idempotency_key: `demo-search-${i}`,
        created_at: new Date(now.getTime() - (comments.length - i) * 30_000),
      },
    ];
  });
  if (rows.length) await db.insertInto("comments").values(rows).onConflict((oc) => oc.columns(["author_id", "idempotency_key"]).doNothing()).execute();
}
