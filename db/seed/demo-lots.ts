/**
 * Demo lots: the three lots of the demo specification `youth-lots-2027` as structured data
 * (texts taken from its draft, budgets that add up to each amount), structured feedback from
 * four NGOs and one citizen (one answer revised, so the history shows), a few comments on
 * budget lines, and annual plans (this year with a late item, and 2027).
 */
import { sql } from "kysely";
import type { Localized } from "~db/schema";
import { syncLotAnchors, writeLot } from "~/modules/lots/commands.server";
import { lotToValues, validateLot, type FeedbackData, type LotData } from "~/modules/lots/lot.schema";
import { budgetLineKey } from "~/modules/lots/queries.server";
import type { Db } from "../database.server";
import { demoConsultations } from "./demo-content";

const L = (kk: string, ru: string, en: string): Localized => ({ kk, ru, en });
const DAY = 86_400_000;

function blockText(key: string): Localized {
  const block = demoConsultations.find((c) => c.slug === "youth-lots-2027")!.blocks.find((b) => b.key === key);
  if (!block) throw new Error(`demo lots: no block ${key}`);
  const strip = (s: string) => s.replace(/[;.]$/, "");
  return { kk: strip(block.text.kk), ru: strip(block.text.ru), en: strip(block.text.en) };
}

const month = L("ай", "месяц", "month");
const personMonth = L("адам-ай", "чел.-месяц", "person-month");
const lump = L("кешен", "комплекс", "lump sum");

const eligibility = L(
  "Тіркелгеніне кемінде бір жыл болған, жастармен жұмыс тәжірибесі бар, мемлекеттік гранттар бойынша берешегі жоқ үкіметтік емес ұйымдар.",
  "Неправительственные организации, зарегистрированные не менее одного года назад, имеющие опыт работы с молодёжью и не имеющие задолженности по ранее полученным государственным грантам.",
  "Non-governmental organisations registered for at least one year, with experience of youth work and no arrears on earlier state grants.",
);

