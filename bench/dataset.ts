/**
 * The benchmark's deterministic data set: one large consultation (300 articles, most of the
 * comments and annotations, one "hot" article with a long thread, 20,000 answers), ten other
 * consultations, one closed "report" consultation with the CSV's 100,000 comments, a few
 * thousand accounts, and the search index built from all of it by the app's reindex(). Same
 * seed, same rows, on PGlite and PostgreSQL. Inserted in batches (the app's commands would take
 * minutes for 50,000 comments and measure nothing useful).
 */
import { sql } from "kysely";
import type { Db } from "~db/database.server";
import type { ResponseStatus } from "~db/schema";
import { hashPassword } from "~/modules/accounts/password.server";
import { contextAround } from "~/modules/comments/anchor";
import { PostgresSearchIndex } from "~/modules/search/postgres-index.server";
import { reindex } from "~/modules/search/reindex.server";

export interface DatasetSize {
  articles: number;
  comments: number;
  hotComments: number;
  otherConsultations: number;
  otherArticles: number;
  users: number;
  /** Share of the main consultation's article comments that are annotations (a quoted span). */
  annotationShare: number;
  /** Answers to the main consultation's comments (90% of them published). */
  answers: number;
  /** Comments of the closed consultation the report CSV is measured on (40% answered). */
  csvComments: number;
}

export const sizes: Record<"full" | "quick", DatasetSize> = {
  full: { articles: 300, comments: 50_000, hotComments: 2_000, otherConsultations: 10, otherArticles: 20, users: 2_000, annotationShare: 0.2, answers: 20_000, csvComments: 100_000 },
  quick: { articles: 300, comments: 5_000, hotComments: 500, otherConsultations: 10, otherArticles: 20, users: 300, annotationShare: 0.2, answers: 2_000, csvComments: 10_000 },
};

export const BENCH_USER = { email: "bench@kenes.local", password: "bench-password-2026" };
export const MAIN_SLUG = "bench-main";
export const CSV_SLUG = "bench-report";

