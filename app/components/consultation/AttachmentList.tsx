import { useTranslation } from "react-i18next";
import type { Lang } from "~db/schema";
import { formatNumber } from "~/utils/format";

export interface AttachmentView {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  versionNumber: number | null;
}

const typeLabel = (contentType: string) => (contentType === "application/pdf" ? "PDF" : contentType.includes("spreadsheet") ? "XLSX" : "DOCX");

/** Supporting documents of a consultation, each a plain download link. */
export function AttachmentList({ items, lang }: { items: AttachmentView[]; lang: Lang }) {
  const { t } = useTranslation("documents");
  if (items.length === 0) return null;
  return (
    <section className="attachments" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t("attachments.title")}</h2>
      <ul>
        {items.map((a) => (
          <li key={a.id}>
            <a href={`/files/${a.id}`} download={a.fileName}>
              {t(`attachments.kinds.${a.kind}`)}: {a.fileName}
            </a>{" "}
            <span className="hint">
              ({typeLabel(a.contentType)}, {formatNumber(lang, Math.max(1, Math.round(a.sizeBytes / 1024)))} KB{a.versionNumber ? `, ${t("attachments.for_version", { number: a.versionNumber })}` : ""})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
