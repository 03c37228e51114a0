import { describe, expect, it } from "vitest";
import { groupSimilar, jaccard, normalizeText, shingles } from "~/modules/responses/similarity";
import { distinctComment, nearCopy, rng } from "../support/campaign";

describe("similar-comment grouping", () => {
  it("normalizes case, punctuation, ё and white space", () => {
    expect(normalizeText("  Ёлка,   ЛЕС!\n«Қала» ")).toBe("елка лес қала");
  });

  it("finds one campaign of 100 near-copies among 300 distinct comments", () => {
    const random = rng(42);
    const items: { id: string; body: string }[] = [];
    const campaign = new Set<string>();
    for (let i = 0; i < 400; i++) {
      // campaign copies interleaved with the distinct comments
      const isCopy = i % 4 === 1;
      const id = `c${String(i).padStart(3, "0")}`;
      if (isCopy) campaign.add(id);
      items.push({ id, body: isCopy ? nearCopy(random, i) : distinctComment(random) });
    }
    expect(campaign.size).toBe(100);
    const groups = groupSimilar(items);
    const keys = new Set([...groups.values()].map((g) => g.key));
    expect(keys.size).toBe(1);
    expect(new Set(groups.keys())).toEqual(campaign);
    expect([...groups.values()].every((g) => g.size === 100 && g.key === "c001")).toBe(true);
  });

  it("keeps texts that only share vocabulary apart", () => {
    const random = rng(7);
    const a = shingles(normalizeText(distinctComment(random)));
    const b = shingles(normalizeText(distinctComment(random)));
    expect(jaccard(a, b)).toBeLessThan(0.3);
    expect(groupSimilar([{ id: "a", body: "Короткий" }, { id: "b", body: "Совсем другой текст" }]).size).toBe(0);
  });

  it("groups identical texts and texts differing only in punctuation", () => {
    const groups = groupSimilar([
      { id: "1", body: "Поддерживаю проект полностью." },
      { id: "2", body: "поддерживаю проект полностью!!!" },
      { id: "3", body: "Против сокращения срока консультации до десяти дней." },
    ]);
    expect(groups.get("1")).toEqual({ key: "1", size: 2 });
    expect(groups.get("2")).toEqual({ key: "1", size: 2 });
    expect(groups.has("3")).toBe(false);
  });
});

describe("similarity at campaign scale", () => {
  it("groups a campaign hidden among 30,000 texts written with one small vocabulary (no pair explosion)", () => {
    // Texts built from 30 common words share many 5-letter shingles: every band bucket fills
    // with unrelated texts, which once made the candidate pairs grow past what a Set can hold.
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const vocabulary = "грант лот сумма проект отчёт заявка конкурс договор срок цель регион молодёжь комиссия оценка результат требование организация финансирование государственный порядок бюджет индикатор заказ период мониторинг аудит услуга жобасы ұйым өтінім".split(" ");
    const items = Array.from({ length: 30_000 }, (_, i) => ({ id: `r${i}`, body: Array.from({ length: 12 + Math.floor(next() * 20) }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(" ") }));
    const campaign = "Просим увеличить сумму лота L-02 до 25 млн тенге: текущая сумма не покрывает выезды в районы, указанные в техническом задании.";
    for (let i = 0; i < 200; i++) items.splice(Math.floor(next() * items.length), 0, { id: `c${i}`, body: i % 3 ? campaign : `${campaign} Спасибо!` });
    const groups = groupSimilar(items);
    const campaignGroup = groups.get("c0")!;
    expect(campaignGroup.size).toBeGreaterThanOrEqual(200);
    for (let i = 0; i < 200; i++) expect(groups.get(`c${i}`)?.key).toBe(campaignGroup.key);
  });
});
