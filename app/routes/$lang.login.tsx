import { readFormData } from "~/utils/form.server";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput, FormError } from "~/components/ui/forms";
import { loginSchema } from "~/modules/accounts/accounts.schema";
import { authenticate, createSession } from "~/modules/accounts/commands.server";
import { RATE_LIMITED_ERROR, applyRateLimit, clientAddress, retryAfterHeaders } from "~/modules/security/rate-limit.server";
import { checkCsrf } from "~/utils/csrf.server";
import { getFixedT } from "~/utils/i18n.server";
import { requireLang } from "~/utils/lang.server";
import { getCurrentUser, safeNext, sessionCookie } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Kenes" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  if (await getCurrentUser(request, context)) throw redirect(safeNext(new URL(request.url).searchParams.get("next"), lang));
  return json({ title: `${getFixedT(lang)("auth.login_title")} · Kenes` });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const form = await readFormData(request);
  const email = typeof form.get("email") === "string" ? (form.get("email") as string) : "";
  const fail = (status: number, error: string, headers: Record<string, string> = {}) => json({ error, email }, { status, headers });
  if (await checkCsrf(request, form, context)) return fail(403, "errors.csrf");
  // Every attempt counts against the address; only failures against the account (checked first, counted below).
  const byIp = await applyRateLimit(context, "signinIp", clientAddress(context));
  const byAccount = byIp.allowed ? await applyRateLimit(context, "signinAccount", email.trim(), "check") : byIp;
  if (!byAccount.allowed) return fail(429, RATE_LIMITED_ERROR, retryAfterHeaders(byAccount));
  const parsed = loginSchema.safeParse({ email, password: form.get("password") ?? "" });
  // One message for an unknown e-mail and a wrong password: no hint which part was wrong.
  if (!parsed.success || parsed.data.email === "" || parsed.data.password === "") return fail(400, "errors.login_failed");
  const result = await authenticate(context.app.db, parsed.data.email, parsed.data.password);
  if (!result) {
    await applyRateLimit(context, "signinAccount", parsed.data.email);
    return fail(401, "errors.login_failed");
  }
  const sessionId = await createSession(context.app.db, result.userId, context.app.config.session.maxDays);
  return redirect(safeNext(new URL(request.url).searchParams.get("next"), lang), { status: 303, headers: { "Set-Cookie": await sessionCookie(context, sessionId) } });
}

export default function Login() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const next = searchParams.get("next");
  const signedOut = Number(searchParams.get("signedOut") ?? "");
  return (
    <div className="narrow">
      <h1>{t("auth.login_title")}</h1>
      {signedOut > 0 ? (
        <p className="notice" role="status">
          {t("security:account.signed_out_everywhere", { count: signedOut })}
        </p>
      ) : null}
      <Form method="post" className="stack">
        <CsrfInput />
        <FormError error={data?.error} />
        <label htmlFor="email">{t("auth.email")}</label>
        <input id="email" name="email" type="email" autoComplete="email" defaultValue={data?.email} required />
        <label htmlFor="password">{t("auth.password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("auth.login_submit")}
        </button>
      </Form>
      <p>
        {t("auth.no_account")} <Link to={`../register${next ? `?next=${encodeURIComponent(next)}` : ""}`} relative="path">{t("auth.register_link")}</Link>
      </p>
    </div>
  );
}
