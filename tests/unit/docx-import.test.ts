/** .docx import on documents this test builds itself with the `docx` package (no binary fixtures). */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import { importDocx, DOCX_MAX_BYTES } from "~/modules/documents/docx-import.server";
import { blocksFromLexical } from "~/modules/documents/lexical-blocks.server";

function fileOf(bytes: Uint8Array | Buffer) {
  const copy = Uint8Array.from(bytes);
  return { size: copy.byteLength, arrayBuffer: async () => copy.buffer as ArrayBuffer };
}

async function draftDocx(lines: Array<{ heading?: boolean; text: string; bold?: string }>, table?: string[][]) {
  const children: Array<Paragraph | Table> = lines.map((l) =>
    l.heading
      ? new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(l.text)] })
      : new Paragraph({ children: [new TextRun(l.text), ...(l.bold ? [new TextRun({ text: l.bold, bold: true })] : [])] }),
  );
  if (table) children.push(new Table({ rows: table.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }));
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

describe(".docx import", () => {
  it("keeps the block structure and article numbering in Russian and Kazakh, aligned", async () => {
    const ru = await draftDocx(
      [
        { heading: true, text: "Глава 1. Общие положения" },
        { text: "Статья 5. Размер гранта" },
        { text: "Размер гранта не превышает ", bold: "5 000 000 тенге." },
        { text: "Статья 6. Сроки" },
        { text: "Заявки принимаются 30 дней." },
      ],
      [["Лот", "Бюджет"], ["1", "5 000 000"]],
    );
    const kk = await draftDocx(
      [
        { heading: true, text: "1-тарау. Жалпы ережелер" },
        { text: "5-бап. Грант мөлшері" },
        { text: "Грант мөлшері ", bold: "5 000 000 теңгеден аспайды." },
        { text: "6-бап. Мерзімдер" },
        { text: "Өтінімдер 30 күн қабылданады." },
      ],
      [["Лот", "Бюджет"], ["1", "5 000 000"]],
    );
    const ruDoc = await importDocx(fileOf(ru));
    const kkDoc = await importDocx(fileOf(kk));
    expect(ruDoc.ok && kkDoc.ok).toBe(true);
    if (!ruDoc.ok || !kkDoc.ok) return;
    const built = blocksFromLexical({ ru: ruDoc.document, kk: kkDoc.document });
    expect("blocks" in built).toBe(true);
    if (!("blocks" in built)) return;
    expect(built.blocks.map((b) => [b.key, b.kind])).toEqual([
      ["sec-1", "section"],
      ["art-5", "article"],
      ["art-5.p1", "paragraph"],
      ["art-6", "article"],
      ["art-6.p1", "paragraph"],
      ["art-6.p2", "paragraph"],
    ]);
    const art5 = built.blocks[1];
    expect(art5.label).toEqual({ kk: "5-бап", ru: "Статья 5", en: "" });
    expect(art5.text.ru).toBe("Размер гранта");
    expect(built.blocks[2].text.ru).toBe("Размер гранта не превышает 5 000 000 тенге.");
    expect(built.blocks[2].text.kk).toBe("Грант мөлшері 5 000 000 теңгеден аспайды.");
    expect(JSON.stringify(built.blocks[2].content?.ru)).toContain('"format":1');
    expect(built.blocks[5].text.ru).toBe("Лот\tБюджет\n1\t5 000 000");
  });

  it("gives a clear error for a file that is not a .docx, an empty one or one too large", async () => {
    expect(await importDocx(fileOf(Buffer.from("%PDF-1.7 not a word file")))).toEqual({ ok: false, error: "errors.docx_invalid" });
    expect(await importDocx(fileOf(Buffer.from("PK\u0003\u0004 broken zip")))).toEqual({ ok: false, error: "errors.docx_invalid" });
    expect(await importDocx(fileOf(Buffer.alloc(0)))).toEqual({ ok: false, error: "errors.docx_empty" });
    expect(await importDocx(fileOf(await draftDocx([{ text: "   " }])))).toEqual({ ok: false, error: "errors.docx_empty" });
    expect(await importDocx({ size: DOCX_MAX_BYTES + 1, arrayBuffer: async () => new ArrayBuffer(0) })).toEqual({ ok: false, error: "errors.docx_too_large" });
    expect(await importDocx(null)).toEqual({ ok: false, error: "errors.docx_missing" });
  });
});
