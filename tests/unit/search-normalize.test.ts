import { describe, expect, it } from "vitest";
import { editDistance, foldText, highlight, queryWords, wordMatches } from "~/modules/search/normalize";
import { decodeCursor, encodeCursor, parseSearchParams } from "~/modules/search/search.schema";

describe("search normalization", () => {
  it("folds case and the Kazakh-specific letters to one form", () => {
    expect(foldText("ҚАЗАҚСТАН өңір ғылым Ұлттық үкімет һәм ІЗДЕУ")).toBe("казакстан онир гылым улттык укимет хам издеу");
    expect(foldText("Ёлка, café, Йошкар-Ола")).toBe("елка, cafe, йошкар-ола");
    expect(foldText("казакстан")).toBe(foldText("Қазақстан"));
  });

  it("reduces a query to letters and digits, so no syntax survives", () => {
    expect(queryWords(`' OR 1=1; DROP TABLE x; -- kind = "comment" :* & | !`)).toEqual(["or", "1", "drop", "table", "x", "kind", "comment"]);
    expect(queryWords("!!!???")).toEqual([]);
    expect(queryWords("w ".repeat(5000))).toEqual(["w"]);
    expect(queryWords(Array.from({ length: 100 }, (_, i) => `word${i}`).join(" "))).toHaveLength(32);
  });

  it("counts one typo (including a transposition) as distance one", () => {
    expect(editDistance("гылым", "гилым")).toBe(1);
    expect(editDistance("отчетности", "отчетнсоти")).toBe(1);
    expect(editDistance("requirement", "requirment")).toBe(1);
    expect(editDistance("grant", "audit", 2)).toBe(3);
    expect(wordMatches("казакстаннын", "казакстан")).toBe(true);
    expect(wordMatches("лот", "лод")).toBe(false);
  });

  it("escapes everything in a snippet except its own marks", () => {
    const html = highlight(`<img src=x onerror="alert(1)"> Қазақстан & "грант"`, ["казакстан", "грант"]);
    expect(html).toBe(`&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <mark>Қазақстан</mark> &amp; &quot;<mark>грант</mark>&quot;`);
    const long = `${"слово ".repeat(200)}Қазақстан ${"слово ".repeat(200)}`;
    const snippet = highlight(long, ["казакстан"], 120);
    expect(snippet).toContain("<mark>Қазақстан</mark>");
    expect(snippet.startsWith("…") && snippet.endsWith("…")).toBe(true);
    expect(snippet.length).toBeLessThan(160);
  });
});

describe("search parameters", () => {
  const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

  it("accepts lists, repeated or comma-separated, and defaults", () => {
    const parsed = parse("q=грант&kind=comment,block&kind=answer&lang=kk&limit=5");
    expect(parsed).toEqual({ ok: true, value: { q: "грант", consultation: undefined, kind: ["comment", "block", "answer"], status: undefined, lang: ["kk"], limit: 5, offset: 0 } });
    expect(parse("")).toEqual({ ok: true, value: { q: "", consultation: undefined, kind: undefined, status: undefined, lang: undefined, limit: 20, offset: 0 } });
  });

  it("names every bad parameter", () => {
    const parsed = parse("kind=x&limit=101&cursor=abc&consultation=A_B");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toHaveLength(4);
  });

  it("round-trips cursors and refuses forged ones", () => {
    expect(decodeCursor(encodeCursor(40))).toBe(40);
    expect(decodeCursor("o" + (20_000).toString(36))).toBeUndefined();
    expect(decodeCursor("40")).toBeUndefined();
  });
});