export const demoLots: LotData[] = [
  {
    code: "L-01",
    title: blockText("sec-1"),
    problem: blockText("p-1-1-1"),
    targetGroup: blockText("p-1-2-1"),
    regions: ["turkestan"],
    durationMonths: 10,
    grantType: "short_term",
    amountKzt: 18_000_000,
    fundingYear: 2027,
    termsOfReference: L(
      "Грант алушы бес аудан орталығында жастар ресурстық орталықтары базасында еріктілер орталықтарын ашады, еріктілерге арналған оқыту бағдарламасын әзірлеп, 400 еріктіні оқытады және ауылдық елді мекендерде 40 еріктілік бастамасын қолдайды. Тоқсан сайын есеп беріледі.",
      "Грантополучатель открывает волонтёрские центры в пяти районных центрах на базе молодёжных ресурсных центров, разрабатывает программу обучения волонтёров, обучает 400 волонтёров и поддерживает 40 волонтёрских инициатив в сельских населённых пунктах. Отчётность ежеквартальная.",
      "The grantee opens volunteer centres in five district centres at youth resource centres, develops a volunteer training programme, trains 400 volunteers and supports 40 volunteer initiatives in rural settlements. Quarterly reporting.",
    ),
    eligibility,
    indicators: [
      { text: blockText("li-1-5-1"), targetValue: 5, unit: L("орталық", "центров", "centres") },
      { text: blockText("li-1-5-2"), targetValue: 400, unit: L("ерікті", "волонтёров", "volunteers") },
      { text: blockText("li-1-5-3"), targetValue: 40, unit: L("бастама", "инициатив", "initiatives") },
    ],
    budgetLines: [
      { item: L("Жоба жетекшісінің еңбекақысы", "Оплата труда руководителя проекта", "Project manager's pay"), unit: month, quantity: 10, unitCostKzt: 300_000, totalKzt: 3_000_000 },
      { item: L("5 аудандық үйлестірушінің еңбекақысы (0,5 ставка)", "Оплата труда 5 районных координаторов (0,5 ставки)", "Pay of 5 district coordinators (half-time)"), unit: personMonth, quantity: 50, unitCostKzt: 90_000, totalKzt: 4_500_000 },
      { item: L("Бухгалтердің еңбекақысы", "Оплата труда бухгалтера", "Accountant's pay"), unit: month, quantity: 10, unitCostKzt: 90_000, totalKzt: 900_000 },
      { item: L("Еріктілерге арналған тренингтер", "Тренинги для волонтёров", "Volunteer trainings"), unit: L("тренинг", "тренинг", "training"), quantity: 20, unitCostKzt: 150_000, totalKzt: 3_000_000 },
      { item: L("Ауылдардағы еріктілік іс-шаралар", "Волонтёрские мероприятия в сёлах", "Volunteer events in villages"), unit: L("іс-шара", "мероприятие", "event"), quantity: 40, unitCostKzt: 30_000, totalKzt: 1_200_000 },
      { item: L("Тренерлер мен қатысушылардың жол жүруі", "Проезд тренеров и участников", "Travel of trainers and participants"), unit: L("сапар", "поездка", "trip"), quantity: 460, unitCostKzt: 5_000, totalKzt: 2_300_000 },
      { item: L("Ақпараттық науқан", "Информационная кампания", "Information campaign"), unit: lump, quantity: 1, unitCostKzt: 1_100_000, totalKzt: 1_100_000 },
      { item: L("Әкімшілік шығыстар", "Административные расходы", "Administrative costs"), unit: month, quantity: 10, unitCostKzt: 200_000, totalKzt: 2_000_000 },
    ],
  },
  {
    code: "L-02",
    title: blockText("sec-2"),
    problem: blockText("p-2-1-1"),
    targetGroup: blockText("p-2-2-1"),
    regions: ["shymkent"],
    durationMonths: 10,
    grantType: "short_term",
    amountKzt: 15_000_000,
    fundingYear: 2027,
    termsOfReference: L(
      "Грант алушы NEET санатындағы 150 жасты анықтап, әрқайсысына жеке кәсіби бағдар беру кеңесін өткізеді, кемінде 90 қатысушыны қысқа мерзімді кәсіптік немесе цифрлық курстарға жібереді және жұмыс берушілермен, халықты жұмыспен қамту орталығымен бірлесіп жұмысқа орналастыруға жәрдемдеседі.",
      "Грантополучатель выявляет 150 молодых людей категории NEET, проводит для каждого индивидуальную профориентационную консультацию, направляет не менее 90 участников на краткосрочные курсы профессиональных или цифровых навыков и вместе с работодателями и центром занятости населения содействует их трудоустройству.",
      "The grantee identifies 150 NEET young people, gives each an individual career guidance session, sends at least 90 participants to short vocational or digital skills courses and, with employers and the public employment centre, helps them into work.",
    ),
    eligibility,
    indicators: [
      { text: blockText("li-2-5-1"), targetValue: 150, unit: L("қатысушы", "участников", "participants") },
      { text: blockText("li-2-5-2"), targetValue: 90, unit: L("қатысушы", "участников", "participants") },
      { text: blockText("li-2-5-3"), targetValue: 45, unit: L("қатысушы", "участников", "participants") },
    ],
    budgetLines: [
      { item: L("Жоба жетекшісінің еңбекақысы", "Оплата труда руководителя проекта", "Project manager's pay"), unit: month, quantity: 10, unitCostKzt: 300_000, totalKzt: 3_000_000 },
      { item: L("2 кәсіби бағдар беру кеңесшісінің еңбекақысы", "Оплата труда 2 консультантов по профориентации", "Pay of 2 career counsellors"), unit: personMonth, quantity: 20, unitCostKzt: 165_000, totalKzt: 3_300_000 },
      { item: L("Бухгалтердің еңбекақысы (0,5 ставка)", "Оплата труда бухгалтера (0,5 ставки)", "Accountant's pay (half-time)"), unit: month, quantity: 10, unitCostKzt: 90_000, totalKzt: 900_000 },
      { item: L("Қатысушыларға арналған қысқа мерзімді курстар", "Краткосрочные курсы для участников", "Short courses for participants"), unit: L("қатысушы", "участник", "participant"), quantity: 90, unitCostKzt: 50_000, totalKzt: 4_500_000 },
      { item: L("Кәсіби бағдар беру тестілеуі мен материалдары", "Профориентационное тестирование и материалы", "Career tests and materials"), unit: L("қатысушы", "участник", "participant"), quantity: 150, unitCostKzt: 6_000, totalKzt: 900_000 },
      { item: L("Ақпараттық науқан және жұмыс берушілермен жұмыс", "Информационная кампания и работа с работодателями", "Information campaign and work with employers"), unit: lump, quantity: 1, unitCostKzt: 800_000, totalKzt: 800_000 },
      { item: L("Әкімшілік шығыстар", "Административные расходы", "Administrative costs"), unit: month, quantity: 10, unitCostKzt: 160_000, totalKzt: 1_600_000 },
    ],
  },
  {
    code: "L-03",
    title: blockText("sec-3"),
    problem: blockText("p-3-1-1"),
    targetGroup: blockText("p-3-2-1"),
    regions: ["kyzylorda"],
    durationMonths: 8,
    grantType: "short_term",
    amountKzt: 9_500_000,
    fundingYear: 2027,
    termsOfReference: L(
      "Грант алушы Қызылорда қаласында үш бес күндік сессиядан тұратын көшбасшылық мектебін өткізеді, сессиялар аралығында қатысушылардың ауылдарында тәлімгерлік жүргізеді және ауылдық округ әкімдеріне кемінде 20 жергілікті бастаманы ұсынуға көмектеседі.",
      "Грантополучатель проводит школу лидерства из трёх пятидневных сессий в городе Кызылорде, в промежутках между сессиями ведёт наставничество в сёлах участников и помогает подготовить и представить акимам сельских округов не менее 20 местных инициатив.",
      "The grantee runs a leadership school of three five-day sessions in Kyzylorda, mentors participants in their villages between sessions and helps them prepare and present at least 20 local initiatives to rural district akims.",
    ),
    eligibility,
    indicators: [
      { text: blockText("li-3-5-1"), targetValue: 60, unit: L("қатысушы", "участников", "participants") },
      { text: blockText("li-3-5-2"), targetValue: 20, unit: L("бастама", "инициатив", "initiatives") },
      { text: blockText("li-3-5-3"), targetValue: 15, unit: L("түлек", "выпускников", "graduates") },
    ],
    budgetLines: [
      { item: L("Мектеп директорының еңбекақысы", "Оплата труда директора школы", "School director's pay"), unit: month, quantity: 8, unitCostKzt: 250_000, totalKzt: 2_000_000 },
      { item: L("2 тренердің еңбекақысы (0,5 ставка)", "Оплата труда 2 тренеров (0,5 ставки)", "Pay of 2 trainers (half-time)"), unit: personMonth, quantity: 16, unitCostKzt: 75_000, totalKzt: 1_200_000 },
      { item: L("Бухгалтердің еңбекақысы (0,5 ставка)", "Оплата труда бухгалтера (0,5 ставки)", "Accountant's pay (half-time)"), unit: month, quantity: 8, unitCostKzt: 75_000, totalKzt: 600_000 },
      { item: L("Үш сессия қатысушыларының жол жүруі, тұруы және тамағы", "Проезд, проживание и питание участников трёх сессий", "Travel, lodging and meals of participants of three sessions"), unit: L("адам-сессия", "чел.-сессия", "person-session"), quantity: 180, unitCostKzt: 20_000, totalKzt: 3_600_000 },
      { item: L("Оқу материалдары және үй-жайды жалға алу", "Учебные материалы и аренда помещения", "Training materials and room rent"), unit: L("күн", "день", "day"), quantity: 15, unitCostKzt: 60_000, totalKzt: 900_000 },
      { item: L("Жергілікті бастамаларға арналған материалдар", "Материалы для местных инициатив", "Materials for local initiatives"), unit: L("бастама", "инициатива", "initiative"), quantity: 20, unitCostKzt: 30_000, totalKzt: 600_000 },
      { item: L("Әкімшілік шығыстар", "Административные расходы", "Administrative costs"), unit: month, quantity: 8, unitCostKzt: 75_000, totalKzt: 600_000 },
    ],
  },
];

