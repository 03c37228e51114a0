import { readFormData } from "~/utils/form.server";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput, FieldError, FormError } from "~/components/ui/forms";
import { PASSWORD_MIN, registerSchema } from "~/modules/accounts/accounts.schema";
import { createSession, registerUser } from "~/modules/accounts/commands.server";
import { RATE_LIMITED_ERROR, applyRateLimit, clientAddress, retryAfterHeaders } from "~/modules/security/rate-limit.server";
import { checkCsrf } from "~/utils/csrf.server";
import { getFixedT } from "~/utils/i18n.server";
import { requireLang } from "~/utils/lang.server";
import { getCurrentUser, safeNext, sessionCookie } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Kenes" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  if (await getCurrentUser(request, context)) throw redirect(`/${lang}/consultations`);
  return json({ title: `${getFixedT(lang)("auth.register_title")} · Kenes` });
}

type Field = "email" | "password" | "name" | "organizationName" | "bin" | "form";
interface ActionData {
  errors: Partial<Record<Field, string>>;
  values: { email: string; name: string; asNgo: boolean; organizationName: string; bin: string };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const form = await readFormData(request);
  const str = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : "");
  // The password is never sent back; everything else is, so nothing typed is lost.
  const values = { email: str("email"), name: str("name"), asNgo: form.get("asNgo") === "on", organizationName: str("organizationName"), bin: str("bin") };
  const fail = (status: number, errors: ActionData["errors"], headers: Record<string, string> = {}) => json<ActionData>({ errors, values }, { status, headers });
  if (await checkCsrf(request, form, context)) return fail(403, { form: "errors.csrf" });
  const parsed = registerSchema.safeParse({ ...values, asNgo: values.asNgo, password: str("password") });
  if (!parsed.success) {
    const errors: ActionData["errors"] = {};
    for (const issue of parsed.error.issues) errors[(issue.path[0] as Field) ?? "form"] ??= issue.message;
    return fail(400, errors);
  }
  // Counted once the form is valid: typos cost nothing, a script creating accounts is slowed.
  const limited = await applyRateLimit(context, "signupIp", clientAddress(context));
  if (!limited.allowed) return fail(429, { form: RATE_LIMITED_ERROR }, retryAfterHeaders(limited));
  const result = await registerUser(context.app.db, parsed.data, lang);
  if (!result.ok) return fail(409, { [result.field]: result.error });
  const sessionId = await createSession(context.app.db, result.userId, context.app.config.session.maxDays);
  const next = safeNext(new URL(request.url).searchParams.get("next"), lang);
  return redirect(next, { status: 303, headers: { "Set-Cookie": await sessionCookie(context, sessionId) } });
}

export default function Register() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [asNgo, setAsNgo] = useState(data?.values.asNgo ?? false);
  const e = data?.errors ?? {};
  const described = (field: Field) => (e[field] ? { "aria-invalid": true, "aria-describedby": `${field}-error` } : {});
  const next = searchParams.get("next");
  return (
    <div className="narrow">
      <h1>{t("auth.register_title")}</h1>
      <p className="lead">{t("auth.register_intro")}</p>
      <Form method="post" className="stack" noValidate>
        <CsrfInput />
        <FormError error={e.form} />
        <label htmlFor="name">{t("auth.name")}</label>
        <input id="name" name="name" autoComplete="name" defaultValue={data?.values.name} required maxLength={120} {...described("name")} />
        <FieldError id="name-error" error={e.name} />
        <label htmlFor="email">{t("auth.email")}</label>
        <input id="email" name="email" type="email" autoComplete="email" defaultValue={data?.values.email} required {...described("email")} />
        <FieldError id="email-error" error={e.email} />
        <label htmlFor="password">{t("auth.password")}</label>
        <input id="password" name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN} {...described("password")} />
        <p className="hint">{t("auth.password_help", { min: PASSWORD_MIN })}</p>
        <FieldError id="password-error" error={e.password} />
        <fieldset className="ngo-fieldset">
          <legend>{t("auth.ngo_legend")}</legend>
          <label className="checkbox">
            <input type="checkbox" name="asNgo" defaultChecked={asNgo} onChange={(ev) => setAsNgo(ev.currentTarget.checked)} />
            {t("auth.as_ngo")}
          </label>
          {/* Shown without JavaScript too: the server ignores these fields unless the box is ticked. */}
          <div className={asNgo ? "" : "ngo-fields--collapsed"}>
            <label htmlFor="organizationName">{t("auth.organization_name")}</label>
            <input id="organizationName" name="organizationName" defaultValue={data?.values.organizationName} maxLength={300} {...described("organizationName")} />
            <FieldError id="organizationName-error" error={e.organizationName} />
            <label htmlFor="bin">{t("auth.bin")}</label>
            <input id="bin" name="bin" inputMode="numeric" pattern="[0-9]{12}" maxLength={12} defaultValue={data?.values.bin} {...described("bin")} />
            <p className="hint">{t("auth.bin_help")}</p>
            <FieldError id="bin-error" error={e.bin} />
          </div>
        </fieldset>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("auth.register_submit")}
        </button>
      </Form>
      <p>
        {t("auth.have_account")} <Link to={`../login${next ? `?next=${encodeURIComponent(next)}` : ""}`} relative="path">{t("auth.login_link")}</Link>
      </p>
    </div>
  );
}
