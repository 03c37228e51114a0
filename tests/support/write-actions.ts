/**
 * The data-driven picture of every write the site accepts, used by the forgery (CSRF/Origin),
 * authorization-matrix and fuzzing tests. A route file with an `action` export that no entry
 * names fails tests/http/forgery-and-authorization.test.ts: add an entry here when you add one.
 *
 * Each entry says where the form lives, where it posts, which fields a genuine submission has,
 * and which roles may use it ("as designed": permissions.ts and the guards).
 */
import { randomUUID } from "node:crypto";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { selectorFor } from "~/modules/comments/anchor";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { HttpClient } from "./http";

export const roles = ["anonymous", "citizen", "ngo", "staff", "moderator", "mp", "admin"] as const;
export type RoleKey = (typeof roles)[number];
export type SignedInRole = Exclude<RoleKey, "anonymous">;

export const DEMO_PASSWORD = "kenes-demo-2026";
export const demoEmails: Record<SignedInRole, string> = {
  citizen: "citizen@demo.kenes.kz",
  ngo: "ngo@demo.kenes.kz",
  staff: "staff@demo.kenes.kz", // staff of the body "misd"
  moderator: "moderator@demo.kenes.kz",
  mp: "mp@demo.kenes.kz",
  admin: "admin@demo.kenes.kz",
};
export const signedIn: SignedInRole[] = ["citizen", "ngo", "staff", "moderator", "mp", "admin"];

/** What the tests prepare once per server (the demo plus a few extra consultations). */
export interface Fixture {
  lang: "kk" | "ru" | "en";
  /** Open, published, of body misd. */
  openSlug: string;
  /** Published, of another body (cisc): misd staff may not manage it. */
  otherBodySlug: string;
  /** Unpublished, of misd, with a draft version: for update/draft/publish by refused roles. */
  draftSlug: string;
  misdId: string;
  /** Unpublished lot_specification consultation of misd (its lots are editable). */
  lotDraftSlug: string;
  /** Closed misd consultation whose report is published (grant-reporting-2026). */
  reportSlug: string;
  /** A lot of the open cisc lot consultation (otherBodySlug). */
  lotCode: string;
  /** A paragraph of the open consultation, in the fixture's language, for annotations. */
  openBlock: { id: string; text: string };
  /** A visible top-level comment of the open consultation (to reply to, support). */
  topCommentId: string;
  /** A unique suffix for slugs and e-mails. */
  unique(): string;
  /** A fresh signed-in client for preparing targets (the matrix signs each role out everywhere once). */
  as(role: SignedInRole): Promise<HttpClient>;
  /** A kept client of a demo citizen no test signs out: the author of fresh comments. */
  author(): Promise<HttpClient>;
}

export interface Target {
  /** Page that carries the form (the CSRF token comes from it). */
  page: string;
  /** Where the form posts. */
  action: string;
  fields: Record<string, string>;
  /** Files of a multipart form (the post is then multipart/form-data). */
  files?: Record<string, UploadFile>;
}

export interface UploadFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface WriteAction {
  name: string;
  /** The file in app/routes whose action this is. */
  route: string;
  allowed: readonly RoleKey[];
  /** A genuine submission. May create a fresh target (e.g. an unpublished consultation to publish). */
  target(f: Fixture, role: RoleKey, staff: () => Promise<HttpClient>): Target | Promise<Target>;
  /** Fields the fuzzer varies (default: every field of the genuine submission except csrf). */
  fuzzFields?: string[];
  /** Ends the session (or starts another): tests give it a client of its own. */
  changesSession?: boolean;
}

const consultationFields = (f: Fixture, slug: string): Record<string, string> => ({
  slug,
  type: "grant_rules",
  organizationId: f.misdId,
  title_kk: "Сынақ жобасы",
  title_ru: "Тестовый проект",
  title_en: "Test draft",
  summary_kk: "Қысқаша мазмұны",
  summary_ru: "Краткое содержание",
  summary_en: "Summary",
  note_kk: "",
  note_ru: "",
  note_en: "",
  opensOn: "2027-03-01",
  closesOn: "2027-04-15",
  justification_kk: "",
  justification_ru: "",
  justification_en: "",
});

export const draftJson = JSON.stringify([
  { kind: "article", label: { kk: "1-бап", ru: "Статья 1", en: "Article 1" }, text: { kk: "Бірінші бап мәтіні.", ru: "Текст первой статьи.", en: "Text of article one." } },
]);