type Answer = Omit<FeedbackData, "indicatorFeasibility"> & { feasibility: (FeedbackData["indicatorFeasibility"][string] | null)[]; daysAfterOpen: number };

/** Who said what, per lot code; a second entry for the same e-mail is a revision. */
const feedback: Record<string, { email: string; answer: Answer }[]> = {
  "L-01": [
    { email: "ngo@demo.kenes.kz", answer: { funding: "insufficient", proposedAmountKzt: 22_000_000, duration: "too_short", wouldApply: "yes", feasibility: ["feasible", "unrealistic", "feasible"], note: "Жол жүру шығыстары аудандар арасындағы қашықтыққа сәйкес келмейді: Сарыағаштан Толебиге дейін бір сапар 5 000 теңгеден қымбат.", daysAfterOpen: 0 } },
    { email: "asel.mukasheva@demo.kenes.kz", answer: { funding: "insufficient", proposedAmountKzt: 20_500_000, duration: "adequate", wouldApply: "unsure", feasibility: ["feasible", "unclear", "feasible"], note: "Бюджет не учитывает доступность центров для волонтёров с инвалидностью (пандусы, сурдоперевод).", daysAfterOpen: 1 } },
    { email: "viktor.lebedev@demo.kenes.kz", answer: { funding: "insufficient", proposedAmountKzt: 21_000_000, duration: "too_short", wouldApply: "no", feasibility: ["feasible", "unrealistic", null], note: "Удержание 60 % волонтёров через полгода без бюджета на их поддержку нереалистично.", daysAfterOpen: 1 } },
    { email: "gulzhan.yesimova@demo.kenes.kz", answer: { funding: "adequate", proposedAmountKzt: null, duration: "too_short", wouldApply: "no", feasibility: ["feasible", "feasible", "feasible"], note: null, daysAfterOpen: 2 } },
  ],
  "L-02": [
    { email: "ngo@demo.kenes.kz", answer: { funding: "insufficient", proposedAmountKzt: 17_500_000, duration: "adequate", wouldApply: "yes", feasibility: ["feasible", "feasible", "unrealistic"], note: "Курсы по 50 000 тенге в Шымкенте — это только цифровая грамотность; профессиональные курсы стоят от 80 000.", daysAfterOpen: 0 } },
    { email: "asel.mukasheva@demo.kenes.kz", answer: { funding: "insufficient", proposedAmountKzt: 18_000_000, duration: "adequate", wouldApply: "no", feasibility: ["feasible", "unclear", "unrealistic"], note: null, daysAfterOpen: 2 } },
    { email: "viktor.lebedev@demo.kenes.kz", answer: { funding: "adequate", proposedAmountKzt: null, duration: "adequate", wouldApply: "unsure", feasibility: ["feasible", "feasible", "unclear"], note: null, daysAfterOpen: 2 } },
  ],
  "L-03": [
    { email: "gulzhan.yesimova@demo.kenes.kz", answer: { funding: "adequate", proposedAmountKzt: null, duration: "adequate", wouldApply: "yes", feasibility: ["feasible", "feasible", "unclear"], note: null, daysAfterOpen: 0 } },
    { email: "gulzhan.yesimova@demo.kenes.kz", answer: { funding: "insufficient", proposedAmountKzt: 11_400_000, duration: "too_short", wouldApply: "yes", feasibility: ["feasible", "feasible", "unrealistic"], note: "Арал мен Қазалыдан Қызылордаға дейін 450 км: бір қатысушының сессияға жол жүруі мен тұруы 20 000 емес, 28 000 теңгеге жуық.", daysAfterOpen: 2 } },
    { email: "ngo@demo.kenes.kz", answer: { funding: "adequate", proposedAmountKzt: 9_500_000, duration: "adequate", wouldApply: "no", feasibility: ["feasible", "feasible", "feasible"], note: null, daysAfterOpen: 1 } },
    { email: "viktor.lebedev@demo.kenes.kz", answer: { funding: "excessive", proposedAmountKzt: 8_800_000, duration: "adequate", wouldApply: "no", feasibility: ["feasible", "unclear", "feasible"], note: "Административные расходы можно сократить: школа работает всего три сессии.", daysAfterOpen: 2 } },
    { email: "aizhan.toleuova@demo.kenes.kz", answer: { funding: "insufficient", proposedAmountKzt: 10_500_000, duration: null, wouldApply: null, feasibility: [null, null, null], note: null, daysAfterOpen: 2 } },
  ],
};

