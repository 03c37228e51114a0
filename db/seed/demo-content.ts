/**
 * Demo content for the Kenes public consultation portal.
 *
 * Pure typed data, no imports. All organisations, people and drafts are
 * fictitious and exist only to demonstrate the portal. Texts are given in
 * Kazakh, Russian and English; the three language versions of every block
 * say the same thing.
 */

export type Localized = { kk: string; ru: string; en: string };

export type DemoRole = "citizen" | "ngo_representative" | "staff" | "moderator" | "mp" | "admin";

export interface DemoOrganization {
  key: string;
  kind: "government_body" | "ngo";
  /** 12 digits */
  bin: string;
  name: Localized;
  slug: string;
}

export interface DemoUser {
  key: string;
  email: string;
  name: string;
  role: DemoRole;
  /** DemoOrganization.key */
  organization: string | null;
}

export interface DemoBlock {
  /** stable lineage key, e.g. "art-5", "sec-2", "p-5-1", "li-5-1" */
  key: string;
  kind: "section" | "article" | "paragraph" | "list_item";
  label: Localized | null;
  text: Localized;
}

export interface DemoComment {
  /** DemoUser.key */
  author: string;
  /** null = on the whole draft */
  blockKey: string | null;
  lang: "kk" | "ru" | "en";
  body: string;
  daysAfterOpen: number;
}

export interface DemoConsultation {
  slug: string;
  type: "grant_rules" | "lot_specification" | "regulation";
  /** key of a government_body */
  organization: string;
  title: Localized;
  summary: Localized;
  explanatoryNote: Localized;
  /** relative to seeding time; negative = already opened */
  opensInDays: number;
  periodDays: number;
  /** required when periodDays < 30 */
  shortPeriodJustification: Localized | null;
  blocks: DemoBlock[];
  comments: DemoComment[];
}

// ---------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------

export const demoOrganizations: DemoOrganization[] = [
  {
    key: "misd",
    kind: "government_body",
    bin: "190240021447",
    slug: "misd",
    name: {
      kk: "Қазақстан Республикасы Ақпарат және қоғамдық даму министрлігі",
      ru: "Министерство информации и общественного развития Республики Казахстан",
      en: "Ministry of Information and Social Development of the Republic of Kazakhstan",
    },
  },
  {
    key: "cisc",
    kind: "government_body",
    bin: "050940003212",
    slug: "cisc",
    name: {
      kk: "Азаматтық бастамаларды қолдау орталығы",
      ru: "Центр поддержки гражданских инициатив",
      en: "Civil Initiatives Support Centre",
    },
  },
  {
    key: "zhastar",
    kind: "ngo",
    bin: "120640008915",
    slug: "zhastar-bastamasy",
    name: {
      kk: "«Жастар бастамасы» жастар қоғамдық бірлестігі (Шымкент қ.)",
      ru: "Молодёжное общественное объединение «Жастар бастамасы» (г. Шымкент)",
      en: "Zhastar Bastamasy Youth Public Association (Shymkent)",
    },
  },
  {
    key: "ten-mumkindik",
    kind: "ngo",
    bin: "080340011723",
    slug: "ten-mumkindik",
    name: {
      kk: "«Тең мүмкіндік» мүгедектігі бар адамдардың құқықтарын қорғау қауымдастығы (Алматы қ.)",
      ru: "Ассоциация защиты прав лиц с инвалидностью «Тең мүмкіндік» (г. Алматы)",
      en: "Ten Mumkindik Disability Rights Association (Almaty)",
    },
  },
  {
    key: "taza-ertis",
    kind: "ngo",
    bin: "110440019036",
    slug: "taza-ertis",
    name: {
      kk: "«Таза Ертіс» экологиялық қоғамдық қоры (Павлодар қ.)",
      ru: "Экологический общественный фонд «Таза Ертіс» (г. Павлодар)",
      en: "Taza Ertis Environmental Public Foundation (Pavlodar)",
    },
  },
  {
    key: "syr-analary",
    kind: "ngo",
    bin: "160740027581",
    slug: "syr-analary",
    name: {
      kk: "«Сыр аналары» ауыл әйелдерінің қоғамдық бірлестігі (Қызылорда облысы)",
      ru: "Общественное объединение сельских женщин «Сыр аналары» (Кызылординская область)",
      en: "Syr Analary Rural Women's Public Association (Kyzylorda region)",
    },
  },
];

// ---------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------

export const demoUsers: DemoUser[] = [
  { key: "citizen", email: "citizen@demo.kenes.kz", name: "Айгерім Сәрсенбаева", role: "citizen", organization: null },
  { key: "ngo", email: "ngo@demo.kenes.kz", name: "Данияр Оспанов", role: "ngo_representative", organization: "zhastar" },
  { key: "staff", email: "staff@demo.kenes.kz", name: "Гүлнара Ахметова", role: "staff", organization: "misd" },
  { key: "moderator", email: "moderator@demo.kenes.kz", name: "Ерлан Жұмабаев", role: "moderator", organization: null },
  { key: "mp", email: "mp@demo.kenes.kz", name: "Марат Есенов", role: "mp", organization: null },
  { key: "admin", email: "admin@demo.kenes.kz", name: "Әлия Нұрғалиева", role: "admin", organization: null },
  { key: "citizen-nurlan", email: "nurlan.abdirov@demo.kenes.kz", name: "Нұрлан Әбдіров", role: "citizen", organization: null },
  { key: "citizen-olga", email: "olga.petrenko@demo.kenes.kz", name: "Ольга Петренко", role: "citizen", organization: null },
  { key: "citizen-aizhan", email: "aizhan.toleuova@demo.kenes.kz", name: "Айжан Төлеуова", role: "citizen", organization: null },
  { key: "citizen-sergey", email: "sergey.kim@demo.kenes.kz", name: "Сергей Ким", role: "citizen", organization: null },
  { key: "ngo-ten", email: "asel.mukasheva@demo.kenes.kz", name: "Әсел Мұқашева", role: "ngo_representative", organization: "ten-mumkindik" },
  { key: "ngo-ertis", email: "viktor.lebedev@demo.kenes.kz", name: "Виктор Лебедев", role: "ngo_representative", organization: "taza-ertis" },
  { key: "ngo-syr", email: "gulzhan.yesimova@demo.kenes.kz", name: "Гүлжан Есімова", role: "ngo_representative", organization: "syr-analary" },
];

// ---------------------------------------------------------------------------
// Consultation 1: Rules for awarding state social grants (draft amendments)
// ---------------------------------------------------------------------------