/** Creates an unpublished misd consultation with a draft version (as staff); returns its slug. */
export async function createDraftConsultation(staff: HttpClient, f: Fixture): Promise<string> {
  const slug = `sec-${f.unique()}`;
  const created = await staff.submit(`/${f.lang}/manage/consultations/new`, consultationFields(f, slug));
  if (created.status !== 303) throw new Error(`creating ${slug} failed: ${created.status}`);
  const page = `/${f.lang}/manage/consultations/${slug}`;
  const draft = await staff.submit(page, { intent: "draft", json: draftJson, text_kk: "", text_ru: "", text_en: "" });
  if (draft.status !== 303) throw new Error(`saving the draft of ${slug} failed: ${draft.status}`);
  return slug;
}

/** Creates an unpublished misd lot_specification consultation (as staff); returns its slug. */
async function createLotConsultation(staff: HttpClient, f: Pick<Fixture, "lang" | "misdId" | "unique">): Promise<string> {
  const slug = `sec-lots-${f.unique()}`;
  const created = await staff.submit(`/${f.lang}/manage/consultations/new`, { ...consultationFields(f as Fixture, slug), type: "lot_specification" });
  if (created.status !== 303) throw new Error(`creating ${slug} failed: ${created.status}`);
  return slug;
}

/** The id in a redirect's `#<prefix>-<uuid>` anchor. */
function idFromLocation(response: Response, prefix: string): string {
  const id = new RegExp(`#${prefix}-([0-9a-f-]{36})`).exec(response.headers.get("Location") ?? "")?.[1];
  if (!id) throw new Error(`no ${prefix} id in ${response.status} ${response.headers.get("Location") ?? ""}`);
  return id;
}

/** Posts a fresh comment on the open consultation as `author`; returns its id. */
async function freshComment(f: Fixture, author: HttpClient): Promise<string> {
  const response = await author.submit(`/${f.lang}/consultations/${f.openSlug}`, { body: `Замечание ${f.unique()}`, blockId: "", idempotencyKey: randomUUID() }, `/${f.lang}/consultations/${f.openSlug}?index`);
  return idFromLocation(response, "comment");
}

/** A fresh comment hidden by the moderator (for "restore"). */
async function hiddenComment(f: Fixture): Promise<string> {
  const id = await freshComment(f, await f.author());
  const hidden = await (await f.as("moderator")).submit(`/${f.lang}/consultations`, { intent: "hide", commentId: id, reason: "Оскорбление" }, `/${f.lang}/moderation`);
  if (hidden.status !== 303) throw new Error(`hiding ${id} failed: ${hidden.status}`);
  return id;
}

/** A fresh plan item of misd for next year (as staff); returns its id. */
async function freshPlanItem(f: Fixture, staff: HttpClient): Promise<string> {
  const response = await staff.submit(`/${f.lang}/plan/2028`, planFields(f, "add"));
  return idFromLocation(response, "item");
}

const planFields = (f: Fixture, intent: string): Record<string, string> => ({
  intent,
  organizationId: f.misdId,
  year: "2028",
  quarter: "2",
  kind: "act",
  consultationType: "regulation",
  title_kk: "Жаңа қағидалар",
  title_ru: "Новые правила",
  title_en: "New rules",
  consultationSlug: "",
});

/** A fresh answer template of misd (as staff); returns its id. */
async function freshTemplate(f: Fixture, staff: HttpClient): Promise<string> {
  const title = `Шаблон ${f.unique()}`;
  const created = await staff.submit(`/${f.lang}/manage/templates`, templateFields(title));
  if (created.status !== 303) throw new Error(`creating template failed: ${created.status}`);
  const page = (await staff.get(`/${f.lang}/manage/templates`)).text;
  const id = new RegExp(`<strong>${title}</strong>[\\s\\S]*?name="templateId" value="([^"]+)"`).exec(page)?.[1];
  if (!id) throw new Error("the new template is not listed");
  return id;
}

const templateFields = (title: string): Record<string, string> => ({
  title,
  status: "not_accepted",
  justification_kk: "Ұсыныс заңға сәйкес келмейді.",
  justification_ru: "Предложение противоречит закону.",
  justification_en: "",
});

