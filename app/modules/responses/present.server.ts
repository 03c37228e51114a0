/** Comments as pages show them, with their published answers and similar-comment group sizes. */
import type { Db } from "~db/database.server";
import type { Lang } from "~db/schema";
import type { CommentItem } from "~/modules/comments/comment-views";
import { presentComment } from "~/modules/comments/present.server";
import type { CommentView } from "~/modules/comments/queries.server";
import { pickLocalized } from "~/utils/i18n";
import { publishedResponses } from "./queries.server";
import { similarGroupsOf } from "./similarity-store.server";

export async function presentWithAnswers(db: Db, consultationId: string, comments: CommentView[], lang: Lang): Promise<CommentItem[]> {
  const ids = comments.map((c) => c.id);
  const [responses, groups] = await Promise.all([publishedResponses(db, consultationId, ids), similarGroupsOf(db, ids)]);
  return comments.map((c) => {
    const item = presentComment(c, lang);
    const r = responses.get(c.id);
    const shown = r ? pickLocalized(r.justification, lang) : null;
    return {
      ...item,
      response: r && shown ? { status: r.status, justification: { text: shown.text, fallbackFrom: shown.fallbackFrom }, respondedAt: r.respondedAt.toISOString() } : null,
      similarCount: c.status === "visible" ? groups.get(c.id)?.size ?? null : null,
    };
  });
}
