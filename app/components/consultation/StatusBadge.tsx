import { useTranslation } from "react-i18next";
import type { ConsultationStatus } from "~/modules/consultations/rules";

export function StatusBadge({ status }: { status: ConsultationStatus }) {
  const { t } = useTranslation("consultation");
  return <span className={`status-badge status-badge--${status}`}>{t(`status.${status}`)}</span>;
}
