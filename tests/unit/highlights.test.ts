/** Merged highlight segments (issue 11, point 3): one mark per piece, every annotation reachable. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeHighlights } from "~/modules/documents/highlights";
import { highlightHtml, plainTextOfHtml } from "~/modules/documents/render.server";

describe("mergeHighlights", () => {
  it("cuts overlapping spans into pieces, innermost annotation first", () => {
    expect(mergeHighlights([{ id: "a", start: 0, end: 10 }, { id: "b", start: 2, end: 5 }])).toEqual([
      { start: 0, end: 2, ids: ["a"] },
      { start: 2, end: 5, ids: ["b", "a"] },
      { start: 5, end: 10, ids: ["a"] },
    ]);
  });

  it("merges neighbours covered by the same annotations and skips empty or reversed spans", () => {
    expect(mergeHighlights([{ id: "a", start: 0, end: 4 }, { id: "b", start: 0, end: 4 }, { id: "x", start: 3, end: 3 }, { id: "y", start: 5, end: 2 }])).toEqual([{ start: 0, end: 4, ids: ["a", "b"] }]);
    expect(mergeHighlights([{ id: "a", start: 0, end: 2 }, { id: "b", start: 2, end: 4 }])).toEqual([
      { start: 0, end: 2, ids: ["a"] },
      { start: 2, end: 4, ids: ["b"] },
    ]);
  });

  it("covers exactly the union of the spans, each point with exactly its annotations", () => {
    const span = fc.record({ id: fc.constantFrom("a", "b", "c", "d", "e", "f"), start: fc.integer({ min: 0, max: 40 }), len: fc.integer({ min: 1, max: 15 }) }).map((s) => ({ id: s.id, start: s.start, end: s.start + s.len }));
    fc.assert(
      fc.property(fc.uniqueArray(span, { selector: (s) => s.id, maxLength: 6 }), (spans) => {
        const segments = mergeHighlights(spans);
        for (let i = 1; i < segments.length; i++) expect(segments[i].start).toBeGreaterThanOrEqual(segments[i - 1].end);
        for (let p = 0; p < 60; p++) {
          const covering = spans.filter((s) => s.start <= p && p < s.end).map((s) => s.id).sort();
          const segment = segments.find((s) => s.start <= p && p < s.end);
          expect(segment ? [...segment.ids].sort() : []).toEqual(covering);
        }
      }),
    );
  });
});

describe("highlightHtml", () => {
  const html = "<p>Грант сомасы <b>3 000 АЕК-тен</b> аспайды және қайтарылмайды.</p>";
  const text = plainTextOfHtml(html);

  it("wraps each piece in one mark, never nested, and keeps the text as it was", () => {
    const start = text.indexOf("3 000");
    const marked = highlightHtml(html, [
      { id: "outer", start: 0, end: text.indexOf("аспайды") + "аспайды".length },
      { id: "inner", start, end: start + "3 000 АЕК-тен".length },
    ]);
    expect(plainTextOfHtml(marked)).toBe(text);
    expect(marked).not.toMatch(/<mark[^>]*>[^<]*<mark/);
    expect(marked).toContain('<mark data-annotation-id="inner" tabindex="0" class="annotation annotation--overlap" data-annotation-ids="inner outer" data-annotation-count="2">3 000 АЕК-тен</mark>');
    expect(marked).toContain('<mark data-annotation-id="outer" tabindex="0" class="annotation">Грант сомасы </mark>');
    expect(marked).toContain('<mark data-annotation-id="outer" tabindex="0" class="annotation"> аспайды</mark>');
  });

  it("leaves markup from the text escaped", () => {
    const tricky = "<p>a &lt;script&gt; b</p>";
    const marked = highlightHtml(tricky, [{ id: "x", start: 0, end: plainTextOfHtml(tricky).length }]);
    expect(marked).not.toContain("<script");
    expect(plainTextOfHtml(marked)).toBe(plainTextOfHtml(tricky));
  });
});
