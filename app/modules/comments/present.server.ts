/** Turns comment rows into what pages show, in the page's language. */
import type { Lang } from "~db/schema";
import type { CommentItem } from "./comment-views";
import { pickLocalized } from "~/utils/i18n";
import type { CommentView } from "./queries.server";

export function presentComment(c: CommentView, lang: Lang): CommentItem {
  return {
    id: c.id,
    body: c.body,
    lang: c.lang,
    status: c.status,
    statusReason: c.statusReason,
    authorName: c.author.name,
    organizationName: c.author.organization ? pickLocalized(c.author.organization.name, lang).text : null,
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt ? c.editedAt.toISOString() : null,
  };
}
