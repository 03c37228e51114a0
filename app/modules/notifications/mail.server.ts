/**
 * E-mail to commenters: when their comment is answered and when the report is out. Publication
 * enqueues `notify.*` rows; the worker expands each into one `mail.send` row per recipient (in one
 * transaction, so a notice is expanded once), and sends those through SMTP, retrying until the
 * mail server takes them. Each message carries a Message-ID derived from its outbox row, so a
 * retry after a lost acknowledgement is recognisable as the same message.
 */
import nodemailer from "nodemailer";
import type { Db } from "~db/database.server";
import type { Lang, Localized } from "~db/schema";
import { enqueueOutbox } from "~/modules/outbox/outbox.server";
import { pickLocalized } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import type { OutboxHandler, OutboxJob } from "./outbox-worker.server";

export interface MailConfig {
  smtpUrl: string | undefined;
  publicUrl: string | undefined;
  from?: string;
}

function siteUrl(config: MailConfig, path: string): string {
  return `${(config.publicUrl ?? "").replace(/\/$/, "")}${path}`;
}

function messageHost(config: MailConfig): string {
  try {
    return config.publicUrl ? new URL(config.publicUrl).hostname : "kenes.local";
  } catch {
    return "kenes.local";
  }
}

async function commentAnswered(db: Db, config: MailConfig, job: OutboxJob) {
  const commentId = String(job.payload.commentId ?? "");
  const row = await db
    .selectFrom("comments as cm")
    .innerJoin("users as u", "u.id", "cm.author_id")
    .innerJoin("consultations as c", "c.id", "cm.consultation_id")
    .innerJoin("comment_responses as r", "r.comment_id", "cm.id")
    .select(["u.email", "u.locale", "u.disabled_at", "cm.lang", "c.slug", "c.title", "r.published_status", "r.published_justification"])
    .where("cm.id", "=", commentId)
    .executeTakeFirst();
  if (!row || !row.published_status || row.disabled_at) return;
  const lang: Lang = row.locale ?? row.lang;
  const t = getFixedT(lang);
  const title = pickLocalized(row.title as Localized, lang).text;
  const justification = pickLocalized(row.published_justification ?? {}, lang).text;
  await db.transaction().execute(async (trx) => {
    await enqueueOutbox(trx, "mail.send", {
      to: row.email,
      subject: t("reports:mail.answered_subject", { title }),
      text: [
        t("reports:mail.answered_intro", { title }),
        `${t("reports:mail.status")}: ${t(`reports:status.${row.published_status}`)}`,
        justification ? `${t("reports:mail.justification")}: ${justification}` : "",
        siteUrl(config, `/${lang}/consultations/${row.slug}/comments#comment-${commentId}`),
        "",
        t("reports:mail.my_comments", { url: siteUrl(config, `/${lang}/my/comments`) }),
      ]
        .filter((l) => l !== null)
        .join("\n"),
      key: `answered:${commentId}:${job.id}`,
    });
    await trx.updateTable("outbox").set({ processed_at: new Date() }).where("id", "=", job.id).execute();
  });
}

async function reportPublished(db: Db, config: MailConfig, job: OutboxJob) {
  const consultationId = String(job.payload.consultationId ?? "");
  const revision = Number(job.payload.revision ?? 1);
  const c = await db.selectFrom("consultations").select(["slug", "title"]).where("id", "=", consultationId).executeTakeFirst();
  if (!c) return;
  const recipients = await db
    .selectFrom("comments as cm")
    .innerJoin("users as u", "u.id", "cm.author_id")
    .select(["u.id", "u.email", "u.locale", (eb) => eb.fn.min("cm.lang").as("lang")])
    .where("cm.consultation_id", "=", consultationId)
    .where("u.disabled_at", "is", null)
    .groupBy(["u.id", "u.email", "u.locale"])
    .execute();
  await db.transaction().execute(async (trx) => {
    for (const r of recipients) {
      const lang: Lang = r.locale ?? (r.lang as Lang);
      const t = getFixedT(lang);
      const title = pickLocalized(c.title as Localized, lang).text;
      await enqueueOutbox(trx, "mail.send", {
        to: r.email,
        subject: t(revision > 1 ? "reports:mail.revised_subject" : "reports:mail.report_subject", { title, revision }),
        text: [t("reports:mail.report_intro", { title }), siteUrl(config, `/${lang}/consultations/${c.slug}/report`)].join("\n"),
        key: `report:${consultationId}:${revision}:${r.id}`,
      });
    }
    await trx.updateTable("outbox").set({ processed_at: new Date() }).where("id", "=", job.id).execute();
  });
}

/** The handlers of the notification topics. Without SMTP_URL, notices are consumed without mail. */
export function notificationHandlers(db: Db, config: MailConfig): Record<string, OutboxHandler> {
  if (!config.smtpUrl) {
    const skip: OutboxHandler = async () => {};
    return { "notify.response_published": skip, "notify.report_published": skip };
  }
  const transport = nodemailer.createTransport(config.smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never);
  const from = config.from ?? `Kenes <no-reply@${messageHost(config)}>`;
  return {
    "notify.response_published": (job) => commentAnswered(db, config, job),
    "notify.report_published": (job) => reportPublished(db, config, job),
    "mail.send": async (job) => {
      const p = job.payload as { to: string; subject: string; text: string };
      await transport.sendMail({ from, to: p.to, subject: p.subject, text: p.text, messageId: `<outbox-${job.id}@${messageHost(config)}>` });
    },
  };
}