const budgetComments: { code: string; line: number; email: string; lang: "kk" | "ru"; body: string }[] = [
  { code: "L-01", line: 6, email: "ngo@demo.kenes.kz", lang: "ru", body: "5 000 тенге за поездку хватит только внутри района. Поездка тренера из Шымкента в Сарыагаш и обратно стоит около 9 000 тенге." },
  { code: "L-01", line: 6, email: "gulzhan.yesimova@demo.kenes.kz", lang: "kk", body: "Ауыл жастарын аудан орталығына жеткізу үшін көлік жалдау керек, бұл жолда ол ескерілмеген." },
  { code: "L-01", line: 2, email: "asel.mukasheva@demo.kenes.kz", lang: "ru", body: "90 000 тенге за полставки координатора ниже средней зарплаты в районе: людей на эти места будет трудно найти." },
  { code: "L-03", line: 4, email: "gulzhan.yesimova@demo.kenes.kz", lang: "ru", body: "Из Аральска до Кызылорды 450 км: 20 000 тенге на проезд, проживание и питание за сессию не хватит." },
  { code: "L-02", line: 4, email: "viktor.lebedev@demo.kenes.kz", lang: "ru", body: "Укажите, какие курсы имеются в виду: стоимость профессиональных курсов сильно различается." },
];

