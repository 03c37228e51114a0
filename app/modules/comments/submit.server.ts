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
import type { CommentFormErrors } from "./comment-views";
import { annotationFieldsSchema, commentFormSchema, supportFormSchema } from "./comment.schema";
import { postComment, setSupport } from "./commands.server";

export interface CommentActionData {
  errors: CommentFormErrors;
  values: { body: string; blockId: string | null; exact?: string; prefix?: string; suffix?: string; start?: string; end?: string; parentId?: string | null };
}

const text = (form: FormData, name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : "");

/** The support (+1) form: intent=support, commentId, support=1|0. */
async function handleSupport(args: { request: Request; form: FormData; context: AppLoadContext; returnTo: string }) {
  const { request, form, context } = args;
  const values = { body: "", blockId: null };
  const fail = (status: number, errors: CommentFormErrors) => json<CommentActionData>({ errors, values }, { status });
  // Signed out first: an anonymous post changes nothing, and its page may be a shared render
  // without a CSRF token (ADR 0060) — tell the reader to sign in rather than "form expired".
  const user = await getCurrentUser(request, context);
  if (!user) return fail(401, { form: "errors.sign_in_required" });
  if (await checkCsrf(request, form, context)) return fail(403, { form: "errors.csrf" });
  const parsed = supportFormSchema.safeParse({ commentId: text(form, "commentId"), support: text(form, "support") || undefined });
  if (!parsed.success) return fail(400, { form: "errors.not_found" });
  const result = await setSupport(context.app.db, { commentId: parsed.data.commentId, userId: user.id, support: parsed.data.support === "1" });
  if (!result.ok) return fail(result.error === "errors.not_found" ? 404 : 409, { form: result.error });
  const separator = args.returnTo.includes("?") ? "&" : "?";
  return redirect(`${args.returnTo}${separator}notice=${parsed.data.support === "1" ? "supported" : "support_removed"}#comment-${parsed.data.commentId}`, 303);
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
  if (form.get("intent") === "support") return handleSupport(args);
  const rawBody = text(form, "body");
  const rawBlock = text(form, "blockId");
  const rawParent = text(form, "parentId");
  const values = {
    body: rawBody,
    blockId: rawBlock === "" ? null : rawBlock,
    exact: text(form, "exact"),
    prefix: text(form, "prefix"),
    suffix: text(form, "suffix"),
    start: text(form, "start"),
    end: text(form, "end"),
    parentId: rawParent === "" ? null : rawParent,
  };
  const fail = (status: number, errors: CommentFormErrors, headers: Record<string, string> = {}) => json<CommentActionData>({ errors, values }, { status, headers });

  // Signed out first: an anonymous post changes nothing, and its page may be a shared render
  // without a CSRF token (ADR 0060) — tell the reader to sign in and keep the text.
  const user = await getCurrentUser(request, context);
  if (!user) return fail(401, { form: "errors.sign_in_required" });
  const csrf = await checkCsrf(request, form, context);
  if (csrf) return fail(403, { form: "errors.csrf" });

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
  const anchor = annotationFieldsSchema.safeParse({ exact: values.exact, prefix: values.prefix, suffix: values.suffix, start: values.start, end: values.end, parentId: rawParent });
  if (!anchor.success) {
    const issue = anchor.error.issues[0];
    return fail(400, issue.path[0] === "parentId" ? { form: issue.message } : { exact: issue.message });
  }
  const a = anchor.data;
  const result = await postComment(context.app.db, {
    consultationId: args.consultationId,
    blockId: parsed.data.blockId,
    body: parsed.data.body,
    lang,
    authorId: user.id,
    organizationId: user.organizationId,
    idempotencyKey: parsed.data.idempotencyKey,
    selector: a.exact !== "" ? { exact: a.exact, prefix: a.prefix, suffix: a.suffix, start: a.start, end: a.end } : null,
    parentId: a.parentId,
    pseudonymous: form.get("pseudonymous") === "1",
  });
  if (!result.ok) {
    const conflict = result.error === "errors.consultation_closed" || result.error === "errors.consultation_planned" || result.error === "errors.consultation_not_found";
    return fail(conflict ? 409 : 400, { [result.field]: result.error });
  }
  const separator = args.returnTo.includes("?") ? "&" : "?";
  return redirect(`${args.returnTo}${separator}notice=comment_posted#comment-${result.id}`, 303);
}