const grantRules2027: DemoConsultation = {
  slug: "grant-rules-2027",
  type: "grant_rules",
  organization: "misd",
  title: {
    kk: "Үкіметтік емес ұйымдарға мемлекеттік әлеуметтік гранттар беру қағидалары (өзгерістер жобасы)",
    ru: "Правила предоставления государственных социальных грантов неправительственным организациям (проект изменений)",
    en: "Rules for awarding state social grants to non-governmental organisations (draft amendments)",
  },
  summary: {
    kk: "Жоба Қағидаларды жаңа редакцияда баяндайды: лот сомасы қызмет көрсету стандарттары мен шығын нормаларына сүйеніп негізделеді, есеп-қисап әр лотпен бірге жарияланады, қоса қаржыландыру 5 пайыз мөлшерінде белгіленеді, конкурстық комиссияның тәуелсіздігі күшейтіледі, ал өтінімдердің барлық бағалары жариялануға жатады.",
    ru: "Проект излагает Правила в новой редакции: сумма лота обосновывается стандартами оказания услуг и нормами затрат, расчёт публикуется вместе с каждым лотом, софинансирование устанавливается в размере 5 процентов, усиливается независимость конкурсной комиссии, а все оценки заявок подлежат опубликованию.",
    en: "The draft sets out the Rules in a new version: the lot amount is justified by service standards and cost norms, the calculation is published together with each lot, co-financing is set at 5 per cent, the independence of the evaluation committee is strengthened, and all scores of applications are to be published.",
  },
  explanatoryNote: {
    kk: "Жоба 2024–2025 жылдардағы грант конкурстарын талдау қорытындысы бойынша әзірленді. Талдау лот сомалары көбіне есеп-қисапсыз белгіленетінін, ал өтінім берушілер өз өтінімдерінің қабылданбау себептерін біле алмайтынын көрсетті. Өзгерістер әр лот сомасын міндетті түрде есептеуді, бірыңғай 100 балдық бағалау шкаласын, бағалау парақтарын жариялауды және шағымдану тәртібін енгізеді. Жобаны қабылдау бюджеттен қосымша шығыстарды талап етпейді. Жоба 30 күнтізбелік күнге көпшілік талқылауына орналастырылады; әзірлеуші әр пікірге жауап береді және талқылау қорытындысы бойынша анықтама жариялайды.",
    ru: "Проект подготовлен по итогам анализа грантовых конкурсов 2024–2025 годов. Анализ показал, что суммы лотов нередко определялись без расчётов, а заявители не имели возможности узнать причины отклонения своих заявок. Изменения вводят обязательный расчёт суммы каждого лота, единую 100-балльную шкалу оценки, опубликование оценочных листов и порядок обжалования. Принятие проекта не потребует дополнительных расходов из бюджета. Проект размещается для публичного обсуждения на 30 календарных дней; разработчик ответит на каждый комментарий и опубликует справку по итогам обсуждения.",
    en: "The draft was prepared following an analysis of the 2024–2025 grant competitions. The analysis showed that lot amounts were often set without calculations and that applicants had no way of learning why their applications were rejected. The amendments introduce a mandatory calculation of the amount of each lot, a uniform 100-point scoring scale, publication of evaluation sheets and an appeals procedure. Adoption of the draft will not require additional budget expenditure. The draft is published for public discussion for 30 calendar days; the developer will answer every comment and publish a summary of the results of the discussion.",
  },
  opensInDays: -5,
  periodDays: 30,
  shortPeriodJustification: null,
  blocks: [
    // ----- Chapter 1 -------------------------------------------------------
    {
      key: "sec-1",
      kind: "section",
      label: { kk: "1-тарау", ru: "Глава 1", en: "Chapter 1" },
      text: { kk: "Жалпы ережелер", ru: "Общие положения", en: "General provisions" },
    },
    {
      key: "art-1",
      kind: "article",
      label: { kk: "1-бап", ru: "Статья 1", en: "Article 1" },
      text: {
        kk: "Реттеу нысанасы және қолданылу аясы",
        ru: "Предмет регулирования и сфера применения",
        en: "Subject matter and scope",
      },
    },
    {
      key: "p-1-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Осы Қағидалар республикалық бюджеттен үкіметтік емес ұйымдарға берілетін мемлекеттік әлеуметтік гранттардың лоттарын қалыптастыру, конкурстар өткізу, гранттарды беру, іске асыру және олардың мониторингі тәртібін айқындайды.",
        ru: "Настоящие Правила определяют порядок формирования лотов, проведения конкурсов, предоставления, реализации и мониторинга государственных социальных грантов, предоставляемых неправительственным организациям из республиканского бюджета.",
        en: "These Rules determine the procedure for forming lots, holding competitions, awarding, implementing and monitoring state social grants awarded to non-governmental organisations from the republican budget.",
      },
    },
    {
      key: "p-1-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Қағидалардың күші уәкілетті органға, грант операторына, конкурстық комиссия мүшелеріне, өтінім берушілер мен грант алушыларға қолданылады.",
        ru: "Действие Правил распространяется на уполномоченный орган, оператора грантов, членов конкурсной комиссии, заявителей и грантополучателей.",
        en: "The Rules apply to the authorised body, the grant operator, members of the evaluation committee, applicants and grantees.",
      },
    },
    {
      key: "art-2",
      kind: "article",
      label: { kk: "2-бап", ru: "Статья 2", en: "Article 2" },
      text: { kk: "Негізгі ұғымдар", ru: "Основные понятия", en: "Main terms" },
    },
    {
      key: "p-2-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Осы Қағидаларда мынадай негізгі ұғымдар пайдаланылады:",
        ru: "В настоящих Правилах используются следующие основные понятия:",
        en: "The following main terms are used in these Rules:",
      },
    },
    {
      key: "li-2-1",
      kind: "list_item",
      label: { kk: "1)", ru: "1)", en: "1)" },
      text: {
        kk: "грант операторы – уәкілетті орган айқындайтын, конкурстарды ұйымдастыратын және грант беру туралы шарттар жасасатын заңды тұлға;",
        ru: "оператор грантов — юридическое лицо, определяемое уполномоченным органом, которое организует конкурсы и заключает договоры о предоставлении грантов;",
        en: "grant operator – a legal entity determined by the authorised body that organises competitions and concludes grant agreements;",
      },
    },
    {
      key: "li-2-2",
      kind: "list_item",
      label: { kk: "2)", ru: "2)", en: "2)" },
      text: {
        kk: "лот – бір грант тақырыбы шеңберіндегі әлеуметтік жобаға қойылатын талаптардың жиынтығы, оның ішінде аумақ, нысаналы топ, іске асыру мерзімі, күтілетін нәтижелер және гранттың шекті сомасы;",
        ru: "лот — совокупность требований к социальному проекту в рамках одной темы гранта, включая территорию, целевую группу, срок реализации, ожидаемые результаты и предельную сумму гранта;",
        en: "lot – a set of requirements for a social project within one grant topic, including the territory, target group, implementation period, expected results and the maximum grant amount;",
      },
    },
    {
      key: "li-2-3",
      kind: "list_item",
      label: { kk: "3)", ru: "3)", en: "3)" },
      text: {
        kk: "қоса қаржыландыру – грант алушының жобаны іске асыруға ақшалай немесе ақшалай емес нысандағы өз үлесі;",
        ru: "софинансирование — собственный вклад грантополучателя в реализацию проекта в денежной или неденежной форме;",
        en: "co-financing – the grantee's own contribution to the implementation of the project in cash or in kind;",
      },
    },
    {
      key: "li-2-4",
      kind: "list_item",
      label: { kk: "4)", ru: "4)", en: "4)" },
      text: {
        kk: "шығын нормасы – лот сомасын есептеу үшін қолданылатын, уәкілетті орган бекітетін бір қызметтің, бір іс-шараның немесе бір штат бірлігінің құны;",
        ru: "норма затрат — стоимость единицы услуги, мероприятия или штатной единицы, применяемая для расчёта суммы лота и утверждаемая уполномоченным органом;",
        en: "cost norm – the cost of a unit of service, an event or a staff position, used to calculate the lot amount and approved by the authorised body;",
      },
    },
    {
      key: "li-2-5",
      kind: "list_item",
      label: { kk: "5)", ru: "5)", en: "5)" },
      text: {
        kk: "мониторинг – жобаның іске асырылу барысы және оның көрсеткіштеріне қол жеткізу туралы ақпаратты жүйелі түрде жинау және талдау.",
        ru: "мониторинг — систематический сбор и анализ информации о ходе реализации проекта и достижении его показателей.",
        en: "monitoring – the systematic collection and analysis of information on the progress of the project and the achievement of its indicators.",
      },
    },
    {
      key: "art-3",
      kind: "article",
      label: { kk: "3-бап", ru: "Статья 3", en: "Article 3" },
      text: { kk: "Гранттар беру қағидаттары", ru: "Принципы предоставления грантов", en: "Principles of awarding grants" },
    },
    {
      key: "p-3-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Гранттар ашықтық, бәсекелестік, тең қолжетімділік, шығыстардың негізділігі және нәтижелер үшін есептілік қағидаттары негізінде беріледі.",
        ru: "Гранты предоставляются на основе принципов прозрачности, конкурсности, равного доступа, обоснованности расходов и подотчётности за результаты.",
        en: "Grants are awarded on the basis of the principles of transparency, competition, equal access, justification of expenditure and accountability for results.",
      },
    },
    {
      key: "p-3-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Лоттар, конкурстар, бағалау нәтижелері және гранттар бойынша есептер туралы ақпарат, дербес деректерді қоспағанда, грант операторының интернет-ресурсында және «Кеңес» порталында орналастырылады.",
        ru: "Информация о лотах, конкурсах, результатах оценки и отчётах по грантам, за исключением персональных данных, размещается на интернет-ресурсе оператора грантов и на портале «Кеңес».",
        en: "Information on lots, competitions, evaluation results and grant reports, except for personal data, is published on the grant operator's website and on the Kenes portal.",
      },
    },
    {
      key: "art-4",
      kind: "article",
      label: { kk: "4-бап", ru: "Статья 4", en: "Article 4" },
      text: {
        kk: "Гранттар жоспары және басым бағыттар",
        ru: "План грантов и приоритетные направления",
        en: "Grant plan and priority areas",
      },
    },
    {
      key: "p-4-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Келесі қаржы жылына арналған гранттар жоспарын уәкілетті орган ағымдағы жылдың 1 желтоқсанынан кешіктірмей, грант тақырыптарын көпшілік талқылау нәтижелерін ескере отырып бекітеді.",
        ru: "План грантов на очередной финансовый год утверждается уполномоченным органом не позднее 1 декабря текущего года с учётом результатов публичного обсуждения тем грантов.",
        en: "The grant plan for the next financial year is approved by the authorised body not later than 1 December of the current year, taking into account the results of the public discussion of grant topics.",
      },
    },
    {
      key: "p-4-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Басым бағыттарға мыналар жатады:",
        ru: "К приоритетным направлениям относятся:",
        en: "The priority areas are:",
      },
    },
    {
      key: "li-4-1",
      kind: "list_item",
      label: { kk: "1)", ru: "1)", en: "1)" },
      text: {
        kk: "халықтың әлеуметтік осал топтарын, оның ішінде мүгедектігі бар адамдарды қолдау;",
        ru: "поддержка социально уязвимых слоёв населения, в том числе лиц с инвалидностью;",
        en: "support for socially vulnerable groups of the population, including persons with disabilities;",
      },
    },
    {
      key: "li-4-2",
      kind: "list_item",
      label: { kk: "2)", ru: "2)", en: "2)" },
      text: {
        kk: "жастар саясаты және балалар бастамалары;",
        ru: "молодёжная политика и детские инициативы;",
        en: "youth policy and children's initiatives;",
      },
    },
    {
      key: "li-4-3",
      kind: "list_item",
      label: { kk: "3)", ru: "3)", en: "3)" },
      text: {
        kk: "қоршаған ортаны қорғау;",
        ru: "охрана окружающей среды;",
        en: "environmental protection;",
      },
    },
    {
      key: "li-4-4",
      kind: "list_item",
      label: { kk: "4)", ru: "4)", en: "4)" },
      text: {
        kk: "ауылдық қоғамдастықтарды дамыту және ауыл әйелдерінің бастамаларын қолдау.",
        ru: "развитие сельских сообществ и поддержка инициатив сельских женщин.",
        en: "development of rural communities and support for rural women's initiatives.",
      },
    },

    // ----- Chapter 2 -------------------------------------------------------
    {
      key: "sec-2",
      kind: "section",
      label: { kk: "2-тарау", ru: "Глава 2", en: "Chapter 2" },
      text: {
        kk: "Лоттарды қалыптастыру және грант сомасы",
        ru: "Формирование лотов и сумма гранта",
        en: "Formation of lots and the grant amount",
      },
    },
    {
      key: "art-5",
      kind: "article",
      label: { kk: "5-бап", ru: "Статья 5", en: "Article 5" },
      text: { kk: "Лоттарды қалыптастыру", ru: "Формирование лотов", en: "Formation of grant lots" },
    },
    {
      key: "p-5-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Лоттарды уәкілетті орган мемлекеттік органдардың, қоғамдық кеңестердің және үкіметтік емес ұйымдардың ұсыныстары негізінде қалыптастырады. Әр лот бір грант тақырыбын және бір аумақты: облысты, республикалық маңызы бар қаланы не бүкіл республиканы қамтиды.",
        ru: "Лоты формируются уполномоченным органом на основе предложений государственных органов, общественных советов и неправительственных организаций. Каждый лот охватывает одну тему гранта и одну территорию: область, город республиканского значения либо всю республику.",
        en: "Lots are formed by the authorised body on the basis of proposals from state bodies, public councils and non-governmental organisations. Each lot covers one grant topic and one territory: a region, a city of republican significance or the whole country.",
      },
    },
    {
      key: "p-5-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Өңірлік лоттың сомасы 500 АЕК-тен кем және 5 000 АЕК-тен артық болмауға тиіс, республикалық лоттың сомасы 15 000 АЕК-тен аспауға тиіс. АЕК тиісті қаржы жылына арналған республикалық бюджет туралы заңда белгіленген мөлшерде қолданылады.",
        ru: "Сумма регионального лота составляет не менее 500 МРП и не более 5 000 МРП, сумма республиканского лота — не более 15 000 МРП. МРП применяется в размере, установленном законом о республиканском бюджете на соответствующий финансовый год.",
        en: "The amount of a regional lot shall be not less than 500 MCI and not more than 5 000 MCI; the amount of a national lot shall not exceed 15 000 MCI. The MCI is applied in the amount established by the law on the republican budget for the relevant financial year.",
      },
    },
    {
      key: "p-5-3",
      kind: "paragraph",
      label: { kk: "3.", ru: "3.", en: "3." },
      text: {
        kk: "Лот спецификациясында проблеманың сипаттамасы, нысаналы топ, аумақ, іске асыру мерзімі, өлшенетін көрсеткіштері бар күтілетін нәтижелер, шекті сома және оның есеп-қисабы қамтылады.",
        ru: "Спецификация лота содержит описание проблемы, целевую группу, территорию, срок реализации, ожидаемые результаты с измеримыми показателями, предельную сумму и её расчёт.",
        en: "A lot specification contains the problem statement, the target group, the territory, the implementation period, the expected results with measurable indicators, the maximum amount and its calculation.",
      },
    },
    {
      key: "art-6",
      kind: "article",
      label: { kk: "6-бап", ru: "Статья 6", en: "Article 6" },
      text: { kk: "Лот сомасын негіздеу", ru: "Обоснование суммы лота", en: "Justification of the lot amount" },
    },
    {
      key: "p-6-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Лот сомасы уәкілетті орган бекіткен қызмет көрсету стандарттары мен шығын нормалары негізінде есептеледі. Егер шығыстар түрі бойынша шығын нормасы бекітілмесе, есеп-қисап кемінде үш коммерциялық ұсыныс не тиісті өңір бойынша бағалардың ресми статистикасы негізінде жүргізіледі.",
        ru: "Сумма лота рассчитывается на основе стандартов оказания услуг и норм затрат, утверждённых уполномоченным органом. Если норма затрат по виду расходов не утверждена, расчёт производится на основании не менее трёх коммерческих предложений либо официальной статистики цен по соответствующему региону.",
        en: "The lot amount is calculated on the basis of the service standards and cost norms approved by the authorised body. If no cost norm has been approved for a type of expenditure, the calculation is based on at least three commercial offers or on official price statistics for the relevant region.",
      },
    },
    {
      key: "p-6-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Еңбекақы төлеуге арналған шығыстар тиісті өңірдегі «Денсаулық сақтау және халыққа әлеуметтік қызмет көрсету» саласындағы өткен жылғы орташа айлық номиналды жалақы негізінде есептеледі және лот сомасының 50 пайызынан аспауға тиіс.",
        ru: "Расходы на оплату труда рассчитываются исходя из среднемесячной номинальной заработной платы в отрасли «Здравоохранение и социальное обслуживание населения» соответствующего региона за предыдущий год и не могут превышать 50 процентов суммы лота.",
        en: "Staff remuneration is calculated on the basis of the average monthly nominal wage in the “Health care and social services” sector of the relevant region for the previous year and may not exceed 50 per cent of the lot amount.",
      },
    },
    {
      key: "p-6-3",
      kind: "paragraph",
      label: { kk: "3.", ru: "3.", en: "3." },
      text: {
        kk: "Грант алушының әкімшілік шығыстары лот сомасының 15 пайызынан аспауға тиіс. Лот сомасының есеп-қисабы лот спецификациясымен бірге жарияланады.",
        ru: "Административные расходы грантополучателя не могут превышать 15 процентов суммы лота. Расчёт суммы лота публикуется вместе со спецификацией лота.",
        en: "The grantee's administrative costs may not exceed 15 per cent of the lot amount. The calculation of the lot amount is published together with the lot specification.",
      },
    },
    {
      key: "art-7",
      kind: "article",
      label: { kk: "7-бап", ru: "Статья 7", en: "Article 7" },
      text: { kk: "Қоса қаржыландыру", ru: "Софинансирование", en: "Co-financing" },
    },
    {
      key: "p-7-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Өтінім беруші жобаны грант сомасының кемінде 5 пайызы мөлшерінде қоса қаржыландыруды қамтамасыз етеді, оның кемінде жартысы ақшалай нысанда беріледі.",
        ru: "Заявитель обеспечивает софинансирование проекта в размере не менее 5 процентов от суммы гранта, из которых не менее половины предоставляется в денежной форме.",
        en: "The applicant shall ensure co-financing of the project of not less than 5 per cent of the grant amount, of which at least half shall be provided in cash.",
      },
    },
    {
      key: "p-7-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Ақшалай емес қоса қаржыландыруға өтеусіз берілетін үй-жайлар, жабдықтар және еріктілердің еңбегі жатады. Еріктілердің еңбегі бір адамға бір күнге 2 АЕК есебінен бағаланады.",
        ru: "К неденежному софинансированию относятся безвозмездно предоставляемые помещения, оборудование и труд волонтёров. Труд волонтёров оценивается из расчёта 2 МРП на одного человека в день.",
        en: "In-kind co-financing comprises premises, equipment and volunteer work provided free of charge. Volunteer work is valued at 2 MCI per person per day.",
      },
    },
    {
      key: "p-7-3",
      kind: "paragraph",
      label: { kk: "3.", ru: "3.", en: "3." },
      text: {
        kk: "Қоса қаржыландыру өтінім беруші басшысының хатымен расталады және қаржылық есепте көрсетіледі.",
        ru: "Софинансирование подтверждается письмом руководителя заявителя и отражается в финансовом отчёте.",
        en: "Co-financing is confirmed by a letter from the head of the applicant and is reflected in the financial report.",
      },
    },
    {
      key: "art-8",
      kind: "article",
      label: { kk: "8-бап", ru: "Статья 8", en: "Article 8" },
      text: {
        kk: "Рұқсат етілген және рұқсат етілмеген шығыстар",
        ru: "Допустимые и недопустимые расходы",
        en: "Eligible and ineligible expenses",
      },
    },
    {
      key: "p-8-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Грант жобаның бекітілген бюджетінде көзделген және оның нәтижелеріне қол жеткізумен тікелей байланысты шығыстарға ғана пайдаланылуы мүмкін.",
        ru: "Грант может использоваться только на расходы, предусмотренные утверждённым бюджетом проекта и непосредственно связанные с достижением его результатов.",
        en: "The grant may be used only for expenditure provided for in the approved project budget and directly related to the achievement of the project's results.",
      },
    },
    {
      key: "p-8-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Грант есебінен мыналарды қаржыландыруға жол берілмейді:",
        ru: "За счёт гранта не допускается финансирование:",
        en: "The following may not be financed from the grant:",
      },
    },
    {
      key: "li-8-1",
      kind: "list_item",
      label: { kk: "1)", ru: "1)", en: "1)" },
      text: {
        kk: "жер учаскелерін, ғимараттар мен көлік құралдарын сатып алу;",
        ru: "приобретения земельных участков, зданий и транспортных средств;",
        en: "acquisition of land plots, buildings and vehicles;",
      },
    },
    {
      key: "li-8-2",
      kind: "list_item",
      label: { kk: "2)", ru: "2)", en: "2)" },
      text: {
        kk: "қарыздарды, айыппұлдар мен өсімпұлдарды өтеу;",
        ru: "погашения займов, штрафов и пеней;",
        en: "repayment of loans, fines and penalties;",
      },
    },
    {
      key: "li-8-3",
      kind: "list_item",
      label: { kk: "3)", ru: "3)", en: "3)" },
      text: {
        kk: "саяси партиялардың қызметі және сайлауалды үгіт;",
        ru: "деятельности политических партий и предвыборной агитации;",
        en: "activities of political parties and election campaigning;",
      },
    },
    {
      key: "li-8-4",
      kind: "list_item",
      label: { kk: "4)", ru: "4)", en: "4)" },
      text: {
        kk: "грант сомасының 10 пайызынан асатын бөлігінде жабдықтар сатып алу.",
        ru: "приобретения оборудования сверх 10 процентов от суммы гранта.",
        en: "purchase of equipment in excess of 10 per cent of the grant amount.",
      },
    },
    {
      key: "art-9",
      kind: "article",
      label: { kk: "9-бап", ru: "Статья 9", en: "Article 9" },
      text: {
        kk: "Грант тақырыптары мен лоттарды көпшілік талқылау",
        ru: "Публичное обсуждение тем грантов и лотов",
        en: "Public discussion of grant topics and lots",
      },
    },
    {
      key: "p-9-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Грант тақырыптарының және лот спецификацияларының жобалары лот сомаларының есеп-қисабымен бірге гранттар жоспары бекітілгенге дейін кемінде 10 жұмыс күні мерзімге көпшілік талқылауы үшін «Кеңес» порталында орналастырылады.",
        ru: "Проекты тем грантов и спецификаций лотов вместе с расчётом сумм лотов размещаются на портале «Кеңес» для публичного обсуждения на срок не менее 10 рабочих дней до утверждения плана грантов.",
        en: "Draft grant topics and lot specifications, together with the calculation of the lot amounts, are published on the Kenes portal for public discussion for not less than 10 working days before the grant plan is approved.",
      },
    },
    {
      key: "p-9-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Талқылау қорытындысы бойынша уәкілетті орган лоттың нысаналы тобын, көрсеткіштерін немесе сомасын өзгертуге құқылы; өзгерістердің себептері талқылау қорытындысы бойынша анықтамада көрсетіледі.",
        ru: "По итогам обсуждения уполномоченный орган вправе изменить целевую группу, показатели или сумму лота; причины изменений указываются в справке по итогам обсуждения.",
        en: "Following the discussion, the authorised body may change the target group, indicators or amount of a lot; the reasons for the changes are stated in the summary of the results of the discussion.",
      },
    },

    // ----- Chapter 3 -------------------------------------------------------
    {
      key: "sec-3",
      kind: "section",
      label: { kk: "3-тарау", ru: "Глава 3", en: "Chapter 3" },
      text: { kk: "Конкурс өткізу тәртібі", ru: "Порядок проведения конкурса", en: "Competition procedure" },
    },
    {
      key: "art-10",
      kind: "article",
      label: { kk: "10-бап", ru: "Статья 10", en: "Article 10" },
      text: { kk: "Конкурс жариялау", ru: "Объявление конкурса", en: "Announcement of the competition" },
    },
    {
      key: "p-10-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Грант операторы гранттар жоспары бекітілгеннен кейін 15 жұмыс күнінен кешіктірмей өзінің интернет-ресурсында және «Кеңес» порталында хабарландыру орналастыру арқылы конкурс жариялайды.",
        ru: "Оператор грантов объявляет конкурс не позднее 15 рабочих дней после утверждения плана грантов путём размещения объявления на своём интернет-ресурсе и на портале «Кеңес».",
        en: "The grant operator announces the competition not later than 15 working days after the approval of the grant plan by publishing an announcement on its website and on the Kenes portal.",
      },
    },
    {
      key: "p-10-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Өтінімдер конкурс жарияланған күннен бастап кемінде 20 күнтізбелік күн ішінде қабылданады. Осы кезеңде грант операторы өтінім берушілер үшін кемінде бір онлайн-консультация өткізеді.",
        ru: "Заявки принимаются в течение не менее 20 календарных дней со дня объявления конкурса. В этот период оператор грантов проводит не менее одной онлайн-консультации для заявителей.",
        en: "Applications are accepted for not less than 20 calendar days from the date of the announcement of the competition. During this period the grant operator holds at least one online consultation for applicants.",
      },
    },
    {
      key: "art-11",
      kind: "article",
      label: { kk: "11-бап", ru: "Статья 11", en: "Article 11" },
      text: {
        kk: "Үкіметтік емес ұйымдарға қойылатын талаптар",
        ru: "Требования к неправительственным организациям",
        en: "Eligibility of non-governmental organisations",
      },
    },
    {
      key: "p-11-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Өтінім берілген күні мынадай талаптарға сай келетін үкіметтік емес ұйым конкурсқа қатысуға құқылы:",
        ru: "Неправительственная организация вправе участвовать в конкурсе, если на дату подачи заявки она:",
        en: "A non-governmental organisation may participate in the competition if, on the date of submission of the application, it:",
      },
    },
    {
      key: "li-11-1",
      kind: "list_item",
      label: { kk: "1)", ru: "1)", en: "1)" },
      text: {
        kk: "конкурс жарияланғанға дейін кемінде бір жыл бұрын тіркелген;",
        ru: "зарегистрирована не менее чем за один год до объявления конкурса;",
        en: "was registered not less than one year before the announcement of the competition;",
      },
    },
    {
      key: "li-11-2",
      kind: "list_item",
      label: { kk: "2)", ru: "2)", en: "2)" },
      text: {
        kk: "6 АЕК-тен асатын салық берешегі жоқ;",
        ru: "не имеет налоговой задолженности, превышающей 6 МРП;",
        en: "has no tax arrears exceeding 6 MCI;",
      },
    },
    {
      key: "li-11-3",
      kind: "list_item",
      label: { kk: "3)", ru: "3)", en: "3)" },
      text: {
        kk: "жосықсыз грант алушылар тізіліміне енгізілмеген және бұрын алған гранттар бойынша мерзімі өткен міндеттемелері жоқ;",
        ru: "не включена в реестр недобросовестных грантополучателей и не имеет просроченных обязательств по ранее полученным грантам;",
        en: "is not included in the register of unscrupulous grantees and has no overdue obligations under previously received grants;",
      },
    },
    {
      key: "li-11-4",
      kind: "list_item",
      label: { kk: "4)", ru: "4)", en: "4)" },
      text: {
        kk: "таратылу немесе банкроттық рәсімінде емес.",
        ru: "не находится в процессе ликвидации или банкротства.",
        en: "is not in the process of liquidation or bankruptcy.",
      },
    },
    {
      key: "p-11-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Бір ұйым бір конкурс шеңберінде екі өтінімнен артық бере алмайды және бір лоттан артық бойынша жеңімпаз бола алмайды.",
        ru: "Одна организация вправе подать не более двух заявок в рамках одного конкурса и может быть признана победителем не более чем по одному лоту.",
        en: "One organisation may submit not more than two applications within one competition and may be declared the winner of not more than one lot.",
      },
    },
    {
      key: "art-12",
      kind: "article",
      label: { kk: "12-бап", ru: "Статья 12", en: "Article 12" },
      text: { kk: "Өтінім құжаттары", ru: "Документы заявки", en: "Application documents" },
    },
    {
      key: "p-12-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Өтінім грант операторының ақпараттық жүйесі арқылы электрондық нысанда беріледі, ұйым басшысының электрондық цифрлық қолтаңбасымен қол қойылады және мыналарды қамтиды:",
        ru: "Заявка подаётся в электронной форме через информационную систему оператора грантов, подписывается электронной цифровой подписью руководителя организации и включает:",
        en: "The application is submitted electronically through the grant operator's information system, is signed with the electronic digital signature of the head of the organisation and includes:",
      },
    },
    {
      key: "li-12-1",
      kind: "list_item",
      label: { kk: "1)", ru: "1)", en: "1)" },
      text: { kk: "өтінім нысанын;", ru: "форму заявки;", en: "the application form;" },
    },
    {
      key: "li-12-2",
      kind: "list_item",
      label: { kk: "2)", ru: "2)", en: "2)" },
      text: {
        kk: "логикалық матрицасы мен көрсеткіштері бар жобаның сипаттамасын;",
        ru: "описание проекта с логической матрицей и показателями;",
        en: "the project description with a logical framework and indicators;",
      },
    },
    {
      key: "li-12-3",
      kind: "list_item",
      label: { kk: "3)", ru: "3)", en: "3)" },
      text: {
        kk: "шығыстардың әр бабы бойынша есеп-қисабы бар жоба бюджетін;",
        ru: "бюджет проекта с расчётом по каждой статье расходов;",
        en: "the project budget with a calculation for each expenditure item;",
      },
    },
    {
      key: "li-12-4",
      kind: "list_item",
      label: { kk: "4)", ru: "4)", en: "4)" },
      text: {
        kk: "жобаның негізгі мамандарының түйіндемелерін;",
        ru: "резюме ключевых специалистов проекта;",
        en: "the CVs of the key project staff;",
      },
    },
    {
      key: "li-12-5",
      kind: "list_item",
      label: { kk: "5)", ru: "5)", en: "5)" },
      text: {
        kk: "қоса қаржыландыруды растайтын хатты.",
        ru: "письмо, подтверждающее софинансирование.",
        en: "a letter confirming co-financing.",
      },
    },
    {
      key: "p-12-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Мәліметтері мемлекеттік ақпараттық жүйелерде бар құжаттар өтінім берушіден талап етілмейді. Өтінім толық болмаған жағдайда грант операторы 3 жұмыс күні ішінде өтінім берушіні хабардар етеді, ал өтінім беруші кемшіліктерді 2 жұмыс күні ішінде жоюға құқылы.",
        ru: "Документы, сведения о которых содержатся в государственных информационных системах, у заявителя не запрашиваются. При неполноте заявки оператор грантов уведомляет заявителя в течение 3 рабочих дней, и заявитель вправе устранить недостатки в течение 2 рабочих дней.",
        en: "Documents whose information is contained in state information systems are not requested from the applicant. If an application is incomplete, the grant operator notifies the applicant within 3 working days, and the applicant may remedy the deficiencies within 2 working days.",
      },
    },
    {
      key: "art-13",
      kind: "article",
      label: { kk: "13-бап", ru: "Статья 13", en: "Article 13" },
      text: { kk: "Конкурстық комиссия", ru: "Конкурсная комиссия", en: "Evaluation committee" },
    },
    {
      key: "p-13-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Конкурстық комиссияны грант операторы кемінде 7 мүшеден құрайды, олардың кемінде жартысы үкіметтік емес ұйымдардың өкілдері және қоғамдық кеңестердің мүшелері болып табылады.",
        ru: "Конкурсная комиссия формируется оператором грантов в составе не менее 7 членов, не менее половины из которых являются представителями неправительственных организаций и членами общественных советов.",
        en: "The evaluation committee is formed by the grant operator and consists of not less than 7 members, at least half of whom are representatives of non-governmental organisations and members of public councils.",
      },
    },
    {
      key: "p-13-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Комиссияның құрамы бағалау басталғанға дейін 5 жұмыс күнінен кешіктірілмей жарияланады. Комиссия мүшесі оның құрамында қатарынан екі жылдан артық бола алмайды.",
        ru: "Состав комиссии публикуется не позднее чем за 5 рабочих дней до начала оценки. Член комиссии не может входить в её состав более двух лет подряд.",
        en: "The composition of the committee is published not later than 5 working days before the start of the evaluation. A member may not sit on the committee for more than two consecutive years.",
      },
    },
    {
      key: "art-14",
      kind: "article",
      label: { kk: "14-бап", ru: "Статья 14", en: "Article 14" },
      text: { kk: "Мүдделер қақтығысы", ru: "Конфликт интересов", en: "Conflict of interest" },
    },
    {
      key: "p-14-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Егер комиссия мүшесі соңғы 3 жыл ішінде өтінім берушінің қызметкері, құрылтайшысы немесе басқару органының мүшесі болса не өтінім берушінің басшысы оның жақын туысы немесе жұбайы (зайыбы) болса, ол өтінімді бағалауға құқылы емес.",
        ru: "Член комиссии не вправе оценивать заявку, если в течение последних 3 лет он являлся работником, учредителем или членом органа управления заявителя либо если руководитель заявителя является его близким родственником или супругом (супругой).",
        en: "A committee member may not evaluate an application if, during the last 3 years, he or she has been an employee, founder or member of a governing body of the applicant, or if the head of the applicant is his or her close relative or spouse.",
      },
    },
    {
      key: "p-14-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Бағалау басталғанға дейін комиссияның әр мүшесі мүдделер қақтығысының жоқтығы туралы декларацияға қол қояды. Мүдделер қақтығысы бар комиссия мүшесі өздігінен бас тарту туралы мәлімдейді, бұл хаттамада тіркеледі.",
        ru: "До начала оценки каждый член комиссии подписывает декларацию об отсутствии конфликта интересов. Член комиссии, у которого имеется конфликт интересов, заявляет самоотвод, который фиксируется в протоколе.",
        en: "Before the evaluation starts, each committee member signs a declaration of no conflict of interest. A member who has a conflict of interest recuses himself or herself, and the recusal is recorded in the minutes.",
      },
    },
    {
      key: "p-14-3",
      kind: "paragraph",
      label: { kk: "3.", ru: "3.", en: "3." },
      text: {
        kk: "Комиссия мүшесі осы баптың талаптарын бұза отырып қойған бағалардың күші жойылады, ал өтінім қайта бағалануға жатады.",
        ru: "Оценки, выставленные членом комиссии с нарушением требований настоящей статьи, аннулируются, а заявка подлежит повторной оценке.",
        en: "Scores given by a committee member in breach of this article are annulled, and the application is re-evaluated.",
      },
    },
    {
      key: "art-15",
      kind: "article",
      label: { kk: "15-бап", ru: "Статья 15", en: "Article 15" },
      text: { kk: "Бағалау өлшемшарттары", ru: "Критерии оценки", en: "Evaluation criteria" },
    },
    {
      key: "p-15-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Өтінімдер 100 балдық шкала бойынша мынадай өлшемшарттар бойынша бағаланады:",
        ru: "Заявки оцениваются по 100-балльной шкале по следующим критериям:",
        en: "Applications are evaluated on a 100-point scale according to the following criteria:",
      },
    },
    {
      key: "li-15-1",
      kind: "list_item",
      label: { kk: "1)", ru: "1)", en: "1)" },
      text: {
        kk: "лотқа және нысаналы топтың қажеттіліктеріне сәйкестігі – 25 балға дейін;",
        ru: "соответствие лоту и потребностям целевой группы — до 25 баллов;",
        en: "relevance to the lot and to the needs of the target group – up to 25 points;",
      },
    },
    {
      key: "li-15-2",
      kind: "list_item",
      label: { kk: "2)", ru: "2)", en: "2)" },
      text: {
        kk: "әдіснаманың және жұмыс жоспарының сапасы – 25 балға дейін;",
        ru: "качество методологии и плана работ — до 25 баллов;",
        en: "quality of the methodology and work plan – up to 25 points;",
      },
    },
    {
      key: "li-15-3",
      kind: "list_item",
      label: { kk: "3)", ru: "3)", en: "3)" },
      text: {
        kk: "команданың тәжірибесі мен біліктілігі – 20 балға дейін;",
        ru: "опыт и квалификация команды — до 20 баллов;",
        en: "experience and qualifications of the team – up to 20 points;",
      },
    },
    {
      key: "li-15-4",
      kind: "list_item",
      label: { kk: "4)", ru: "4)", en: "4)" },
      text: {
        kk: "бюджеттің негізділігі – 20 балға дейін;",
        ru: "обоснованность бюджета — до 20 баллов;",
        en: "justification of the budget – up to 20 points;",
      },
    },
    {
      key: "li-15-5",
      kind: "list_item",
      label: { kk: "5)", ru: "5)", en: "5)" },
      text: {
        kk: "нәтижелердің орнықтылығы – 10 балға дейін.",
        ru: "устойчивость результатов — до 10 баллов.",
        en: "sustainability of the results – up to 10 points.",
      },
    },
    {
      key: "p-15-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Әр өтінімді комиссияның кемінде үш мүшесі тәуелсіз бағалайды. Орташа балы 60-тан төмен өтінім жеңімпаз деп танылмайды.",
        ru: "Каждая заявка независимо оценивается не менее чем тремя членами комиссии. Заявка, получившая средний балл ниже 60, не может быть признана победившей.",
        en: "Each application is evaluated independently by at least three committee members. An application with an average score below 60 points may not be declared a winner.",
      },
    },
    {
      key: "art-16",
      kind: "article",
      label: { kk: "16-бап", ru: "Статья 16", en: "Article 16" },
      text: {
        kk: "Конкурс қорытындыларын жариялау",
        ru: "Опубликование итогов конкурса",
        en: "Publication of the results",
      },
    },
    {
      key: "p-16-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Комиссия шешім қабылдағаннан кейін 3 жұмыс күні ішінде грант операторы жеңімпаздардың тізбесін, барлық өтінім берушілердің әр өлшемшарт бойынша балдарын және комиссия отырысының хаттамасын жариялайды.",
        ru: "В течение 3 рабочих дней после принятия решения комиссией оператор грантов публикует перечень победителей, баллы всех заявителей по каждому критерию и протокол заседания комиссии.",
        en: "Within 3 working days after the committee's decision, the grant operator publishes the list of winners, the scores of all applicants for each criterion and the minutes of the committee meeting.",
      },
    },
    {
      key: "p-16-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Әр өтінім беруші сұрау салуы бойынша комиссия мүшелерінің есімдері көрсетілмей, олардың түсініктемелері бар өз бағалау парақтарын алуға құқылы.",
        ru: "Каждый заявитель вправе по запросу получить свои оценочные листы с комментариями членов комиссии без указания их имён.",
        en: "Each applicant may, on request, obtain its evaluation sheets with the comments of the committee members, without their names.",
      },
    },

    // ----- Chapter 4 -------------------------------------------------------
    {
      key: "sec-4",
      kind: "section",
      label: { kk: "4-тарау", ru: "Глава 4", en: "Chapter 4" },
      text: {
        kk: "Іске асыру, есептілік және мониторинг",
        ru: "Реализация, отчётность и мониторинг",
        en: "Implementation, reporting and monitoring",
      },
    },
    {
      key: "art-17",
      kind: "article",
      label: { kk: "17-бап", ru: "Статья 17", en: "Article 17" },
      text: { kk: "Грант беру туралы шарт", ru: "Договор о предоставлении гранта", en: "Grant agreement" },
    },
    {
      key: "p-17-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Грант беру туралы шарт конкурс қорытындылары жарияланғаннан кейін 10 жұмыс күні ішінде жасалады.",
        ru: "Договор о предоставлении гранта заключается в течение 10 рабочих дней после опубликования итогов конкурса.",
        en: "The grant agreement is concluded within 10 working days after the publication of the results of the competition.",
      },
    },
    {
      key: "p-17-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Грант үш траншпен аударылады: 50 пайызы – шартқа қол қойылғаннан кейін, 40 пайызы – жобаны іске асыру кезеңінің бірінші жартысы бойынша аралық есеп қабылданғаннан кейін және 10 пайызы – қорытынды есеп қабылданғаннан кейін.",
        ru: "Грант перечисляется тремя траншами: 50 процентов — после подписания договора, 40 процентов — после принятия промежуточного отчёта за первую половину срока реализации проекта и 10 процентов — после принятия итогового отчёта.",
        en: "The grant is transferred in three tranches: 50 per cent after the agreement is signed, 40 per cent after acceptance of the interim report for the first half of the implementation period and 10 per cent after acceptance of the final report.",
      },
    },
    {
      key: "art-18",
      kind: "article",
      label: { kk: "18-бап", ru: "Статья 18", en: "Article 18" },
      text: { kk: "Жоба бюджетін өзгерту", ru: "Изменение бюджета проекта", en: "Changes to the project budget" },
    },
    {
      key: "p-18-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Грант алушы келесі есепте хабардар ете отырып, грант операторының келісімінсіз бюджеттің шығыс баптары арасында қаражатты бап сомасының 10 пайызы шегінде қайта бөлуге құқылы.",
        ru: "Грантополучатель вправе без согласия оператора грантов перераспределять средства между статьями расходов бюджета в пределах 10 процентов суммы статьи с уведомлением в очередном отчёте.",
        en: "The grantee may, without the consent of the grant operator, reallocate funds between budget expenditure items within 10 per cent of the amount of the item, giving notice in the next report.",
      },
    },
    {
      key: "p-18-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Бұдан көп мөлшерде қайта бөлу грант операторының алдын ала жазбаша келісімін талап етеді, ол бойынша шешім 5 жұмыс күні ішінде қабылданады.",
        ru: "Перераспределение в большем размере требует предварительного письменного согласия оператора грантов, решение о котором принимается в течение 5 рабочих дней.",
        en: "A larger reallocation requires the prior written consent of the grant operator, which decides on it within 5 working days.",
      },
    },
    {
      key: "art-19",
      kind: "article",
      label: { kk: "19-бап", ru: "Статья 19", en: "Article 19" },
      text: {
        kk: "Есептілікті ұсыну мерзімдері",
        ru: "Сроки представления отчётности",
        en: "Reporting deadlines",
      },
    },
    {
      key: "p-19-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Грант алушы әр тоқсан аяқталғаннан кейін 5 жұмыс күнінен кешіктірмей аралық есеп ұсынады.",
        ru: "Грантополучатель представляет промежуточный отчёт не позднее 5 рабочих дней после окончания каждого квартала.",
        en: "The grantee submits an interim report not later than 5 working days after the end of each quarter.",
      },
    },
    {
      key: "p-19-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Қорытынды мазмұндық және қаржылық есеп жоба аяқталғаннан кейін 10 жұмыс күнінен кешіктірмей бастапқы есепке алу құжаттарының көшірмелерімен бірге ұсынылады.",
        ru: "Итоговый содержательный и финансовый отчёт представляется не позднее 10 рабочих дней после завершения проекта вместе с копиями первичных учётных документов.",
        en: "The final narrative and financial report is submitted not later than 10 working days after the end of the project, together with copies of primary accounting documents.",
      },
    },
    {
      key: "p-19-3",
      kind: "paragraph",
      label: { kk: "3.", ru: "3.", en: "3." },
      text: {
        kk: "Грант операторы есепті 10 жұмыс күні ішінде қарайды және оны қабылдайды не дәлелді ескертулермен қайтарады.",
        ru: "Оператор грантов рассматривает отчёт в течение 10 рабочих дней и принимает его либо возвращает с мотивированными замечаниями.",
        en: "The grant operator reviews a report within 10 working days and either accepts it or returns it with reasoned remarks.",
      },
    },
    {
      key: "art-20",
      kind: "article",
      label: { kk: "20-бап", ru: "Статья 20", en: "Article 20" },
      text: { kk: "Мониторинг", ru: "Мониторинг", en: "Monitoring" },
    },
    {
      key: "p-20-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Грант операторы әр жобаның мониторингін грант алушымен келісілген мониторинг жоспары бойынша жүзеге асырады, ол кемінде бір көшпелі баруды, ал сомасы 3 000 АЕК-тен асатын жобалар үшін кемінде екі баруды қамтиды.",
        ru: "Оператор грантов осуществляет мониторинг каждого проекта по согласованному с грантополучателем плану мониторинга, включающему не менее одного выездного посещения, а для проектов на сумму свыше 3 000 МРП — не менее двух.",
        en: "The grant operator monitors each project according to a monitoring plan agreed with the grantee, which includes at least one on-site visit, or at least two visits for projects exceeding 3 000 MCI.",
      },
    },
    {
      key: "p-20-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Мониторинг жобаның пайда алушыларына сауалнама жүргізуді қамтиды. Мониторинг туралы есептер барудан кейін 15 жұмыс күні ішінде грант операторының интернет-ресурсында жарияланады.",
        ru: "Мониторинг включает опрос благополучателей проекта. Отчёты о мониторинге публикуются на интернет-ресурсе оператора грантов в течение 15 рабочих дней после посещения.",
        en: "Monitoring includes a survey of the project's beneficiaries. Monitoring reports are published on the grant operator's website within 15 working days after the visit.",
      },
    },
    {
      key: "art-21",
      kind: "article",
      label: { kk: "21-бап", ru: "Статья 21", en: "Article 21" },
      text: { kk: "Грант қаражатын қайтару", ru: "Возврат средств гранта", en: "Return of grant funds" },
    },
    {
      key: "p-21-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Гранттың пайдаланылмаған қаражаты қорытынды есеп қабылданғаннан кейін 10 жұмыс күні ішінде қайтарылады. Шартта көзделмеген мақсаттарға пайдаланылған қаражат грант алушы грант операторының талабын алған күннен бастап 30 күнтізбелік күн ішінде қайтарылады.",
        ru: "Неиспользованные средства гранта возвращаются в течение 10 рабочих дней после принятия итогового отчёта. Средства, использованные на цели, не предусмотренные договором, возвращаются в течение 30 календарных дней со дня получения грантополучателем требования оператора грантов.",
        en: "Unused grant funds are returned within 10 working days after the acceptance of the final report. Funds used for purposes not provided for in the agreement are returned within 30 calendar days from the day the grantee receives the grant operator's claim.",
      },
    },
    {
      key: "p-21-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Қаражатты белгіленген мерзімде қайтармаған грант алушы жосықсыз грант алушылар тізіліміне 2 жыл мерзімге енгізіледі.",
        ru: "Грантополучатель, не вернувший средства в установленный срок, включается в реестр недобросовестных грантополучателей сроком на 2 года.",
        en: "A grantee that fails to return funds by the deadline is included in the register of unscrupulous grantees for 2 years.",
      },
    },

    // ----- Chapter 5 -------------------------------------------------------
    {
      key: "sec-5",
      kind: "section",
      label: { kk: "5-тарау", ru: "Глава 5", en: "Chapter 5" },
      text: {
        kk: "Шағымдану, көпшілік талқылау және қорытынды ережелер",
        ru: "Обжалование, публичное обсуждение и заключительные положения",
        en: "Appeals, public discussion and final provisions",
      },
    },
    {
      key: "art-22",
      kind: "article",
      label: { kk: "22-бап", ru: "Статья 22", en: "Article 22" },
      text: { kk: "Шағымдану", ru: "Обжалование", en: "Appeals" },
    },
    {
      key: "p-22-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Өтінім беруші конкурс қорытындыларына олар жарияланғаннан кейін 5 жұмыс күні ішінде уәкілетті органның апелляциялық комиссиясына шағым жасауға құқылы.",
        ru: "Заявитель вправе обжаловать итоги конкурса в апелляционную комиссию уполномоченного органа в течение 5 рабочих дней после их опубликования.",
        en: "An applicant may appeal against the results of the competition to the appeals commission of the authorised body within 5 working days after their publication.",
      },
    },
    {
      key: "p-22-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Апелляциялық комиссия шағымды 10 жұмыс күні ішінде қарайды және дәлелді шешім қабылдайды. Өтінімді бағалаған конкурстық комиссия мүшелері апелляциялық комиссияның құрамына кіре алмайды. Шағым беру өтінім берушіні сотқа жүгіну құқығынан айырмайды.",
        ru: "Апелляционная комиссия рассматривает жалобу в течение 10 рабочих дней и принимает мотивированное решение. Члены конкурсной комиссии, оценивавшие заявку, не могут входить в состав апелляционной комиссии. Подача жалобы не лишает заявителя права обратиться в суд.",
        en: "The appeals commission considers the complaint within 10 working days and adopts a reasoned decision. Members of the evaluation committee who evaluated the application may not sit on the appeals commission. Filing a complaint does not deprive the applicant of the right to apply to a court.",
      },
    },
    {
      key: "art-23",
      kind: "article",
      label: { kk: "23-бап", ru: "Статья 23", en: "Article 23" },
      text: {
        kk: "Қағидалар жобаларын көпшілік талқылау",
        ru: "Публичное обсуждение проектов правил",
        en: "Public discussion of draft rules",
      },
    },
    {
      key: "p-23-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Осы Қағидалардың және оларға енгізілетін өзгерістердің жобалары «Кеңес» порталында кемінде 30 күнтізбелік күн мерзімге көпшілік талқылауына орналастырылады.",
        ru: "Проекты настоящих Правил и изменений в них размещаются на портале «Кеңес» для публичного обсуждения на срок не менее 30 календарных дней.",
        en: "Drafts of these Rules and of amendments to them are published on the Kenes portal for public discussion for not less than 30 calendar days.",
      },
    },
    {
      key: "p-23-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Неғұрлым қысқа мерзімге тек кезек күттірмейтін жағдайларда, жобамен бірге жарияланатын негіздемемен жол беріледі; бұл жағдайда мерзім 10 жұмыс күнінен кем болмауға тиіс.",
        ru: "Более короткий срок допускается только в безотлагательных случаях с обоснованием, публикуемым вместе с проектом; в этом случае срок не может быть менее 10 рабочих дней.",
        en: "A shorter period is allowed only in urgent cases, with a justification published together with the draft; in that case the period may not be less than 10 working days.",
      },
    },
    {
      key: "art-24",
      kind: "article",
      label: { kk: "24-бап", ru: "Статья 24", en: "Article 24" },
      text: { kk: "Пікірлерді қарау", ru: "Рассмотрение комментариев", en: "Consideration of comments" },
    },
    {
      key: "p-24-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Әзірлеуші көпшілік талқылау барысында түскен әр пікірге оның қабылданғанын, ішінара қабылданғанын немесе қабылданбағанын көрсете отырып, негіздемесімен жауап береді.",
        ru: "Разработчик отвечает на каждый комментарий, поступивший в ходе публичного обсуждения, с указанием, принят ли он, принят частично или не принят, и с обоснованием.",
        en: "The developer answers every comment received during the public discussion, stating whether it is accepted, partially accepted or not accepted, with reasons.",
      },
    },
    {
      key: "p-24-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Көпшілік талқылау қорытындысы бойынша анықтама талқылау аяқталғаннан кейін 10 жұмыс күнінен кешіктірілмей және акт қабылданғанға дейін «Кеңес» порталында орналастырылады.",
        ru: "Справка по итогам публичного обсуждения размещается на портале «Кеңес» не позднее 10 рабочих дней после завершения обсуждения и до принятия акта.",
        en: "A summary of the results of the public discussion is published on the Kenes portal not later than 10 working days after the end of the discussion and before the act is adopted.",
      },
    },
    {
      key: "art-25",
      kind: "article",
      label: { kk: "25-бап", ru: "Статья 25", en: "Article 25" },
      text: { kk: "Қолданысқа енгізу", ru: "Введение в действие", en: "Entry into force" },
    },
    {
      key: "p-25-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Осы Қағидалар алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі және осы күннен кейін жарияланған конкурстарға қолданылады.",
        ru: "Настоящие Правила вводятся в действие по истечении десяти календарных дней после дня их первого официального опубликования и применяются к конкурсам, объявленным после этой даты.",
        en: "These Rules enter into force ten calendar days after the date of their first official publication and apply to competitions announced after that date.",
      },
    },
  ],
  comments: [
    {
      author: "citizen",
      blockKey: null,
      lang: "kk",
      body: "Жобаны толық қолдаймын. Лот сомасының есеп-қисабы мен барлық өтінімдердің балдары жарияланатыны конкурстарға деген сенімді арттырады. Бұрын неге жеңімпаз болмағаныңды білу мүмкін емес еді.",
      daysAfterOpen: 0,
    },
    {
      author: "ngo",
      blockKey: "p-7-1",
      lang: "ru",
      body: "Требование о софинансировании «не менее 5 процентов от суммы гранта, из которых не менее половины предоставляется в денежной форме» для небольших молодёжных организаций практически невыполнимо. Для лота в 15 млн тенге это 375 тысяч тенге живыми деньгами, а других источников, кроме грантов, у нас нет. Предлагаем разрешить подтверждать софинансирование полностью в неденежной форме — трудом волонтёров и помещениями.",
      daysAfterOpen: 1,
    },
    {
      author: "ngo-ten",
      blockKey: "art-2",
      lang: "ru",
      body: "В статье 2 не определены понятия «целевая группа», «благополучатель» и «социально уязвимые слои населения», хотя они используются в статьях 4, 15 и 20. Без определений каждая комиссия будет толковать их по-своему. Просим дополнить статью соответствующими определениями.",
      daysAfterOpen: 1,
    },
    {
      author: "ngo-syr",
      blockKey: "p-6-2",
      lang: "kk",
      body: "Облыстағы «Денсаулық сақтау және халыққа әлеуметтік қызмет көрсету» саласының орташа жалақысы негізге алынса, ауылда жұмыс істейтін ұйымдар маман таба алмайды. Біздің ауданда психолог пен заңгер жоқ, оларды Қызылордадан шақыруға тура келеді, ал жол шығыны еңбекақы нормасына кірмейді. Ауылдық жерлер үшін түзету коэффициентін енгізуді және 50 пайыздық шекті 60 пайызға дейін көтеруді ұсынамыз.",
      daysAfterOpen: 2,
    },
    {
      author: "ngo-ertis",
      blockKey: "p-19-1",
      lang: "ru",
      body: "Срок «не позднее 5 рабочих дней после окончания каждого квартала» слишком короткий: в действующем Порядке мониторинга и отчётности он составляет 10 рабочих дней. Отчёт за IV квартал приходится на новогодние праздники, а у большинства небольших НПО бухгалтер работает по совместительству. При этом самому оператору на рассмотрение отчёта отводится 10 рабочих дней (пункт 3 этой же статьи). Просим сохранить срок в 10 рабочих дней.",
      daysAfterOpen: 2,
    },
    {
      author: "citizen-sergey",
      blockKey: "p-16-1",
      lang: "ru",
      body: "Публикация баллов всех заявителей по каждому критерию — хорошая новость. Прошу публиковать их в машиночитаемом формате (CSV или таблица), а не сканом протокола. Заодно проверил, как портал показывает спецсимволы: <script>alert(1)</script> — надеюсь, это отобразится просто как текст.",
      daysAfterOpen: 2,
    },
    {
      author: "ngo",
      blockKey: "p-15-2",
      lang: "en",
      body: "Could the developer clarify how strongly diverging scores are handled? If two evaluators give 80 points and a third gives 15, the average is 58.3 and the application fails the 60-point threshold because of a single outlier. We suggest that where individual scores differ by more than 25 points, an additional evaluator is appointed.",
      daysAfterOpen: 2,
    },
    {
      author: "citizen-olga",
      blockKey: "p-13-1",
      lang: "ru",
      body: "Норма о том, что не менее половины членов комиссии — представители НПО и общественных советов, правильная, но не сказано, кто и как их отбирает. Если их назначает сам оператор грантов, независимость комиссии будет формальной. Предлагаю предусмотреть открытый отбор по заявкам с публикацией списка кандидатов.",
      daysAfterOpen: 3,
    },
    {
      author: "citizen-nurlan",
      blockKey: "p-14-2",
      lang: "kk",
      body: "Мүдделер қақтығысының жоқтығы туралы декларациялар да порталда жариялансын. Әйтпесе оларға шынымен қол қойылғанын ешкім тексере алмайды.",
      daysAfterOpen: 3,
    },
    {
      author: "citizen-aizhan",
      blockKey: "p-7-1",
      lang: "ru",
      body: "Прошу исключить требование о софинансировании для неправительственных организаций, работающих в сельской местности. Сельские НПО не имеют собственных средств и не могут привлечь спонсоров. Требование о 5 процентах фактически закрывает им доступ к грантам.",
      daysAfterOpen: 3,
    },
    {
      author: "citizen-sergey",
      blockKey: "p-7-1",
      lang: "ru",
      body: "Прошу исключить требование о софинансировании для неправительственных организаций, работающих в сельской местности. Сельские НПО не имеют собственных средств и не могут привлечь спонсоров. Требование о 5 процентах фактически закрывает для них доступ к грантам!",
      daysAfterOpen: 4,
    },
    {
      author: "ngo-ten",
      blockKey: "p-22-1",
      lang: "ru",
      body: "5 рабочих дней на подачу жалобы недостаточно, если оценочные листы выдаются только по запросу (пункт 2 статьи 16): пока заявитель их получит, срок обжалования почти истечёт. Предлагаем исчислять срок обжалования со дня получения заявителем оценочных листов.",
      daysAfterOpen: 4,
    },
    {
      author: "mp",
      blockKey: null,
      lang: "ru",
      body: "Поддерживаю направление изменений, особенно обязательный расчёт суммы лота. Прошу разработчика в справке по итогам обсуждения отдельно показать, как изменится средняя сумма гранта для сельских районов и сколько лотов на 2027 год сформировано по предложениям самих НПО.",
      daysAfterOpen: 4,
    },
    {
      author: "citizen-nurlan",
      blockKey: "p-24-1",
      lang: "kk",
      body: "Әр пікірге жауап беру міндеті – өте дұрыс норма. Жауап жалпы анықтамада ғана емес, әр пікірдің астында да көрсетілсе, кімнің ұсынысы қабылданғанын бірден көруге болады.",
      daysAfterOpen: 4,
    },
  ],
};

