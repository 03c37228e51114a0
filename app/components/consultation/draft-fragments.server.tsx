/**
 * The draft's blocks rendered once into HTML fragments (ADR 0066), shared by every reader:
 * a block's fragment changes only when its thread's change number (block_stats.seq) does.
 *
 * A fragment is rendered by the same DraftBlock component the page uses, inside a static
 * router whose "root" data stands for a viewer: nobody (anonymous readers) or a signed-in
 * member whose CSRF token and form key are placeholders. Per request, a member's page fills the
 * placeholders and swaps in the pressed +1 buttons of the comments they support — plain string
 * work on cached text, no React. Nothing of a particular user is ever in a cached fragment.
 */
import { randomBytes } from "node:crypto";
import { createContext, useContext, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { flatString } from "~/utils/flat-string.server";
import { I18nextProvider } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server.js";
import { LRUCache } from "lru-cache";
import type { Lang } from "~db/schema";
import type { AnnotatedBlock } from "~/modules/comments/annotated-draft.server";
import type { ThreadComment } from "~/modules/comments/comment-views";
import { i18nFor } from "~/utils/i18n.server";
import type { RootData } from "~/utils/use-page";
import { DraftBlock } from "./AnnotatedDraft";
import { SupportForm, type ThreadActions } from "./CommentThread";

// Placeholders no reader can type (fresh per process), filled per request for a member.
const CSRF_SLOT = `csrf-${randomBytes(12).toString("hex")}`;
const FORM_KEY_SLOT = `fk-${randomBytes(12).toString("hex")}`;

export type Viewer = { kind: "anonymous" } | { kind: "member"; csrfToken: string; formKey: string; supported: ReadonlySet<string> };

export interface PageEnv {
  lang: Lang;
  /** The page's path, so relative links and form actions resolve as on the page itself. */
  path: string;
  base: string;
  loginHref: string;
  open: boolean;
}

/** Nobody signed in can post (the server refuses it before looking at the key): one fixed key. */
const ANONYMOUS_FORM_KEY = "shared-render";

export interface BlockFragment {
  html: string;
  /** Member fragments: each shown comment's +1 form as rendered (not supported) and pressed. */
  supportForms: Map<string, { plain: string; pressed: string }>;
  bytes: number;
}

const Current = createContext<ReactElement | null>(null);
function CurrentElement() {
  return useContext(Current);
}

/** Renders elements as the page would, for one kind of viewer, without Remix (also the thread page's list). */
export async function staticRenderer(env: PageEnv, member: boolean) {
  const rootData: RootData & { i18nUrl: string } = {
    lang: env.lang,
    csrfToken: member ? CSRF_SLOT : "",
    // What a fragment needs of a member is only that there is one: no name, no id.
    user: member ? { id: "viewer", name: "", role: "citizen", organizationId: null, organizationName: null } : null,
    i18nUrl: "",
  };
  const handler = createStaticHandler([{ id: "root", path: "*", loader: () => rootData, element: <CurrentElement /> }]);
  const context = await handler.query(new Request(new URL(env.path, "http://kenes.invalid")));
  if (context instanceof Response) throw new Error("fragment router redirected");
  const router = createStaticRouter(handler.dataRoutes, context);
  const i18n = i18nFor(env.lang);
  return (element: ReactElement) =>
    renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <Current.Provider value={element}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </Current.Provider>
      </I18nextProvider>,
    );
}

function allComments(comments: ThreadComment[]): ThreadComment[] {
  return comments.flatMap((c) => [c, ...allComments(c.replies)]);
}

/** Renders the fragments of the given blocks for anonymous readers or for members. */
export async function renderBlockFragments(blocks: AnnotatedBlock[], env: PageEnv, member: boolean): Promise<Map<string, BlockFragment>> {
  const out = new Map<string, BlockFragment>();
  if (blocks.length === 0) return out;
  const render = await staticRenderer(env, member);
  const formKey = member ? FORM_KEY_SLOT : ANONYMOUS_FORM_KEY;
  const formAction = `${env.base}?index`;
  const actions: ThreadActions = { open: env.open, formKey, loginHref: env.loginHref, formAction };
  for (const block of blocks) {
    // Nobody's +1 is pressed in a fragment; a member's page presses theirs.
    const neutral = { ...block, comments: block.comments.map(function unpress(c): ThreadComment { return { ...c, supportedByMe: false, replies: c.replies.map(unpress) }; }) };
    const html = flatString(render(<DraftBlock block={neutral} lang={env.lang} open={env.open} formKey={formKey} loginHref={env.loginHref} base={env.base} formAction={formAction} />));
    const supportForms = new Map<string, { plain: string; pressed: string }>();
    if (member && env.open) {
      for (const c of allComments(neutral.comments)) {
        if (c.status !== "visible") continue;
        const plain = render(<SupportForm comment={c} actions={actions} lang={env.lang} />);
        if (!html.includes(plain)) continue;
        supportForms.set(c.id, { plain: flatString(plain), pressed: flatString(render(<SupportForm comment={{ ...c, supportedByMe: true }} actions={actions} lang={env.lang} />)) });
      }
    }
    let bytes = html.length * 2;
    for (const f of supportForms.values()) bytes += (f.plain.length + f.pressed.length) * 2;
    out.set(block.id, { html, supportForms, bytes });
  }
  return out;
}

/** The ids of the comments whose +1 a member's page may press. */
export function supportableIds(fragments: Iterable<BlockFragment>): string[] {
  const ids: string[] = [];
  for (const f of fragments) ids.push(...f.supportForms.keys());
  return ids;
}

/** A fragment as one viewer sees it: a member's placeholders filled and their +1s pressed. */
export function personalize(fragment: BlockFragment, viewer: Viewer): string {
  if (viewer.kind === "anonymous") return fragment.html;
  let html = fragment.html;
  for (const [id, forms] of fragment.supportForms) if (viewer.supported.has(id)) html = html.replace(forms.plain, forms.pressed);
  return html.replaceAll(CSRF_SLOT, viewer.csrfToken).replaceAll(FORM_KEY_SLOT, viewer.formKey);
}

/** Fragments of every process's readers, bounded by size; keyed by block, thread number and page. */
const cache = new LRUCache<string, BlockFragment>({ maxSize: 64 * 2 ** 20, sizeCalculation: (f) => Math.max(1, f.bytes) });

export function fragmentKey(blockId: string, seq: string, env: PageEnv, member: boolean): string {
  return `${blockId}|${seq}|${env.lang}|${env.open ? 1 : 0}|${member ? "m" : "a"}|${env.base}`;
}

export function cachedFragment(key: string): BlockFragment | undefined {
  return cache.get(key);
}

export function storeFragment(key: string, fragment: BlockFragment): void {
  cache.set(key, fragment);
}
