/** The lots of a specification, linked from its draft page. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang, Localized } from "~db/schema";
import { LocalizedText } from "~/components/ui/LocalizedText";
import { formatMoney } from "~/utils/format";

export function LotLinks({ lots, lang, slug }: { lots: { code: string; title: Localized; amountKzt: number }[]; lang: Lang; slug: string }) {
  const { t } = useTranslation("lots");
  if (lots.length === 0) return null;
  return (
    <section className="lot-links" aria-labelledby="lot-links-title">
      <h2 id="lot-links-title">{t("list.title")}</h2>
      <p>{t("list.intro")}</p>
      <ul>
        {lots.map((l) => (
          <li key={l.code}>
            <Link to={`/${lang}/consultations/${slug}/lots/${l.code}`}>
              {t("lot.short", { code: l.code })}: <LocalizedText value={l.title} />
            </Link>{" "}
            — {formatMoney(lang, l.amountKzt)}
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/${lang}/consultations/${slug}/lots`}>{t("list.summary_link")}</Link>
      </p>
    </section>
  );
}
