/**
 * The Lexical editor for one language of a draft (browser only: the .client suffix keeps it out
 * of the server bundle; the page renders it after hydration). Headings (section / article),
 * paragraphs, ordered and bulleted lists, tables, bold/italic and links; paste from Word goes
 * through Lexical's HTML import with the same node set as the server.
 */
import { $createLinkNode, TOGGLE_LINK_COMMAND } from "@lexical/link";
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from "@lexical/list";
import { LexicalComposer } from "@lexical/react/LexicalComposer";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { ContentEditable } from "@lexical/react/LexicalContentEditable";
import { LexicalErrorBoundary } from "@lexical/react/LexicalErrorBoundary";
import { HistoryPlugin } from "@lexical/react/LexicalHistoryPlugin";
import { LinkPlugin } from "@lexical/react/LexicalLinkPlugin";
import { ListPlugin } from "@lexical/react/LexicalListPlugin";
import { OnChangePlugin } from "@lexical/react/LexicalOnChangePlugin";
import { RichTextPlugin } from "@lexical/react/LexicalRichTextPlugin";
import { TablePlugin } from "@lexical/react/LexicalTablePlugin";
import { $createHeadingNode } from "@lexical/rich-text";
import { $setBlocksType } from "@lexical/selection";
import { INSERT_TABLE_COMMAND } from "@lexical/table";
import { $createParagraphNode, $getSelection, $isRangeSelection, FORMAT_TEXT_COMMAND, type EditorState } from "lexical";
import { useTranslation } from "react-i18next";
import type { Lang } from "~db/schema";
import { draftNodes } from "~/modules/documents/lexical-nodes";

void $createLinkNode;

function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation("documents");
  const setBlock = (make: () => ReturnType<typeof $createParagraphNode> | ReturnType<typeof $createHeadingNode>) =>
    editor.update(() => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) $setBlocksType(selection, make);
    });
  const button = (label: string, onClick: () => void, testId: string) => (
    <button type="button" className="button button--small" onMouseDown={(e) => e.preventDefault()} onClick={onClick} data-testid={testId}>
      {label}
    </button>
  );
  return (
    <div className="editor__toolbar" role="toolbar" aria-label={t("editor.toolbar")}>
      {button(t("editor.paragraph"), () => setBlock(() => $createParagraphNode()), "tb-paragraph")}
      {button(t("editor.section"), () => setBlock(() => $createHeadingNode("h2")), "tb-section")}
      {button(t("editor.article"), () => setBlock(() => $createHeadingNode("h3")), "tb-article")}
      {button(t("editor.bold"), () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "bold"), "tb-bold")}
      {button(t("editor.italic"), () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "italic"), "tb-italic")}
      {button(t("editor.numbered"), () => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined), "tb-ol")}
      {button(t("editor.bulleted"), () => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined), "tb-ul")}
      {button(t("editor.table"), () => editor.dispatchCommand(INSERT_TABLE_COMMAND, { columns: "3", rows: "3", includeHeaders: { rows: true, columns: false } }), "tb-table")}
      {button(
        t("editor.link"),
        () => {
          const url = window.prompt(t("editor.link_prompt"), "https://");
          if (url === null) return;
          editor.dispatchCommand(TOGGLE_LINK_COMMAND, /^(https?:|mailto:)/i.test(url) ? url : null);
        },
        "tb-link",
      )}
    </div>
  );
}

export function DraftEditor(props: { lang: Lang; initial: unknown; label: string; onChange: (state: unknown) => void }) {
  const initialConfig = {
    namespace: `kenes-draft-${props.lang}`,
    nodes: draftNodes,
    onError: (error: Error) => console.error(error),
    editorState: props.initial ? JSON.stringify(props.initial) : undefined,
    theme: { paragraph: "editor__p", heading: { h2: "editor__h2", h3: "editor__h3" }, text: { bold: "editor__bold", italic: "editor__italic" } },
  };
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="editor" lang={props.lang}>
        <Toolbar />
        <RichTextPlugin
          contentEditable={<ContentEditable className="editor__input" aria-label={props.label} data-testid={`editor-${props.lang}`} />}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        <TablePlugin />
        <LinkPlugin validateUrl={(url) => /^(https?:|mailto:)/i.test(url)} />
        <OnChangePlugin ignoreSelectionChange onChange={(state: EditorState) => props.onChange(state.toJSON())} />
      </div>
    </LexicalComposer>
  );
}
