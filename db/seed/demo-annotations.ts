/**
 * Demo annotations on the open draft: readers' comments on exact words (Russian and Kazakh),
 * a reply and a support, so the highlights, threads and API selectors can be seen at once.
 */
import type { Transaction } from "kysely";
import type { Database, Lang, Localized } from "~db/schema";
import { contextAround } from "~/modules/comments/anchor";

export async function seedDemoAnnotations(trx: Transaction<Database>, now: Date = new Date()): Promise<number> {
  const consultation = await trx.selectFrom("consultations").select(["id"]).where("slug", "=", "grant-rules-2027").executeTakeFirst();
  if (!consultation) return 0;
  const version = await trx.selectFrom("document_versions").select("id").where("consultation_id", "=", consultation.id).orderBy("number", "desc").executeTakeFirstOrThrow();
  const users = await trx.selectFrom("users").select(["id", "email", "organization_id"]).where("email", "in", ["citizen@demo.kenes.kz", "ngo@demo.kenes.kz"]).execute();
  const citizen = users.find((u) => u.email === "citizen@demo.kenes.kz");
  const ngo = users.find((u) => u.email === "ngo@demo.kenes.kz");
  if (!citizen || !ngo) return 0;
  const paragraphs = (await trx.selectFrom("blocks").select(["id", "text", "lineage_key"]).where("version_id", "=", version.id).where("kind", "=", "paragraph").orderBy("position").execute()).filter(
    (b) => (b.text as Localized).ru.length > 60 && !(b.text as Localized).ru.includes("софинансирование"),
  );
  const picks: Array<{ block: (typeof paragraphs)[number]; lang: Lang; from: number; words: number; author: typeof citizen; body: string }> = [
    { block: paragraphs[1], lang: "ru", from: 2, words: 4, author: citizen, body: "Эта формулировка слишком общая: укажите, кто и в какой срок это делает." },
    { block: paragraphs[3], lang: "kk", from: 1, words: 3, author: ngo, body: "Бұл талап ауылдық ҮЕҰ үшін тым ауыр. Ұсыныс: мерзімді ұзарту." },
  ];
  let count = 0;
  let first: string | undefined;
  for (const [i, pick] of picks.entries()) {
    if (!pick.block) continue;
    const text = (pick.block.text as Localized)[pick.lang];
    const words = text.split(" ");
    const start = words.slice(0, pick.from).join(" ").length + (pick.from > 0 ? 1 : 0);
    const exact = words.slice(pick.from, pick.from + pick.words).join(" ");
    const end = start + exact.length;
    const context = contextAround(text, start, end);
    const row = await trx
      .insertInto("comments")
      .values({
        consultation_id: consultation.id,
        version_id: version.id,
        block_id: pick.block.id,
        author_id: pick.author.id,
        organization_id: pick.author.organization_id,
        body: pick.body,
        lang: pick.lang,
        idempotency_key: `demo-annotation-${i}`,
        anchor_lang: pick.lang,
        anchor_start: start,
        anchor_end: end,
        anchor_exact: exact,
        anchor_prefix: context.prefix,
        anchor_suffix: context.suffix,
        created_at: new Date(now.getTime() - (10 - i) * 3_600_000),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    first ??= row.id;
    count += 1;
  }
  if (first) {
    await trx
      .insertInto("comments")
      .values({ consultation_id: consultation.id, version_id: version.id, block_id: picks[0].block.id, parent_id: first, author_id: ngo.id, organization_id: ngo.organization_id, body: "Поддерживаем: без срока норма не работает.", lang: "ru", idempotency_key: "demo-reply-0", created_at: new Date(now.getTime() - 3_600_000) })
      .execute();
    await trx.insertInto("comment_supports").values({ comment_id: first, user_id: ngo.id }).execute();
    count += 1;
  }
  return count;
}