async function userByEmail(trx: Db, email: string) {
  return trx.selectFrom("users").select(["id", "organization_id"]).where(sql`lower(email)`, "=", email).executeTakeFirstOrThrow();
}

/** Called at the end of seedDemo, in its transaction. */
export async function seedDemoLots(trx: Db, now: Date = new Date()): Promise<void> {
  const consultation = await trx.selectFrom("consultations").select(["id", "opens_at", "organization_id"]).where("slug", "=", "youth-lots-2027").executeTakeFirst();
  if (!consultation) return;
  for (const lot of demoLots) {
    const checked = validateLot(lotToValues(lot));
    if (!checked.ok) throw new Error(`demo lot ${lot.code} is invalid: ${JSON.stringify(checked.errors)}`);
    await writeLot(trx, consultation.id, checked.lot, null, null);
  }
  const versionId = (await syncLotAnchors(trx, consultation.id))!;
  const lots = await trx.selectFrom("lots").select(["id", "code"]).where("consultation_id", "=", consultation.id).execute();
  const opensAt = new Date(consultation.opens_at).getTime();
  const at = (days: number, minutes: number) => new Date(Math.min(opensAt + days * DAY + minutes * 60_000, now.getTime() - 60_000));

  for (const lot of lots) {
    const indicatorIds = (await trx.selectFrom("lot_indicators").select(["id"]).where("lot_id", "=", lot.id).orderBy("position").execute()).map((r) => r.id);
    let minute = 30;
    for (const { email, answer } of feedback[lot.code] ?? []) {
      const user = await userByEmail(trx, email);
      const key = user.organization_id ? `org:${user.organization_id}` : `user:${user.id}`;
      const feasibility = Object.fromEntries(answer.feasibility.flatMap((f, i) => (f ? [[indicatorIds[i], f]] : [])));
      const values = {
        author_id: user.id,
        organization_id: user.organization_id,
        funding: answer.funding,
        proposed_amount_kzt: answer.proposedAmountKzt,
        duration: answer.duration,
        would_apply: answer.wouldApply,
        indicator_feasibility: JSON.stringify(feasibility),
        note: answer.note,
      };
      const when = at(answer.daysAfterOpen, (minute += 37));
      const existing = await trx.selectFrom("lot_feedback").selectAll().where("lot_id", "=", lot.id).where("respondent_key", "=", key).executeTakeFirst();
      if (!existing) {
        await trx.insertInto("lot_feedback").values({ ...values, lot_id: lot.id, respondent_key: key, created_at: when, updated_at: when }).execute();
        continue;
      }
      await trx
        .insertInto("lot_feedback_revisions")
        .values({
          feedback_id: existing.id,
          revision: existing.revision,
          author_id: existing.author_id,
          written_at: existing.updated_at,
          replaced_at: when,
          data: JSON.stringify({ funding: existing.funding, proposedAmountKzt: existing.proposed_amount_kzt === null ? null : Number(existing.proposed_amount_kzt), duration: existing.duration, wouldApply: existing.would_apply, indicatorFeasibility: existing.indicator_feasibility, note: existing.note }),
        })
        .execute();
      await trx.updateTable("lot_feedback").set({ ...values, revision: existing.revision + 1, updated_at: when }).where("id", "=", existing.id).execute();
    }
  }

  const anchors = await trx.selectFrom("blocks").select(["id", "lineage_key"]).where("version_id", "=", versionId).execute();
  const blockOf = new Map(anchors.map((a) => [a.lineage_key, a.id]));
  let i = 0;
  for (const c of budgetComments) {
    const user = await userByEmail(trx, c.email);
    await trx
      .insertInto("comments")
      .values({
        consultation_id: consultation.id,
        version_id: versionId,
        block_id: blockOf.get(budgetLineKey(c.code, c.line))!,
        author_id: user.id,
        organization_id: user.organization_id,
        body: c.body,
        lang: c.lang,
        idempotency_key: `demo-lots-${i}`,
        created_at: at(1, 100 + 53 * i++),
      })
      .execute();
  }
  await seedDemoPlan(trx, now);
}

