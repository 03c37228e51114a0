/**
 * Demo answers and reports: the closed consultation "grant-reporting-2026" gets a revised final
 * version, a small form-letter campaign, a hidden spam comment, answers in every status and a
 * published report; the open "grant-rules-2027" gets some draft answers and a flagged comment.
 * Runs inside seedDemo's transaction, so it writes rows directly (commands open their own).
 */
import { sql } from "kysely";
import type { Localized, ResponseStatus } from "~db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { buildReport } from "~/modules/reports/queries.server";
import { reconcileSimilarity } from "~/modules/responses/similarity-store.server";
import type { Db } from "../database.server";

const DAY = 86_400_000;

const answers: Record<ResponseStatus, Localized> = {
  accepted: {
    kk: "Ұсыныс қабылданды. Тиісті норма түпкілікті редакцияда өзгертілді.",
    ru: "Предложение принято. Соответствующая норма изменена в окончательной редакции.",
    en: "The proposal is accepted; the provision was changed in the final version.",
  },
  partially_accepted: {
    kk: "Ұсыныс ішінара қабылданды: норма нақтыланды, бірақ талаптан толық бас тарту мүмкін емес, өйткені ол «Коммерциялық емес ұйымдар туралы» Заңда көзделген.",
    ru: "Предложение принято частично: норма уточнена, однако полностью отказаться от требования нельзя, так как оно предусмотрено Законом «О некоммерческих организациях».",
    en: "",
  },
  not_accepted: {
    kk: "Қабылданбады: талап бюджет қаражатының нысаналы пайдаланылуын бақылау үшін қажет; ұсынылған нұсқа жоба нәтижелерін растауға мүмкіндік бермейді.",
    ru: "Не принято: требование необходимо для контроля целевого использования бюджетных средств; предложенный вариант не позволяет подтвердить результаты проекта.",
    en: "Not accepted: the requirement is needed to verify that budget funds are used as intended.",
  },
  noted: {
    kk: "Назарға алынды. Мәселе осы Қағидалардың аясынан тыс және әдістемелік ұсынымдарды дайындау кезінде ескеріледі.",
    ru: "Принято к сведению. Вопрос выходит за рамки настоящих Правил и будет учтён при подготовке методических рекомендаций.",
    en: "",
  },
};

const closedStatuses: ResponseStatus[] = ["accepted", "accepted", "partially_accepted", "not_accepted", "noted", "partially_accepted", "noted", "not_accepted", "accepted", "noted", "partially_accepted", "accepted", "noted", "not_accepted"];

const campaign = [
  "Просим сократить число обязательных отчётов для малых НКО: квартальный отчёт, итоговый отчёт и отчёт о социальном эффекте дублируют друг друга. Достаточно одного промежуточного и одного итогового отчёта.",
  "Просим сократить число обязательных отчётов для малых НКО! Квартальный отчёт, итоговый отчёт и отчёт о социальном эффекте дублируют друг друга. Достаточно одного промежуточного и одного итогового отчёта.",
  "Просим сократить количество обязательных отчётов для малых НКО: квартальный отчёт, итоговый отчёт и отчёт о социальном эффекте дублируют друг друга. Достаточно одного промежуточного и одного итогового отчёта. Спасибо.",
];

