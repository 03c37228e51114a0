import { withDOM } from "@lexical/headless/dom";
import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { contextAround, selectorFor, splitsSurrogate, trimSpan, verifySelector } from "~/modules/comments/anchor";
import { offsetOfPoint, plainText, walkPlainText, type PlainNode } from "~/modules/documents/plain-text";
import { reanchor, similarity } from "~/modules/documents/reanchor";
import { highlightHtml, plainTextOfHtml } from "~/modules/documents/render.server";

const kk = "Грант сомасы әр жоба үшін 5 000 000 теңгеден аспайды; өтінімдер қабылдау мерзімі — 30 күн.";
const ru = "Размер гранта не превышает 5 000 000 тенге на проект; срок приёма заявок — 30 дней.";
const combining = "Жоба\u0301 ұйымы (й = и\u0306) үшін";
const emoji = "Бюджет 💰 10 000 тенге 🇰🇿 и ещё 💰 раз";
const richHtml = "<h3>Статья <b>5</b>. Сумма</h3><p>Первый&nbsp;абзац <a href=\"https://x.kz\">ссылка</a><br>вторая строка</p><ul><li>один</li><li>два</li></ul><table><tbody><tr><td>Лот</td><td>Бюджет</td></tr><tr><td>1</td><td>5 000 000</td></tr></tbody></table>";

function browserText(html: string): { text: string; offsets: (find: string) => number | undefined } {
  return withDOM((window) => {
    const div = window.document.createElement("div");
    div.innerHTML = html;
    const walk = walkPlainText(div as unknown as PlainNode);
    return {
      text: walk.text,
      offsets: (find: string) => {
        const tw = window.document.createTreeWalker(div, 4);
        for (let n = tw.nextNode(); n; n = tw.nextNode()) {
          const i = (n.nodeValue ?? "").indexOf(find);
          if (i >= 0) return offsetOfPoint(walk, n as unknown as PlainNode, i);
        }
        return undefined;
      },
    };
  });
}

describe("plain text: one function for server and browser", () => {
  it("gives the same text from htmlparser2 (server) and from a browser DOM", () => {
    const server = plainText(parseDocument(richHtml) as unknown as PlainNode);
    const browser = browserText(richHtml);
    expect(server).toBe(browser.text);
    expect(server).toBe("Статья 5. Сумма\nПервый\u00a0абзац ссылка\nвторая строка\nодин\nдва\nЛот\tБюджет\n1\t5 000 000");
    expect(browser.offsets("вторая")).toBe(server.indexOf("вторая"));
    expect(browser.offsets("5 000 000")).toBe(server.indexOf("5 000 000"));
  });

  it("skips margin elements and is unchanged by highlights", () => {
    const html = `<p>${ru}<span data-plain-skip>3 comments</span></p>`;
    expect(plainTextOfHtml(html)).toBe(ru);
    const marked = highlightHtml(`<p>${ru}</p>`, [{ id: "a", start: 27, end: 36 }]);
    expect(marked).toContain('<mark data-annotation-id="a"');
    expect(plainTextOfHtml(marked)).toBe(ru);
  });

  it("keeps Kazakh letters, combining marks and emoji as UTF-16 code units", () => {
    for (const text of [kk, combining, emoji]) expect(plainTextOfHtml(`<p>${text}</p>`)).toBe(text);
    const start = emoji.indexOf("10 000");
    expect(start).toBe(10); // "💰" is two code units
    expect(browserText(`<p>${emoji}</p>`).offsets("10 000")).toBe(start);
  });
});

describe("selectors", () => {
  it("builds exact/prefix/suffix of at most 32 code units and verifies them", () => {
    const start = kk.indexOf("5 000 000 теңге");
    const sel = selectorFor(kk, start, start + "5 000 000 теңге".length)!;
    expect(sel.exact).toBe("5 000 000 теңге");
    expect(sel.prefix).toBe(kk.slice(Math.max(0, start - 32), start));
    expect(sel.prefix.length).toBeLessThanOrEqual(32);
    expect(sel.suffix.length).toBeLessThanOrEqual(32);
    expect(verifySelector(kk, sel)).toBeUndefined();
    expect(verifySelector(kk, { ...sel, exact: "5 000 001 теңге" })).toBe("errors.anchor_mismatch");
    expect(verifySelector(kk, { ...sel, end: kk.length + 1 })).toBe("errors.anchor_out_of_range");
  });

  it("never cuts an emoji outside the BMP", () => {
    const at = emoji.indexOf("💰");
    expect(splitsSurrogate(emoji, at + 1)).toBe(true);
    expect(selectorFor(emoji, at + 1, at + 5)).toBeUndefined();
    expect(verifySelector(emoji, { start: at + 1, end: at + 5, exact: emoji.slice(at + 1, at + 5), prefix: "", suffix: "" })).toBe("errors.anchor_out_of_range");
    const ctx = contextAround("💰".repeat(40), 40, 42);
    expect(ctx.prefix.length % 2).toBe(0);
    expect(selectorFor(emoji, at, at + 2)!.exact).toBe("💰");
  });

  it("keeps combining marks inside the quote", () => {
    const start = combining.indexOf("Жоба");
    const sel = selectorFor(combining, start, start + 5)!;
    expect(sel.exact).toBe("Жоба\u0301");
    expect(trimSpan("  қ  ", 0, 5)).toEqual({ start: 2, end: 3 });
  });
});

describe("re-anchoring", () => {
  const sel = (text: string, phrase: string, nth = 0) => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(phrase, at + 1);
    return selectorFor(text, at, at + phrase.length)!;
  };

  it("finds the exact quote after text was inserted before it", () => {
    const old = sel(ru, "5 000 000 тенге");
    const next = "Максимальный размер гранта (с учётом НДС) не превышает 5 000 000 тенге на проект; срок приёма заявок — 30 дней.";
    const r = reanchor(old, next);
    expect(r.status).toBe("exact");
    if (r.status !== "orphaned") expect(next.slice(r.start, r.end)).toBe("5 000 000 тенге");
  });

  it("picks the right one of repeated phrases by its context", () => {
    const text = "Срок — 30 дней для НКО. Срок — 30 дней для ИП. Срок — 30 дней для ТОО.";
    const old = sel(text, "30 дней", 1);
    const next = "Вводная часть. " + text;
    const r = reanchor(old, next);
    expect(r.status).toBe("exact");
    if (r.status !== "orphaned") expect(r.start).toBe(next.indexOf("30 дней для ИП"));
  });

  it("falls back to a fuzzy match between the old prefix and suffix (Kazakh)", () => {
    const old = sel(kk, "5 000 000 теңгеден");
    const next = kk.replace("5 000 000 теңгеден", "6 000 000 теңгеден");
    const r = reanchor(old, next);
    expect(r.status).toBe("fuzzy");
    if (r.status !== "orphaned") expect(r.exact).toBe("6 000 000 теңгеден");
  });

  it("orphans an annotation whose words are gone", () => {
    const old = sel(ru, "5 000 000 тенге");
    expect(reanchor(old, "Статья утратила силу.").status).toBe("orphaned");
  });

  it("handles emoji and combining marks without splitting them", () => {
    const old = sel(emoji, "💰", 1);
    const next = "Кіріспе. " + emoji;
    const r = reanchor(old, next);
    expect(r.status).toBe("exact");
    if (r.status !== "orphaned") expect(r.start).toBe(next.lastIndexOf("💰"));
    expect(similarity("и\u0306", "й")).toBeLessThan(1);
  });
});