/** A valid lot as form fields (the manage form's names). */
const lotFields = (code: string): Record<string, string> => ({
  code,
  title_kk: "Жастар еріктілігі", title_ru: "Молодёжное волонтёрство", title_en: "",
  problem_kk: "Ауылдарда еріктілер орталықтары жоқ.", problem_ru: "В сёлах нет волонтёрских центров.", problem_en: "",
  target_group_kk: "16–29 жастағы жастар", target_group_ru: "Молодёжь 16–29 лет", target_group_en: "",
  regions: "turkestan",
  duration_months: "10",
  grant_type: "short_term",
  amount_kzt: "1 000 000",
  funding_year: "2027",
  tor_kk: "Бес орталық ашу.", tor_ru: "Открыть пять центров.", tor_en: "",
  eligibility_kk: "Кемінде бір жыл жұмыс істеген ҮЕҰ.", eligibility_ru: "НПО, работающие не менее года.", eligibility_en: "",
  indicator_0_text_kk: "Ашылған орталықтар", indicator_0_text_ru: "Открытые центры", indicator_0_text_en: "",
  indicator_0_target: "5",
  indicator_0_unit_kk: "орталық", indicator_0_unit_ru: "центров", indicator_0_unit_en: "",
  budget_0_item_kk: "Еңбекақы", budget_0_item_ru: "Оплата труда", budget_0_item_en: "",
  budget_0_unit_kk: "ай", budget_0_unit_ru: "месяц", budget_0_unit_en: "",
  budget_0_quantity: "10", budget_0_unit_cost: "100 000", budget_0_total: "1 000 000",
});

/** Creates a lot in the lot draft (as staff); returns its code. */
async function freshLot(f: Fixture, staff: HttpClient): Promise<string> {
  const code = `S-${f.unique().replace(/[^A-Za-z0-9]/g, "").slice(-20)}`;
  const saved = await staff.submit(`/${f.lang}/manage/consultations/${f.lotDraftSlug}/lots/new`, lotFields(code));
  if (saved.status !== 303) throw new Error(`saving lot ${code} failed: ${saved.status}`);
  return code;
}

const lotCsv = (code: string): string =>
  [
    "record,lot,title_kk,title_ru,problem_kk,problem_ru,target_group_kk,target_group_ru,regions,duration_months,grant_type,amount_kzt,funding_year,tor_kk,tor_ru,eligibility_kk,eligibility_ru,text_kk,text_ru,unit_kk,unit_ru,target,quantity,unit_cost,total",
    `lot,${code},Лот қазақша,Лот по-русски,Мәселе,Проблема,Жастар,Молодёжь,kyzylorda,8,short_term,1000000,2027,Ерекшелік,Спецификация,Талаптар,Требования,,,,,,,,`,
    `indicator,${code},,,,,,,,,,,,,,,,Қатысушылар,Участники,адам,человек,60,,,`,
    `budget_line,${code},,,,,,,,,,,,,,,,Еңбекақы,Оплата труда,ай,месяц,,8,125000,1000000`,
  ].join("\n");

const utf8 = (text: string) => new TextEncoder().encode(text);
const pdfBytes = utf8("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
let docxBytes: Promise<Uint8Array> | undefined;
/** A small real .docx draft (built once). */
function draftDocx(): Promise<Uint8Array> {
  docxBytes ??= Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun("Статья 1. Размер гранта")] }), new Paragraph({ children: [new TextRun("Размер гранта составляет 5 000 000 тенге.")] })] }] })).then((b) => new Uint8Array(b));
  return docxBytes;
}

/** A serialized Lexical editor document: an article heading and one paragraph. */
const editorDocument = (heading: string, text: string): string => {
  const textNode = (t: string) => ({ type: "text", text: t, detail: 0, format: 0, mode: "normal", style: "", version: 1 });
  return JSON.stringify({
    root: {
      type: "root", version: 1, direction: "ltr", format: "", indent: 0,
      children: [
        { type: "paragraph", version: 1, direction: "ltr", format: "", indent: 0, children: [textNode(heading)] },
        { type: "paragraph", version: 1, direction: "ltr", format: "", indent: 0, children: [textNode(text)] },
      ],
    },
  });
};

const everyone = roles;
const managers = ["staff", "admin"] as const;
const moderators = ["moderator", "admin"] as const;
const isManager = (role: RoleKey) => (managers as readonly RoleKey[]).includes(role);