export interface DatasetInfo {
  size: DatasetSize;
  mainSlug: string;
  hotBlockId: string;
  benchUserId: string;
  consultations: number;
  comments: number;
  annotations: number;
  answers: number;
  csvSlug: string;
  csvComments: number;
  /** Documents in the search index after the rebuild. */
  searchDocuments: number;
  searchIndexMs: number;
  /** Search queries (words of the data set's vocabulary, common and rare, one and two words). */
  searchQueries: string[];
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

// Real comments have a long tail of rarer words: 2,000 more per language made from its own
// syllables, drawn Zipf-like (rank r with weight 1/(r+1)), so search sees common and rare words.
const syllables = { kk: "қа ғы ө ң ұ ү і ә та ба жа са ке ме ле ты".split(" "), ru: "ра ко ми на ст ве ло пре до ни за по ти ку ма ре".split(" "), en: "ex pro con ti ver ma la re in de com sta ble ment ing".split(" ") };
const tail: Record<"kk" | "ru" | "en", string[]> = { kk: [], ru: [], en: [] };
{
  const r = random(7);
  for (const lang of ["kk", "ru", "en"] as const) {
    const set = new Set<string>(words[lang]);
    while (set.size < words[lang].length + 2000) set.add(Array.from({ length: 2 + Math.floor(r() * 3) }, () => syllables[lang][Math.floor(r() * syllables[lang].length)]).join(""));
    tail[lang] = [...set].slice(words[lang].length);
  }
}

function zipf(rand: () => number, xs: string[]): string {
  return xs[Math.min(xs.length - 1, Math.floor(Math.exp(rand() * Math.log(xs.length + 1)) - 1))];
}

/** Half the words from the small common vocabulary, half from the long tail. */
function commentText(rand: () => number, lang: "kk" | "ru" | "en", n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rand() < 0.5 ? words[lang][Math.floor(rand() * words[lang].length)] : zipf(rand, tail[lang]));
  const s = out.join(" ");
  return s.charAt(0).toUpperCase() + s.slice(1) + ".";
}

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

  const consultations: { id: string; versionId: string; blockIds: string[]; texts: Record<"kk" | "ru" | "en", string>[]; slug: string }[] = [];
  const makeConsultation = async (slug: string, articles: number, index: number, closed = false) => {
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
        // The report consultation closed two days ago (its period is 30 days, like the others).
        opens_at: new Date(now.getTime() - (closed ? 32 : 5 + index) * day),
        closes_at: new Date(now.getTime() + (closed ? -2 : 25 - index) * day),
        published_at: new Date(now.getTime() - (6 + index) * day),
        created_by: null,
      })
      .execute();
    await db.insertInto("document_versions").values({ id: versionId, consultation_id: id, number: 1, published_at: new Date(now.getTime() - (6 + index) * day) }).execute();
    const blocks = [];
    const texts: Record<"kk" | "ru" | "en", string>[] = [];
    for (let a = 1; a <= articles; a++) {
      const text = { kk: sentence(rand, "kk", 45), ru: sentence(rand, "ru", 45), en: sentence(rand, "en", 45) };
      texts.push(text);
      blocks.push({
        id: uuid(rand),
        version_id: versionId,
        position: a,
        lineage_key: `art-${a}`,
        kind: "article" as const,
        label: localized(`${a}-бап`, `Статья ${a}`, `Article ${a}`),
        text: JSON.stringify(text),
      });
    }
    await insertBatches(blocks, 500, (b) => db.insertInto("blocks").values(b).execute());
    consultations.push({ id, versionId, blockIds: blocks.map((b) => b.id), texts, slug });
  };
  await makeConsultation(MAIN_SLUG, size.articles, 0);
  for (let i = 1; i <= size.otherConsultations; i++) await makeConsultation(`bench-other-${i}`, size.otherArticles, i);
  await makeConsultation(CSV_SLUG, size.otherArticles, size.otherConsultations + 1, true);
  const csvConsultation = consultations.at(-1)!;

  const main = consultations[0];
  const hotBlockId = main.blockIds[6];
  const langs = ["kk", "ru", "en"] as const;
  const others = consultations.slice(1, 1 + size.otherConsultations);
  const perOther = 100;
  const mainComments = size.comments - others.length * perOther;
  const start = now.getTime() - 5 * day;
  type Row = { id: string; consultation_id: string; version_id: string; block_id: string | null; author_id: string; organization_id: null; body: string; lang: "kk" | "ru" | "en"; idempotency_key: string; created_at: Date; anchor_lang?: "kk" | "ru" | "en"; anchor_start?: number; anchor_end?: number; anchor_exact?: string; anchor_prefix?: string; anchor_suffix?: string };
  let annotations = 0;
  /** One comment; on the main consultation some article comments quote a span of the article (an annotation). */
  const comment = (c: (typeof consultations)[number], i: number, blockIndex: number | null, createdAt: Date, annotate: boolean): Row => {
    const lang = langs[Math.floor(rand() * 3)];
    const row: Row = {
      id: uuid(rand),
      consultation_id: c.id,
      version_id: c.versionId,
      block_id: blockIndex === null ? null : c.blockIds[blockIndex],
      author_id: users[1 + Math.floor(rand() * size.users)].id,
      organization_id: null,
      body: commentText(rand, lang, 15 + Math.floor(rand() * 40)),
      lang,
      idempotency_key: `bench-${c.slug}-${i}`,
      created_at: createdAt,
    };
    if (annotate && blockIndex !== null && rand() < size.annotationShare) {
      // A quote of 2–6 whole words of the article's text in the comment's language.
      const text = c.texts[blockIndex][lang];
      const bounds = [...text.matchAll(/[^\s.]+/g)].map((m) => [m.index!, m.index! + m[0].length]);
      const first = Math.floor(rand() * (bounds.length - 6));
      const last = first + 1 + Math.floor(rand() * 5);
      const [s0, s1] = [bounds[first][0], bounds[last][1]];
      Object.assign(row, { anchor_lang: lang, anchor_start: s0, anchor_end: s1, anchor_exact: text.slice(s0, s1), ...Object.fromEntries(Object.entries(contextAround(text, s0, s1)).map(([k, v]) => [`anchor_${k}`, v])) });
      annotations++;
    }
    return row;
  };
  const comments: Row[] = [];
  for (let i = 0; i < size.comments; i++) {
    const isMain = i < mainComments;
    const c = isMain ? main : others[Math.floor((i - mainComments) / perOther)];
    let blockIndex: number | null;
    if (isMain && i < size.hotComments) blockIndex = 6;
    else if (rand() < 0.1) blockIndex = null;
    else blockIndex = Math.floor(rand() * c.blockIds.length);
    comments.push(comment(c, i, blockIndex, new Date(start + Math.floor((i / size.comments) * 4.9 * day)), isMain));
  }
  await insertBatches(comments, 1000, (b) => db.insertInto("comments").values(b).execute());
  // The report consultation: its comments came in over its 30 days.
  const csvRows: Row[] = [];
  const csvStart = now.getTime() - 32 * day;
  for (let i = 0; i < size.csvComments; i++) csvRows.push(comment(csvConsultation, i, rand() < 0.1 ? null : Math.floor(rand() * csvConsultation.blockIds.length), new Date(csvStart + Math.floor((i / size.csvComments) * 29.9 * day)), false));
  await insertBatches(csvRows, 1000, (b) => db.insertInto("comments").values(b).execute());

  // Answers: `size.answers` of the main consultation's comments, evenly spread, 90% published;
  // 40% of the report consultation's comments, all published. Answered by a staff member of the body.
  const staffId = uuid(rand);
  await db.insertInto("users").values({ id: staffId, email: "staff@bench.kenes.local", password_hash: hash, name: "Bench Staff", role: "staff", organization_id: orgId, locale: "ru" }).execute();
  const statuses: ResponseStatus[] = ["accepted", "partially_accepted", "not_accepted", "noted"];
  const answer = (cm: Row, published: boolean) => {
    const status = statuses[Math.floor(rand() * statuses.length)];
    const justification = JSON.stringify({ kk: sentence(rand, "kk", 20), ru: sentence(rand, "ru", 20), en: sentence(rand, "en", 20) });
    const at = new Date(Math.max(cm.created_at.getTime() + 3_600_000, now.getTime() - day));
    return {
      comment_id: cm.id,
      consultation_id: cm.consultation_id,
      status,
      justification,
      group_key: null,
      responded_by: staffId,
      responded_at: at,
      published_status: published ? status : null,
      published_justification: published ? justification : null,
      published_by: published ? staffId : null,
      published_at: published ? at : null,
      first_published_at: published ? at : null,
    };
  };
  const answers = [];
  const stride = mainComments / Math.min(size.answers, mainComments);
  for (let j = 0; j < Math.min(size.answers, mainComments); j++) answers.push(answer(comments[Math.floor(j * stride)], rand() < 0.9));
  for (let j = 0; j < csvRows.length; j++) if (j % 5 < 2) answers.push(answer(csvRows[j], true));
  await insertBatches(answers, 1000, (b) => db.insertInto("comment_responses").values(b).execute());
  await sql`analyze`.execute(db);

  // The search index, built from the database exactly as `npm run search:reindex` does.
  const built = await reindex(db, new PostgresSearchIndex(db), { batch: 1000 });
  await sql`analyze`.execute(db);
  const searchQueries = [
    ...langs.flatMap((l) => words[l].slice(0, 3)), // in about half the comments of their language
    ...langs.flatMap((l) => [tail[l][0], tail[l][5], tail[l][40], tail[l][300], tail[l][1500]]), // common to rare
    ...langs.map((l) => `${words[l][4]} ${tail[l][10]}`), // two words
  ];
  return {
    size,
    mainSlug: MAIN_SLUG,
    hotBlockId,
    benchUserId,
    consultations: consultations.length,
    comments: comments.length + csvRows.length,
    annotations,
    answers: answers.length,
    csvSlug: CSV_SLUG,
    csvComments: csvRows.length,
    searchDocuments: built.documents,
    searchIndexMs: built.ms,
    searchQueries,
  };
}