/** This year's plan (one item late, one opened) and the 2027 plan of the demo bodies. */
async function seedDemoPlan(trx: Db, now: Date): Promise<void> {
  const orgs = new Map((await trx.selectFrom("organizations").select(["id", "slug"]).execute()).map((o) => [o.slug, o.id]));
  const consultations = new Map((await trx.selectFrom("consultations").select(["id", "slug", "opens_at"]).execute()).map((c) => [c.slug, c]));
  const staff = await trx.selectFrom("users").select("id").where("email", "=", "staff@demo.kenes.kz").executeTakeFirst();
  const kzNow = new Date(now.getTime() + 5 * 3_600_000);
  const year = kzNow.getUTCFullYear();
  const quarter = Math.floor(kzNow.getUTCMonth() / 3) + 1;
  // The quarter before this one: it has ended, so an item planned there and not opened is late.
  const past = quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
  const reporting = consultations.get("grant-reporting-2026");
  const reportingOpened = reporting ? new Date(new Date(reporting.opens_at).getTime() + 5 * 3_600_000) : null;
  const items = [
    {
      org: "misd", year: past.year, quarter: past.quarter, kind: "act" as const, type: "regulation" as const, consultation: null,
      title: L(
        "Мемлекеттік әлеуметтік тапсырысты іске асыру қағидаларына өзгерістер",
        "Изменения в Правила реализации государственного социального заказа",
        "Amendments to the Rules for implementing the state social order",
      ),
    },
    ...(reporting && reportingOpened
      ? [{
          org: "misd", year: reportingOpened.getUTCFullYear(), quarter: Math.floor(reportingOpened.getUTCMonth() / 3) + 1, kind: "act" as const, type: "regulation" as const, consultation: reporting.id,
          title: L("Мемлекеттік гранттар бойынша есептілік нысандары", "Формы отчётности по государственным грантам", "Reporting forms for state grants"),
        }]
      : []),
    { org: "misd", year: 2027, quarter: 1, kind: "act" as const, type: "grant_rules" as const, consultation: consultations.get("grant-rules-2027")?.id ?? null, title: L("2027 жылға арналған мемлекеттік әлеуметтік гранттар беру қағидалары", "Правила предоставления государственных социальных грантов на 2027 год", "Rules for awarding state social grants for 2027") },
    { org: "misd", year: 2027, quarter: 1, kind: "act" as const, type: "regulation" as const, consultation: consultations.get("ngo-register-2027")?.id ?? null, title: L("ҮЕҰ дерекқорын жүргізу тәртібі", "Порядок ведения базы данных НПО", "Procedure for keeping the NGO database") },
    { org: "cisc", year: 2027, quarter: 1, kind: "lot" as const, type: "lot_specification" as const, consultation: consultations.get("youth-lots-2027")?.id ?? null, title: L("Жастар саясаты саласындағы 2027 жылғы грант лоттары", "Лоты грантов 2027 года в сфере молодёжной политики", "2027 grant lots in youth policy") },
    { org: "cisc", year: 2027, quarter: 2, kind: "lot" as const, type: "lot_specification" as const, consultation: null, title: L("Ауыл әйелдерінің бастамаларын қолдау лоттары", "Лоты поддержки инициатив сельских женщин", "Lots supporting rural women's initiatives") },
    { org: "misd", year: 2027, quarter: 3, kind: "act" as const, type: "regulation" as const, consultation: null, title: L("Мемлекеттік гранттардың мониторингі әдістемесі", "Методика мониторинга государственных грантов", "Methodology for monitoring state grants") },
    { org: "cisc", year: 2027, quarter: 4, kind: "lot" as const, type: "lot_specification" as const, consultation: null, title: L("2028 жылғы жастар саясаты лоттары", "Лоты 2028 года в сфере молодёжной политики", "2028 lots in youth policy") },
  ];
  const rows = items.filter((i) => orgs.has(i.org));
  if (rows.length === 0) return;
  await trx
    .insertInto("plan_items")
    .values(rows.map((i) => ({ organization_id: orgs.get(i.org)!, year: i.year, quarter: i.quarter, kind: i.kind, consultation_type: i.type, title: JSON.stringify(i.title), consultation_id: i.consultation, created_by: staff?.id ?? null })))
    .execute();
}
