/** Content text in the page's language; a fallback or an unofficial translation says so visibly. */
import { useTranslation } from "react-i18next";
import type { Localized } from "~db/schema";
import { languageNames } from "~/utils/i18n";
import { useLocalized } from "~/utils/use-page";

export function LocalizedText({ value, as: Tag = "span", className }: { value: Partial<Localized> | null | undefined; as?: "span" | "p" | "div" | "h1" | "h2" | "h3"; className?: string }) {
  const { t } = useTranslation();
  const pick = useLocalized();
  const shown = pick(value);
  return (
    <Tag className={className} lang={shown.fallbackFrom}>
      {shown.text}
      {shown.fallbackFrom ? (
        <span className="fallback-note" lang={undefined}>
          {" "}
          ({t("content.shown_in", { language: languageNames[shown.fallbackFrom] })})
        </span>
      ) : null}
    </Tag>
  );
}

/** The note shown once per page when English content is displayed. */
export function UnofficialNote() {
  const { t } = useTranslation();
  return <p className="unofficial-note">{t("content.unofficial_translation")}</p>;
}
