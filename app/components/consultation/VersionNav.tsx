import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~db/schema";
import { formatDate } from "~/utils/format";

/** The published versions: each readable at ?version=N, with a diff against its predecessor. */
export function VersionNav({ versions, base, lang }: { versions: Array<{ number: number; publishedAt: string; current: boolean; latest: boolean }>; base: string; lang: Lang }) {
  const { t } = useTranslation("consultation");
  const { t: ta } = useTranslation("annotations");
  if (versions.length < 2) return null;
  const viewing = versions.find((v) => v.current);
  return (
    <section aria-labelledby="versions-title" className="versions">
      <h2 id="versions-title">{t("versions.title")}</h2>
      {viewing && !viewing.latest ? (
        <p className="notice notice--old-version" role="status">
          {ta("old_version", { number: viewing.number })} <Link to={base}>{ta("to_latest")}</Link>
        </p>
      ) : null}
      <ul>
        {versions.map((v, i) => (
          <li key={v.number}>
            {v.current ? (
              <strong aria-current="page">{t("versions.item", { number: v.number, date: formatDate(lang, v.publishedAt) })}</strong>
            ) : (
              <Link to={v.latest ? base : `${base}?version=${v.number}`}>{t("versions.item", { number: v.number, date: formatDate(lang, v.publishedAt) })}</Link>
            )}
            {v.latest ? ` (${t("versions.current")})` : ""}
            {i > 0 ? (
              <>
                {" · "}
                <Link to={`${base}/diff?from=${versions[i - 1].number}&to=${v.number}`}>{ta("diff_link", { from: versions[i - 1].number, to: v.number })}</Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
