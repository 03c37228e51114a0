import { readFormData } from "~/utils/form.server";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConsultationFields } from "~/components/manage/ConsultationFields";
import { CsrfInput, FormError } from "~/components/ui/forms";
import { canManageForOrganization } from "~/modules/accounts/permissions";
import { listGovernmentBodies } from "~/modules/accounts/queries.server";
import { createConsultation } from "~/modules/consultations/commands.server";
import { parseConsultationForm, readConsultationForm } from "~/modules/consultations/form.server";
import { toKzDate } from "~/modules/consultations/rules";
import { checkCsrf } from "~/utils/csrf.server";
import { pickLocalized } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { requireStaff } from "~/utils/guards.server";
import { requireLang } from "~/utils/lang.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Kenes" }];

async function bodiesFor(context: Parameters<typeof requireStaff>[1], user: Awaited<ReturnType<typeof requireStaff>>, lang: "kk" | "ru" | "en") {
  const bodies = await listGovernmentBodies(context.app.db);
  return bodies.filter((b) => canManageForOrganization(user, b.id)).map((b) => ({ id: b.id, name: pickLocalized(b.name, lang).text }));
}

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireStaff(request, context, lang);
  const bodies = await bodiesFor(context, user, lang);
  const today = new Date();
  return json({
    title: `${getFixedT(lang)("manage:new.title")} · Kenes`,
    bodies,
    defaults: {
      organizationId: user.organizationId ?? bodies[0]?.id ?? "",
      opensOn: toKzDate(new Date(today.getTime() + 86_400_000)),
      closesOn: toKzDate(new Date(today.getTime() + 30 * 86_400_000)),
    },
  });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireStaff(request, context, lang);
  const form = await readFormData(request);
  const values = readConsultationForm(form);
  if (await checkCsrf(request, form, context)) return json({ values, errors: { form: "errors.csrf" } as Record<string, string> }, { status: 403 });
  const parsed = parseConsultationForm(values, context.app.config.periodRules);
  if (!parsed.ok) return json({ values, errors: parsed.errors }, { status: 400 });
  // The body is checked on the server: a staff member cannot create for another body by editing the form.
  if (!canManageForOrganization(user, parsed.input.organizationId)) return json({ values, errors: { organizationId: "errors.organization_invalid" } as Record<string, string> }, { status: 403 });
  const result = await createConsultation(context.app.db, parsed.input, user.id);
  if (!result.ok) return json({ values, errors: { [result.field]: result.error } as Record<string, string> }, { status: 409 });
  return redirect(`/${lang}/manage/consultations/${parsed.input.slug}?notice=created`, 303);
}

export default function NewConsultation() {
  const { bodies, defaults } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("manage");
  return (
    <>
      <h1>{t("new.title")}</h1>
      <p className="lead">{t("new.intro")}</p>
      <Form method="post" className="stack">
        <CsrfInput />
        <FormError error={data?.errors.form} ns="manage" />
        <ConsultationFields values={data?.values ?? defaults} errors={data?.errors ?? {}} bodies={bodies} slugEditable />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("new.submit")}
        </button>
      </Form>
    </>
  );
}
