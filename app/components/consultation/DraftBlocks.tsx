import { Link } from "@remix-run/react";
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { BlockKind, Lang } from "~db/schema";
import type { LocalizedText } from "~/utils/i18n";
import { languageNames } from "~/utils/i18n";

export interface DraftBlock {
  id: string;
  key: string;
  kind: BlockKind;
  label: LocalizedText | null;
  text: LocalizedText;
  commentCount: number;
}

/** The anchor of a block: stable across versions because it is built from the lineage key. */
export function blockAnchor(key: string): string {
  return `block-${key.replace(/[^A-Za-z0-9_.-]/g, "_")}`;
}

function Fallback({ from }: { from?: Lang }) {
  const { t } = useTranslation();
  if (!from) return null;
  return <span className="fallback-note"> ({t("content.shown_in", { language: languageNames[from] })})</span>;
}

/** A short name for a block, for links read out by screen readers. */
export function blockName(block: DraftBlock): string {
  const snippet = block.text.text.length > 60 ? `${block.text.text.slice(0, 57)}…` : block.text.text;
  return block.label ? `${block.label.text} ${snippet}` : snippet;
}

function BlockBody({ block }: { block: DraftBlock }) {
  const anchor = blockAnchor(block.key);
  const lang = block.text.fallbackFrom;
  const number = block.label?.text ? <span className="block__number">{block.label.text} </span> : null;
  switch (block.kind) {
    case "section":
      return (
        <h3 className="block__heading">
          {number}
          <span lang={lang}>{block.text.text}</span>
          <Fallback from={block.text.fallbackFrom} />
        </h3>
      );
    case "article":
      return (
        <h4 className="block__heading">
          <a href={`#${anchor}`} className="block__label">
            {block.label?.text}
          </a>{" "}
          <span lang={lang}>{block.text.text}</span>
          <Fallback from={block.text.fallbackFrom} />
        </h4>
      );
    default:
      return (
        <p className="block__text">
          {number}
          <span lang={lang}>{block.text.text}</span>
          <Fallback from={block.text.fallbackFrom} />
        </p>
      );
  }
}

/**
 * The draft, block by block. Every block carries data-block-id and an id to link to; list
 * items are grouped into lists. renderAfter puts a block's thread (and form) under it.
 */
export function DraftBlocks(props: {
  blocks: DraftBlock[];
  renderAfter: (block: DraftBlock) => ReactNode;
  commentLink: (block: DraftBlock) => string | null;
}) {
  const { t } = useTranslation("consultation");
  const groups: DraftBlock[][] = [];
  for (const block of props.blocks) {
    const last = groups.at(-1);
    if (block.kind === "list_item" && last && last[0].kind === "list_item") last.push(block);
    else groups.push([block]);
  }
  const renderBlock = (block: DraftBlock, Tag: "div" | "li") => {
    const link = props.commentLink(block);
    return (
      <Tag key={block.id} className={`block block--${block.kind}`} id={blockAnchor(block.key)} data-block-id={block.id}>
        <BlockBody block={block} />
        <div className="block__actions">
          <a href={`#${blockAnchor(block.key)}`} className="block__permalink" aria-label={t("draft.permalink", { label: blockName(block) })}>
            ¶
          </a>
          {block.commentCount > 0 ? (
            <a href={`#thread-${block.id}`} className="block__count">
              {t("comments.count", { count: block.commentCount, formatted: String(block.commentCount) })}
            </a>
          ) : null}
          {link ? (
            <Link to={link} preventScrollReset className="block__comment-link">
              {t("comments.comment_here")}
              <span className="visually-hidden"> {blockName(block)}</span>
            </Link>
          ) : null}
        </div>
        {props.renderAfter(block)}
      </Tag>
    );
  };
  return (
    <div className="draft__blocks">
      {groups.map((group) =>
        group[0].kind === "list_item" ? (
          <ul key={group[0].id} className="block-list">
            {group.map((b) => renderBlock(b, "li"))}
          </ul>
        ) : (
          <Fragment key={group[0].id}>{renderBlock(group[0], "div")}</Fragment>
        ),
      )}
    </div>
  );
}

/** Contents for long drafts: sections and articles, each linking to its anchor. */
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
