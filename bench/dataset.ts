/**
 * The benchmark's deterministic data set: one large consultation (300 articles whose content is
 * real Lexical JSON in three languages — paragraphs, bold and italic runs, lists, a few tables —
 * most of the comments and annotations, one "hot" article with a long thread, 20,000 answers),
 * ten other consultations (plain-text blocks), one closed "report" consultation with the CSV's
 * 100,000 comments, an open lot specification (ten lots written by the app's lot commands, with
 * comments, annotations and structured feedback on their anchors), a few thousand accounts, and
 * the search index built from all of it by the app's reindex(). Same seed, same rows, on PGlite
 * and PostgreSQL. Comments are inserted in batches (the app's commands would take minutes for
 * 50,000 comments and measure nothing useful).
 */
import { sql } from "kysely";
import type { Db } from "~db/database.server";
import type { Lang, Localized, ResponseStatus } from "~db/schema";
import { hashPassword } from "~/modules/accounts/password.server";
import { contextAround, verifySelector } from "~/modules/comments/anchor";
import type { SerializedDocument, SerializedNode } from "~/modules/documents/lexical-nodes";
import { lexicalToHtml, plainTextOfHtml, sanitizeBlockHtml } from "~/modules/documents/render.server";
import { syncLotAnchors, writeLot } from "~/modules/lots/commands.server";
import { grantTypeMonths, lotToValues, regionCodes, validateLot, type LotData } from "~/modules/lots/lot.schema";
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
  /** Lots of the open lot specification, comments on their anchors (the same annotation share), structured answers per lot. */
  lots: number;
  lotComments: number;
  lotFeedbackPerLot: number;
}

export const sizes: Record<"full" | "quick", DatasetSize> = {
  full: { articles: 300, comments: 50_000, hotComments: 2_000, otherConsultations: 10, otherArticles: 20, users: 2_000, annotationShare: 0.2, answers: 20_000, csvComments: 100_000, lots: 10, lotComments: 600, lotFeedbackPerLot: 40 },
  quick: { articles: 300, comments: 5_000, hotComments: 500, otherConsultations: 10, otherArticles: 20, users: 300, annotationShare: 0.2, answers: 2_000, csvComments: 10_000, lots: 10, lotComments: 300, lotFeedbackPerLot: 20 },
};

export const BENCH_USER = { email: "bench@kenes.local", password: "bench-password-2026" };
export const MAIN_SLUG = "bench-main";
export const CSV_SLUG = "bench-report";
export const LOT_SLUG = "bench-lots";

/** The lot specification: the lot scenario opens its most commented lot. */
export interface LotInfo {
  slug: string;
  lots: number;
  /** The code of the lot with the most comments on its anchors, and how many it has. */
  hotCode: string;
  hotComments: number;
  /** Anchor blocks (fields, indicators, budget lines) of all lots. */
  anchors: number;
  comments: number;
  annotations: number;
  /** Structured feedback rows (one per respondent and lot) and earlier revisions of them. */
  feedback: number;
  feedbackRevisions: number;
}

/** What the main consultation's Lexical content holds, and how long rendering it for the check took. */
export interface LexicalInfo {
  /** Blocks with Lexical content (each in kk, ru and en), and how many of them have a list or a table. */
  blocks: number;
  withList: number;
  withTable: number;
  /** The check's time: every block and language rendered and sanitized by the app's functions. */
  checkMs: number;
}

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
  /** Absent in data sets built before the lot specification and the Lexical content existed (older saved runs). */
  lot?: LotInfo;
  lexical?: LexicalInfo;
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

// ----- Lexical content of the main consultation's articles ----------------------------------
// Nodes as the app's editor (Lexical 0.52) serializes them. Each article's structure (how many
// paragraphs, a list, a table) is the same in the three languages; the words and which of them
// are bold or italic differ. The plain text each article should have is built alongside, by the
// rule of documents/plain-text.ts (paragraphs, list items and table rows on lines of their own,
// table cells separated by a tab), and checked against the app's renderer (checkArticle).

const IS_BOLD = 1;
const IS_ITALIC = 2;

