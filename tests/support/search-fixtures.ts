/** Trilingual documents the SearchIndex contract suite indexes on every adapter. */
import type { Lang } from "~db/schema";
import type { SearchDocument, SearchKind } from "~/modules/search/search.schema";

let n = 0;
function doc(kind: SearchKind, lang: Lang, consultationSlug: string, text: string, extra: Partial<SearchDocument> = {}): SearchDocument {
  n++;
  const sourceId = `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  return {
    id: `${kind}_${sourceId}`,
    kind,
    sourceId,
    consultationId: null,
    consultationSlug,
    consultationTitle: consultationSlug === "lot-7" ? "Лот 7: гранты для НКО" : "Правила государственных грантов",
    blockId: null,
    blockLabel: null,
    lang,
    status: kind === "comment" ? "unanswered" : null,
    authorType: kind === "comment" ? "individual" : "government_body",
    text,
    quote: null,
    answer: null,
    date: new Date(Date.UTC(2026, 10, n)),
    support: 0,
    path: `/consultations/${consultationSlug}`,
    indexedAt: new Date(),
    ...extra,
  };
}

export const fixtures = {
  kkScience: doc("block", "kk", "grant-rules", "Қазақстан Республикасының өңірлеріндегі ғылым мен білім беру жобаларына арналған гранттар.", {
    blockId: "0b7c8f2e-1111-4a2b-9c3d-000000000001",
    blockLabel: "3-бап",
  }),
  kkRegions: doc("comment", "kk", "grant-rules", "Өңірлік үкіметтік емес ұйымдарға қосымша қолдау қажет."),
  ruCofinancing: doc("comment", "ru", "grant-rules", "Требования к софинансированию проектов исключают небольшие некоммерческие организации."),
  ruReporting: doc("comment", "ru", "lot-7", "Сроки предоставления отчетности по гранту слишком короткие.", { support: 30 }),
  enCofinancing: doc("comment", "en", "grant-rules", "The co-financing requirement makes small NGOs ineligible.", { authorType: "ngo", support: 12 }),
  enDeadlines: doc("answer", "en", "lot-7", "Reporting deadlines will be extended to thirty days.", { status: "accepted", answer: "Reporting deadlines will be extended to thirty days." }),
  markup: doc("comment", "ru", "lot-7", "<script>alert(1)</script> бюджет & <b>жирный</b> текст", { status: "unanswered" }),
  consultation: doc("consultation", "ru", "lot-7", "Лот 7: гранты для НКО\n\nСпецификация лота о поддержке молодежных инициатив.", { kind: "consultation" }),
};

export const allFixtures = Object.values(fixtures);
