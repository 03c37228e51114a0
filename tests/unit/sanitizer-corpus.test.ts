import { Element, type ChildNode, type Document } from "domhandler";
import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { documentOf, type SerializedNode } from "~/modules/documents/lexical-nodes";
import { lexicalToHtml, renderBlockHtml, sanitizeBlockHtml } from "~/modules/documents/render.server";

const text = (t: string, extra: Partial<SerializedNode> = {}): SerializedNode => ({ type: "text", text: t, detail: 0, format: 0, mode: "normal", style: "", version: 1, ...extra });
const paragraph = (...children: SerializedNode[]): SerializedNode => ({ type: "paragraph", children, direction: null, format: "", indent: 0, textFormat: 0, textStyle: "", version: 1 });
const link = (url: string, label = "link"): SerializedNode => ({ type: "link", url, rel: null, target: null, title: null, children: [text(label)], direction: null, format: "", indent: 0, version: 1 });

// Payloads from the usual XSS cheat sheets, placed where a crafted Lexical JSON can carry them.
const textPayloads = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  '"><iframe src="javascript:alert(1)">',
  "<a href=\"javascript:alert(1)\">x</a>",
  "<style>body{display:none}</style>",
  "<body onload=alert(1)>",
  "</p><script>alert(1)</script><p>",
];
const urlPayloads = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "&#106;avascript:alert(1)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "vbscript:msgbox(1)",
  '"><script>alert(1)</script>',
  "//evil.example/x",
];
const stylePayloads = ["color: red; background: url(javascript:alert(1))", "expression(alert(1))", "position:fixed;top:0;left:0;width:100%;height:100%"];

const allowed = new Set(["p", "br", "b", "strong", "i", "em", "u", "s", "sub", "sup", "code", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "span", "blockquote"]);

/** Checks the parsed output (text that merely looks like markup is fine: it is escaped). */
function assertSafe(html: string) {
  const visit = (node: ChildNode | Document) => {
    if (node instanceof Element) {
      expect(allowed.has(node.name), `element <${node.name}> in ${html}`).toBe(true);
      for (const [name, value] of Object.entries(node.attribs)) {
        expect(name.startsWith("on"), `attribute ${name}`).toBe(false);
        expect(name).not.toBe("style");
        if (name === "href") expect(value).toMatch(/^(https?:|mailto:)/);
      }
    }
    if ("children" in node) for (const c of node.children) visit(c);
  };
  visit(parseDocument(html));
  expect(html).not.toMatch(/<(script|iframe|svg|img|style)/i);
}

describe("sanitizer corpus (XSS in Lexical JSON)", () => {
  it("renders text payloads as text", () => {
    for (const p of textPayloads) {
      const html = renderBlockHtml(documentOf([paragraph(text(p))]), p);
      assertSafe(html);
      expect(html).toContain("&lt;");
    }
  });

  it("drops dangerous link URLs and keeps http(s) ones", () => {
    for (const url of urlPayloads) assertSafe(renderBlockHtml(documentOf([paragraph(link(url))]), ""));
    const ok = renderBlockHtml(documentOf([paragraph(link("https://adilet.zan.kz/rus/docs/V2000021010"))]), "");
    expect(ok).toContain('href="https://adilet.zan.kz/rus/docs/V2000021010"');
    expect(ok).toContain('rel="nofollow noopener noreferrer"');
  });

  it("removes style injection from text nodes and elements", () => {
    for (const style of stylePayloads) {
      assertSafe(renderBlockHtml(documentOf([paragraph(text("styled", { style }))]), ""));
      assertSafe(renderBlockHtml(documentOf([{ ...paragraph(text("x")), format: style, textStyle: style }]), ""));
    }
  });

  it("keeps tables but not payloads in cells or their attributes", () => {
    const cell = (content: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode => ({ type: "tablecell", headerState: 0, colSpan: 1, rowSpan: 1, children: content, ...extra });
    const table: SerializedNode = {
      type: "table",
      children: [{ type: "tablerow", children: [cell([paragraph(text("<img src=x onerror=alert(1)>"))], { colSpan: '2" onmouseover="alert(1)' }), cell([paragraph(link("javascript:alert(1)"))], { headerState: 1 })] }],
    };
    const html = renderBlockHtml(documentOf([table]), "");
    assertSafe(html);
    expect(html).toContain("<table>");
    expect(html).toContain("<th>");
  });

  it("sanitizes raw HTML with the same allow-list", () => {
    const raw = '<p onclick="x()">a<script>alert(1)</script><b style="x">b</b><a href="javascript:1">c</a></p><table><tr><td colspan="2" onmouseover="x">d</td></tr></table>';
    const html = sanitizeBlockHtml(raw);
    assertSafe(html);
    expect(html).toContain('<td colspan="2">d</td>');
    expect(html).not.toContain("alert");
  });

  it("falls back to escaped text for JSON that is not a Lexical document", () => {
    expect(() => lexicalToHtml({ root: { type: "script" } })).toThrow();
    assertSafe(renderBlockHtml({ root: { type: "root", children: [{ type: "no-such-node" }] } }, "<img src=x onerror=alert(1)>"));
  });
});
