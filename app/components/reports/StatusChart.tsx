/**
 * Shares of answer statuses as a server-rendered SVG bar chart: no JavaScript needed, a title and
 * description for screen readers, and the same figures as text next to it (the table).
 */
import { useTranslation } from "react-i18next";
import type { Lang } from "~db/schema";
import { statusKeys, type StatusCounts } from "~/modules/reports/report.types";
import { formatNumber, formatPercent } from "~/utils/format";

export const statusColors: Record<string, string> = {
  accepted: "#15803d",
  partially_accepted: "#65a30d",
  not_accepted: "#b91c1c",
  noted: "#1d4ed8",
  unanswered: "#6b7280",
};

export function StatusChart({ counts, lang, id = "status-chart" }: { counts: StatusCounts; lang: Lang; id?: string }) {
  const { t } = useTranslation("reports");
  const total = statusKeys.reduce((n, k) => n + counts[k], 0);
  const rowHeight = 30;
  const labelWidth = 210;
  const barWidth = 340;
  const height = statusKeys.length * rowHeight + 10;
  const describe = statusKeys.map((k) => `${t(`status.${k}`)}: ${formatNumber(lang, counts[k])} (${formatPercent(lang, total ? counts[k] / total : 0)})`).join("; ");
  return (
    <figure className="status-chart">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${labelWidth + barWidth + 110} ${height}`} width="100%" className="status-chart__svg" xmlns="http://www.w3.org/2000/svg">
        <title id={`${id}-title`}>{t("chart.title")}</title>
        <desc id={`${id}-desc`}>{describe}</desc>
        {statusKeys.map((k, i) => {
          const share = total ? counts[k] / total : 0;
          const y = 5 + i * rowHeight;
          return (
            <g key={k}>
              <text x={labelWidth - 8} y={y + 19} textAnchor="end" fontSize="14" fill="#1f2933">
                {t(`status.${k}`)}
              </text>
              <rect x={labelWidth} y={y + 4} width={barWidth} height={rowHeight - 10} fill="#eef1f4" />
              <rect x={labelWidth} y={y + 4} width={Math.max(share > 0 ? 2 : 0, Math.round(share * barWidth))} height={rowHeight - 10} fill={statusColors[k]} />
              <text x={labelWidth + barWidth + 8} y={y + 19} fontSize="14" fill="#1f2933">
                {`${formatNumber(lang, counts[k])} · ${formatPercent(lang, share)}`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="hint">{t("chart.caption", { count: total })}</figcaption>
    </figure>
  );
}