const textNode = (text: string, format = 0): SerializedNode => ({ type: "text", text, detail: 0, format, mode: "normal", style: "", version: 1 });
const element = (type: string, children: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode => ({ type, children, direction: "ltr", format: "", indent: 0, version: 1, ...extra });
const paragraphNode = (children: SerializedNode[]) => element("paragraph", children, { textFormat: 0, textStyle: "" });

/**
 * The text nodes of a run of words: some consecutive words bold, some italic (or both); the
 * spaces between words of different formats go to the plain side. Their text joined is
 * `tokens.join(" ")`, exactly.
 */
function inlineNodes(rand: () => number, tokens: string[]): SerializedNode[] {
  const formats = tokens.map(() => 0);
  const mark = (format: number, share: number) => {
    if (tokens.length < 4 || rand() >= share) return;
    const from = Math.floor(rand() * (tokens.length - 2));
    const to = Math.min(tokens.length, from + 1 + Math.floor(rand() * 3));
    for (let i = from; i < to; i++) formats[i] |= format;
  };
  mark(IS_BOLD, 0.5);
  mark(IS_ITALIC, 0.3);
  const groups: { format: number; text: string }[] = [];
  tokens.forEach((token, i) => {
    const last = groups.at(-1);
    if (last && last.format === formats[i]) last.text += ` ${token}`;
    else if (!last) groups.push({ format: formats[i], text: token });
    else if (last.format === 0) {
      last.text += " ";
      groups.push({ format: formats[i], text: token });
    } else if (formats[i] === 0) groups.push({ format: 0, text: ` ${token}` });
    else groups.push({ format: 0, text: " " }, { format: formats[i], text: token });
  });
  return groups.map((g) => textNode(g.text, g.format));
}

const tableHeads: Localized[] = [
  { kk: "Көрсеткіш", ru: "Показатель", en: "Indicator" },
  { kk: "Мерзім, ай", ru: "Срок, мес.", en: "Period, months" },
  { kk: "Сома, теңге", ru: "Сумма, тенге", en: "Amount, tenge" },
];

/** The structure of one article, shared by its languages. */
interface ArticleShape {
  paragraphs: number[];
  list: { ordered: boolean; items: number[] } | null;
  table: { rows: number; cols: number } | null;
}

function articleShape(rand: () => number): ArticleShape {
  const paragraphs = Array.from({ length: 2 + Math.floor(rand() * 2) }, () => 12 + Math.floor(rand() * 10));
  const list = rand() < 0.3 ? { ordered: rand() < 0.5, items: Array.from({ length: 2 + Math.floor(rand() * 3) }, () => 4 + Math.floor(rand() * 5)) } : null;
  const table = rand() < 0.05 ? { rows: 2 + Math.floor(rand() * 2), cols: 2 + Math.floor(rand() * 2) } : null;
  return { paragraphs, list, table };
}

/** One language of an article: its Lexical document and the plain text it must render to. */
function articleContent(rand: () => number, lang: Lang, shape: ArticleShape): { doc: SerializedDocument; text: string } {
  const nodes: SerializedNode[] = [];
  const lines: string[] = [];
  const paragraph = (wordCount: number) => {
    // One or two sentences of the common vocabulary.
    const first = Math.max(4, Math.floor(wordCount * (rand() < 0.5 ? 1 : 0.5)));
    const text = [sentence(rand, lang, first), ...(first < wordCount ? [sentence(rand, lang, wordCount - first)] : [])].join(" ");
    nodes.push(paragraphNode(inlineNodes(rand, text.split(" "))));
    lines.push(text);
  };
  shape.paragraphs.forEach((words, i) => {
    paragraph(words);
    if (i === 0 && shape.list) {
      const items = shape.list.items.map((n, k) => {
        const text = sentence(rand, lang, n).replace(/\.$/, k === shape.list!.items.length - 1 ? "." : ";");
        lines.push(text);
        return element("listitem", inlineNodes(rand, text.split(" ")), { value: k + 1 });
      });
      nodes.push(element("list", items, { listType: shape.list.ordered ? "number" : "bullet", start: 1, tag: shape.list.ordered ? "ol" : "ul" }));
    }
    if (i === shape.paragraphs.length - 2 && shape.table) {
      const { rows, cols } = shape.table;
      const cellRows: string[][] = [tableHeads.slice(0, cols).map((h) => h[lang])];
      for (let r = 1; r < rows; r++) {
        const phrase = sentence(rand, lang, 2 + Math.floor(rand() * 2)).replace(/\.$/, "");
        cellRows.push([phrase, String(3 + Math.floor(rand() * 34)), (1 + Math.floor(rand() * 90)).toLocaleString("en").replaceAll(",", " ") + " 000"].slice(0, cols));
      }
      const tableRows = cellRows.map((cells, r) => element("tablerow", cells.map((c) => element("tablecell", [paragraphNode([textNode(c)])], { headerState: r === 0 ? 1 : 0, colSpan: 1, rowSpan: 1, backgroundColor: null }))));
      nodes.push(element("table", tableRows));
      lines.push(...cellRows.map((cells) => cells.join("\t")));
    }
  });
  return { doc: { root: element("root", nodes) }, text: lines.join("\n") };
}

/**
 * The check the brief of this data set asks for: the app's own renderer (headless Lexical, then
 * the sanitizer, then the plain-text walk) gives exactly the text stored in blocks.text, which
 * annotation offsets count in. Throws when it does not (a renderer change that adds or drops a
 * character would move every highlight of the data set).
 */
function checkArticle(position: number, lang: Lang, content: { doc: SerializedDocument; text: string }, shape: ArticleShape) {
  const html = sanitizeBlockHtml(lexicalToHtml(content.doc));
  const rendered = plainTextOfHtml(html);
  if (rendered !== content.text) throw new Error(`bench data set: article ${position} (${lang}) renders to another plain text than its blocks.text:\n${JSON.stringify(rendered)}\n${JSON.stringify(content.text)}`);
  const missing = [
    ...(shape.list ? [shape.list.ordered ? "<ol" : "<ul"] : []),
    ...(shape.table ? ["<table>", "<th>"] : []),
    ...(content.doc.root.children!.some((p) => p.children?.some((t) => Number(t.format) & IS_BOLD)) ? ["<strong>"] : []),
  ].filter((tag) => !html.includes(tag));
  if (missing.length) throw new Error(`bench data set: article ${position} (${lang}) rendered without ${missing.join(", ")}: ${html}`);
}

/**
 * An annotation's anchor: a quote of 2–6 whole words of `text` (the block's plain text in the
 * comment's language; it may run over a line break), checked with the app's own verifySelector.
 * undefined when the text has fewer than two words.
 */
function quote(rand: () => number, text: string, lang: Lang) {
  const bounds = [...text.matchAll(/[^\s.]+/g)].map((m) => [m.index!, m.index! + m[0].length]);
  if (bounds.length < 2) return undefined;
  const first = Math.floor(rand() * Math.max(1, bounds.length - 6));
  const last = Math.min(bounds.length - 1, first + 1 + Math.floor(rand() * 5));
  const [start, end] = [bounds[first][0], bounds[last][1]];
  const selector = { start, end, exact: text.slice(start, end), ...contextAround(text, start, end) };
  const error = verifySelector(text, selector);
  if (error) throw new Error(`bench data set: an annotation span fails the app's check (${error}): ${JSON.stringify({ text, start, end })}`);
  return { anchor_lang: lang, anchor_start: start, anchor_end: end, anchor_exact: selector.exact, anchor_prefix: selector.prefix, anchor_suffix: selector.suffix };
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

// ----- The lot specification -----------------------------------------------------------------

const lotUnits: Localized[] = [
  { kk: "ай", ru: "месяц", en: "month" },
  { kk: "адам-ай", ru: "чел.-месяц", en: "person-month" },
  { kk: "іс-шара", ru: "мероприятие", en: "event" },
  { kk: "қатысушы", ru: "участник", en: "participant" },
  { kk: "кешен", ru: "комплекс", en: "lump sum" },
];
const lotItems: Localized[] = [
  { kk: "Жоба жетекшісінің еңбекақысы", ru: "Оплата труда руководителя проекта", en: "Project manager's pay" },
  { kk: "Үйлестірушілердің еңбекақысы", ru: "Оплата труда координаторов", en: "Coordinators' pay" },
  { kk: "Бухгалтердің еңбекақысы", ru: "Оплата труда бухгалтера", en: "Accountant's pay" },
  { kk: "Тренингтер мен семинарлар", ru: "Тренинги и семинары", en: "Trainings and seminars" },
  { kk: "Қатысушылардың жол жүруі", ru: "Проезд участников", en: "Participants' travel" },
  { kk: "Үй-жайды жалға алу", ru: "Аренда помещения", en: "Room rent" },
  { kk: "Оқу материалдары", ru: "Учебные материалы", en: "Training materials" },
  { kk: "Ақпараттық науқан", ru: "Информационная кампания", en: "Information campaign" },
  { kk: "Жергілікті бастамаларға арналған шағын гранттар", ru: "Малые гранты местным инициативам", en: "Small grants to local initiatives" },
  { kk: "Мониторинг және бағалау", ru: "Мониторинг и оценка", en: "Monitoring and evaluation" },
  { kk: "Әкімшілік шығыстар", ru: "Административные расходы", en: "Administrative costs" },
  { kk: "Байланыс және интернет", ru: "Связь и интернет", en: "Phone and internet" },
];
const indicatorUnits: Localized[] = [
  { kk: "қатысушы", ru: "участников", en: "participants" },
  { kk: "бастама", ru: "инициатив", en: "initiatives" },
  { kk: "орталық", ru: "центров", en: "centres" },
  { kk: "іс-шара", ru: "мероприятий", en: "events" },
];

/**
 * An open lot specification: a short draft text, `size.lots` lots written and anchored by the
 * app's own commands (writeLot, syncLotAnchors, after validateLot), comments and annotations on
 * the anchors (one lot gets about a third of them), and structured feedback from NGOs (one answer
 * per organisation) and citizens, a tenth of it revised once. A random stream of its own, so the
 * rest of the data set does not change with it.
 */
async function buildLotSpecification(db: Db, size: DatasetSize, input: { orgId: string; hash: string; citizens: string[]; now: Date }): Promise<LotInfo> {
  const rand = random(2027);
  const day = 86_400_000;
  const now = input.now.getTime();
  const langs = ["kk", "ru", "en"] as const;
  const each = (f: (lang: Lang) => string): Localized => ({ kk: f("kk"), ru: f("ru"), en: f("en") });
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];

  // NGOs with one representative each: their comments and answers carry the organisation.
  const ngos = Array.from({ length: 30 }, (_, i) => ({ orgId: uuid(rand), userId: uuid(rand), i }));
  await db.insertInto("organizations").values(ngos.map((n) => ({ id: n.orgId, slug: `bench-ngo-${n.i}`, kind: "ngo" as const, name: JSON.stringify({ kk: `Жастар қоғамдық бірлестігі ${n.i}`, ru: `Общественное объединение молодёжи ${n.i}`, en: `Youth association ${n.i}` }) }))).execute();
  await db.insertInto("users").values(ngos.map((n) => ({ id: n.userId, email: `ngo${n.i}@bench.kenes.local`, password_hash: input.hash, name: `ҮЕҰ өкілі ${n.i}`, role: "ngo_representative" as const, organization_id: n.orgId, locale: "ru" as const }))).execute();

  const consultationId = uuid(rand);
  const versionId = uuid(rand);
  await db
    .insertInto("consultations")
    .values({
      id: consultationId,
      slug: LOT_SLUG,
      type: "lot_specification",
      organization_id: input.orgId,
      title: JSON.stringify({ kk: "2027 жылғы жастар саясаты грант лоттары", ru: "Лоты грантов 2027 года в сфере молодёжной политики", en: "2027 grant lots in youth policy" }),
      summary: JSON.stringify(each((l) => sentence(rand, l, 20))),
      explanatory_note: JSON.stringify(each((l) => sentence(rand, l, 60))),
      opens_at: new Date(now - 4 * day),
      closes_at: new Date(now + 26 * day),
      published_at: new Date(now - 5 * day),
      created_by: null,
    })
    .execute();
  await db.insertInto("document_versions").values({ id: versionId, consultation_id: consultationId, number: 1, published_at: new Date(now - 5 * day) }).execute();
  await db
    .insertInto("blocks")
    .values(Array.from({ length: 5 }, (_, k) => ({ version_id: versionId, position: k + 1, lineage_key: `art-${k + 1}`, kind: "article" as const, label: JSON.stringify({ kk: `${k + 1}-бап`, ru: `Статья ${k + 1}`, en: `Article ${k + 1}` }), text: JSON.stringify(each((l) => sentence(rand, l, 40))) })))
    .execute();

  const lots: LotData[] = [];
  for (let i = 1; i <= size.lots; i++) {
    const grantType = pick(["short_term", "medium_term", "long_term"] as const);
    const months = grantTypeMonths[grantType];
    const regions = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(regionCodes)))];
    const budgetLines = Array.from({ length: 6 + Math.floor(rand() * 7) }, (_, k) => {
      const quantity = 1 + Math.floor(rand() * 40);
      const unitCostKzt = (20 + Math.floor(rand() * 400)) * 1000;
      return { item: lotItems[k % lotItems.length], unit: pick(lotUnits), quantity, unitCostKzt, totalKzt: quantity * unitCostKzt };
    });
    const lot: LotData = {
      code: `L-${String(i).padStart(2, "0")}`,
      title: { kk: `${i}-лот. ${sentence(rand, "kk", 6)}`, ru: `Лот ${i}. ${sentence(rand, "ru", 6)}`, en: `Lot ${i}. ${sentence(rand, "en", 6)}` },
      problem: each((l) => `${sentence(rand, l, 14)} ${sentence(rand, l, 16)}`),
      targetGroup: each((l) => sentence(rand, l, 12)),
      regions,
      durationMonths: months.min + Math.floor(rand() * (months.max - months.min + 1)),
      grantType,
      amountKzt: budgetLines.reduce((sum, b) => sum + b.totalKzt, 0),
      fundingYear: 2027,
      termsOfReference: each((l) => Array.from({ length: 4 }, () => sentence(rand, l, 18 + Math.floor(rand() * 8))).join(" ")),
      eligibility: each((l) => sentence(rand, l, 20)),
      indicators: Array.from({ length: 3 + Math.floor(rand() * 4) }, () => ({ text: each((l) => sentence(rand, l, 8).replace(/\.$/, "")), targetValue: 5 + Math.floor(rand() * 500), unit: pick(indicatorUnits) })),
      budgetLines,
    };
    // Through the app's own check, as the staff form and the demo seed do.
    const checked = validateLot(lotToValues(lot));
    if (!checked.ok) throw new Error(`bench data set: lot ${lot.code} is invalid: ${JSON.stringify(checked.errors)}`);
    lots.push(checked.lot);
  }
  const anchoredVersion = await db.transaction().execute(async (trx) => {
    for (const lot of lots) await writeLot(trx, consultationId, lot, null, null);
    return syncLotAnchors(trx, consultationId);
  });
  if (anchoredVersion !== versionId) throw new Error(`bench data set: the lot anchors went into version ${anchoredVersion}, not the published ${versionId}`);
  const anchorRows = await db.selectFrom("blocks").select(["id", "lineage_key", "kind", "text"]).where("version_id", "=", versionId).where("kind", "in", ["lot_field", "indicator", "budget_line"]).orderBy("position").execute();
  const lotRows = await db.selectFrom("lots").select(["id", "code"]).where("consultation_id", "=", consultationId).orderBy("position").execute();
  const anchorsByLot = lotRows.map((l) => {
    const mine = anchorRows.filter((a) => a.lineage_key.startsWith(`lot:${l.code}:`));
    return { code: l.code, fields: mine.filter((a) => a.kind === "lot_field"), indicators: mine.filter((a) => a.kind === "indicator"), budget: mine.filter((a) => a.kind === "budget_line") };
  });

  // Comments on the anchors: the third lot draws about a third of them.
  const perLot = new Map<string, number>();
  let annotations = 0;
  const start = now - 4 * day;
  const comments = Array.from({ length: size.lotComments }, (_, i) => {
    const lot = anchorsByLot[rand() < 0.3 ? Math.min(2, anchorsByLot.length - 1) : Math.floor(rand() * anchorsByLot.length)];
    const where = rand();
    const anchor = pick(where < 0.5 ? lot.fields : where < 0.7 ? lot.indicators : lot.budget);
    perLot.set(lot.code, (perLot.get(lot.code) ?? 0) + 1);
    const lang = pick(langs);
    const ngo = rand() < 0.3 ? pick(ngos) : null;
    const row = {
      id: uuid(rand),
      consultation_id: consultationId,
      version_id: versionId,
      block_id: anchor.id,
      author_id: ngo ? ngo.userId : pick(input.citizens),
      organization_id: ngo ? ngo.orgId : null,
      body: commentText(rand, lang, 15 + Math.floor(rand() * 40)),
      lang,
      idempotency_key: `bench-${LOT_SLUG}-${i}`,
      created_at: new Date(start + Math.floor((i / size.lotComments) * 3.9 * day)),
    };
    if (rand() < size.annotationShare) {
      const span = quote(rand, (anchor.text as Localized)[lang], lang);
      if (span) {
        annotations++;
        return { ...row, ...span };
      }
    }
    return row;
  });
  await insertBatches(comments, 1000, (b) => db.insertInto("comments").values(b).execute());

  // Structured feedback: per lot, distinct respondents, half NGOs (one answer per organisation), half citizens.
  const indicatorRows = await db.selectFrom("lot_indicators").select(["id", "lot_id"]).where("lot_id", "in", lotRows.map((l) => l.id)).orderBy("position").execute();
  const feedbackRows = [];
  const revisions = [];
  for (const [k, lotRow] of lotRows.entries()) {
    const lot = lots[k];
    const indicatorIds = indicatorRows.filter((r) => r.lot_id === lotRow.id).map((r) => r.id);
    const ngoCount = Math.min(ngos.length, Math.floor(size.lotFeedbackPerLot / 2));
    const offset = Math.floor(rand() * ngos.length);
    const respondents = [
      ...Array.from({ length: ngoCount }, (_, j) => ngos[(offset + j) % ngos.length]).map((n) => ({ key: `org:${n.orgId}`, userId: n.userId, orgId: n.orgId as string | null })),
      ...[...new Set(Array.from({ length: size.lotFeedbackPerLot - ngoCount }, () => pick(input.citizens)))].map((id) => ({ key: `user:${id}`, userId: id, orgId: null })),
    ];
    for (const r of respondents) {
      const answer = () => {
        const funding = pick(["adequate", "insufficient", "insufficient", "excessive"] as const);
        const proposed = funding === "adequate" ? null : Math.round((lot.amountKzt * (funding === "insufficient" ? 1.1 + rand() * 0.4 : 0.6 + rand() * 0.3)) / 100_000) * 100_000;
        return {
          funding,
          proposed_amount_kzt: proposed,
          duration: rand() < 0.1 ? null : pick(["adequate", "too_short", "too_long"] as const),
          would_apply: rand() < 0.1 ? null : pick(["yes", "no", "unsure"] as const),
          indicator_feasibility: Object.fromEntries(indicatorIds.flatMap((id) => (rand() < 0.8 ? [[id, pick(["feasible", "unrealistic", "unclear"] as const)]] : []))),
          note: rand() < 0.4 ? commentText(rand, pick(langs), 10 + Math.floor(rand() * 30)) : null,
        };
      };
      const id = uuid(rand);
      const created = new Date(start + Math.floor(rand() * 3.5 * day));
      const first = answer();
      if (rand() < 0.1) {
        // Revised once: the earlier answer is kept as revision 1, as submitFeedback keeps it.
        const revisedAt = new Date(created.getTime() + Math.floor(rand() * 0.4 * day));
        revisions.push({
          feedback_id: id,
          revision: 1,
          author_id: r.userId,
          written_at: created,
          replaced_at: revisedAt,
          data: JSON.stringify({ funding: first.funding, proposedAmountKzt: first.proposed_amount_kzt, duration: first.duration, wouldApply: first.would_apply, indicatorFeasibility: first.indicator_feasibility, note: first.note }),
        });
        const second = answer();
        feedbackRows.push({ id, lot_id: lotRow.id, respondent_key: r.key, organization_id: r.orgId, author_id: r.userId, ...second, indicator_feasibility: JSON.stringify(second.indicator_feasibility), revision: 2, created_at: created, updated_at: revisedAt });
      } else feedbackRows.push({ id, lot_id: lotRow.id, respondent_key: r.key, organization_id: r.orgId, author_id: r.userId, ...first, indicator_feasibility: JSON.stringify(first.indicator_feasibility), revision: 1, created_at: created, updated_at: created });
    }
  }
  await insertBatches(feedbackRows, 500, (b) => db.insertInto("lot_feedback").values(b).execute());
  await insertBatches(revisions, 500, (b) => db.insertInto("lot_feedback_revisions").values(b).execute());

  const [hotCode, hotComments] = [...perLot.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return { slug: LOT_SLUG, lots: lots.length, hotCode, hotComments, anchors: anchorRows.length, comments: comments.length, annotations, feedback: feedbackRows.length, feedbackRevisions: revisions.length };
}

