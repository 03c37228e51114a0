/** A block's anchor and the draft's table of contents. */
import { useTranslation } from "react-i18next";
import type { BlockKind } from "~db/schema";

/** The anchor of a block: stable across versions because it is built from the lineage key. */
export function blockAnchor(key: string): string {
  return `block-${key.replace(/[^A-Za-z0-9_.-]/g, "_")}`;
}

/** One line of the table of contents: a section or article, its number, the start of its text. */
export interface TocEntry {
  id: string;
  key: string;
  kind: BlockKind;
  label: { text: string } | null;
  text: string;
  commentCount: number;
}

export function TableOfContents({ entries: all }: { entries: TocEntry[] }) {
  const { t } = useTranslation("consultation");
  const entries = all.filter((b) => b.kind === "section" || b.kind === "article");
  if (entries.filter((b) => b.kind === "article").length < 5) return null;
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <h2 id="toc-title">{t("draft.toc")}</h2>
      <ol>
        {entries.map((b) => (
          <li key={b.id} className={`toc__${b.kind}`}>
            <a href={`#${blockAnchor(b.key)}`}>
              {b.label ? `${b.label.text}. ` : ""}
              {b.text}
            </a>
            {b.commentCount > 0 ? <span className="toc__count"> ({b.commentCount})</span> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}
