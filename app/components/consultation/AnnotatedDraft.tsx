/**
 * The draft as server-rendered, sanitized HTML block by block, with annotations highlighted
 * (<mark data-annotation-id>), a count in each block's margin, the block's thread under it,
 * and the annotation panel the selection opens. Readable and commentable without JavaScript.
 */
import { Link, useLocation, useNavigate, useSubmit } from "@remix-run/react";
import { useEffect, useRef, type FormEvent, type KeyboardEvent, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import type { BlockKind, Lang } from "~db/schema";
import { languageNames } from "~/utils/i18n";
import type { AnnotatedBlock } from "~/modules/comments/comment-views";
import { AnnotationPanel, failedAnnotationOf, type AnnotationFailure } from "./AnnotationPanel";
import { CommentForm } from "./CommentForm";

export type { AnnotationFailure };
import { CommentThread, type ThreadComment } from "./CommentThread";
import { blockAnchor } from "./TableOfContents";
import { useTextSelection } from "./useTextSelection";
import { ServerHtml } from "~/components/ui/ServerHtml";



function BlockContent({ block }: { block: AnnotatedBlock }) {
  const { t } = useTranslation();
  const anchor = blockAnchor(block.key);
  const text = <div className="block__content" data-block-text="" lang={block.fallbackFrom} dangerouslySetInnerHTML={{ __html: block.html }} />;
  const fallback = block.fallbackFrom ? <p className="fallback-note">({t("content.shown_in", { language: languageNames[block.fallbackFrom] })})</p> : null;
  if (block.kind === "article") {
    return (
      <div className="block__article-head">
        <a href={`#${anchor}`} className="block__label block__number">
          {block.label?.text}
        </a>
        {text}
        {fallback}
      </div>
    );
  }
  return (
    <>
      {block.label?.text ? <span className="block__number">{block.label.text} </span> : null}
      {text}
      {fallback}
    </>
  );
}

/** What a block's markup needs besides the block: the same on the page and in its cached fragment. */
export interface DraftBlockProps {
  block: AnnotatedBlock;
  lang: Lang;
  open: boolean;
  formKey: string;
  loginHref: string;
  /** The page's own path (/{lang}/consultations/{slug}), for the links to whole threads. */
  base: string;
  /** Show the block's ordinary comment form (?comment_on=, or its refused submission). */
  showForm?: boolean;
  failure?: AnnotationFailure;
  /** The page's action (`{base}?index`), named explicitly so a cached fragment's forms post there. */
  formAction?: string;
}

/**
 * One block of the draft: its text with highlights, the margin actions, its latest comments and
 * the link to the whole thread. Rendered into a cached HTML fragment for every reader (the
 * draft's islands, ADR 0066), and by React only for the block whose form is open.
 */
export function DraftBlock({ block, lang, open, formKey, loginHref, base, showForm, failure, formAction }: DraftBlockProps) {
  const { t } = useTranslation("consultation");
  const { t: ta } = useTranslation("annotations");
  const actions = { open, formKey, loginHref, formAction };
  const annotations = block.annotationCount;
  return (
    <div className={`block block--${block.kind}`} id={blockAnchor(block.key)} data-block-id={block.id}>
      <BlockContent block={block} />
      <div className="block__actions" data-plain-skip="">
        <a href={`#${blockAnchor(block.key)}`} className="block__permalink" aria-label={t("draft.permalink", { label: block.name })}>
          ¶
        </a>
        {block.total > 0 ? (
          <a href={`#thread-${block.id}`} className="block__count" data-testid="block-count">
            {t("comments.count", { count: block.total, formatted: String(block.total) })}
            {annotations > 0 ? ` · ${ta("count", { count: annotations })}` : ""}
          </a>
        ) : null}
        {open ? (
          <Link to={`?comment_on=${block.id}#form-${block.id}`} preventScrollReset className="block__comment-link">
            {t("comments.comment_here")}
            <span className="visually-hidden"> {block.name}</span>
          </Link>
        ) : null}
      </div>
      {block.comments.length > 0 || showForm || failure ? (
        <div className="block-thread" id={`thread-${block.id}`}>
          {block.comments.length > 0 ? <CommentThread comments={block.comments} lang={lang} actions={actions} /> : null}
          {block.total > block.comments.length ? (
            <p className="block-thread__more">
              <Link to={`${base}/comments?block=${block.id}`} data-testid="show-all">
                {t("comments.show_all", { count: block.total })}
                <span className="visually-hidden"> {block.name}</span>
              </Link>
            </p>
          ) : null}
          {showForm || failure ? (
            <CommentForm
              action={formAction}
              id={`form-${block.id}`}
              blockId={block.id}
              idempotencyKey={`${formKey}-${block.id.slice(0, 8)}`}
              legend={t("comments.form_block", { label: block.name })}
              defaultBody={failure?.values.body}
              errors={failure?.errors}
              loginHref={loginHref}
              quote={{ mode: "text", defaultExact: failure?.values.exact }}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** The draft's blocks as islands of cached HTML, with the one block whose form is open rendered live. */
export interface DraftIslands {
  /** The blocks before the focused one (all of them when none is), or null when the HTML is in the document already. */
  before: string | null;
  after: string | null;
  /** The block whose comment form is open, rendered by React. */
  focus: AnnotatedBlock | null;
}

export function AnnotatedDraft(props: {
  islands: DraftIslands;
  lang: Lang;
  open: boolean;
  formKey: string;
  loginHref: string;
  base: string;
  failure?: AnnotationFailure;
}) {
  const container = useRef<HTMLDivElement>(null);
  const { selection, clear } = useTextSelection(container);
  const location = useLocation();
  const navigate = useNavigate();
  const submit = useSubmit();
  const failure = props.failure;
  const failedAnnotation = failedAnnotationOf(failure);
  const focus = props.islands.focus;
  const focusFailure = focus && failure && failure.values.blockId === focus.id && !failedAnnotation && !failure.values.parentId ? failure : undefined;

  // A successful post navigates (notice=comment_posted): the panel closes.
  useEffect(() => {
    if (location.search.includes("notice=")) clear();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.key]);

  const activate = (target: EventTarget | null) => {
    const mark = (target as HTMLElement | null)?.closest?.("mark[data-annotation-id]");
    if (!mark) return false;
    const id = mark.getAttribute("data-annotation-id");
    if (!id) return false;
    const item = document.getElementById(`comment-${id}`);
    // Only a block's latest comments are on the page: an older annotation opens its own page.
    if (!item) {
      navigate(`/${props.lang}/comments/${id}`);
      return true;
    }
    document.querySelectorAll(".comment.is-active").forEach((e) => e.classList.remove("is-active"));
    item.classList.add("is-active");
    item.setAttribute("tabindex", "-1");
    item.scrollIntoView({ block: "center" });
    item.focus({ preventScroll: true });
    window.history.replaceState(window.history.state, "", `#comment-${id}`);
    return true;
  };
  const onClick = (event: MouseEvent) => {
    // A click that ends a selection is not an activation.
    if (window.getSelection()?.isCollapsed === false) return;
    if (activate(event.target)) return;
    // Links inside the islands are plain anchors: same-site ones navigate without a reload.
    const link = (event.target as HTMLElement | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
    if (!link || !link.closest("[data-island]") || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const href = link.getAttribute("href") ?? "";
    if (href.startsWith("#") || link.target || /^[a-z]+:/i.test(href) || href.startsWith("//")) return;
    event.preventDefault();
    navigate(href, { preventScrollReset: href.startsWith("?") });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.key === "Enter" || event.key === " ") && activate(event.target)) event.preventDefault();
  };
  // Forms inside the islands (support, replies) are plain forms: submit them through Remix, as <Form> would.
  const onSubmit = (event: FormEvent) => {
    const form = event.target as HTMLFormElement;
    if (!form.closest("[data-island]") || event.defaultPrevented) return;
    event.preventDefault();
    submit(form, { method: "post", preventScrollReset: true });
  };
  // Alt+Shift+A opens the panel for a keyboard selection: focus the comment box.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.altKey && event.shiftKey && event.key.toLowerCase() === "a") document.getElementById("form-annotate-body")?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div className="draft__blocks draft__blocks--annotated" ref={container} onClick={onClick} onKeyDown={onKeyDown} onSubmit={onSubmit}>
      <ServerHtml id="draft-blocks" html={props.islands.before} className="draft__island" data-island="" />
      {focus ? (
        <>
          <DraftBlock block={focus} lang={props.lang} open={props.open} formKey={props.formKey} loginHref={props.loginHref} base={props.base} showForm={props.open} failure={focusFailure} />
          <ServerHtml id="draft-blocks-after" html={props.islands.after} className="draft__island" data-island="" />
        </>
      ) : null}
      {props.open ? <AnnotationPanel selection={selection} clear={clear} failure={failure} formKey={props.formKey} loginHref={props.loginHref} /> : null}
    </div>
  );
}

/** Annotations whose words are gone from this version: kept and shown with their original quote. */
export function OrphanedAnnotations({ comments, lang, open, formKey, loginHref }: { comments: ThreadComment[]; lang: Lang; open: boolean; formKey: string; loginHref: string }) {
  const { t } = useTranslation("annotations");
  if (comments.length === 0) return null;
  return (
    <section className="orphaned" aria-labelledby="orphaned-title">
      <h2 id="orphaned-title">{t("orphaned_title", { count: comments.length })}</h2>
      <p className="hint">{t("orphaned_help")}</p>
      <CommentThread comments={comments} lang={lang} actions={{ open, formKey, loginHref }} />
    </section>
  );
}