export const writeActions: WriteAction[] = [
  {
    name: "sign in",
    changesSession: true,
    route: "$lang.login.tsx",
    allowed: everyone,
    target: (f) => ({ page: `/${f.lang}/consultations`, action: `/${f.lang}/login`, fields: { email: demoEmails.citizen, password: DEMO_PASSWORD } }),
  },
  {
    name: "register",
    changesSession: true,
    route: "$lang.register.tsx",
    allowed: everyone,
    target: (f) => {
      const u = f.unique();
      return { page: `/${f.lang}/consultations`, action: `/${f.lang}/register`, fields: { name: "Тест Тестов", email: `t-${u}@example.kz`, password: "a-long-password-1", organizationName: "", bin: "" } };
    },
  },
  {
    name: "sign out",
    changesSession: true,
    route: "$lang.logout.tsx",
    allowed: everyone,
    target: (f) => ({ page: `/${f.lang}/consultations`, action: `/${f.lang}/logout`, fields: {} }),
  },
  {
    name: "sign out everywhere",
    changesSession: true,
    route: "$lang.account.sessions.tsx",
    allowed: signedIn,
    target: (f) => ({ page: `/${f.lang}/consultations`, action: `/${f.lang}/account/sessions`, fields: { intent: "sign_out_everywhere" } }),
  },
  {
    name: "comment on a draft",
    route: "$lang.consultations.$slug._index.tsx",
    allowed: signedIn,
    target: (f) => ({
      page: `/${f.lang}/consultations/${f.openSlug}`,
      action: `/${f.lang}/consultations/${f.openSlug}?index`,
      fields: { body: `Ұсыныс / предложение ${f.unique()}`, blockId: "", idempotencyKey: randomUUID() },
    }),
  },
  {
    name: "create a consultation",
    route: "$lang.manage.consultations.new.tsx",
    allowed: managers,
    target: (f) => ({ page: `/${f.lang}/consultations`, action: `/${f.lang}/manage/consultations/new`, fields: consultationFields(f, `new-${f.unique()}`) }),
  },
  {
    name: "edit an unpublished consultation",
    route: "$lang.manage.consultations.$slug.tsx",
    allowed: managers,
    target: (f) => {
      const { slug: _slug, organizationId: _org, ...fields } = consultationFields(f, f.draftSlug);
      return { page: `/${f.lang}/consultations`, action: `/${f.lang}/manage/consultations/${f.draftSlug}`, fields: { intent: "update", ...fields } };
    },
    // The same fields as "create a consultation", which fuzzes them all; here the ones handled differently.
    fuzzFields: ["intent", "title_kk", "summary_ru", "opensOn", "closesOn", "justification_kk"],
  },
  {
    name: "save a draft version",
    route: "$lang.manage.consultations.$slug.tsx",
    allowed: managers,
    target: (f) => ({ page: `/${f.lang}/consultations`, action: `/${f.lang}/manage/consultations/${f.draftSlug}`, fields: { intent: "draft", json: draftJson, text_kk: "", text_ru: "", text_en: "" } }),
  },
  {
    name: "publish a consultation",
    route: "$lang.manage.consultations.$slug.tsx",
    allowed: managers,
    // Publishing happens once: each allowed attempt gets its own fresh draft.
    target: async (f, role, staff) => {
      const slug = managers.includes(role as never) ? await createDraftConsultation(await staff(), f) : f.draftSlug;
      return { page: `/${f.lang}/consultations`, action: `/${f.lang}/manage/consultations/${slug}`, fields: { intent: "publish" } };
    },
    fuzzFields: ["intent"],
  },
  {
    name: "manage another body's consultation",
    route: "$lang.manage.consultations.$slug.tsx",
    // Only an admin passes the permission check (and then meets "published: immutable", 409).
    allowed: ["admin"],
    target: (f) => ({ page: `/${f.lang}/consultations`, action: `/${f.lang}/manage/consultations/${f.otherBodySlug}`, fields: { intent: "draft", json: draftJson, text_kk: "", text_ru: "", text_en: "" } }),
    fuzzFields: ["intent", "json"],
  },
  {
    name: "annotate a passage of a draft",
    route: "$lang.consultations.$slug._index.tsx",
    allowed: signedIn,
    target: (f) => {
      const s = selectorFor(f.openBlock.text, 4, Math.min(f.openBlock.text.length, 40))!;
      return {
        page: `/${f.lang}/consultations/${f.openSlug}`,
        action: `/${f.lang}/consultations/${f.openSlug}?index`,
        fields: { intent: "comment", body: `Аннотация ${f.unique()}`, blockId: f.openBlock.id, idempotencyKey: randomUUID(), exact: s.exact, prefix: s.prefix, suffix: s.suffix, start: String(s.start), end: String(s.end) },
      };
    },
    fuzzFields: ["blockId", "exact", "prefix", "suffix", "start", "end"],
  },
  {
    name: "reply to a comment",
    route: "$lang.consultations.$slug._index.tsx",
    allowed: signedIn,
    target: (f) => ({
      page: `/${f.lang}/consultations/${f.openSlug}`,
      action: `/${f.lang}/consultations/${f.openSlug}?index`,
      fields: { intent: "comment", body: `Ответ ${f.unique()}`, blockId: "", idempotencyKey: randomUUID(), parentId: f.topCommentId },
    }),
    fuzzFields: ["parentId", "blockId"],
  },
  {
    name: "support a comment",
    route: "$lang.consultations.$slug._index.tsx",
    allowed: signedIn,
    target: (f) => ({ page: `/${f.lang}/consultations/${f.openSlug}`, action: `/${f.lang}/consultations/${f.openSlug}?index`, fields: { intent: "support", commentId: f.topCommentId, support: "1" } }),
  },
  {
    name: "flag a comment for moderators",
    route: "$lang.comments.$id.flag.tsx",
    allowed: signedIn,
    // The flag page itself needs a sign-in; the token comes from any page.
    target: async (f) => ({ page: `/${f.lang}/consultations`, action: `/${f.lang}/comments/${await freshComment(f, await f.author())}/flag`, fields: { reason: "Оскорбительный тон" } }),
  },
  {
    name: "edit a comment (its author only)",
    route: "$lang.comments.$id.tsx",
    // The comment is the staff member's own: everybody else, admins included, is refused.
    allowed: ["staff"],
    target: async (f, _role, staff) => ({ page: `/${f.lang}/consultations`, action: `/${f.lang}/comments/${await freshComment(f, await staff())}`, fields: { intent: "edit", body: `Исправленный текст ${f.unique()}` } }),
  },
  {
    name: "withdraw a comment (its author only)",
    route: "$lang.comments.$id.tsx",
    allowed: ["staff"],
    target: async (f, _role, staff) => ({ page: `/${f.lang}/consultations`, action: `/${f.lang}/comments/${await freshComment(f, await staff())}`, fields: { intent: "withdraw", reason: "Передумал" } }),
  },
  {
    name: "give feedback on a lot",
    route: "$lang.consultations.$slug.lots.$code.tsx",
    // Anyone signed in except the body's own managers (an admin manages every body; misd staff not cisc's).
    allowed: ["citizen", "ngo", "staff", "moderator", "mp"],
    target: (f) => {
      const page = `/${f.lang}/consultations/${f.otherBodySlug}/lots/${f.lotCode}`;
      return { page, action: page, fields: { intent: "feedback", funding: "insufficient", proposedAmount: "25 000 000", duration: "too_short", wouldApply: "unsure", note: "Мало денег на проезд" } };
    },
  },
  {
    name: "comment on a lot",
    route: "$lang.consultations.$slug.lots.$code.tsx",
    allowed: signedIn,
    target: (f) => {
      const page = `/${f.lang}/consultations/${f.otherBodySlug}/lots/${f.lotCode}`;
      return { page, action: page, fields: { intent: "comment", body: `Замечание к лоту ${f.unique()}`, blockId: "", idempotencyKey: randomUUID() } };
    },
    fuzzFields: ["intent", "body", "blockId"],
  },
  {
    name: "publish the answers of a consultation",
    route: "$lang.consultations.$slug.report.tsx",
    allowed: managers,
    target: (f) => ({ page: `/${f.lang}/consultations/${f.openSlug}/report`, action: `/${f.lang}/consultations/${f.openSlug}/report`, fields: { intent: "publish_answers" } }),
  },
  {
    name: "publish a report revision",
    route: "$lang.consultations.$slug.report.tsx",
    allowed: managers,
    target: (f) => ({
      page: `/${f.lang}/consultations/${f.reportSlug}/report`,
      action: `/${f.lang}/consultations/${f.reportSlug}/report`,
      fields: { intent: "publish_report", change_log_kk: "Жауап түзетілді.", change_log_ru: "Исправлен ответ.", change_log_en: "" },
    }),
  },
  {
    name: "answer comments",
    route: "$lang.manage.responses.tsx",
    allowed: managers,
    target: async (f) => ({
      page: `/${f.lang}/consultations`,
      action: `/${f.lang}/manage/responses`,
      fields: { intent: "answer", commentId: await freshComment(f, await f.author()), status: "partially_accepted", justification_kk: "Ішінара ескерілді.", justification_ru: "Учтено частично.", justification_en: "", templateId: "", changeBlockKey: "" },
    }),
  },
  {
    name: "publish chosen answers",
    route: "$lang.manage.responses.tsx",
    allowed: managers,
    target: async (f) => ({ page: `/${f.lang}/consultations`, action: `/${f.lang}/manage/responses`, fields: { intent: "publish", commentId: f.topCommentId } }),
  },
  {
    name: "create an answer template",
    route: "$lang.manage.templates.tsx",
    // A template belongs to a body: an admin, who has none, is refused (403) by design.
    allowed: ["staff"],
    target: (f) => ({ page: `/${f.lang}/consultations`, action: `/${f.lang}/manage/templates`, fields: templateFields(`Шаблон ${f.unique()}`) }),
  },
  {
    name: "archive an answer template",
    route: "$lang.manage.templates.tsx",
    allowed: managers,
    target: async (f, role, staff) => ({
      page: `/${f.lang}/consultations`,
      action: `/${f.lang}/manage/templates`,
      fields: { intent: "archive", templateId: isManager(role) ? await freshTemplate(f, await staff()) : randomUUID() },
    }),
  },
  {
    name: "hide a comment",
    route: "$lang.moderation.tsx",
    allowed: moderators,
    target: async (f) => ({ page: `/${f.lang}/consultations`, action: `/${f.lang}/moderation`, fields: { intent: "hide", commentId: await freshComment(f, await f.author()), reason: "Оскорбление" } }),
  },
  {
    name: "restore a hidden comment",
    route: "$lang.moderation.tsx",
    allowed: moderators,
    target: async (f, role) => ({ page: `/${f.lang}/consultations`, action: `/${f.lang}/moderation`, fields: { intent: "restore", commentId: (moderators as readonly RoleKey[]).includes(role) ? await hiddenComment(f) : f.topCommentId, reason: "Ошибка" } }),
  },
  {
    name: "dismiss the flags of a comment",
    route: "$lang.moderation.tsx",
    allowed: moderators,
    target: async (f) => {
      const id = await freshComment(f, await f.author());
      await (await f.as("ngo")).submit(`/${f.lang}/consultations`, { reason: "Спам" }, `/${f.lang}/comments/${id}/flag`);
      return { page: `/${f.lang}/consultations`, action: `/${f.lang}/moderation`, fields: { intent: "dismiss", commentId: id, reason: "" } };
    },
  },
  {
    name: "add a plan item",
    route: "$lang.plan.$year.tsx",
    allowed: managers,
    target: (f) => ({ page: `/${f.lang}/plan/2028`, action: `/${f.lang}/plan/2028`, fields: planFields(f, "add") }),
  },
  {
    name: "update a plan item",
    route: "$lang.plan.$year.tsx",
    allowed: managers,
    target: async (f, _role, staff) => ({ page: `/${f.lang}/plan/2028`, action: `/${f.lang}/plan/2028`, fields: { ...planFields(f, "update"), itemId: await freshPlanItem(f, await staff()), quarter: "3" } }),
    fuzzFields: ["intent", "itemId", "year", "quarter", "kind", "consultationSlug"],
  },
  {
    name: "delete a plan item",
    route: "$lang.plan.$year.tsx",
    allowed: managers,
    target: async (f, _role, staff) => ({ page: `/${f.lang}/plan/2028`, action: `/${f.lang}/plan/2028`, fields: { intent: "delete", itemId: await freshPlanItem(f, await staff()) } }),
  },
  {
    name: "attach a file to a consultation",
    route: "$lang.manage.consultations.$slug_.attachments.tsx",
    allowed: managers,
    target: (f) => ({
      page: `/${f.lang}/consultations`,
      action: `/${f.lang}/manage/consultations/${f.draftSlug}/attachments`,
      fields: { kind: "explanatory_memorandum", version: "1" },
      files: { file: { name: "Пояснительная записка.pdf", type: "application/pdf", bytes: pdfBytes } },
    }),
  },
  {
    name: "autosave the editor",
    route: "$lang.manage.consultations.$slug_.editor.tsx",
    allowed: managers,
    target: (f) => ({ page: `/${f.lang}/consultations`, action: `/${f.lang}/manage/consultations/${f.draftSlug}/editor`, fields: { intent: "autosave", lang: "ru", content: editorDocument("Статья 1. Размер гранта", "Размер гранта составляет 5 000 000 тенге.") } }),
  },
  {
    name: "import a .docx draft",
    route: "$lang.manage.consultations.$slug_.editor.tsx",
    allowed: managers,
    target: async (f) => ({
      page: `/${f.lang}/consultations`,
      action: `/${f.lang}/manage/consultations/${f.draftSlug}/editor`,
      fields: { intent: "import", lang: "ru" },
      files: { file: { name: "проект.docx", type: DOCX, bytes: await draftDocx() } },
    }),
  },
  {
    name: "build a draft version from the editor",
    route: "$lang.manage.consultations.$slug_.editor.tsx",
    allowed: managers,
    target: (f) => ({
      page: `/${f.lang}/consultations`,
      action: `/${f.lang}/manage/consultations/${f.draftSlug}/editor`,
      fields: {
        intent: "build",
        content_kk: editorDocument("1-бап. Грант мөлшері", "Грант мөлшері бір жобаға 5 000 000 теңге."),
        content_ru: editorDocument("Статья 1. Размер гранта", "Размер гранта составляет 5 000 000 тенге."),
        content_en: "",
      },
    }),
  },
  {
    name: "save a lot",
    route: "$lang.manage.consultations.$slug_.lots.$code.tsx",
    allowed: managers,
    target: (f) => ({ page: `/${f.lang}/consultations`, action: `/${f.lang}/manage/consultations/${f.lotDraftSlug}/lots/new`, fields: lotFields(`N-${f.unique().replace(/[^A-Za-z0-9]/g, "").slice(-20)}`) }),
    // Each field is validated alike; these are the ones parsed differently (numbers, lists, rows).
    fuzzFields: ["code", "title_kk", "regions", "duration_months", "grant_type", "amount_kzt", "funding_year", "indicator_0_target", "budget_0_quantity", "budget_0_unit_cost", "budget_0_total"],
  },
  {
    name: "delete a lot",
    route: "$lang.manage.consultations.$slug_.lots._index.tsx",
    allowed: managers,
    target: async (f, role, staff) => ({ page: `/${f.lang}/consultations`, action: `/${f.lang}/manage/consultations/${f.lotDraftSlug}/lots`, fields: { intent: "delete", code: isManager(role) ? await freshLot(f, await staff()) : "L-00" } }),
  },
  {
    name: "import lots from a spreadsheet",
    route: "$lang.manage.consultations.$slug_.lots._index.tsx",
    allowed: managers,
    target: (f) => ({
      page: `/${f.lang}/consultations`,
      action: `/${f.lang}/manage/consultations/${f.lotDraftSlug}/lots`,
      fields: { intent: "import" },
      files: { file: { name: "lots.csv", type: "text/csv", bytes: utf8(lotCsv(`I-${f.unique().replace(/[^A-Za-z0-9]/g, "").slice(-20)}`)) } },
    }),
  },
];

