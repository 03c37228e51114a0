/**
 * What the sector says about a lot: the numbers, and a server-rendered SVG chart whose text
 * alternative is the table next to it (the chart is decoration for sighted readers; nothing
 * is only in the chart).
 */
import { useTranslation } from "react-i18next";
import type { Lang, Localized } from "~db/schema";
import { LocalizedText } from "~/components/ui/LocalizedText";
import type { LotSectionPayload } from "~/modules/lots/lot-views";
import type { LotSummary } from "~/modules/lots/summary";
import { formatDate, formatMoney, formatNumber, formatPercent } from "~/utils/format";

const colors = { adequate: "#2e7d32", insufficient: "#c62828", excessive: "#ef6c00" } as const;

function FundingChart({ summary, lang, id }: { summary: LotSummary; lang: Lang; id: string }) {
  const { t } = useTranslation("lots");
  const width = 600;
  const total = summary.respondents;
  let x = 0;
  const bars = (["adequate", "insufficient", "excessive"] as const).map((k) => {
    const w = total ? (summary.funding[k] / total) * width : 0;
    const bar = { k, x, w };
    x += w;
    return bar;
  });
  const p = summary.proposed;
  const values = [summary.amountKzt, ...(p.min !== null ? [p.min, p.max!] : [])];
  const lo = Math.min(...values) * 0.9;
  const hi = Math.max(...values) * 1.1;
  const pos = (v: number) => 20 + ((v - lo) / (hi - lo || 1)) * (width - 40);
  // A label on the right half ends at its mark, so it never runs out of the picture.
  const labelAt = (x: number) => (x > width / 2 ? { x: x - 6, textAnchor: "end" as const } : { x: x + 6, textAnchor: "start" as const });
  return (
    <svg viewBox={`0 0 ${width} 150`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} className="lot-chart">
      <title id={`${id}-title`}>{t("summary.chart_title")}</title>
      <desc id={`${id}-desc`}>
        {t("summary.chart_desc", {
          adequate: summary.funding.adequate,
          insufficient: summary.funding.insufficient,
          excessive: summary.funding.excessive,
          offered: formatMoney(lang, summary.amountKzt),
          median: p.median === null ? "—" : formatMoney(lang, p.median),
        })}
      </desc>
      <rect x={0} y={10} width={width} height={28} fill="#eeeeee" />
      {bars.map((b) => (b.w > 0 ? <rect key={b.k} x={b.x} y={10} width={b.w} height={28} fill={colors[b.k]} /> : null))}
      {bars.map((b) =>
        b.w > 40 ? (
          <text key={`${b.k}-label`} x={b.x + 6} y={29} fill="#ffffff" fontSize={13}>
            {t(`funding.${b.k}`)}: {summary.funding[b.k]}
          </text>
        ) : null,
      )}
      <line x1={20} x2={width - 20} y1={95} y2={95} stroke="#9e9e9e" />
      {p.min !== null ? <rect x={pos(p.min)} y={88} width={Math.max(2, pos(p.max!) - pos(p.min))} height={14} fill="#90caf9" /> : null}
      {p.median !== null ? <circle cx={pos(p.median)} cy={95} r={7} fill="#1565c0" /> : null}
      <line x1={pos(summary.amountKzt)} x2={pos(summary.amountKzt)} y1={70} y2={120} stroke="#212121" strokeWidth={3} />
      <text {...labelAt(pos(summary.amountKzt))} y={68} fontSize={13}>
        {t("summary.offered")}: {formatMoney(lang, summary.amountKzt)}
      </text>
      {p.median !== null ? (
        <text {...labelAt(pos(p.median))} y={138} fontSize={13} fill="#1565c0">
          {t("summary.median")}: {formatMoney(lang, p.median)}
        </text>
      ) : null}
    </svg>
  );
}

