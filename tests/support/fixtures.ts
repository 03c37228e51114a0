/** Builders for integration tests: organisations, accounts and consultations through the real commands. */
import { randomUUID } from "node:crypto";
import type { Db } from "~db/database.server";
import type { Role } from "~db/schema";
import { createAccount } from "~/modules/accounts/commands.server";
import { createConsultation, publishConsultation, saveDraftVersion } from "~/modules/consultations/commands.server";
import { alignLanguages, parseStructuredText } from "~/modules/documents/structured-text";

export async function makeOrganization(db: Db, kind: "government_body" | "ngo" = "government_body") {
  const slug = `org-${randomUUID().slice(0, 8)}`;
  const row = await db
    .insertInto("organizations")
    .values({ slug, kind, name: JSON.stringify({ kk: `Министрлік ${slug}`, ru: `Министерство ${slug}`, en: `Ministry ${slug}` }) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, slug };
}

export async function makeUser(db: Db, role: Role, organizationId: string | null = null) {
  const email = `${role}-${randomUUID().slice(0, 8)}@test.kz`;
  const id = await createAccount(db, { email, password: "password-123456", name: `Тест ${role}`, role, organizationId });
  return { id, email, role, organizationId };
}

export const sampleDraft = {
  kk: "# 1-тарау. Жалпы ережелер\n1-бап. Мақсаты\nГрант сомасы 3 000 АЕК-тен аспайды.\n2-бап. Мерзімдер\n- өтінім 10 жұмыс күні ішінде қаралады;",
  ru: "# Глава 1. Общие положения\nСтатья 1. Цель\nСумма гранта не превышает 3 000 МРП.\nСтатья 2. Сроки\n- заявка рассматривается в течение 10 рабочих дней;",
  en: "# Chapter 1. General provisions\nArticle 1. Purpose\nThe grant amount does not exceed 3,000 MCI.\nArticle 2. Deadlines\n- an application is reviewed within 10 working days;",
};

/** A published consultation whose period is given in days relative to now. */
export async function makeConsultation(db: Db, options: { organizationId: string; actorId: string; opensInDays?: number; periodDays?: number; publish?: boolean; slug?: string }) {
  const opensAt = new Date(Date.now() + (options.opensInDays ?? -1) * 86_400_000);
  const closesAt = new Date(opensAt.getTime() + (options.periodDays ?? 30) * 86_400_000);
  const slug = options.slug ?? `c-${randomUUID().slice(0, 8)}`;
  const created = await createConsultation(
    db,
    {
      slug,
      type: "grant_rules",
      organizationId: options.organizationId,
      title: { kk: "Грант қағидалары", ru: "Правила грантов", en: "Grant rules" },
      summary: { kk: "Қысқаша", ru: "Кратко", en: "" },
      explanatoryNote: { kk: "", ru: "Записка", en: "" },
      opensAt,
      closesAt,
      shortPeriodJustification: null,
    },
    options.actorId,
  );
  if (!created.ok) throw new Error(created.error);
  const aligned = alignLanguages({ kk: parseStructuredText(sampleDraft.kk, "kk"), ru: parseStructuredText(sampleDraft.ru, "ru"), en: parseStructuredText(sampleDraft.en, "en") });
  if ("error" in aligned) throw new Error(aligned.error.code);
  await saveDraftVersion(db, created.id, aligned.blocks, options.actorId);
  if (options.publish !== false) {
    const published = await publishConsultation(db, created.id, options.actorId);
    if (!published.ok) throw new Error(published.error);
  }
  return { id: created.id, slug };
}