/** GET endpoints with parameters, for the fuzzer. `{x}` in the path is a fuzzed path segment. */
export interface ReadEndpoint {
  name: string;
  path: (f: Fixture, segment: string) => string;
  params: string[];
}

export const readEndpoints: ReadEndpoint[] = [
  { name: "API list", path: () => `/api/v1/consultations`, params: ["status", "limit", "cursor", "lang"] },
  { name: "API consultation", path: (_f, s) => `/api/v1/consultations/${s}`, params: ["lang"] },
  { name: "API comments", path: (f) => `/api/v1/consultations/${f.openSlug}/comments`, params: ["limit", "cursor"] },
  { name: "consultation list", path: (f) => `/${f.lang}/consultations`, params: ["status", "type", "page", "q"] },
  { name: "draft page", path: (f, s) => `/${f.lang}/consultations/${s}`, params: ["notice", "version"] },
  { name: "thread page", path: (f) => `/${f.lang}/consultations/${f.openSlug}/comments`, params: ["block", "cursor", "page"] },
  { name: "sign-in page", path: (f) => `/${f.lang}/login`, params: ["next", "signedOut"] },
];

/** Route files under app/routes that export an action. */
export function routesWithActions(root: string): string[] {
  const dir = path.join(root, "app/routes");
  const files: string[] = [];
  const walk = (d: string, prefix = "") => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const rel = prefix + entry.name;
      if (entry.isDirectory()) walk(path.join(d, entry.name), rel + "/");
      else if (/\.(tsx?|jsx?)$/.test(entry.name)) {
        const source = readFileSync(path.join(d, entry.name), "utf8");
        if (/export\s+(async\s+)?function\s+action\b|export\s+(const|let)\s+action\b|export\s*\{[^}]*\baction\b[^}]*\}/.test(source)) files.push(rel);
      }
    }
  };
  walk(dir);
  return files.sort();
}

