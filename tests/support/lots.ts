/** A valid lot as form values, for tests to break one field at a time. */
import type { LotValues } from "~/modules/lots/lot.schema";

export function validLotValues(overrides: LotValues = {}): LotValues {
  return {
    code: "T-01",
    title_kk: "Жастар еріктілігі", title_ru: "Молодёжное волонтёрство", title_en: "",
    problem_kk: "Ауылдарда еріктілер орталықтары жоқ.", problem_ru: "В сёлах нет волонтёрских центров.", problem_en: "",
    target_group_kk: "16–29 жастағы жастар", target_group_ru: "Молодёжь 16–29 лет", target_group_en: "",
    regions: "turkestan shymkent",
    duration_months: "10",
    grant_type: "short_term",
    amount_kzt: "1 500 000",
    funding_year: "2027",
    tor_kk: "Бес орталық ашу.", tor_ru: "Открыть пять центров.", tor_en: "",
    eligibility_kk: "Кемінде бір жыл жұмыс істеген ҮЕҰ.", eligibility_ru: "НПО, работающие не менее года.", eligibility_en: "",
    indicator_0_text_kk: "Ашылған орталықтар", indicator_0_text_ru: "Открытые центры", indicator_0_text_en: "",
    indicator_0_target: "5",
    indicator_0_unit_kk: "орталық", indicator_0_unit_ru: "центров", indicator_0_unit_en: "",
    budget_0_item_kk: "Еңбекақы", budget_0_item_ru: "Оплата труда", budget_0_item_en: "",
    budget_0_unit_kk: "ай", budget_0_unit_ru: "месяц", budget_0_unit_en: "",
    budget_0_quantity: "10", budget_0_unit_cost: "100 000", budget_0_total: "1 000 000",
    budget_1_item_kk: "Жол жүру", budget_1_item_ru: "Проезд", budget_1_item_en: "",
    budget_1_unit_kk: "сапар", budget_1_unit_ru: "поездка", budget_1_unit_en: "",
    budget_1_quantity: "0,5", budget_1_unit_cost: "1000000", budget_1_total: "",
    ...overrides,
  };
}

export const csvHeader = "record,lot,title_kk,title_ru,problem_kk,problem_ru,target_group_kk,target_group_ru,regions,duration_months,grant_type,amount_kzt,funding_year,tor_kk,tor_ru,eligibility_kk,eligibility_ru,text_kk,text_ru,unit_kk,unit_ru,target,quantity,unit_cost,total";

export function csvLotRows(code: string, amount = "1500000"): string[][] {
  return [
    ["lot", code, "Лот қазақша", "Лот по-русски", "Мәселе", "Проблема", "Жастар", "Молодёжь", "kyzylorda", "8", "short_term", amount, "2027", "Ерекшелік", "Спецификация", "Талаптар", "Требования", "", "", "", "", "", "", "", ""],
    ["indicator", code, "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "Қатысушылар", "Участники", "адам", "человек", "60", "", "", ""],
    ["budget_line", code, "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "Еңбекақы", "Оплата труда", "ай", "месяц", "", "8", "125000", "1000000"],
    ["budget_line", code, "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "Жол жүру", "Проезд", "сапар", "поездка", "", "100", "5000", ""],
  ];
}

export function toCsv(rows: string[][], delimiter = ","): string {
  return rows.map((r) => r.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter)).join("\n");
}
