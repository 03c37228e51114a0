/**
 * The draft page's body, assembled from cached block fragments (ADR 0066): only blocks whose
 * thread changed since their fragment was made are loaded and rendered again; the rest is string
 * concatenation. The block whose comment form is open is left out of the islands and returned
 * for React to render live, with the reader's own state.
 */
import type { AppLoadContext } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import { flatString } from "~/utils/flat-string.server";
import { I18nextProvider } from "react-i18next";
import { LRUCache } from "lru-cache";
import type { Db } from "~db/database.server";
import type { Lang, Localized } from "~db/schema";
import type { CurrentUser } from "~/modules/accounts/queries.server";
import { loadAnnotatedDraft, type AnnotatedBlock } from "~/modules/comments/annotated-draft.server";
import { versionBlockCounters } from "~/modules/comments/counters.server";
import type { CommentView } from "~/modules/comments/queries.server";
import { supportedBy } from "~/modules/comments/version-threads.server";
import { versionBlocks } from "~/modules/documents/queries.server";
import { anchorKinds } from "~/modules/lots/queries.server";
import { presentWithAnswers } from "~/modules/responses/present.server";
import { ensureCsrfToken } from "~/utils/csrf.server";
import { pickLocalized } from "~/utils/i18n";
import { i18nFor } from "~/utils/i18n.server";
import { island } from "~/utils/islands.server";
import { TableOfContents, type TocEntry } from "./TableOfContents";
import { cachedFragment, fragmentKey, personalize, renderBlockFragments, storeFragment, supportableIds, type PageEnv, type Viewer } from "./draft-fragments.server";

export interface DraftIslandsInput {
  request: Request;
  consultationId: string;
  versionId: string;
  published: boolean;
  lang: Lang;
  /** The page's path, /{lang}/consultations/{slug}. */
  here: string;
  open: boolean;
  user: CurrentUser | undefined;
  formKey: string;
  /** The block whose comment form is open (?comment_on=, or a refused post). */
  commentOn: string | null;
  loginHref: string;
}

const isLotAnchor = (kind: string) => (anchorKinds as readonly string[]).includes(kind);

/** Published answers ride along with each comment (the similar-comments badge is on the thread pages: it changes with other blocks). */
function answersOf(db: Db, consultationId: string, lang: Lang) {
  return async (views: CommentView[]) => new Map((await presentWithAnswers(db, consultationId, views, lang)).map((p) => [p.id, { response: p.response, similarCount: null }]));
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

const tocCache = new LRUCache<string, string>({ max: 256 });

export async function draftIslands(db: Db, context: AppLoadContext, input: DraftIslandsInput) {
  const { lang } = input;
  // A shared render is anonymous; a signed-in reader's page fills a member fragment.
  const member = !!input.user && !context.shared;
  const [rows, counters] = await Promise.all([versionBlocks(db, input.versionId, input.published), versionBlockCounters(db, input.versionId)]);
  const blocks = rows.filter((r) => !isLotAnchor(r.kind));
  const focusId = input.open && input.commentOn && blocks.some((b) => b.id === input.commentOn) ? input.commentOn : null;
  const env: PageEnv = { lang, path: input.here, base: input.here, loginHref: input.loginHref, open: input.open };
  const enrich = answersOf(db, input.consultationId, lang);

  const keys = new Map(blocks.map((b) => [b.id, fragmentKey(b.id, counters.get(b.id)?.seq ?? "0", env, member)]));
  const fragments = new Map(blocks.map((b) => [b.id, cachedFragment(keys.get(b.id)!)]));
  const missing = blocks.filter((b) => b.id !== focusId && !fragments.get(b.id)).map((b) => b.id);
  if (missing.length) {
    const loaded = await loadAnnotatedDraft(db, { consultationId: input.consultationId, versionId: input.versionId, lang, userId: null, published: input.published, enrich, blockIds: missing });
    for (const [id, fragment] of await renderBlockFragments(loaded.blocks, env, member)) {
      storeFragment(keys.get(id)!, fragment);
      fragments.set(id, fragment);
    }
  }

  let viewer: Viewer = { kind: "anonymous" };
  if (member) {
    const [csrf, supported] = await Promise.all([ensureCsrfToken(input.request, context), supportedBy(db, input.user!.id, supportableIds([...fragments.values()].filter((f) => !!f)))]);
    viewer = { kind: "member", csrfToken: csrf.token, formKey: input.formKey, supported };
  }
  const focusIndex = focusId ? blocks.findIndex((b) => b.id === focusId) : blocks.length;
  const join = (part: typeof blocks) => part.map((b) => (fragments.get(b.id) ? personalize(fragments.get(b.id)!, viewer) : "")).join("");

  const [focus, orphans] = await Promise.all([
    focusId
      ? loadAnnotatedDraft(db, { consultationId: input.consultationId, versionId: input.versionId, lang, userId: input.user?.id ?? null, published: input.published, enrich, blockIds: [focusId] }).then((d) => d.blocks[0] ?? null)
      : Promise.resolve<AnnotatedBlock | null>(null),
    loadAnnotatedDraft(db, { consultationId: input.consultationId, versionId: input.versionId, lang, userId: input.user?.id ?? null, published: input.published, enrich, blockIds: "orphans" }),
  ]);

  // Contents: sections and articles with their visible counts; changes when any thread does.
  let newest = 0n;
  for (const c of counters.values()) if (BigInt(c.seq) > newest) newest = BigInt(c.seq);
  const tocKey = `${input.versionId}|${lang}|${newest}`;
  let toc = tocCache.get(tocKey);
  if (toc === undefined) {
    const entries: TocEntry[] = blocks.map((b) => {
      const label = b.label ? pickLocalized(b.label as Localized, lang) : null;
      return { id: b.id, key: b.lineage_key, kind: b.kind, label: label ? { text: label.text } : null, text: shorten(pickLocalized(b.text as Localized, lang).text, 120), commentCount: counters.get(b.id)?.visible ?? 0 };
    });
    toc = flatString(
      renderToStaticMarkup(
        <I18nextProvider i18n={i18nFor(lang)}>
          <TableOfContents entries={entries} />
        </I18nextProvider>,
      ),
    );
    tocCache.set(tocKey, toc);
  }

  return {
    islands: {
      before: island(context, "draft-blocks", join(blocks.slice(0, focusIndex))),
      after: focusId ? island(context, "draft-blocks-after", join(blocks.slice(focusIndex + 1))) : null,
      focus,
    },
    toc: island(context, "draft-toc", toc),
    orphaned: orphans.orphaned,
    blockCount: blocks.length,
  };
}
