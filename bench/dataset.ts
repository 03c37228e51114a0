/**
 * The benchmark's deterministic data set: one large consultation (300 articles, most of the
 * comments, one "hot" article with a long thread), ten other consultations, a few thousand
 * accounts. Same seed, same rows, on PGlite and PostgreSQL. Inserted in batches (the app's
 * commands would take minutes for 50,000 comments and measure nothing useful).
 */
import { sql } from "kysely";
import type { Db } from "~db/database.server";
import { hashPassword } from "~/modules/accounts/password.server";

export interface DatasetSize {
  articles: number;
  comments: number;
  hotComments: number;
  otherConsultations: number;
  otherArticles: number;
  users: number;
}

export const sizes: Record<"full" | "quick", DatasetSize> = {
  full: { articles: 300, comments: 50_000, hotComments: 2_000, otherConsultations: 10, otherArticles: 20, users: 2_000 },
  quick: { articles: 300, comments: 5_000, hotComments: 500, otherConsultations: 10, otherArticles: 20, users: 300 },
};

export const BENCH_USER = { email: "bench@kenes.local", password: "bench-password-2026" };
export const MAIN_SLUG = "bench-main";

export interface DatasetInfo {
  size: DatasetSize;
  mainSlug: string;
  hotBlockId: string;
  benchUserId: string;
  consultations: number;
  comments: number;
}

/** mulberry32: a tiny seeded generator, so every run builds the same rows. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = {
  kk: "грант қоғамдық ұйым жоба мемлекеттік тапсырыс комиссия бағалау есеп қаржыландыру мақсат нәтиже өтінім конкурс талап шарт мерзім сома аймақ жастар".split(" "),
  ru: "грант общественная организация проект государственный заказ комиссия оценка отчёт финансирование цель результат заявка конкурс требование договор срок сумма регион молодёжь".split(" "),
  en: "grant public organisation project state order committee evaluation report funding goal result application competition requirement contract period amount region youth".split(" "),
};

function sentence(rand: () => number, lang: "kk" | "ru" | "en", n: number): string {
  const w = words[lang];
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(w[Math.floor(rand() * w.length)]);
  const s = out.join(" ");
  return s.charAt(0).toUpperCase() + s.slice(1) + ".";
}

async function insertBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Builds the data set into an empty, migrated database. */
export async function buildDataset(db: Db, size: DatasetSize, now = new Date()): Promise<DatasetInfo> {
  const rand = random(2026);
  const day = 86_400_000;
  const orgId = uuid(rand);
  await db.insertInto("organizations").values({ id: orgId, slug: "misd", kind: "government_body", name: JSON.stringify({ kk: "Ақпарат және қоғамдық даму министрлігі", ru: "Министерство информации и общественного развития", en: "Ministry of Information and Social Development" }) }).execute();

  const hash = await hashPassword(BENCH_USER.password);
  const benchUserId = uuid(rand);
  const users: { id: string; email: string; password_hash: string; name: string; role: "citizen"; organization_id: null; locale: "kk" | "ru" | "en" }[] = [{ id: benchUserId, email: BENCH_USER.email, password_hash: hash, name: "Bench User", role: "citizen" as const, organization_id: null, locale: "en" as const }];
  for (let i = 0; i < size.users; i++) users.push({ id: uuid(rand), email: `user${i}@bench.kenes.local`, password_hash: hash, name: `Пайдаланушы ${i}`, role: "citizen", organization_id: null, locale: "kk" });
  await insertBatches(users, 1000, (b) => db.insertInto("users").values(b).execute());

  const consultations: { id: string; versionId: string; blockIds: string[]; slug: string }[] = [];
  const makeConsultation = async (slug: string, articles: number, index: number) => {
    const id = uuid(rand);
    const versionId = uuid(rand);
    const localized = (kk: string, ru: string, en: string) => JSON.stringify({ kk, ru, en });
    await db
      .insertInto("consultations")
      .values({
        id,
        slug,
        type: "grant_rules",
        organization_id: orgId,
        title: localized(`Грант қағидалары ${index}`, `Правила грантов ${index}`, `Grant rules ${index}`),
        summary: localized(sentence(rand, "kk", 20), sentence(rand, "ru", 20), sentence(rand, "en", 20)),
        explanatory_note: localized(sentence(rand, "kk", 60), sentence(rand, "ru", 60), sentence(rand, "en", 60)),
        opens_at: new Date(now.getTime() - (5 + index) * day),
        closes_at: new Date(now.getTime() + (25 - index) * day),
        published_at: new Date(now.getTime() - (6 + index) * day),
        created_by: null,
      })
      .execute();
    await db.insertInto("document_versions").values({ id: versionId, consultation_id: id, number: 1, published_at: new Date(now.getTime() - (6 + index) * day) }).execute();
    const blocks = [];
    for (let a = 1; a <= articles; a++) {
      blocks.push({
        id: uuid(rand),
        version_id: versionId,
        position: a,
        lineage_key: `art-${a}`,
        kind: "article" as const,
        label: localized(`${a}-бап`, `Статья ${a}`, `Article ${a}`),
        text: localized(sentence(rand, "kk", 45), sentence(rand, "ru", 45), sentence(rand, "en", 45)),
      });
    }
    await insertBatches(blocks, 500, (b) => db.insertInto("blocks").values(b).execute());
    consultations.push({ id, versionId, blockIds: blocks.map((b) => b.id), slug });
  };
  await makeConsultation(MAIN_SLUG, size.articles, 0);
  for (let i = 1; i <= size.otherConsultations; i++) await makeConsultation(`bench-other-${i}`, size.otherArticles, i);

  const main = consultations[0];
  const hotBlockId = main.blockIds[6];
  const langs = ["kk", "ru", "en"] as const;
  const others = consultations.slice(1);
  const perOther = 100;
  const mainComments = size.comments - others.length * perOther;
  const comments = [];
  const start = now.getTime() - 5 * day;
  for (let i = 0; i < size.comments; i++) {
    const isMain = i < mainComments;
    const c = isMain ? main : others[Math.floor((i - mainComments) / perOther)];
    let blockId: string | null;
    if (isMain && i < size.hotComments) blockId = hotBlockId;
    else if (rand() < 0.1) blockId = null;
    else blockId = c.blockIds[Math.floor(rand() * c.blockIds.length)];
    const lang = langs[Math.floor(rand() * 3)];
    comments.push({
      id: uuid(rand),
      consultation_id: c.id,
      version_id: c.versionId,
      block_id: blockId,
      author_id: users[1 + Math.floor(rand() * size.users)].id,
      organization_id: null,
      body: sentence(rand, lang, 15 + Math.floor(rand() * 40)),
      lang,
      idempotency_key: `bench-${i}`,
      created_at: new Date(start + Math.floor((i / size.comments) * 4.9 * day)),
    });
  }
  await insertBatches(comments, 1000, (b) => db.insertInto("comments").values(b).execute());
  await sql`analyze`.execute(db);
  return { size, mainSlug: MAIN_SLUG, hotBlockId, benchUserId, consultations: consultations.length, comments: comments.length };
}
