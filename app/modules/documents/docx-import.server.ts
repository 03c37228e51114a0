/**
 * .docx import: mammoth turns Word's styles into plain semantic HTML (Heading 1/2 → h1/h2,
 * lists, tables, bold/italic, links), the same HTML sanitizer as rendering cleans it, and the
 * headless editor turns it into Lexical JSON, so an import is just another editor document.
 * Article numbers typed in the text ("Статья 5.", "5-бап.", "Article 5") are kept and become
 * article blocks when the draft is built.
 */
import { createHeadlessEditor } from "@lexical/headless";
import { withDOM } from "@lexical/headless/dom";
import { $generateNodesFromDOM } from "@lexical/html";
import { $createParagraphNode, $getRoot, $isDecoratorNode, $isElementNode, type LexicalNode } from "lexical";
import mammoth from "mammoth";
import { draftNodes, type SerializedDocument } from "./lexical-nodes";
import { sanitizeBlockHtml } from "./render.server";

export const DOCX_MAX_BYTES = 10 * 1024 * 1024;

export type DocxImportError = "errors.docx_invalid" | "errors.docx_empty" | "errors.docx_too_large" | "errors.docx_missing";
export type DocxImportResult = { ok: true; document: SerializedDocument; warnings: number } | { ok: false; error: DocxImportError };

/** HTML (already sanitized) → a Lexical document, through the headless editor. */
export function htmlToLexical(html: string): SerializedDocument {
  const editor = createHeadlessEditor({ nodes: draftNodes, onError: (error) => { throw error; } });
  withDOM((window) => {
    const dom = new window.DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
    editor.update(
      () => {
        const root = $getRoot();
        root.clear();
        let loose: ReturnType<typeof $createParagraphNode> | null = null;
        for (const node of $generateNodesFromDOM(editor, dom as unknown as Document) as LexicalNode[]) {
          // Top-level text (outside any paragraph) is wrapped in one.
          if ($isElementNode(node) || $isDecoratorNode(node)) {
            loose = null;
            root.append(node);
          } else {
            if (!loose) {
              loose = $createParagraphNode();
              root.append(loose);
            }
            loose.append(node);
          }
        }
      },
      { discrete: true },
    );
  });
  return editor.getEditorState().toJSON() as unknown as SerializedDocument;
}

export async function importDocx(file: { size: number; arrayBuffer(): Promise<ArrayBuffer> } | null): Promise<DocxImportResult> {
  if (!file || file.size === 0) return { ok: false, error: file ? "errors.docx_empty" : "errors.docx_missing" };
  if (file.size > DOCX_MAX_BYTES) return { ok: false, error: "errors.docx_too_large" };
  const buffer = Buffer.from(await file.arrayBuffer());
  // A .docx is a ZIP archive: refuse anything else before handing it to the parser.
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) return { ok: false, error: "errors.docx_invalid" };
  let html: string;
  let warnings = 0;
  try {
    const result = await mammoth.convertToHtml({ buffer }, { styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Заголовок 1'] => h1:fresh", "p[style-name='Заголовок 2'] => h2:fresh", "p[style-name='Заголовок 3'] => h3:fresh"] });
    html = result.value;
    warnings = result.messages.filter((m) => m.type === "warning").length;
  } catch {
    return { ok: false, error: "errors.docx_invalid" };
  }
  // h1 is the page's title level: the draft's top headings become sections (h2).
  const clean = sanitizeBlockHtml(html.replace(/<(\/?)h1>/g, "<$1h2>"));
  if (clean.replace(/<[^>]+>/g, "").trim() === "") return { ok: false, error: "errors.docx_empty" };
  const document = htmlToLexical(clean);
  if ((document.root.children ?? []).length === 0) return { ok: false, error: "errors.docx_empty" };
  return { ok: true, document, warnings };
}
