/** Atom feeds: answers and report revisions of one consultation, and every report published. */
import { Feed } from "feed";
import type { Db } from "~db/database.server";
import type { Lang, Localized } from "~db/schema";
import { pickLocalized } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";

const FEED_LIMIT = 100;

function newFeed(base: string, path: string, title: string, lang: Lang, updated: Date) {
  return new Feed({
    id: `${base}${path}`,
    title,
    link: base,
    language: lang,
    updated,
    generator: "Kenes",
    copyright: "",
    feedLinks: { atom: `${base}${path}` },
  });
}

/** The feed of one consultation: each published report revision and each published answer. */
export async function consultationFeed(db: Db, input: { consultationId: string; lang: Lang; base: string }): Promise<string> {
  const { lang, base } = input;
  const t = getFixedT(lang);
  const c = await db.selectFrom("consultations").select(["slug", "title", "updated_at"]).where("id", "=", input.consultationId).executeTakeFirstOrThrow();
  const title = pickLocalized(c.title as Localized, lang).text;
  const revisions = await db
    .selectFrom("report_revisions")
    .select(["revision", "published_at", "change_log"])
    .where("consultation_id", "=", input.consultationId)
    .orderBy("revision", "desc")
    .execute();
  const answers = await db
    .selectFrom("comment_responses as r")
    .innerJoin("comments as cm", "cm.id", "r.comment_id")
    .select(["r.comment_id", "r.published_status", "r.published_justification", "r.published_at", "cm.body", "cm.status"])
    .where("r.consultation_id", "=", input.consultationId)
    .where("r.published_at", "is not", null)
    .orderBy("r.published_at", "desc")
    .limit(FEED_LIMIT)
    .execute();
  const latest = [...revisions.map((r) => new Date(r.published_at)), ...answers.map((a) => new Date(a.published_at!)), new Date(c.updated_at)].sort((a, b) => b.getTime() - a.getTime())[0];
  const feed = newFeed(base, `/${lang}/consultations/${c.slug}/feed.atom`, t("reports:feed.consultation_title", { title }), lang, latest);
  for (const r of revisions) {
    const link = `${base}/${lang}/consultations/${c.slug}/report?revision=${r.revision}`;
    feed.addItem({
      id: link,
      link,
      title: t(r.revision > 1 ? "reports:feed.revision" : "reports:feed.report", { title, revision: r.revision }),
      date: new Date(r.published_at),
      description: r.change_log ? pickLocalized(r.change_log, lang).text : t("reports:feed.report_description"),
    });
  }
  for (const a of answers) {
    const link = `${base}/${lang}/consultations/${c.slug}/comments#comment-${a.comment_id}`;
    const body = a.status === "visible" ? a.body.slice(0, 200) : t("reports:item.hidden_placeholder");
    feed.addItem({
      id: `${link}@${new Date(a.published_at!).toISOString()}`,
      link,
      title: `${t(`reports:status.${a.published_status}`)}: ${body.slice(0, 80)}`,
      date: new Date(a.published_at!),
      description: `${body}\n\n${pickLocalized(a.published_justification ?? {}, lang).text}`,
    });
  }
  return feed.atom1();
}

/** Every published report revision, newest first. */
export async function reportsFeed(db: Db, input: { lang: Lang; base: string }): Promise<string> {
  const { lang, base } = input;
  const t = getFixedT(lang);
  const rows = await db
    .selectFrom("report_revisions as rr")
    .innerJoin("consultations as c", "c.id", "rr.consultation_id")
    .innerJoin("organizations as o", "o.id", "c.organization_id")
    .select(["rr.revision", "rr.published_at", "rr.change_log", "c.slug", "c.title", "o.name as org_name"])
    .orderBy("rr.published_at", "desc")
    .limit(FEED_LIMIT)
    .execute();
  const feed = newFeed(base, `/${lang}/reports/feed.atom`, t("reports:feed.all_title"), lang, rows[0] ? new Date(rows[0].published_at) : new Date(0));
  for (const r of rows) {
    const title = pickLocalized(r.title as Localized, lang).text;
    const link = `${base}/${lang}/consultations/${r.slug}/report?revision=${r.revision}`;
    feed.addItem({
      id: link,
      link,
      title: t(r.revision > 1 ? "reports:feed.revision" : "reports:feed.report", { title, revision: r.revision }),
      date: new Date(r.published_at),
      description: `${pickLocalized(r.org_name as Localized, lang).text}. ${r.change_log ? pickLocalized(r.change_log, lang).text : ""}`.trim(),
    });
  }
  return feed.atom1();
}