// ---------------------------------------------------------------------------
// Consultation 2: specification of 2027 youth grant lots
// ---------------------------------------------------------------------------

const youthLots2027: DemoConsultation = {
  slug: "youth-lots-2027",
  type: "lot_specification",
  organization: "cisc",
  title: {
    kk: "2027 жылға арналған жастар саясаты саласындағы мемлекеттік грант лоттарының спецификациясы",
    ru: "Спецификация лотов государственных грантов на 2027 год в сфере молодёжной политики",
    en: "Specification of 2027 state grant lots in the field of youth policy",
  },
  summary: {
    kk: "Жалпы сомасы 42 500 000 теңге болатын үш лоттың жобасы: Түркістан облысында жастар еріктілігін дамыту, Шымкент қаласында NEET санатындағы жастардың жұмыспен қамтылуына жәрдемдесу және Қызылорда облысында ауыл жастарының көшбасшылық мектебі.",
    ru: "Проект трёх лотов общей суммой 42 500 000 тенге: развитие молодёжного волонтёрства в Туркестанской области, содействие занятости молодёжи категории NEET в городе Шымкенте и школа лидерства сельской молодёжи в Кызылординской области.",
    en: "Draft of three lots with a total amount of 42 500 000 tenge: development of youth volunteering in Turkistan region, employment support for NEET youth in the city of Shymkent, and a rural youth leadership school in Kyzylorda region.",
  },
  explanatoryNote: {
    kk: "Лоттар жастар ресурстық орталықтарының, өңірлік жастар саясаты басқармаларының және үкіметтік емес ұйымдардың 2026 жылы түскен ұсыныстары негізінде қалыптастырылды. Лот сомалары уәкілетті орган бекіткен шығын нормалары және өңірлердің әлеуметтік қызмет көрсету саласындағы орташа жалақысы бойынша есептелді. Нысаналы топтар, көрсеткіштер және сомалар бойынша пікірлер 2027 жылға арналған гранттар жоспары бекітілгенге дейін қаралады.",
    ru: "Лоты сформированы на основе предложений молодёжных ресурсных центров, региональных управлений по вопросам молодёжной политики и неправительственных организаций, поступивших в 2026 году. Суммы лотов рассчитаны по нормам затрат, утверждённым уполномоченным органом, и средней заработной плате в сфере социального обслуживания регионов. Комментарии по целевым группам, показателям и суммам будут рассмотрены до утверждения плана грантов на 2027 год.",
    en: "The lots were formed on the basis of proposals received in 2026 from youth resource centres, regional youth policy departments and non-governmental organisations. The lot amounts were calculated using the cost norms approved by the authorised body and the average wage in the social services sector of the regions. Comments on target groups, indicators and amounts will be considered before the 2027 grant plan is approved.",
  },
  opensInDays: -3,
  periodDays: 14,
  shortPeriodJustification: {
    kk: "Мемлекеттік әлеуметтік гранттар беру қағидаларына сәйкес грант тақырыптары мен лот спецификацияларының жобалары гранттар жоспары бекітілгенге дейін кемінде 10 жұмыс күні талқыланады. 14 күнтізбелік күн 10 жұмыс күніне сәйкес келеді және 2027 жылға арналған гранттар жоспарын 1 желтоқсанға дейін бекітуге мүмкіндік береді, сонда конкурс қаржы жылының басында жарияланып, жобалар наурызда басталады.",
    ru: "В соответствии с Правилами предоставления государственных социальных грантов проекты тем грантов и спецификаций лотов обсуждаются не менее 10 рабочих дней до утверждения плана грантов. Срок в 14 календарных дней соответствует 10 рабочим дням и позволяет утвердить план грантов на 2027 год до 1 декабря, с тем чтобы конкурс был объявлен в начале финансового года, а проекты начались в марте.",
    en: "Under the Rules for awarding state social grants, draft grant topics and lot specifications are discussed for not less than 10 working days before the grant plan is approved. The period of 14 calendar days corresponds to 10 working days and allows the 2027 grant plan to be approved before 1 December, so that the competition is announced at the start of the financial year and projects begin in March.",
  },
  blocks: [
    // ----- Lot 1 -----------------------------------------------------------
    {
      key: "sec-1",
      kind: "section",
      label: { kk: "1-лот", ru: "Лот 1", en: "Lot 1" },
      text: {
        kk: "Түркістан облысында жастар еріктілігін дамыту",
        ru: "Развитие молодёжного волонтёрства в Туркестанской области",
        en: "Development of youth volunteering in Turkistan region",
      },
    },
    {
      key: "art-1-1",
      kind: "article",
      label: { kk: "1.1", ru: "1.1", en: "1.1" },
      text: { kk: "Проблеманың сипаттамасы", ru: "Описание проблемы", en: "Problem statement" },
    },
    {
      key: "p-1-1-1",
      kind: "paragraph",
      label: null,
      text: {
        kk: "Түркістан облысы халқының құрамы жағынан елдегі ең жас өңірлердің бірі, алайда еріктілік белсенділігі Түркістан қаласында шоғырланған. Аудан орталықтарында еріктілер орталықтары жоқ, жастардың жергілікті қоғамдастықтар өміріне қатысу мүмкіндіктері аз.",
        ru: "Туркестанская область — один из самых молодых по составу населения регионов страны, однако волонтёрская активность сосредоточена в городе Туркестане. В районных центрах нет волонтёрских центров, и у молодёжи мало возможностей участвовать в жизни местных сообществ.",
        en: "Turkistan region has one of the youngest populations in the country, but volunteer activity is concentrated in the city of Turkistan. There are no volunteer hubs in the district centres, and young people have few opportunities to take part in the life of their local communities.",
      },
    },
    {
      key: "art-1-2",
      kind: "article",
      label: { kk: "1.2", ru: "1.2", en: "1.2" },
      text: { kk: "Нысаналы топ", ru: "Целевая группа", en: "Target group" },
    },
    {
      key: "p-1-2-1",
      kind: "paragraph",
      label: null,
      text: {
        kk: "Сайрам, Төле би, Қазығұрт, Ордабасы және Сарыағаш аудандарында тұратын 16 жастан 29 жасқа дейінгі жастар, оның ішінде кемінде 30 пайызы – аудан орталықтарынан тыс ауылдық елді мекендерден.",
        ru: "Молодёжь в возрасте от 16 до 29 лет, проживающая в Сайрамском, Толебийском, Казыгуртском, Ордабасинском и Сарыагашском районах, в том числе не менее 30 процентов — из сельских населённых пунктов за пределами районных центров.",
        en: "Young people aged 16 to 29 living in Sairam, Tole bi, Kazygurt, Ordabasy and Saryagash districts, of whom at least 30 per cent are from rural settlements outside the district centres.",
      },
    },
    {
      key: "art-1-3",
      kind: "article",
      label: { kk: "1.3", ru: "1.3", en: "1.3" },
      text: {
        kk: "Іске асыру мерзімі мен аумағы",
        ru: "Срок и территория реализации",
        en: "Duration and territory",
      },
    },
    {
      key: "p-1-3-1",
      kind: "paragraph",
      label: null,
      text: {
        kk: "10 ай, 2027 жылғы наурыздан желтоқсанға дейін; 1.2-тармақта көрсетілген Түркістан облысының бес ауданы.",
        ru: "10 месяцев, с марта по декабрь 2027 года; пять районов Туркестанской области, указанных в пункте 1.2.",
        en: "10 months, from March to December 2027; the five districts of Turkistan region listed in item 1.2.",
      },
    },
    {
      key: "art-1-4",
      kind: "article",
      label: { kk: "1.4", ru: "1.4", en: "1.4" },
      text: { kk: "Грант сомасы", ru: "Сумма гранта", en: "Grant amount" },
    },
    {
      key: "p-1-4-1",
      kind: "paragraph",
      label: null,
      text: {
        kk: "18 000 000 (он сегіз миллион) теңге. Есеп-қисап жастар саясаты саласындағы іс-шараларға арналған шығын нормалары және Түркістан облысының әлеуметтік қызмет көрсету саласындағы орташа жалақы негізінде жүргізілді.",
        ru: "18 000 000 (восемнадцать миллионов) тенге. Расчёт произведён на основе норм затрат на мероприятия в сфере молодёжной политики и средней заработной платы в сфере социального обслуживания Туркестанской области.",
        en: "18 000 000 (eighteen million) tenge. The calculation is based on the cost norms for youth policy events and the average wage in the social services sector of Turkistan region.",
      },
    },
    {
      key: "art-1-5",
      kind: "article",
      label: { kk: "1.5", ru: "1.5", en: "1.5" },
      text: {
        kk: "Күтілетін нәтижелер мен көрсеткіштер",
        ru: "Ожидаемые результаты и показатели",
        en: "Expected results and indicators",
      },
    },
    {
      key: "li-1-5-1",
      kind: "list_item",
      label: { kk: "1)", ru: "1)", en: "1)" },
      text: {
        kk: "жастар ресурстық орталықтарының базасында аудан орталықтарында 5 еріктілер орталығын ашу;",
        ru: "открытие 5 волонтёрских центров в районных центрах на базе молодёжных ресурсных центров;",
        en: "opening of 5 volunteer hubs in the district centres on the premises of youth resource centres;",
      },
    },
    {
      key: "li-1-5-2",
      kind: "list_item",
      label: { kk: "2)", ru: "2)", en: "2)" },
      text: {
        kk: "кемінде 400 еріктіні оқыту, олардың кемінде 60 пайызы оқудан кейін алты айдан соң белсенді болып қалуы;",
        ru: "обучение не менее 400 волонтёров, из которых не менее 60 процентов остаются активными через шесть месяцев после обучения;",
        en: "training of at least 400 volunteers, of whom at least 60 per cent remain active six months after the training;",
      },
    },
    {
      key: "li-1-5-3",
      kind: "list_item",
      label: { kk: "3)", ru: "3)", en: "3)" },
      text: {
        kk: "ауылдық елді мекендерде кемінде 40 еріктілік бастаманы іске асыру.",
        ru: "реализация не менее 40 волонтёрских инициатив в сельских населённых пунктах.",
        en: "implementation of at least 40 volunteer initiatives in rural settlements.",
      },
    },
    {
      key: "art-1-6",
      kind: "article",
      label: { kk: "1.6", ru: "1.6", en: "1.6" },
      text: { kk: "Бюджеттің шығыс баптары", ru: "Статьи расходов бюджета", en: "Budget items" },
    },
    {
      key: "li-1-6-1",
      kind: "list_item",
      label: { kk: "1)", ru: "1)", en: "1)" },
      text: {
        kk: "еңбекақы төлеу (жоба жетекшісі, 0,5 ставкаға 5 аудандық үйлестіруші, бухгалтер) – 8 400 000 теңге;",
        ru: "оплата труда (руководитель проекта, 5 районных координаторов на 0,5 ставки, бухгалтер) — 8 400 000 тенге;",
        en: "staff remuneration (project manager, 5 half-time district coordinators, accountant) – 8 400 000 tenge;",
      },
    },
    {
      key: "li-1-6-2",
      kind: "list_item",
      label: { kk: "2)", ru: "2)", en: "2)" },
      text: {
        kk: "тренингтер мен еріктілік іс-шаралар – 4 200 000 теңге;",
        ru: "тренинги и волонтёрские мероприятия — 4 200 000 тенге;",
        en: "trainings and volunteer events – 4 200 000 tenge;",
      },
    },
    {
      key: "li-1-6-3",
      kind: "list_item",
      label: { kk: "3)", ru: "3)", en: "3)" },
      text: {
        kk: "тренерлер мен қатысушылардың жол жүруі – 2 300 000 теңге;",
        ru: "проезд тренеров и участников — 2 300 000 тенге;",
        en: "travel of trainers and participants – 2 300 000 tenge;",
      },
    },
    {
      key: "li-1-6-4",
      kind: "list_item",
      label: { kk: "4)", ru: "4)", en: "4)" },
      text: {
        kk: "ақпараттық науқан – 1 100 000 теңге;",
        ru: "информационная кампания — 1 100 000 тенге;",
        en: "information campaign – 1 100 000 tenge;",
      },
    },
    {
      key: "li-1-6-5",
      kind: "list_item",
      label: { kk: "5)", ru: "5)", en: "5)" },
      text: {
        kk: "әкімшілік шығыстар – 2 000 000 теңге.",
        ru: "административные расходы — 2 000 000 тенге.",
        en: "administrative costs – 2 000 000 tenge.",
      },
    },

    // ----- Lot 2 -----------------------------------------------------------
    {
      key: "sec-2",
      kind: "section",
      label: { kk: "2-лот", ru: "Лот 2", en: "Lot 2" },
      text: {
        kk: "Шымкент қаласында NEET санатындағы жастардың жұмыспен қамтылуына жәрдемдесу",
        ru: "Содействие занятости молодёжи категории NEET в городе Шымкенте",
        en: "Employment support for NEET youth in the city of Shymkent",
      },
    },
    {
      key: "art-2-1",
      kind: "article",
      label: { kk: "2.1", ru: "2.1", en: "2.1" },
      text: { kk: "Проблеманың сипаттамасы", ru: "Описание проблемы", en: "Problem statement" },
    },
    {
      key: "p-2-1-1",
      kind: "paragraph",
      label: null,
      text: {
        kk: "Шымкент жастарының едәуір бөлігі жұмыс істемейді және оқымайды (NEET санаты). Олардың көбі ақпараттың және жұмыс іздеудің негізгі дағдыларының жетіспеуінен халықты жұмыспен қамту орталықтарында есепте тұрмайды және мемлекеттік жұмыспен қамту бағдарламаларын пайдаланбайды.",
        ru: "Значительная часть молодёжи Шымкента не работает и не учится (категория NEET). Многие из них из-за недостатка информации и базовых навыков поиска работы не состоят на учёте в центрах занятости населения и не пользуются государственными программами занятости.",
        en: "A significant share of young people in Shymkent are neither in employment nor in education (NEET). Because they lack information and basic job-search skills, many of them are not registered with employment centres and do not use state employment programmes.",
      },
    },
    {
      key: "art-2-2",
      kind: "article",
      label: { kk: "2.2", ru: "2.2", en: "2.2" },
      text: { kk: "Нысаналы топ", ru: "Целевая группа", en: "Target group" },
    },
    {
      key: "p-2-2-1",
      kind: "paragraph",
      label: null,
      text: {
        kk: "Шымкент қаласында тұратын, кемінде 6 ай бойы жұмыс істемейтін, оқымайтын және кәсіптік даярлықтан өтпейтін 18 жастан 29 жасқа дейінгі 150 жас, оның ішінде кемінде 20 жас ана.",
        ru: "150 молодых людей в возрасте от 18 до 29 лет, проживающих в городе Шымкенте, которые не менее 6 месяцев не работают, не учатся и не проходят профессиональную подготовку, в том числе не менее 20 молодых матерей.",
        en: "150 young people aged 18 to 29 living in the city of Shymkent who have not been in employment, education or vocational training for at least 6 months, including at least 20 young mothers.",
      },
    },
    {
      key: "art-2-3",
      kind: "article",
      label: { kk: "2.3", ru: "2.3", en: "2.3" },
      text: {
        kk: "Іске асыру мерзімі мен аумағы",
        ru: "Срок и территория реализации",
        en: "Duration and territory",
      },
    },
    {
      key: "p-2-3-1",
      kind: "paragraph",
      label: null,
      text: {
        kk: "10 ай, 2027 жылғы наурыздан желтоқсанға дейін; Шымкент қаласы.",
        ru: "10 месяцев, с марта по декабрь 2027 года; город Шымкент.",
        en: "10 months, from March to December 2027; the city of Shymkent.",
      },
    },
    {
      key: "art-2-4",
      kind: "article",
      label: { kk: "2.4", ru: "2.4", en: "2.4" },
      text: { kk: "Грант сомасы", ru: "Сумма гранта", en: "Grant amount" },
    },
    {
      key: "p-2-4-1",
      kind: "paragraph",
      label: null,
      text: {
        kk: "15 000 000 (он бес миллион) теңге. Есеп-қисап кәсіптік бағдар беру қызметтеріне арналған шығын нормалары және Шымкент қаласының әлеуметтік қызмет көрсету саласындағы орташа жалақы негізінде жүргізілді.",
        ru: "15 000 000 (пятнадцать миллионов) тенге. Расчёт произведён на основе норм затрат на услуги профориентации и средней заработной платы в сфере социального обслуживания города Шымкента.",
        en: "15 000 000 (fifteen million) tenge. The calculation is based on the cost norms for career guidance services and the average wage in the social services sector of the city of Shymkent.",
      },
    },
    {
      key: "art-2-5",
      kind: "article",
      label: { kk: "2.5", ru: "2.5", en: "2.5" },
      text: {
        kk: "Күтілетін нәтижелер мен көрсеткіштер",
        ru: "Ожидаемые результаты и показатели",
        en: "Expected results and indicators",
      },
    },
    {
      key: "li-2-5-1",
      kind: "list_item",
      label: { kk: "1)", ru: "1)", en: "1)" },
      text: {
        kk: "150 қатысушыға жеке кәсіптік бағдар беру консультациясын ұсыну;",
        ru: "предоставление индивидуальной профориентационной консультации 150 участникам;",
        en: "individual career guidance provided to 150 participants;",
      },
    },
    {
      key: "li-2-5-2",
      kind: "list_item",
      label: { kk: "2)", ru: "2)", en: "2)" },
      text: {
        kk: "кемінде 90 қатысушының қысқа мерзімді кәсіптік немесе цифрлық дағдылар курстарынан өтуі;",
        ru: "прохождение не менее чем 90 участниками краткосрочных курсов профессиональных или цифровых навыков;",
        en: "completion of short vocational or digital skills courses by at least 90 participants;",
      },
    },
    {
      key: "li-2-5-3",
      kind: "list_item",
      label: { kk: "3)", ru: "3)", en: "3)" },
      text: {
        kk: "кемінде 45 қатысушының (30 пайыз) бағдарламаны аяқтағаннан кейін 3 ай ішінде жұмысқа орналасуы немесе оқуын жалғастыруы.",
        ru: "трудоустройство или продолжение обучения не менее чем 45 участниками (30 процентов) в течение 3 месяцев после завершения программы.",
        en: "employment or continued education of at least 45 participants (30 per cent) within 3 months after completing the programme.",
      },
    },
    {
      key: "art-2-6",
      kind: "article",
      label: { kk: "2.6", ru: "2.6", en: "2.6" },
      text: { kk: "Бюджеттің шығыс баптары", ru: "Статьи расходов бюджета", en: "Budget items" },
    },
    {
      key: "li-2-6-1",
      kind: "list_item",
      label: { kk: "1)", ru: "1)", en: "1)" },
      text: {
        kk: "еңбекақы төлеу (жоба жетекшісі, кәсіптік бағдар беру жөніндегі 2 кеңесші, 0,5 ставкаға бухгалтер) – 7 200 000 теңге;",
        ru: "оплата труда (руководитель проекта, 2 консультанта по профориентации, бухгалтер на 0,5 ставки) — 7 200 000 тенге;",
        en: "staff remuneration (project manager, 2 career counsellors, half-time accountant) – 7 200 000 tenge;",
      },
    },
    {
      key: "li-2-6-2",
      kind: "list_item",
      label: { kk: "2)", ru: "2)", en: "2)" },
      text: {
        kk: "қатысушыларға арналған қысқа мерзімді курстар – 4 500 000 теңге;",
        ru: "краткосрочные курсы для участников — 4 500 000 тенге;",
        en: "short courses for participants – 4 500 000 tenge;",
      },
    },
    {
      key: "li-2-6-3",
      kind: "list_item",
      label: { kk: "3)", ru: "3)", en: "3)" },
      text: {
        kk: "кәсіптік бағдар беру тестілеуі және материалдар – 900 000 теңге;",
        ru: "профориентационное тестирование и материалы — 900 000 тенге;",
        en: "career guidance testing and materials – 900 000 tenge;",
      },
    },
    {
      key: "li-2-6-4",
      kind: "list_item",
      label: { kk: "4)", ru: "4)", en: "4)" },
      text: {
        kk: "ақпараттық науқан және жұмыс берушілермен жұмыс – 800 000 теңге;",
        ru: "информационная кампания и работа с работодателями — 800 000 тенге;",
        en: "information campaign and work with employers – 800 000 tenge;",
      },
    },
    {
      key: "li-2-6-5",
      kind: "list_item",
      label: { kk: "5)", ru: "5)", en: "5)" },
      text: {
        kk: "әкімшілік шығыстар – 1 600 000 теңге.",
        ru: "административные расходы — 1 600 000 тенге.",
        en: "administrative costs – 1 600 000 tenge.",
      },
    },

    // ----- Lot 3 -----------------------------------------------------------
    {
      key: "sec-3",
      kind: "section",
      label: { kk: "3-лот", ru: "Лот 3", en: "Lot 3" },
      text: {
        kk: "Қызылорда облысында ауыл жастарының көшбасшылық мектебі",
        ru: "Школа лидерства сельской молодёжи в Кызылординской области",
        en: "Rural youth leadership school in Kyzylorda region",
      },
    },
    {
      key: "art-3-1",
      kind: "article",
      label: { kk: "3.1", ru: "3.1", en: "3.1" },
      text: { kk: "Проблеманың сипаттамасы", ru: "Описание проблемы", en: "Problem statement" },
    },
    {
      key: "p-3-1-1",
      kind: "paragraph",
      label: null,
      text: {
        kk: "Қызылорда облысының шалғай ауылдық аудандарының жастары жергілікті өзін-өзі басқаруға және қоғамдық кеңестердің жұмысына сирек қатысады. Оларға жобалық жоспарлау және әкімдіктермен өзара іс-қимыл дағдылары жетіспейді, ал жастар іс-шараларының көбі облыс орталығында өткізіледі.",
        ru: "Молодёжь отдалённых сельских районов Кызылординской области редко участвует в местном самоуправлении и работе общественных советов. Ей не хватает навыков проектного планирования и взаимодействия с акиматами, а большинство молодёжных мероприятий проводится в областном центре.",
        en: "Young people from remote rural districts of Kyzylorda region rarely take part in local self-government and in the work of public councils. They lack skills in project planning and in working with akimats, and most youth events are held in the regional centre.",
      },
    },
    {
      key: "art-3-2",
      kind: "article",
      label: { kk: "3.2", ru: "3.2", en: "3.2" },
      text: { kk: "Нысаналы топ", ru: "Целевая группа", en: "Target group" },
    },
    {
      key: "p-3-2-1",
      kind: "paragraph",
      label: null,
      text: {
        kk: "Арал, Қазалы, Қармақшы, Жалағаш және Шиелі аудандарының ауылдық елді мекендерінен 16 жастан 24 жасқа дейінгі 60 жас, олардың кемінде жартысы – қыздар.",
        ru: "60 молодых людей в возрасте от 16 до 24 лет из сельских населённых пунктов Аральского, Казалинского, Кармакшинского, Жалагашского и Шиелийского районов, не менее половины из которых — девушки.",
        en: "60 young people aged 16 to 24 from rural settlements of Aral, Kazaly, Karmakshy, Zhalagash and Shieli districts, at least half of whom are young women.",
      },
    },
    {
      key: "art-3-3",
      kind: "article",
      label: { kk: "3.3", ru: "3.3", en: "3.3" },
      text: {
        kk: "Іске асыру мерзімі мен аумағы",
        ru: "Срок и территория реализации",
        en: "Duration and territory",
      },
    },
    {
      key: "p-3-3-1",
      kind: "paragraph",
      label: null,
      text: {
        kk: "8 ай, 2027 жылғы сәуірден қарашаға дейін. Мектеп Қызылорда қаласында бес күндік үш сессия өткізеді, сессиялар арасында жұмыс қатысушылардың ауылдарында жүргізіледі.",
        ru: "8 месяцев, с апреля по ноябрь 2027 года. Школа проводит три пятидневные сессии в городе Кызылорде, а в промежутках между сессиями работа ведётся в сёлах участников.",
        en: "8 months, from April to November 2027. The school holds three five-day sessions in the city of Kyzylorda; between the sessions, work continues in the participants' villages.",
      },
    },
    {
      key: "art-3-4",
      kind: "article",
      label: { kk: "3.4", ru: "3.4", en: "3.4" },
      text: { kk: "Грант сомасы", ru: "Сумма гранта", en: "Grant amount" },
    },
    {
      key: "p-3-4-1",
      kind: "paragraph",
      label: null,
      text: {
        kk: "9 500 000 (тоғыз миллион бес жүз мың) теңге. Есеп-қисап оқыту іс-шараларына арналған шығын нормалары және Қызылорда облысының әлеуметтік қызмет көрсету саласындағы орташа жалақы негізінде жүргізілді.",
        ru: "9 500 000 (девять миллионов пятьсот тысяч) тенге. Расчёт произведён на основе норм затрат на обучающие мероприятия и средней заработной платы в сфере социального обслуживания Кызылординской области.",
        en: "9 500 000 (nine million five hundred thousand) tenge. The calculation is based on the cost norms for training events and the average wage in the social services sector of Kyzylorda region.",
      },
    },
    {
      key: "art-3-5",
      kind: "article",
      label: { kk: "3.5", ru: "3.5", en: "3.5" },
      text: {
        kk: "Күтілетін нәтижелер мен көрсеткіштер",
        ru: "Ожидаемые результаты и показатели",
        en: "Expected results and indicators",
      },
    },
    {
      key: "li-3-5-1",
      kind: "list_item",
      label: { kk: "1)", ru: "1)", en: "1)" },
      text: {
        kk: "мектептің үш сессиясын өткізу және кемінде 60 қатысушының толық бағдарламадан өтуі;",
        ru: "проведение трёх сессий школы и прохождение полной программы не менее чем 60 участниками;",
        en: "three sessions of the school held and the full programme completed by at least 60 participants;",
      },
    },
    {
      key: "li-3-5-2",
      kind: "list_item",
      label: { kk: "2)", ru: "2)", en: "2)" },
      text: {
        kk: "кемінде 20 жергілікті бастаманы дайындау және ауылдық округтердің әкімдеріне таныстыру;",
        ru: "подготовка и представление акимам сельских округов не менее 20 местных инициатив;",
        en: "at least 20 local initiatives prepared and presented to the akims of rural districts;",
      },
    },
    {
      key: "li-3-5-3",
      kind: "list_item",
      label: { kk: "3)", ru: "3)", en: "3)" },
      text: {
        kk: "кемінде 15 түлектің аудандардың жастар немесе қоғамдық кеңестерінің құрамына енуі.",
        ru: "включение не менее 15 выпускников в состав молодёжных или общественных советов районов.",
        en: "at least 15 graduates included in the youth councils or public councils of the districts.",
      },
    },
    {
      key: "art-3-6",
      kind: "article",
      label: { kk: "3.6", ru: "3.6", en: "3.6" },
      text: { kk: "Бюджеттің шығыс баптары", ru: "Статьи расходов бюджета", en: "Budget items" },
    },
    {
      key: "li-3-6-1",
      kind: "list_item",
      label: { kk: "1)", ru: "1)", en: "1)" },
      text: {
        kk: "еңбекақы төлеу (мектеп директоры, 0,5 ставкаға 2 тренер, 0,5 ставкаға бухгалтер) – 3 800 000 теңге;",
        ru: "оплата труда (директор школы, 2 тренера на 0,5 ставки, бухгалтер на 0,5 ставки) — 3 800 000 тенге;",
        en: "staff remuneration (school director, 2 half-time trainers, half-time accountant) – 3 800 000 tenge;",
      },
    },
    {
      key: "li-3-6-2",
      kind: "list_item",
      label: { kk: "2)", ru: "2)", en: "2)" },
      text: {
        kk: "үш сессияға қатысушылардың жол жүруі, тұруы және тамағы – 3 600 000 теңге;",
        ru: "проезд, проживание и питание участников трёх сессий — 3 600 000 тенге;",
        en: "travel, accommodation and meals of participants for the three sessions – 3 600 000 tenge;",
      },
    },
    {
      key: "li-3-6-3",
      kind: "list_item",
      label: { kk: "3)", ru: "3)", en: "3)" },
      text: {
        kk: "оқу материалдары және үй-жайды жалға алу – 900 000 теңге;",
        ru: "учебные материалы и аренда помещения — 900 000 тенге;",
        en: "training materials and venue rental – 900 000 tenge;",
      },
    },
    {
      key: "li-3-6-4",
      kind: "list_item",
      label: { kk: "4)", ru: "4)", en: "4)" },
      text: {
        kk: "жергілікті бастамаларға арналған материалдар – 600 000 теңге;",
        ru: "материалы для местных инициатив — 600 000 тенге;",
        en: "materials for local initiatives – 600 000 tenge;",
      },
    },
    {
      key: "li-3-6-5",
      kind: "list_item",
      label: { kk: "5)", ru: "5)", en: "5)" },
      text: {
        kk: "әкімшілік шығыстар – 600 000 теңге.",
        ru: "административные расходы — 600 000 тенге.",
        en: "administrative costs – 600 000 tenge.",
      },
    },
  ],
  comments: [
    {
      author: "citizen",
      blockKey: null,
      lang: "kk",
      body: "14 күн – өте қысқа мерзім. Ауылдағы ұйымдар лоттардың порталда жарияланғанын кеш біледі. Келесі жылы лоттарды ертерек жариялауды сұраймын.",
      daysAfterOpen: 0,
    },
    {
      author: "citizen-aizhan",
      blockKey: "li-1-5-2",
      lang: "en",
      body: "How will the indicator “at least 60 per cent remain active six months after the training” be measured? The project ends in December, so for volunteers trained in the autumn the six-month point falls after the end of the grant. I suggest measuring retention at the end of the project, or defining “active” as taking part in at least two initiatives per quarter.",
      daysAfterOpen: 0,
    },
    {
      author: "ngo",
      blockKey: "li-2-6-1",
      lang: "ru",
      body: "По лоту 2 на оплату труда заложено 7 200 000 тенге на 10 месяцев, то есть 720 000 тенге в месяц на 3,5 ставки — около 205 000 тенге на человека до вычета налогов. За такие деньги в Шымкенте невозможно удержать квалифицированного консультанта по профориентации. Просим пересчитать сумму по фактическим зарплатам в городе либо снизить целевой показатель до 100 участников.",
      daysAfterOpen: 1,
    },
    {
      author: "ngo-syr",
      blockKey: "li-3-6-2",
      lang: "kk",
      body: "3-лот бойынша үш сессияға қатысушылардың жол жүруіне, тұруына және тамағына 3 600 000 теңге көзделген, бұл бір қатысушыға бір сапарға 20 000 теңге ғана. Аралдан Қызылордаға дейін 450 шақырымнан астам, бес күн тұру мен тамақтың өзі бұдан қымбат. Сомасын көбейтуді немесе сессиялардың бірін аудандарда өткізуді ұсынамыз.",
      daysAfterOpen: 1,
    },
    {
      author: "ngo-ten",
      blockKey: "p-2-2-1",
      lang: "ru",
      body: "Просим включить в целевую группу лота 2 молодёжь с инвалидностью и установить квоту не менее 10 процентов участников. Среди молодых людей с инвалидностью доля не работающих и не учащихся значительно выше, а программы занятости для них часто физически недоступны. Бюджет лота следует дополнить расходами на обеспечение доступности: сурдопереводом и доступными материалами.",
      daysAfterOpen: 2,
    },
    {
      author: "citizen-olga",
      blockKey: null,
      lang: "ru",
      body: "Прошу опубликовать расчёт сумм всех трёх лотов в виде таблицы, а не только итоговые суммы по статьям. Из спецификации непонятно, какие именно нормы затрат применялись и какая средняя заработная плата взята за основу.",
      daysAfterOpen: 2,
    },
  ],
};

