/**
 * The data-driven picture of every write the site accepts, used by the forgery (CSRF/Origin),
 * authorization-matrix and fuzzing tests. A route file with an `action` export that no entry
 * names fails tests/http/forgery-and-authorization.test.ts: add an entry here when you add one.
 *
 * Each entry says where the form lives, where it posts, which fields a genuine submission has,
 * and which roles may use it ("as designed": permissions.ts and the guards).
 */
import { randomUUID } from "node:crypto";
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
  /** A unique suffix for slugs and e-mails. */
  unique(): string;
}

export interface Target {
  /** Page that carries the form (the CSRF token comes from it). */
  page: string;
  /** Where the form posts. */
  action: string;
  fields: Record<string, string>;
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

const everyone = roles;
const managers = ["staff", "admin"] as const;

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
  const staff = await clientAs(base, "staff", lang);
  const page = await staff.get(`/${lang}/manage/consultations/new`);
  const misdId = /<option value="([0-9a-f-]{36})"/.exec(page.text)?.[1];
  if (!misdId) throw new Error("no body in the new-consultation form");
  const partial: Fixture = { lang, openSlug: "grant-rules-2027", otherBodySlug: "youth-lots-2027", draftSlug: "", misdId, unique };
  partial.draftSlug = await createDraftConsultation(staff, partial);
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

/** Loads the target's page for the token, then posts the genuine submission. */
export async function submitAs(client: HttpClient, target: Target, headers: Record<string, string> = {}): Promise<Response> {
  const token = csrfTokenFrom((await client.get(target.page)).text);
  return client.postForm(target.action, { csrf: token, ...target.fields }, headers);
}