export function LotSummaryView({ summary, lang, id }: { summary: LotSummary; lang: Lang; id: string }) {
  const { t } = useTranslation("lots");
  const p = summary.proposed;
  const n = (v: number) => formatNumber(lang, v);
  if (summary.respondents === 0) return <p className="empty">{t("summary.none")}</p>;
  return (
    <div className="lot-summary">
      <p>{t("summary.respondents", { count: summary.respondents, formatted: n(summary.respondents), organizations: n(summary.organizations) })}</p>
      <FundingChart summary={summary} lang={lang} id={id} />
      <table className="data-table">
        <caption>{t("summary.table_caption")}</caption>
        <tbody>
          {(["adequate", "insufficient", "excessive"] as const).map((k) => (
            <tr key={k}>
              <th scope="row">{t(`funding.${k}`)}</th>
              <td>{n(summary.funding[k])}</td>
              <td>{formatPercent(lang, summary.funding[k] / summary.respondents)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t("summary.offered")}</th>
            <td colSpan={2}>{formatMoney(lang, summary.amountKzt)}</td>
          </tr>
          <tr>
            <th scope="row">{t("summary.proposed_count")}</th>
            <td colSpan={2}>{n(p.count)}</td>
          </tr>
          {p.median !== null ? (
            <>
              <tr>
                <th scope="row">{t("summary.median")}</th>
                <td colSpan={2}>
                  {formatMoney(lang, p.median)} ({p.medianVsOffered! >= 0 ? "+" : "−"}
                  {formatMoney(lang, Math.abs(p.medianVsOffered!))}, {formatPercent(lang, p.median / summary.amountKzt - 1)})
                </td>
              </tr>
              <tr>
                <th scope="row">{t("summary.range")}</th>
                <td colSpan={2}>
                  {formatMoney(lang, p.min!)} – {formatMoney(lang, p.max!)}
                </td>
              </tr>
            </>
          ) : null}
          {(["adequate", "too_short", "too_long", "unanswered"] as const).map((k) => (
            <tr key={k}>
              <th scope="row">
                {t("summary.duration")}: {t(`duration.${k}`)}
              </th>
              <td colSpan={2}>{n(summary.duration[k])}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t("summary.would_apply_share")}</th>
            <td colSpan={2}>
              {summary.wouldApply.share === null ? "—" : formatPercent(lang, summary.wouldApply.share)} ({t("would_apply.yes")}: {n(summary.wouldApply.yes)}, {t("would_apply.no")}:{" "}
              {n(summary.wouldApply.no)}, {t("would_apply.unsure")}: {n(summary.wouldApply.unsure)})
            </td>
          </tr>
        </tbody>
      </table>
      {summary.indicators.length ? (
        <table className="data-table">
          <caption>{t("summary.indicators_caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("lot.indicator")}</th>
              <th scope="col">{t("feasibility.feasible")}</th>
              <th scope="col">{t("feasibility.unrealistic")}</th>
              <th scope="col">{t("feasibility.unclear")}</th>
            </tr>
          </thead>
          <tbody>
            {summary.indicators.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  <LocalizedText value={i.text} />
                </th>
                <td>{n(i.counts.feasible)}</td>
                <td>{n(i.counts.unrealistic)}</td>
                <td>{n(i.counts.unclear)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {summary.mostCommentedBudgetLines.length ? (
        <>
          <h4>{t("summary.most_commented")}</h4>
          <ol>
            {summary.mostCommentedBudgetLines.map((b) => (
              <li key={b.position}>
                <LocalizedText value={b.item} /> — {t("summary.comments", { count: b.comments })}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}

/**
 * The lots section of a consultation report: each lot's summary and every structured answer with
 * the body's answer to it. Pass `renderAnswer` to show answers from the responses module; without
 * it, the stored `answer` (null until that module exists) is shown, or "not answered yet".
 */
export function LotFeedbackSection({ lots, lang, slug, renderAnswer }: { lots: LotSectionPayload[]; lang: Lang; slug: string; renderAnswer?: (feedbackId: string) => React.ReactNode }) {
  const { t } = useTranslation("lots");
  if (lots.length === 0) return null;
  return (
    <section className="lot-feedback-section" aria-labelledby="lot-feedback-title">
      <h2 id="lot-feedback-title">{t("report.title")}</h2>
      {lots.map((lot) => (
        <section key={lot.code} aria-labelledby={`report-lot-${lot.code}`}>
          <h3 id={`report-lot-${lot.code}`}>
            <a href={`/${lang}/consultations/${slug}/lots/${lot.code}`}>
              {t("lot.short", { code: lot.code })}: <LocalizedText value={lot.title} />
            </a>
          </h3>
          <p>
            {formatMoney(lang, lot.amountKzt)}
            {lot.amountMci !== null ? ` · ${formatNumber(lang, lot.amountMci)} ${t("lot.mci_unit")}` : ""}
          </p>
          <LotSummaryView summary={lot.summary} lang={lang} id={`report-chart-${lot.code}`} />
          {lot.feedback.length ? (
            <table className="data-table">
              <caption>{t("report.answers_caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("report.respondent")}</th>
                  <th scope="col">{t("feedback.funding_legend")}</th>
                  <th scope="col">{t("feedback.proposed_label")}</th>
                  <th scope="col">{t("feedback.note_label")}</th>
                  <th scope="col">{t("report.body_answer")}</th>
                </tr>
              </thead>
              <tbody>
                {lot.feedback.map((f) => (
                  <tr key={f.id} id={`feedback-${f.id}`}>
                    <td>
                      {f.organizationName ? <LocalizedText value={f.organizationName} /> : f.authorName}
                      <br />
                      <small>
                        {formatDate(lang, f.updatedAt)}
                        {f.revision > 1 ? ` · ${t("feedback.revised", { count: f.revision - 1 })}` : ""}
                      </small>
                    </td>
                    <td>{t(`funding.${f.funding}`)}</td>
                    <td>{f.proposedAmountKzt === null ? "—" : formatMoney(lang, f.proposedAmountKzt)}</td>
                    <td>{f.note ?? "—"}</td>
                    <td>{renderAnswer ? renderAnswer(f.id) : f.answer ? <LocalizedText value={f.answer.text} /> : t("report.not_answered")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ))}
    </section>
  );
}