// ---------------------------------------------------------------------------
// Consultation 3: procedure for monitoring and reporting (closed)
// ---------------------------------------------------------------------------

const grantReporting2026: DemoConsultation = {
  slug: "grant-reporting-2026",
  type: "regulation",
  organization: "misd",
  title: {
    kk: "Мемлекеттік әлеуметтік гранттар бойынша мониторинг және есептілік тәртібі",
    ru: "Порядок мониторинга и отчётности по государственным социальным грантам",
    en: "Procedure for monitoring and reporting on state social grants",
  },
  summary: {
    kk: "Жоба аралық, қорытынды және қаржылық есептердің бірыңғай мерзімдері мен нысандарын, көшпелі мониторинг және пайда алушыларға сауалнама жүргізу қағидаларын, сондай-ақ мониторинг нәтижелерін жариялауды белгілейді.",
    ru: "Проект устанавливает единые сроки и формы промежуточных, итоговых и финансовых отчётов, правила выездного мониторинга и опроса благополучателей, а также опубликование результатов мониторинга.",
    en: "The draft establishes uniform deadlines and forms for interim, final and financial reports, rules for on-site monitoring and surveys of beneficiaries, and the publication of monitoring results.",
  },
  explanatoryNote: {
    kk: "Қазіргі уақытта есептілікке қойылатын талаптар әр грант шартында белгіленеді және конкурстар арасында ерекшеленеді. Жоба бірыңғай электрондық есептілікті, нақты мерзімдерді және мониторингке ортақ тәсілді енгізеді. Жобаны қабылдау бюджеттен қосымша қаражатты талап етпейді.",
    ru: "В настоящее время требования к отчётности устанавливаются в каждом договоре о предоставлении гранта и различаются от конкурса к конкурсу. Проект вводит единую электронную отчётность, чёткие сроки и общий подход к мониторингу. Принятие проекта не потребует дополнительных бюджетных средств.",
    en: "At present, reporting requirements are set in each grant agreement and differ from one competition to another. The draft introduces uniform electronic reporting, clear deadlines and a common approach to monitoring. Adoption of the draft will not require additional budget funds.",
  },
  opensInDays: -75,
  periodDays: 30,
  shortPeriodJustification: null,
  blocks: [
    // ----- Chapter 1 -------------------------------------------------------
    {
      key: "sec-1",
      kind: "section",
      label: { kk: "1-тарау", ru: "Глава 1", en: "Chapter 1" },
      text: { kk: "Жалпы ережелер", ru: "Общие положения", en: "General provisions" },
    },
    {
      key: "art-1",
      kind: "article",
      label: { kk: "1-бап", ru: "Статья 1", en: "Article 1" },
      text: { kk: "Реттеу нысанасы", ru: "Предмет регулирования", en: "Subject matter" },
    },
    {
      key: "p-1-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Осы Тәртіп грант алушылар есептерінің мазмұнына, нысанына және ұсыну мерзімдеріне қойылатын талаптарды, сондай-ақ грант операторының мемлекеттік әлеуметтік гранттардың іске асырылуына мониторинг жүргізу тәртібін белгілейді.",
        ru: "Настоящий Порядок устанавливает требования к содержанию, форме и срокам представления отчётов грантополучателей, а также порядок мониторинга реализации государственных социальных грантов оператором грантов.",
        en: "This Procedure establishes requirements for the content, form and deadlines of grantees' reports, and the procedure by which the grant operator monitors the implementation of state social grants.",
      },
    },
    {
      key: "art-2",
      kind: "article",
      label: { kk: "2-бап", ru: "Статья 2", en: "Article 2" },
      text: { kk: "Негізгі ұғымдар", ru: "Основные понятия", en: "Main terms" },
    },
    {
      key: "p-2-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Осы Тәртіпте мынадай ұғымдар пайдаланылады:",
        ru: "В настоящем Порядке используются следующие понятия:",
        en: "The following terms are used in this Procedure:",
      },
    },
    {
      key: "li-2-1",
      kind: "list_item",
      label: { kk: "1)", ru: "1)", en: "1)" },
      text: {
        kk: "аралық есеп – есепті тоқсанда өткізілген іс-шаралар мен жұмсалған шығыстар туралы есеп;",
        ru: "промежуточный отчёт — отчёт о проведённых мероприятиях и произведённых расходах за отчётный квартал;",
        en: "interim report – a report on the activities carried out and the expenditure incurred during the reporting quarter;",
      },
    },
    {
      key: "li-2-2",
      kind: "list_item",
      label: { kk: "2)", ru: "2)", en: "2)" },
      text: {
        kk: "қорытынды есеп – іске асырудың бүкіл кезеңіндегі жобаның нәтижелері мен көрсеткіштеріне қол жеткізу туралы есеп;",
        ru: "итоговый отчёт — отчёт о достижении результатов и показателей проекта за весь период реализации;",
        en: "final report – a report on the achievement of the project's results and indicators over the entire implementation period;",
      },
    },
    {
      key: "li-2-3",
      kind: "list_item",
      label: { kk: "3)", ru: "3)", en: "3)" },
      text: {
        kk: "тікелей нәтиже көрсеткіші – өткізілген іс-шаралардың сандық сипаттамасы (іс-шаралардың, қатысушылардың, материалдардың саны).",
        ru: "показатель непосредственного результата — количественная характеристика проведённых мероприятий (число мероприятий, участников, материалов).",
        en: "output indicator – a quantitative characteristic of the activities carried out (number of events, participants, materials).",
      },
    },
    {
      key: "art-3",
      kind: "article",
      label: { kk: "3-бап", ru: "Статья 3", en: "Article 3" },
      text: {
        kk: "Есептерді электрондық нысанда ұсыну",
        ru: "Представление отчётов в электронной форме",
        en: "Electronic submission of reports",
      },
    },
    {
      key: "p-3-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Есептер грант операторының ақпараттық жүйесі арқылы ұсынылады және грант алушы басшысының электрондық цифрлық қолтаңбасымен қол қойылады.",
        ru: "Отчёты представляются через информационную систему оператора грантов и подписываются электронной цифровой подписью руководителя грантополучателя.",
        en: "Reports are submitted through the grant operator's information system and signed with the electronic digital signature of the head of the grantee.",
      },
    },
    {
      key: "p-3-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Ақпараттық жүйе бір жұмыс күнінен артық қолжетімсіз болған жағдайда есеп ұсыну мерзімі қолжетімсіздік кезеңіне ұзартылады.",
        ru: "В случае недоступности информационной системы более одного рабочего дня срок представления отчёта продлевается на период недоступности.",
        en: "If the information system is unavailable for more than one working day, the reporting deadline is extended by the period of unavailability.",
      },
    },

    // ----- Chapter 2 -------------------------------------------------------
    {
      key: "sec-2",
      kind: "section",
      label: { kk: "2-тарау", ru: "Глава 2", en: "Chapter 2" },
      text: { kk: "Есептілік", ru: "Отчётность", en: "Reporting" },
    },
    {
      key: "art-4",
      kind: "article",
      label: { kk: "4-бап", ru: "Статья 4", en: "Article 4" },
      text: { kk: "Аралық есептер", ru: "Промежуточные отчёты", en: "Interim reports" },
    },
    {
      key: "p-4-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Грант алушы әр тоқсан аяқталғаннан кейін 10 жұмыс күнінен кешіктірмей аралық есеп ұсынады.",
        ru: "Грантополучатель представляет промежуточный отчёт не позднее 10 рабочих дней после окончания каждого квартала.",
        en: "The grantee submits an interim report not later than 10 working days after the end of each quarter.",
      },
    },
    {
      key: "p-4-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Аралық есепте мыналар қамтылады:",
        ru: "Промежуточный отчёт содержит:",
        en: "The interim report contains:",
      },
    },
    {
      key: "li-4-1",
      kind: "list_item",
      label: { kk: "1)", ru: "1)", en: "1)" },
      text: {
        kk: "өткізілген іс-шаралардың сипаттамасы және қатысушылар саны;",
        ru: "описание проведённых мероприятий и количество участников;",
        en: "a description of the activities carried out and the number of participants;",
      },
    },
    {
      key: "li-4-2",
      kind: "list_item",
      label: { kk: "2)", ru: "2)", en: "2)" },
      text: {
        kk: "іс-шаралардың фотосуреттері және қатысушылардың тізімдері;",
        ru: "фотографии мероприятий и списки участников;",
        en: "photographs of the events and lists of participants;",
      },
    },
    {
      key: "li-4-3",
      kind: "list_item",
      label: { kk: "3)", ru: "3)", en: "3)" },
      text: {
        kk: "бюджеттің шығыс баптары бойынша шығыстар тізімдемесі.",
        ru: "ведомость расходов по статьям бюджета.",
        en: "a statement of expenditure by budget item.",
      },
    },
    {
      key: "art-5",
      kind: "article",
      label: { kk: "5-бап", ru: "Статья 5", en: "Article 5" },
      text: { kk: "Қорытынды есеп", ru: "Итоговый отчёт", en: "Final report" },
    },
    {
      key: "p-5-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Қорытынды есеп жоба аяқталғаннан кейін 15 жұмыс күнінен кешіктірілмей ұсынылады және тікелей және түпкілікті нәтиже көрсеткіштеріне қол жеткізуді бағалауды, пайда алушыларға жүргізілген сауалнаманың қорытындыларын және нәтижелердің орнықтылығы туралы мәліметтерді қамтиды.",
        ru: "Итоговый отчёт представляется не позднее 15 рабочих дней после завершения проекта и содержит оценку достижения показателей непосредственного и конечного результата, итоги опроса благополучателей и сведения об устойчивости результатов.",
        en: "The final report is submitted not later than 15 working days after the end of the project and contains an assessment of the achievement of output and outcome indicators, the results of the beneficiary survey and information on the sustainability of the results.",
      },
    },
    {
      key: "p-5-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Егер көрсеткішке 20 пайыздан астам қол жеткізілмесе, грант алушы оның себептерін түсіндіреді.",
        ru: "Если показатель не достигнут более чем на 20 процентов, грантополучатель объясняет причины.",
        en: "If an indicator falls short by more than 20 per cent, the grantee explains the reasons.",
      },
    },
    {
      key: "art-6",
      kind: "article",
      label: { kk: "6-бап", ru: "Статья 6", en: "Article 6" },
      text: {
        kk: "Қаржылық есеп және растайтын құжаттар",
        ru: "Финансовый отчёт и подтверждающие документы",
        en: "Financial report and supporting documents",
      },
    },
    {
      key: "p-6-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Қаржылық есеп қорытынды есеппен бірге ұсынылады және әр төлем бойынша бастапқы есепке алу құжаттарының көшірмелерін қамтиды.",
        ru: "Финансовый отчёт представляется вместе с итоговым отчётом и включает копии первичных учётных документов по каждому платежу.",
        en: "The financial report is submitted together with the final report and includes copies of primary accounting documents for each payment.",
      },
    },
    {
      key: "p-6-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "10 АЕК-тен аспайтын төлемдер бойынша құжаттардың көшірмелерінің орнына басшы мен бухгалтер қол қойған төлемдер тізілімі ұсынылуы мүмкін; түпнұсқалар грант алушыда 5 жыл бойы сақталады.",
        ru: "По платежам, не превышающим 10 МРП, вместо копий документов может быть представлен реестр платежей, подписанный руководителем и бухгалтером; оригиналы хранятся у грантополучателя в течение 5 лет.",
        en: "For payments not exceeding 10 MCI, a register of payments signed by the head and the accountant may be submitted instead of copies of documents; the originals are kept by the grantee for 5 years.",
      },
    },
    {
      key: "art-7",
      kind: "article",
      label: { kk: "7-бап", ru: "Статья 7", en: "Article 7" },
      text: { kk: "Есептерді қарау", ru: "Рассмотрение отчётов", en: "Review of reports" },
    },
    {
      key: "p-7-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Грант операторы есепті 10 жұмыс күні ішінде қарайды. Ескертулер анықталған жағдайда есеп ескертулердің толық тізбесімен бір рет қайтарылады, ал грант алушы оларды 5 жұмыс күні ішінде жояды.",
        ru: "Оператор грантов рассматривает отчёт в течение 10 рабочих дней. При выявлении замечаний отчёт возвращается один раз с полным перечнем замечаний, и грантополучатель устраняет их в течение 5 рабочих дней.",
        en: "The grant operator reviews a report within 10 working days. If remarks are identified, the report is returned once with a complete list of remarks, and the grantee addresses them within 5 working days.",
      },
    },

    // ----- Chapter 3 -------------------------------------------------------
    {
      key: "sec-3",
      kind: "section",
      label: { kk: "3-тарау", ru: "Глава 3", en: "Chapter 3" },
      text: { kk: "Мониторинг", ru: "Мониторинг", en: "Monitoring" },
    },
    {
      key: "art-8",
      kind: "article",
      label: { kk: "8-бап", ru: "Статья 8", en: "Article 8" },
      text: { kk: "Көшпелі мониторинг", ru: "Выездной мониторинг", en: "On-site monitoring" },
    },
    {
      key: "p-8-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Грант операторы әр жобаға кемінде бір көшпелі мониторинг жүргізеді. Грант алушы бару туралы кемінде 3 жұмыс күні бұрын хабардар етіледі.",
        ru: "Оператор грантов проводит не менее одного выездного мониторинга каждого проекта. Грантополучатель уведомляется о посещении не позднее чем за 3 рабочих дня.",
        en: "The grant operator carries out at least one on-site monitoring visit to each project. The grantee is notified of the visit at least 3 working days in advance.",
      },
    },
    {
      key: "p-8-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Бару барысында мониторинг жөніндегі маман жобаның іс-шараларына қатысады, грант қаражатына сатып алынған жабдықтың бар-жоғын тексереді және жоба командасымен сұхбат жүргізеді.",
        ru: "В ходе посещения специалист по мониторингу присутствует на мероприятиях проекта, проверяет наличие оборудования, приобретённого за счёт гранта, и проводит интервью с командой проекта.",
        en: "During the visit, the monitoring specialist attends project events, checks the presence of equipment purchased with grant funds and interviews the project team.",
      },
    },
    {
      key: "art-9",
      kind: "article",
      label: { kk: "9-бап", ru: "Статья 9", en: "Article 9" },
      text: {
        kk: "Пайда алушыларға сауалнама жүргізу",
        ru: "Опрос благополучателей",
        en: "Beneficiary survey",
      },
    },
    {
      key: "p-9-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Грант операторы жоба пайда алушыларының кемінде 10 пайызына, бірақ кемінде 10 адамға сауалнама жүргізеді. Сауалнама жасырын түрде өткізіледі; пайда алушылардың байланыс деректерін грант алушы олардың келісімімен ұсынады.",
        ru: "Оператор грантов проводит опрос не менее 10 процентов благополучателей проекта, но не менее 10 человек. Опрос является анонимным; контактные данные благополучателей предоставляются грантополучателем с их согласия.",
        en: "The grant operator surveys at least 10 per cent of the project's beneficiaries, and not fewer than 10 persons. The survey is anonymous; the beneficiaries' contact details are provided by the grantee with their consent.",
      },
    },
    {
      key: "art-10",
      kind: "article",
      label: { kk: "10-бап", ru: "Статья 10", en: "Article 10" },
      text: {
        kk: "Мониторинг нәтижелері",
        ru: "Результаты мониторинга",
        en: "Monitoring results",
      },
    },
    {
      key: "p-10-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Мониторинг туралы есеп барудан кейін 10 жұмыс күні ішінде жасалады және грант алушыға жіберіледі, ол 5 жұмыс күні ішінде қарсылықтарын ұсынуға құқылы. Есеп пен қарсылықтар грант операторының интернет-ресурсында жарияланады.",
        ru: "Отчёт о мониторинге составляется в течение 10 рабочих дней после посещения и направляется грантополучателю, который вправе представить возражения в течение 5 рабочих дней. Отчёт и возражения публикуются на интернет-ресурсе оператора грантов.",
        en: "The monitoring report is drawn up within 10 working days after the visit and sent to the grantee, who may submit objections within 5 working days. The report and the objections are published on the grant operator's website.",
      },
    },
    {
      key: "p-10-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Есеп ұсыну мерзімі екі рет бұзылған не қаражатты пайдалануда бұзушылықтар анықталған жағдайда грант операторы бұзушылықтар жойылғанға дейін кезекті траншты аударуды тоқтата тұрады.",
        ru: "При двукратном нарушении срока представления отчёта либо выявлении нарушений в использовании средств оператор грантов приостанавливает перечисление очередного транша до устранения нарушений.",
        en: "If a reporting deadline is missed twice, or if violations in the use of funds are identified, the grant operator suspends the transfer of the next tranche until the violations are remedied.",
      },
    },
  ],
  comments: [
    {
      author: "ngo-ertis",
      blockKey: "p-4-1",
      lang: "ru",
      body: "Срок в 10 рабочих дней для промежуточного отчёта приемлем. Однако предлагаем не требовать отдельного отчёта за IV квартал, если проект завершается в декабре: он полностью дублирует итоговый отчёт.",
      daysAfterOpen: 1,
    },
    {
      author: "ngo-ten",
      blockKey: "li-4-2",
      lang: "ru",
      body: "Требование прикладывать фотографии мероприятий и списки участников вызывает у нас серьёзные вопросы. Многие наши благополучатели — люди с инвалидностью, которые не хотят, чтобы их изображения и фамилии передавались третьим лицам. Просим прямо указать, что фотографии и списки представляются только с письменного согласия участников, а при его отсутствии достаточно обезличенных данных.",
      daysAfterOpen: 3,
    },
    {
      author: "ngo-syr",
      blockKey: "p-3-1",
      lang: "kk",
      body: "Біздің ауылда интернет жиі үзіледі, ал басшының ЭЦҚ-сы бір компьютерде ғана. Ақпараттық жүйе жұмыс істемесе мерзім ұзартылатыны жақсы (2-тармақ), бірақ ауылдағы байланыс ақаулары да ескерілсін. Есепті қағаз түрінде аудандық ішкі саясат бөлімі арқылы тапсыру мүмкіндігін қалдыруды сұраймыз.",
      daysAfterOpen: 4,
    },
    {
      author: "citizen-aizhan",
      blockKey: "li-2-3",
      lang: "en",
      body: "Article 2 defines “output indicator”, but Article 5 also requires an assessment of “outcome indicators”, which are not defined anywhere. Without a definition, grantees will report the number of participants as an outcome. Please add a definition, for example “a measurable change in the situation of the target group resulting from the project”.",
      daysAfterOpen: 5,
    },
    {
      author: "ngo",
      blockKey: "p-6-1",
      lang: "ru",
      body: "Копии первичных документов по каждому платежу — это сотни сканов даже по небольшому проекту. Норма пункта 2 о реестре платежей до 10 МРП помогает, но порог слишком низкий: почти любая закупка его превышает. Предлагаем поднять порог до 50 МРП.",
      daysAfterOpen: 6,
    },
    {
      author: "citizen-sergey",
      blockKey: "p-10-1",
      lang: "ru",
      body: "Публикация отчётов о мониторинге вместе с возражениями грантополучателей — очень правильная норма. Так граждане смогут видеть, как расходуются бюджетные средства, а организации — отвечать на претензии публично.",
      daysAfterOpen: 7,
    },
    {
      author: "citizen-nurlan",
      blockKey: null,
      lang: "kk",
      body: "Жоба жалпы дұрыс. Есеп нысандары бірыңғай болса, ұйымдарға да, операторға да жеңіл болады.",
      daysAfterOpen: 8,
    },
    {
      author: "ngo-ertis",
      blockKey: "p-8-1",
      lang: "ru",
      body: "Уведомления о выездном мониторинге за 3 рабочих дня недостаточно, если проект реализуется в отдалённых сёлах, а мероприятия проводятся раз в месяц: специалист может приехать в день, когда ничего не происходит. Предлагаем согласовывать дату посещения с грантополучателем в рамках плана мониторинга.",
      daysAfterOpen: 10,
    },
    {
      author: "ngo-ten",
      blockKey: "p-9-1",
      lang: "ru",
      body: "Опрос благополучателей должен проводиться в доступных форматах: для незрячих — по телефону или в доступной электронной форме, для глухих — с сурдопереводом. Просим дополнить статью 9 этим требованием, иначе мнение людей с инвалидностью в опросы просто не попадёт.",
      daysAfterOpen: 12,
    },
    {
      author: "citizen-olga",
      blockKey: "p-7-1",
      lang: "ru",
      body: "Хорошо, что отчёт возвращается только один раз с полным перечнем замечаний. Сейчас оператор возвращает отчёты по три-четыре раза, и каждый раз с новыми замечаниями.",
      daysAfterOpen: 14,
    },
    {
      author: "ngo-syr",
      blockKey: "p-10-2",
      lang: "kk",
      body: "Кезекті траншты тоқтата тұру ауылдық шағын ұйым үшін жобаның тоқтауы деген сөз. Алғашқы кешіктіру үшін алдымен ескерту берілсін, ал транш тек қаражат мақсатсыз пайдаланылған жағдайда ғана тоқтатылсын.",
      daysAfterOpen: 16,
    },
    {
      author: "mp",
      blockKey: null,
      lang: "ru",
      body: "Прошу разработчика учесть замечания организаций, работающих в сельской местности, и обеспечить соразмерность требований к отчётности сумме гранта. Для грантов до 1 000 МРП целесообразно предусмотреть упрощённую форму отчёта.",
      daysAfterOpen: 20,
    },
    {
      author: "ngo",
      blockKey: "p-5-2",
      lang: "en",
      body: "The 20 per cent tolerance in Article 5 is reasonable, but it should be made clear that explaining the reasons is sufficient and does not automatically lead to a claim for the return of funds. Otherwise organisations will set deliberately low targets in their applications.",
      daysAfterOpen: 22,
    },
    {
      author: "citizen",
      blockKey: "p-9-1",
      lang: "kk",
      body: "Сауалнаманың жасырын болатыны дұрыс. Мен бір жобаның қатысушысы болдым, бірақ ешкім менің пікірімді сұраған жоқ.",
      daysAfterOpen: 27,
    },
  ],
};