export async function seedDemoResponses(trx: Db, now: Date = new Date()): Promise<string> {
  const user = async (email: string) => (await trx.selectFrom("users").select(["id", "organization_id"]).where(sql`lower(email)`, "=", email).executeTakeFirstOrThrow());
  const staff = await user("staff@demo.kenes.kz");
  const moderator = await user("moderator@demo.kenes.kz");
  const citizens = await Promise.all(["nurlan.abdirov@demo.kenes.kz", "olga.petrenko@demo.kenes.kz", "sergey.kim@demo.kenes.kz"].map(user));

  // ---- closed consultation: final version, campaign, hidden comment, answers, report
  const closed = await trx.selectFrom("consultations").select(["id", "opens_at", "closes_at"]).where("slug", "=", "grant-reporting-2026").executeTakeFirst();
  if (!closed) return "no demo responses (grant-reporting-2026 missing)";
  const closesAt = new Date(closed.closes_at).getTime();
  const v1 = await trx.selectFrom("document_versions").select(["id"]).where("consultation_id", "=", closed.id).where("number", "=", 1).executeTakeFirstOrThrow();
  const blocks = await trx.selectFrom("blocks").selectAll().where("version_id", "=", v1.id).orderBy("position").execute();
  const v2At = new Date(closesAt + 8 * DAY);
  const v2 = await trx
    .insertInto("document_versions")
    .values({
      consultation_id: closed.id,
      number: 2,
      note: JSON.stringify({ kk: "Консультация қорытындысы бойынша түпкілікті редакция", ru: "Окончательная редакция по итогам консультации", en: "Final version after the consultation" }),
      created_by: staff.id,
      created_at: v2At,
      published_at: v2At,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const consent: Localized = {
    kk: " Фотосуреттер мен қатысушылар тізімі тек қатысушылардың жазбаша келісімімен ұсынылады; келісім болмаған жағдайда иесіздендірілген деректер жеткілікті.",
    ru: " Фотографии и списки участников представляются только с письменного согласия участников; при его отсутствии достаточно обезличенных данных.",
    en: " Photographs and lists of participants are submitted only with the participants' written consent; without it, anonymised data suffice.",
  };
  await trx
    .insertInto("blocks")
    .values(
      blocks.map((b) => {
        const text = b.text as Localized;
        const changed = b.lineage_key === "li-4-2";
        return {
          version_id: v2.id,
          position: b.position,
          lineage_key: b.lineage_key,
          kind: b.kind,
          label: b.label ? JSON.stringify(b.label) : null,
          text: JSON.stringify(changed ? { kk: text.kk + consent.kk, ru: text.ru + consent.ru, en: text.en ? text.en + consent.en : "" } : text),
          content: null,
        };
      }),
    )
    .execute();

  const p41 = blocks.find((b) => b.lineage_key === "p-4-1");
  const campaignRows = await trx
    .insertInto("comments")
    .values(
      campaign.map((body, i) => ({
        consultation_id: closed.id,
        version_id: v1.id,
        block_id: p41?.id ?? null,
        author_id: citizens[i].id,
        organization_id: null,
        body,
        lang: "ru" as const,
        idempotency_key: `demo-campaign-${i}`,
        created_at: new Date(new Date(closed.opens_at).getTime() + (20 + i) * DAY),
        pseudonymous: i === 2,
      })),
    )
    .returning("id")
    .execute();
  await trx
    .insertInto("comments")
    .values({
      consultation_id: closed.id,
      version_id: v1.id,
      block_id: null,
      author_id: citizens[2].id,
      body: "Дешёвые кредиты без справок! Звоните по номеру в профиле.",
      lang: "ru",
      idempotency_key: "demo-spam-0",
      created_at: new Date(new Date(closed.opens_at).getTime() + 25 * DAY),
      status: "hidden",
      status_reason: "Реклама, не относится к проекту / Жарнама, жобаға қатысы жоқ",
      status_changed_at: new Date(new Date(closed.opens_at).getTime() + 26 * DAY),
      status_changed_by: moderator.id,
    })
    .execute();

  const comments = await trx
    .selectFrom("comments as cm")
    .leftJoin("blocks as b", "b.id", "cm.block_id")
    .select(["cm.id", "cm.idempotency_key", "cm.created_at", "b.lineage_key"])
    .where("cm.consultation_id", "=", closed.id)
    .where("cm.status", "=", "visible")
    .orderBy("cm.created_at")
    .execute();
  const campaignIds = new Set(campaignRows.map((r) => r.id));
  let i = 0;
  const rows = comments.map((c) => {
    const status: ResponseStatus = campaignIds.has(c.id) ? "partially_accepted" : closedStatuses[i++ % closedStatuses.length];
    const at = new Date(closesAt + (3 + (i % 9)) * DAY);
    const justification = JSON.stringify(c.lineage_key === "li-4-2" ? { ...answers.accepted, ru: "Принято: пункт дополнен требованием письменного согласия участников." , kk: "Қабылданды: тармақ қатысушылардың жазбаша келісімі туралы талаппен толықтырылды." } : answers[status]);
    return {
      comment_id: c.id,
      consultation_id: closed.id,
      status: c.lineage_key === "li-4-2" ? ("accepted" as const) : status,
      justification,
      group_key: campaignIds.has(c.id) ? campaignRows[0].id : null,
      responded_by: staff.id,
      responded_at: at,
      published_status: c.lineage_key === "li-4-2" ? ("accepted" as const) : status,
      published_justification: justification,
      published_by: staff.id,
      published_at: at,
      first_published_at: at,
    };
  });
  if (rows.length) await trx.insertInto("comment_responses").values(rows).execute();
  const consentComments = comments.filter((c) => c.lineage_key === "li-4-2");
  if (consentComments.length) {
    await trx.insertInto("comment_change_links").values(consentComments.map((c) => ({ comment_id: c.id, consultation_id: closed.id, block_key: "li-4-2", created_by: staff.id }))).execute();
  }
  const reportAt = new Date(closesAt + 12 * DAY);
  // The revision freezes similar-comment groups: compute them now (the worker is not running yet).
  await reconcileSimilarity(trx, closed.id);
  const snapshot = await buildReport(trx, closed.id);
  await trx.insertInto("report_revisions").values({ consultation_id: closed.id, revision: 1, snapshot: JSON.stringify(snapshot), published_by: staff.id, published_at: reportAt }).execute();
  await trx.updateTable("consultations").set({ report_published_at: reportAt }).where("id", "=", closed.id).execute();
  await recordAudit(trx, { actorId: staff.id, action: "report.published", subject: `consultation:${closed.id}`, data: { revision: 1, demo: true } });

  // ---- open consultation: drafts only, and one comment waiting for a moderator
  const open = await trx.selectFrom("consultations").select("id").where("slug", "=", "grant-rules-2027").executeTakeFirst();
  let drafts = 0;
  if (open) {
    const openComments = await trx.selectFrom("comments").select("id").where("consultation_id", "=", open.id).orderBy("created_at").limit(5).execute();
    const draftStatuses: ResponseStatus[] = ["noted", "partially_accepted", "accepted", "not_accepted"];
    const draftRows = openComments.slice(0, 4).map((c, n) => ({
      comment_id: c.id,
      consultation_id: open.id,
      status: draftStatuses[n],
      justification: JSON.stringify(answers[draftStatuses[n]]),
      responded_by: staff.id,
      responded_at: now,
    }));
    if (draftRows.length) await trx.insertInto("comment_responses").values(draftRows).execute();
    drafts = draftRows.length;
    const flagged = openComments[4];
    if (flagged) await trx.insertInto("comment_flags").values({ comment_id: flagged.id, flagged_by: citizens[1].id, reason: "Похоже на повтор другого комментария" }).execute();
  }
  return `${rows.length} published answers and a report, ${drafts} draft answers`;
}
