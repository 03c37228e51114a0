import { describe, expect, it } from "vitest";
import { parseDraftInput } from "~/modules/documents/draft-input";
import { alignLanguages, parseStructuredText } from "~/modules/documents/structured-text";

const ru = `# Глава 1. Общие положения
Статья 1. Предмет регулирования
Настоящие Правила определяют порядок предоставления грантов.
Статья 2. Основные понятия
- грант — средства, предоставляемые на безвозмездной основе;
- лот — часть гранта.`;
const kk = `# 1-тарау. Жалпы ережелер
1-бап. Реттеу нысанасы
Осы Қағидалар гранттар беру тәртібін айқындайды.
2-бап. Негізгі ұғымдар
- грант — өтеусіз негізде берілетін қаражат;
- лот — гранттың бөлігі.`;
const en = `# Chapter 1. General provisions
Article 1. Subject of regulation
These Rules set out how grants are awarded.
Article 2. Definitions
- grant: funds given free of charge;
- lot: a part of a grant.`;

describe("structured text", () => {
  it("recognises headings, articles in each language's numbering, paragraphs and list items", () => {
    const blocks = parseStructuredText(kk, "kk");
    expect(blocks.map((b) => b.kind)).toEqual(["section", "article", "paragraph", "article", "list_item", "list_item"]);
    expect(blocks[1]).toMatchObject({ number: "1", label: "1-бап", text: "Реттеу нысанасы" });
    expect(parseStructuredText(ru, "ru")[3]).toMatchObject({ number: "2", label: "Статья 2", text: "Основные понятия" });
    expect(parseStructuredText("Article 12-1. Transitional", "en")[0]).toMatchObject({ number: "12-1", label: "Article 12-1" });
  });

  it("aligns the languages with lineage keys from the structure", () => {
    const result = alignLanguages({ kk: parseStructuredText(kk, "kk"), ru: parseStructuredText(ru, "ru"), en: parseStructuredText(en, "en") });
    if ("error" in result) throw new Error(result.error.code);
    expect(result.blocks.map((b) => b.key)).toEqual(["sec-1", "art-1", "art-1.p1", "art-2", "art-2.li1", "art-2.li2"]);
    expect(result.blocks[1].label).toEqual({ kk: "1-бап", ru: "Статья 1", en: "Article 1" });
    expect(result.blocks[2].text.kk).toBe("Осы Қағидалар гранттар беру тәртібін айқындайды.");
  });

  it("keeps English optional but refuses a structure that differs", () => {
    const noEnglish = alignLanguages({ kk: parseStructuredText(kk, "kk"), ru: parseStructuredText(ru, "ru") });
    expect("blocks" in noEnglish && noEnglish.blocks[0].text.en).toBe("");
    const short = alignLanguages({ kk: parseStructuredText(kk.split("\n").slice(0, 3).join("\n"), "kk"), ru: parseStructuredText(ru, "ru") });
    expect(short).toEqual({ error: { code: "errors.draft_block_count", lang: "kk", expected: 6, actual: 3 } });
    const swapped = alignLanguages({ kk: parseStructuredText(kk.replace("- грант", "грант"), "kk"), ru: parseStructuredText(ru, "ru") });
    expect(swapped).toEqual({ error: { code: "errors.draft_block_kind", lang: "kk", position: 5 } });
    expect(alignLanguages({ kk: [], ru: parseStructuredText(ru, "ru") })).toEqual({ error: { code: "errors.draft_empty", lang: "kk" } });
  });

  it("makes repeated article numbers unique instead of failing", () => {
    const text = "Статья 3. А\nСтатья 3. Б";
    const result = alignLanguages({ kk: parseStructuredText("3-бап. А\n3-бап. Б", "kk"), ru: parseStructuredText(text, "ru") });
    expect("blocks" in result && result.blocks.map((b) => b.key)).toEqual(["art-3", "art-3~2"]);
  });

  it("reads JSON blocks and reports where they are wrong", () => {
    const json = JSON.stringify([{ kind: "article", label: { kk: "1-бап", ru: "Статья 1", en: "" }, text: { kk: "Мәтін", ru: "Текст", en: "" } }]);
    const ok = parseDraftInput({ json, text: {} });
    expect("blocks" in ok && ok.blocks[0]).toMatchObject({ key: "b-1", kind: "article" });
    expect(parseDraftInput({ json: "[{", text: {} })).toMatchObject({ error: { code: "errors.draft_json_invalid" } });
    expect(parseDraftInput({ json: JSON.stringify([{ kind: "poem", text: { kk: "a", ru: "b" } }]), text: {} })).toMatchObject({ error: { code: "errors.draft_json_invalid" } });
    expect(parseDraftInput({ json: JSON.stringify([{ kind: "paragraph", text: { kk: "", ru: "b" } }]), text: {} })).toEqual({ error: { code: "errors.draft_official_missing", position: 1 } });
  });
});
