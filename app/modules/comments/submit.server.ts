/**
 * The comment form's server side, shared by every page that shows the form: CSRF, sign-in,
 * validation, then postComment. Returns what the page shows: a redirect or the errors with
 * the text as typed.
 */
import { json, redirect, type AppLoadContext } from "@remix-run/node";
import type { Lang } from "~db/schema";
import { RATE_LIMITED_ERROR, applyRateLimit, retryAfterHeaders } from "~/modules/security/rate-limit.server";
import { checkCsrf } from "~/utils/csrf.server";
import { getCurrentUser } from "~/utils/session.server";
import type { CommentFormErrors } from "~/components/consultation/CommentForm";
import { commentFormSchema } from "./comment.schema";
import { postComment } from "./commands.server";

export interface CommentActionData {
  errors: CommentFormErrors;
  values: { body: string; blockId: string | null };
}

export async function handleCommentSubmission(args: {
  request: Request;
  form: FormData;
  context: AppLoadContext;
  lang: Lang;
  consultationId: string;
  /** Where to go after success; the new comment's anchor is appended. */
  returnTo: string;
}) {
  const { request, form, context, lang } = args;
  const rawBody = typeof form.get("body") === "string" ? (form.get("body") as string) : "";
  const rawBlock = typeof form.get("blockId") === "string" ? (form.get("blockId") as string) : "";
  const values = { body: rawBody, blockId: rawBlock === "" ? null : rawBlock };
  const fail = (status: number, errors: CommentFormErrors, headers: Record<string, string> = {}) => json<CommentActionData>({ errors, values }, { status, headers });

  const csrf = await checkCsrf(request, form, context);
  if (csrf) return fail(403, { form: "errors.csrf" });
  const user = await getCurrentUser(request, context);
  if (!user) return fail(401, { form: "errors.sign_in_required" });

  const parsed = commentFormSchema.safeParse({ body: rawBody, blockId: rawBlock, idempotencyKey: form.get("idempotencyKey") });
  if (!parsed.success) {
    const errors: CommentFormErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === "body") errors.body ??= issue.message;
      else if (field === "blockId") errors.blockId ??= issue.message;
      else errors.form ??= "errors.form_expired";
    }
    return fail(400, errors);
  }
  const limited = await applyRateLimit(context, "commentsUser", user.id);
  if (!limited.allowed) return fail(429, { form: RATE_LIMITED_ERROR }, retryAfterHeaders(limited));
  const result = await postComment(context.app.db, {
    consultationId: args.consultationId,
    blockId: parsed.data.blockId,
    body: parsed.data.body,
    lang,
    authorId: user.id,
    organizationId: user.organizationId,
    idempotencyKey: parsed.data.idempotencyKey,
    pseudonymous: form.get("pseudonymous") === "1",
  });
  if (!result.ok) return fail(result.error === "errors.block_unknown" ? 400 : 409, { [result.field]: result.error });
  const separator = args.returnTo.includes("?") ? "&" : "?";
  return redirect(`${args.returnTo}${separator}notice=comment_posted#comment-${result.id}`, 303);
}