/** Builds the data set into an empty, migrated database. */
export async function buildDataset(db: Db, size: DatasetSize, now = new Date()): Promise<DatasetInfo> {
  const rand = random(2026);
  const day = 86_400_000;
  const langs = ["kk", "ru", "en"] as const;
  const orgId = uuid(rand);
  await db.insertInto("organizations").values({ id: orgId, slug: "misd", kind: "government_body", name: JSON.stringify({ kk: "Ақпарат және қоғамдық даму министрлігі", ru: "Министерство информации и общественного развития", en: "Ministry of Information and Social Development" }) }).execute();

  const hash = await hashPassword(BENCH_USER.password);
  const benchUserId = uuid(rand);
  const users: { id: string; email: string; password_hash: string; name: string; role: "citizen"; organization_id: null; locale: "kk" | "ru" | "en" }[] = [{ id: benchUserId, email: BENCH_USER.email, password_hash: hash, name: "Bench User", role: "citizen" as const, organization_id: null, locale: "en" as const }];
  for (let i = 0; i < size.users; i++) users.push({ id: uuid(rand), email: `user${i}@bench.kenes.local`, password_hash: hash, name: `Пайдаланушы ${i}`, role: "citizen", organization_id: null, locale: "kk" });
  await insertBatches(users, 1000, (b) => db.insertInto("users").values(b).execute());

  const consultations: { id: string; versionId: string; blockIds: string[]; texts: Record<"kk" | "ru" | "en", string>[]; slug: string }[] = [];
  const lexical: LexicalInfo = { blocks: 0, withList: 0, withTable: 0, checkMs: 0 };
  /** `rich`: the articles get Lexical content (the main consultation); the others keep plain text, rendered as a paragraph. */
  const makeConsultation = async (slug: string, articles: number, index: number, options: { closed?: boolean; rich?: boolean; type?: "grant_rules" | "lot_specification" } = {}) => {
    const closed = options.closed ?? false;
    const id = uuid(rand);
    const versionId = uuid(rand);
    const localized = (kk: string, ru: string, en: string) => JSON.stringify({ kk, ru, en });
    await db
      .insertInto("consultations")
      .values({
        id,
        slug,
        type: options.type ?? "grant_rules",
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
      let text: Localized;
      let content: Partial<Record<Lang, SerializedDocument>> | null = null;
      if (options.rich) {
        const shape = articleShape(rand);
        const perLang = Object.fromEntries(langs.map((l) => [l, articleContent(rand, l, shape)])) as Record<Lang, { doc: SerializedDocument; text: string }>;
        const t = performance.now();
        for (const l of langs) checkArticle(a, l, perLang[l], shape);
        lexical.checkMs += performance.now() - t;
        lexical.blocks++;
        if (shape.list) lexical.withList++;
        if (shape.table) lexical.withTable++;
        text = { kk: perLang.kk.text, ru: perLang.ru.text, en: perLang.en.text };
        content = { kk: perLang.kk.doc, ru: perLang.ru.doc, en: perLang.en.doc };
      } else text = { kk: sentence(rand, "kk", 45), ru: sentence(rand, "ru", 45), en: sentence(rand, "en", 45) };
      texts.push(text);
      blocks.push({
        id: uuid(rand),
        version_id: versionId,
        position: a,
        lineage_key: `art-${a}`,
        kind: "article" as const,
        label: localized(`${a}-бап`, `Статья ${a}`, `Article ${a}`),
        text: JSON.stringify(text),
        content: content ? JSON.stringify(content) : null,
      });
    }
    await insertBatches(blocks, 500, (b) => db.insertInto("blocks").values(b).execute());
    consultations.push({ id, versionId, blockIds: blocks.map((b) => b.id), texts, slug });
  };
  await makeConsultation(MAIN_SLUG, size.articles, 0, { rich: true });
  for (let i = 1; i <= size.otherConsultations; i++) await makeConsultation(`bench-other-${i}`, size.otherArticles, i);
  await makeConsultation(CSV_SLUG, size.otherArticles, size.otherConsultations + 1, { closed: true });
  const csvConsultation = consultations.at(-1)!;

  const main = consultations[0];
  const hotBlockId = main.blockIds[6];
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
      const span = quote(rand, c.texts[blockIndex][lang], lang);
      if (span) {
        Object.assign(row, span);
        annotations++;
      }
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
  const lot = await buildLotSpecification(db, size, { orgId, hash, citizens: users.slice(1).map((u) => u.id), now });
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
    consultations: consultations.length + 1,
    comments: comments.length + csvRows.length + lot.comments,
    annotations,
    answers: answers.length,
    csvSlug: CSV_SLUG,
    csvComments: csvRows.length,
    searchDocuments: built.documents,
    searchIndexMs: built.ms,
    searchQueries,
    lot,
    lexical: { ...lexical, checkMs: Math.round(lexical.checkMs) },
  };
}
