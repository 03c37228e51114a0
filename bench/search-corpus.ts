/**
 * The search benchmark's corpus and query mix (bench/search.ts measures them, bench/search-plans.ts
 * explains them): deterministic, so runs are comparable.
 */
import type { Lang } from "~db/schema";
import type { SearchDocument, SearchKind, SearchQuery } from "~/modules/search/search.schema";

// A deterministic generator, so runs are comparable.
let seed = 20261201;
/** mulberry32 */
function rnd(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

const words: Record<Lang, string[]> = {
  ru: "грант гранты грантов софинансирование софинансирования требование требования отчетность отчетности сроки срок проект проекта организации организация некоммерческих молодежь молодежной регион регионах область бюджет бюджета средства мониторинг оценка оператор заявка заявки конкурс конкурса лот лота спецификация услуги социальные поддержка волонтеры обучение инициатива результаты показатели договор расходы возврат аудит прозрачность общественный совет министерство государственный".split(" "),
  kk: "грант гранттар қаржыландыру бірлесіп талап талаптар есептілік мерзім жоба жобалар ұйым ұйымдар үкіметтік емес жастар өңір өңірлер облыс бюджет қаражат мониторинг бағалау оператор өтінім конкурс лот ерекшелік қызмет әлеуметтік қолдау еріктілер оқыту бастама нәтиже көрсеткіш шарт шығыс қайтару аудит ашықтық қоғамдық кеңес министрлік мемлекеттік ғылым білім Қазақстан".split(" "),
  en: "grant grants co-financing requirement requirements reporting deadline deadlines project projects organisation organisations non-governmental youth region regions budget funds monitoring evaluation operator application competition lot specification services social support volunteers training initiative results indicators contract expenses refund audit transparency public council ministry state".split(" "),
};
// Real text: a few very common words and a long tail. Each language gets 4,000 more made-up
// words from its own syllables and endings, drawn with a Zipf-like distribution.
const syllables: Record<Lang, string[]> = {
  ru: "ра ко ми на ст ве ло пре до ни за по ти ку ма ре".split(" "),
  kk: "қа ғы ө ң ұ ү і ә та ба жа са ке ме ле ты".split(" "),
  en: "ex pro con ti ver ma la re in de com sta ble ment ing".split(" "),
};
const endings: Record<Lang, string[]> = { ru: ["", "а", "ы", "ов", "ами", "ию", "ий"], kk: ["", "лар", "дың", "ға", "мен", "тер"], en: ["", "s", "ed", "ing"] };
const vocabulary: Record<Lang, string[]> = { ru: [], kk: [], en: [] };
for (const lang of ["ru", "kk", "en"] as const) {
  const extra = new Set<string>();
  while (extra.size < 4000) extra.add(Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(syllables[lang])).join("") + pick(endings[lang]));
  vocabulary[lang] = [...words[lang], ...extra];
}
/** Rank r is drawn with weight 1/(r+1): the first words are common, most are rare. */
function zipf(xs: string[]): string {
  const u = rnd();
  return xs[Math.min(xs.length - 1, Math.floor(Math.exp(u * Math.log(xs.length + 1)) - 1))];
}

const kinds: SearchKind[] = ["comment", "comment", "comment", "comment", "comment", "comment", "block", "block", "annotation", "answer"];
export const slugs = Array.from({ length: 60 }, (_, i) => `consultation-${i + 1}`);

export function corpus(n: number): SearchDocument[] {
  const now = Date.now();
  const docs: SearchDocument[] = [];
  for (let i = 0; i < n; i++) {
    const lang = pick(["ru", "ru", "kk", "kk", "en"] as const);
    const kind = pick(kinds);
    const length = 12 + Math.floor(rnd() * 40);
    const text = Array.from({ length }, () => zipf(vocabulary[lang])).join(" ") + ".";
    const sourceId = `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
    docs.push({
      id: `${kind}_${sourceId}`,
      kind,
      sourceId,
      consultationId: null,
      consultationSlug: pick(slugs),
      consultationTitle: `${pick(words[lang])} ${pick(words[lang])}`,
      blockId: null,
      blockLabel: kind === "block" ? `${1 + (i % 40)}` : null,
      lang,
      status: kind === "block" ? null : pick(["unanswered", "accepted", "not_accepted", "noted"] as const),
      authorType: kind === "block" ? "government_body" : pick(["individual", "ngo"]),
      text,
      quote: kind === "annotation" ? text.split(" ").slice(0, 4).join(" ") : null,
      answer: kind === "answer" ? text : null,
      date: new Date(now - Math.floor(rnd() * 365 * 86_400_000)),
      support: Math.floor(rnd() * 50),
      path: `/consultations/x`,
      indexedAt: new Date(),
    });
  }
  return docs;
}

export const mix: { name: string; make: () => Omit<SearchQuery, "limit" | "offset"> }[] = [
  { name: "ru word", make: () => ({ q: pick(["грант", "отчетность", "бюджет", "мониторинг"]) }) },
  { name: "ru inflected", make: () => ({ q: pick(["софинансированию", "требованиями", "организациям", "регионов"]) }) },
  { name: "kk folded", make: () => ({ q: pick(["казакстан", "онир", "гылым", "уйымдар", "жастар"]) }) },
  { name: "typo", make: () => ({ q: pick(["монитроинг", "requirment", "транспарентность", "бюжет", "esepтилик"]) }) },
  { name: "two words", make: () => ({ q: pick(["reporting deadlines", "грант бюджет", "жастар қолдау", "social support"]) }) },
  { name: "filtered", make: () => ({ q: pick(["грант", "grant", "қолдау"]), consultation: pick(slugs), kind: ["comment"] }) },
  { name: "browse", make: () => ({ q: "", consultation: pick(slugs) }) },
  { name: "odd", make: () => ({ q: pick(["' OR 1=1 --", 'kind = "comment"', "!!!", "a".repeat(2000)]) }) },
];

