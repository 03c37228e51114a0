import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/ui/forms";
import { revokeAllSessions } from "~/modules/accounts/commands.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { listActiveSessions } from "~/modules/security/queries.server";
import { checkCsrf } from "~/utils/csrf.server";
import { readFormData } from "~/utils/form.server";
import { formatDateTime } from "~/utils/format";
import { getFixedT } from "~/utils/i18n.server";
import { requireLang } from "~/utils/lang.server";
import { clearSessionCookie, requireUser } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Kenes" }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUser(request, context, lang);
  const policy = context.app.config.session;
  const sessions = await listActiveSessions(context.app.db, user.id, policy);
  return json({
    lang,
    title: `${getFixedT(lang)("security:account.title")} · Kenes`,
    idleDays: Math.max(1, Math.round(policy.idleMinutes / 1440)),
    maxDays: policy.maxDays,
    sessions: sessions.map((s) => ({ current: s.id === user.sessionId, createdAt: s.created_at.toISOString(), lastSeenAt: s.last_seen_at.toISOString() })),
  });
}

/** "Sign out everywhere": revokes every session of the account, this one included. */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const form = await readFormData(request);
  if (await checkCsrf(request, form, context)) throw new Response("Forbidden", { status: 403 });
  const user = await requireUser(request, context, lang);
  if (form.get("intent") !== "sign_out_everywhere") return json({ error: "errors.csrf" }, { status: 400 });
  const count = await revokeAllSessions(context.app.db, user.id);
  await recordAudit(context.app.db, { actorId: user.id, action: "auth.logout_everywhere", subject: `user:${user.id}`, data: { sessions: count } });
  return redirect(`/${lang}/login?signedOut=${count}`, { status: 303, headers: { "Set-Cookie": await clearSessionCookie(context) } });
}

export default function AccountSessions() {
  const { t } = useTranslation("security");
  const { lang, sessions, idleDays, maxDays } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>{t("account.title")}</h1>
      <p className="lead">{t("account.intro", { idleDays, maxDays })}</p>
      <table className="data-table">
        <caption>{t("account.sessions_caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("account.this_device")}</th>
            <th scope="col">{t("account.signed_in_at")}</th>
            <th scope="col">{t("account.last_seen_at")}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s, i) => (
            <tr key={i}>
              <td>{s.current ? t("account.current") : t("account.other")}</td>
              <td>{formatDateTime(lang, s.createdAt)}</td>
              <td>{formatDateTime(lang, s.lastSeenAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Form method="post" className="stack">
        <CsrfInput />
        <p className="hint" id="sign-out-everywhere-help">
          {t("account.sign_out_everywhere_help")}
        </p>
        <button type="submit" name="intent" value="sign_out_everywhere" className="button" aria-describedby="sign-out-everywhere-help">
          {t("account.sign_out_everywhere")}
        </button>
      </Form>
    </div>
  );
}