/** A client signed in as `role` (a fresh session), or an anonymous one. */
export async function clientAs(base: string, role: RoleKey, lang = "en"): Promise<HttpClient> {
  const client = new HttpClient(base);
  if (role !== "anonymous") await client.signIn(lang, demoEmails[role], DEMO_PASSWORD);
  return client;
}

/** Refused by design: not signed in, not allowed, or sent to the sign-in page. */
export function isRefused(response: Response): boolean {
  if (response.status === 401 || response.status === 403) return true;
  const location = response.headers.get("Location") ?? "";
  return response.status >= 300 && response.status < 400 && /\/login(\?|$)/.test(location) && !/signedOut=/.test(location);
}

/** The demo's fixture, prepared over HTTP as the misd staff member. */
export async function prepareFixture(base: string, lang: Fixture["lang"] = "en"): Promise<Fixture> {
  let n = 0;
  const stamp = Date.now().toString(36);
  const unique = () => `${stamp}-${process.pid}-${++n}`;
  const as = (role: SignedInRole) => clientAs(base, role, lang);
  let authorClient: Promise<HttpClient> | undefined;
  const author = () =>
    (authorClient ??= (async () => {
      const client = new HttpClient(base);
      await client.signIn(lang, "nurlan.abdirov@demo.kenes.kz", DEMO_PASSWORD);
      return client;
    })());
  const staff = await as("staff");
  const page = await staff.get(`/${lang}/manage/consultations/new`);
  const misdId = /<option value="([0-9a-f-]{36})"/.exec(page.text)?.[1];
  if (!misdId) throw new Error("no body in the new-consultation form");
  const openSlug = "grant-rules-2027";
  const api = JSON.parse((await staff.get(`/api/v1/consultations/${openSlug}`)).text) as { blocks: { id: string; kind: string; text: Record<string, string> }[] };
  const block = api.blocks.find((b) => b.kind === "paragraph" && (b.text[lang] ?? "").length > 60);
  if (!block) throw new Error(`no paragraph in ${openSlug}`);
  const comments = JSON.parse((await staff.get(`/api/v1/consultations/${openSlug}/comments`)).text) as { items: { id: string; parentId: string | null }[] };
  const topComment = comments.items.find((c) => !c.parentId);
  if (!topComment) throw new Error(`no comment in ${openSlug}`);
  const partial: Fixture = {
    lang, openSlug, otherBodySlug: "youth-lots-2027", draftSlug: "", misdId, unique, as, author,
    lotDraftSlug: "", reportSlug: "grant-reporting-2026", lotCode: "L-01",
    openBlock: { id: block.id, text: block.text[lang] }, topCommentId: topComment.id,
  };
  partial.draftSlug = await createDraftConsultation(staff, partial);
  partial.lotDraftSlug = await createLotConsultation(staff, partial);
  return partial;
}

/** The page's CSRF token: from a form field, or from the root loader's data (pages without forms). */
export function csrfTokenFrom(html: string): string {
  const field = /name="csrf" value="([^"]+)"/.exec(html);
  if (field) return field[1];
  const data = /"csrfToken":"([^"]+)"/.exec(html);
  if (data) return data[1];
  throw new Error("no CSRF token in the page");
}

/** Posts `fields` (and the target's files, as multipart/form-data) to the target's action. */
export function postTarget(client: HttpClient, target: Target, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  if (!target.files) return client.postForm(target.action, fields, headers);
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const [k, file] of Object.entries(target.files)) body.append(k, new Blob([Uint8Array.from(file.bytes)], { type: file.type }), file.name);
  return client.request(target.action, { method: "POST", body, headers });
}

/** Loads the target's page for the token, then posts the genuine submission. */
export async function submitAs(client: HttpClient, target: Target, headers: Record<string, string> = {}): Promise<Response> {
  const token = await client.token(target.page);
  return postTarget(client, target, { csrf: token, ...target.fields }, headers);
}