// ---------------------------------------------------------------------------
// Consultation 4: register of NGOs (planned, not yet open)
// ---------------------------------------------------------------------------

const ngoRegister2027: DemoConsultation = {
  slug: "ngo-register-2027",
  type: "regulation",
  organization: "misd",
  title: {
    kk: "Үкіметтік емес ұйымдардың тізілімін жүргізу қағидалары (жоба)",
    ru: "Правила ведения реестра неправительственных организаций (проект)",
    en: "Rules for maintaining the register of non-governmental organisations (draft)",
  },
  summary: {
    kk: "Қысқа жоба үкіметтік емес ұйымдардың жария тізілімінің мазмұнын, мәліметтерді жыл сайын жаңартуды және тізілім деректеріне ашық қол жеткізуді белгілейді.",
    ru: "Краткий проект устанавливает состав общедоступного реестра неправительственных организаций, ежегодное обновление сведений и открытый доступ к данным реестра.",
    en: "A short draft establishing the content of the public register of non-governmental organisations, the annual updating of information and open access to the register data.",
  },
  explanatoryNote: {
    kk: "Қазіргі уақытта үкіметтік емес ұйымдар туралы мәліметтер бірнеше дереккөзде шашыраңқы түрде сақталады және жиі ескіреді. Жоба мәліметтерді ұсынудың бір арнасын және оларды ашық деректер ретінде жариялауды енгізеді. Жобаны қабылдау бюджеттен қосымша шығыстарды талап етпейді.",
    ru: "В настоящее время сведения о неправительственных организациях разрознены по нескольким источникам и часто устаревают. Проект вводит единый канал представления сведений и их опубликование в виде открытых данных. Принятие проекта не потребует дополнительных расходов из бюджета.",
    en: "At present, information on non-governmental organisations is scattered across several sources and is often out of date. The draft introduces a single channel for submitting information and its publication as open data. Adoption of the draft will not require additional budget expenditure.",
  },
  opensInDays: 12,
  periodDays: 30,
  shortPeriodJustification: null,
  blocks: [
    {
      key: "art-1",
      kind: "article",
      label: { kk: "1-бап", ru: "Статья 1", en: "Article 1" },
      text: { kk: "Реттеу нысанасы", ru: "Предмет регулирования", en: "Subject matter" },
    },
    {
      key: "p-1-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Осы Қағидалар уәкілетті органның үкіметтік емес ұйымдардың тізілімін жүргізу тәртібін, оның ішінде мәліметтердің құрамын, оларды ұсыну және оларға қол жеткізу тәртібін айқындайды.",
        ru: "Настоящие Правила определяют порядок ведения реестра неправительственных организаций уполномоченным органом, в том числе состав сведений, порядок их представления и доступа к ним.",
        en: "These Rules determine the procedure for maintaining the register of non-governmental organisations by the authorised body, including the composition of the information, the procedure for submitting it and access to it.",
      },
    },
    {
      key: "art-2",
      kind: "article",
      label: { kk: "2-бап", ru: "Статья 2", en: "Article 2" },
      text: {
        kk: "Тізілімге енгізілетін мәліметтер",
        ru: "Сведения, включаемые в реестр",
        en: "Information included in the register",
      },
    },
    {
      key: "p-2-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Тізілімде әр үкіметтік емес ұйым туралы мынадай мәліметтер болады:",
        ru: "Реестр содержит следующие сведения о каждой неправительственной организации:",
        en: "The register contains the following information about each non-governmental organisation:",
      },
    },
    {
      key: "li-2-1",
      kind: "list_item",
      label: { kk: "1)", ru: "1)", en: "1)" },
      text: {
        kk: "атауы, бизнес-сәйкестендіру нөмірі және ұйымдық-құқықтық нысаны;",
        ru: "наименование, бизнес-идентификационный номер и организационно-правовая форма;",
        en: "name, business identification number and legal form;",
      },
    },
    {
      key: "li-2-2",
      kind: "list_item",
      label: { kk: "2)", ru: "2)", en: "2)" },
      text: {
        kk: "қызмет бағыттары және жұмыс аумағы;",
        ru: "направления деятельности и территория работы;",
        en: "areas of activity and territory of operation;",
      },
    },
    {
      key: "li-2-3",
      kind: "list_item",
      label: { kk: "3)", ru: "3)", en: "3)" },
      text: {
        kk: "өткен жылғы қаржыландыру көздері, оның ішінде мемлекеттік гранттар және мемлекеттік әлеуметтік тапсырыс;",
        ru: "источники финансирования за предыдущий год, в том числе государственные гранты и государственный социальный заказ;",
        en: "sources of funding for the previous year, including state grants and the state social order;",
      },
    },
    {
      key: "li-2-4",
      kind: "list_item",
      label: { kk: "4)", ru: "4)", en: "4)" },
      text: {
        kk: "ұйымның байланыс деректері.",
        ru: "контактные данные организации.",
        en: "contact details of the organisation.",
      },
    },
    {
      key: "art-3",
      kind: "article",
      label: { kk: "3-бап", ru: "Статья 3", en: "Article 3" },
      text: {
        kk: "Мәліметтерді ұсыну және жаңарту",
        ru: "Представление и обновление сведений",
        en: "Submission and updating of information",
      },
    },
    {
      key: "p-3-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Үкіметтік емес ұйымдар тізілімге мәліметтерді жыл сайын, 31 наурыздан кешіктірмей, «электрондық үкімет» веб-порталы арқылы ұсынады.",
        ru: "Неправительственные организации представляют сведения в реестр ежегодно, не позднее 31 марта, через веб-портал «электронного правительства».",
        en: "Non-governmental organisations submit information to the register annually, not later than 31 March, through the e-government web portal.",
      },
    },
    {
      key: "p-3-2",
      kind: "paragraph",
      label: { kk: "2.", ru: "2.", en: "2." },
      text: {
        kk: "Атауының, байланыс деректерінің немесе қызмет бағыттарының өзгерістері олар туындағаннан кейін 10 жұмыс күні ішінде ұсынылады. Мәліметтерді ұсынбау тізілімнен шығаруға әкеп соқпайды, алайда ұйым «мәліметтер жаңартылмаған» деп белгіленеді.",
        ru: "Изменения наименования, контактных данных или направлений деятельности представляются в течение 10 рабочих дней после их возникновения. Непредставление сведений не влечёт исключения из реестра, однако организация отмечается как «сведения не обновлены».",
        en: "Changes to the name, contact details or areas of activity are submitted within 10 working days after they occur. Failure to submit information does not lead to exclusion from the register, but the organisation is marked as “information not updated”.",
      },
    },
    {
      key: "art-4",
      kind: "article",
      label: { kk: "4-бап", ru: "Статья 4", en: "Article 4" },
      text: {
        kk: "Тізілім мәліметтеріне қол жеткізу",
        ru: "Доступ к сведениям реестра",
        en: "Access to register data",
      },
    },
    {
      key: "p-4-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Тізілім мәліметтері уәкілетті органның интернет-ресурсында тегін жалпыға қолжетімді болып табылады және дербес деректерді қоспағанда, машинамен оқылатын форматта ашық деректер түрінде жарияланады.",
        ru: "Сведения реестра общедоступны на безвозмездной основе на интернет-ресурсе уполномоченного органа и, за исключением персональных данных, публикуются в виде открытых данных в машиночитаемом формате.",
        en: "Register data are publicly available free of charge on the authorised body's website and, except for personal data, are published as open data in a machine-readable format.",
      },
    },
    {
      key: "art-5",
      kind: "article",
      label: { kk: "5-бап", ru: "Статья 5", en: "Article 5" },
      text: { kk: "Қолданысқа енгізу", ru: "Введение в действие", en: "Entry into force" },
    },
    {
      key: "p-5-1",
      kind: "paragraph",
      label: { kk: "1.", ru: "1.", en: "1." },
      text: {
        kk: "Осы Қағидалар алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі. 2027 жылғы мәліметтер алғаш рет 2028 жылғы 31 наурыздан кешіктірілмей ұсынылады.",
        ru: "Настоящие Правила вводятся в действие по истечении десяти календарных дней после дня их первого официального опубликования. Сведения за 2027 год впервые представляются не позднее 31 марта 2028 года.",
        en: "These Rules enter into force ten calendar days after the date of their first official publication. Information for 2027 is submitted for the first time not later than 31 March 2028.",
      },
    },
  ],
  comments: [],
};

// ---------------------------------------------------------------------------

export const demoConsultations: DemoConsultation[] = [
  grantRules2027,
  youthLots2027,
  grantReporting2026,
  ngoRegister2027,
];
