/**
 * Anchor blocks (ADR 0040): each commentable lot field, indicator and budget line is a row in
 * `blocks` of the consultation's version, kinds lot_field / indicator / budget_line, with a
 * stable lineage key `lot:{code}:…`. Comments, threads, moderation and the open data treat
 * them like any draft block. Positions start at 1 000 000 so they never meet the draft text.
 */
import type { Lang, Localized } from "~db/schema";
import { formatMoney, formatNumber } from "~/utils/format";
import { getFixedT } from "~/utils/i18n.server";
import type { LotData } from "./lot.schema";
import { budgetLineKey } from "./queries.server";

export const ANCHOR_BASE_POSITION = 1_000_000;
export const lotAnchorFields = ["problem", "target_group", "regions", "duration", "amount", "tor", "eligibility"] as const;
export type LotAnchorField = (typeof lotAnchorFields)[number];

export interface Anchor {
  key: string;
  kind: "lot_field" | "indicator" | "budget_line";
  position: number;
  label: Localized;
  text: Localized;
}

export const fieldKey = (code: string, field: LotAnchorField) => `lot:${code}:${field}`;
export const indicatorKey = (code: string, position: number) => `lot:${code}:indicator:${position}`;

const langs: Lang[] = ["kk", "ru", "en"];
const each = (f: (lang: Lang) => string): Localized => ({ kk: f("kk"), ru: f("ru"), en: f("en") });

/** The anchors of one lot (lotPosition counts from 1). */
export function anchorsOf(lot: LotData, lotPosition: number): Anchor[] {
  const base = ANCHOR_BASE_POSITION + lotPosition * 1000;
  const t = Object.fromEntries(langs.map((l) => [l, getFixedT(l)])) as Record<Lang, ReturnType<typeof getFixedT>>;
  const label = (f: (lang: Lang) => string) => each((l) => `${t[l]("lots:lot.short", { code: lot.code })} · ${f(l)}`);
  const fieldText: Record<LotAnchorField, Localized> = {
    problem: lot.problem,
    target_group: lot.targetGroup,
    regions: each((l) => lot.regions.map((r) => t[l](`lots:region.${r}`)).join(", ")),
    duration: each((l) => `${t[l]("lots:duration_months", { count: lot.durationMonths })} (${t[l](`lots:grant_type.${lot.grantType}`)})`),
    amount: each((l) => formatMoney(l, lot.amountKzt)),
    tor: lot.termsOfReference,
    eligibility: lot.eligibility,
  };
  const anchors: Anchor[] = lotAnchorFields.map((field, i) => ({
    key: fieldKey(lot.code, field),
    kind: "lot_field",
    position: base + i,
    label: label((l) => t[l](`lots:field.${field}`)),
    text: fieldText[field],
  }));
  lot.indicators.forEach((ind, i) =>
    anchors.push({
      key: indicatorKey(lot.code, i + 1),
      kind: "indicator",
      position: base + 20 + i,
      label: label((l) => t[l]("lots:anchor.indicator", { n: i + 1 })),
      text: each((l) => `${ind.text[l] || ind.text.ru} — ${formatNumber(l, ind.targetValue)} ${ind.unit[l] || ind.unit.ru}`),
    }),
  );
  lot.budgetLines.forEach((b, i) =>
    anchors.push({
      key: budgetLineKey(lot.code, i + 1),
      kind: "budget_line",
      position: base + 120 + i,
      label: label((l) => t[l]("lots:anchor.budget_line", { n: i + 1 })),
      text: each((l) => `${b.item[l] || b.item.ru}: ${formatNumber(l, b.quantity)} ${b.unit[l] || b.unit.ru} × ${formatMoney(l, b.unitCostKzt)} = ${formatMoney(l, b.totalKzt)}`),
    }),
  );
  return anchors;
}
