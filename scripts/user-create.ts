// npm run user:create -- --email staff@gov.kz --role staff --org misd [--name "…"] [--password …]
// Creates staff, moderator, MP and admin accounts (citizens and NGOs register on the site).
import { randomBytes } from "node:crypto";
import { roles } from "~/modules/accounts/accounts.schema";
import { createAccount } from "~/modules/accounts/commands.server";
import { findOrganizationBySlug } from "~/modules/accounts/queries.server";
import type { Role } from "~db/schema";
import { parseArgs, withDatabase } from "./cli";

const args = parseArgs(process.argv.slice(2));
const usage = "usage: npm run user:create -- --email EMAIL --role ROLE [--org ORG_SLUG] [--name NAME] [--password PASSWORD]";
const fail = (message: string): never => {
  console.error(`${message}\n${usage}\nroles: ${roles.join(", ")}`);
  process.exit(2);
};

const email = typeof args.email === "string" ? args.email.trim() : fail("--email is required");
const role = (typeof args.role === "string" ? args.role : fail("--role is required")) as Role;
if (!(roles as readonly string[]).includes(role)) fail(`unknown role "${role}"`);
if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) fail(`"${email}" is not an e-mail address`);
const orgSlug = typeof args.org === "string" ? args.org : undefined;
if ((role === "staff" || role === "ngo_representative") && !orgSlug) fail(`role ${role} needs --org (the organisation's slug)`);
const generated = typeof args.password !== "string";
const password = typeof args.password === "string" ? args.password : randomBytes(12).toString("base64url");
if (password.length < 10) fail("--password must have at least 10 characters");

await withDatabase(async (handle) => {
  let organizationId: string | null = null;
  if (orgSlug) {
    const org = await findOrganizationBySlug(handle.db, orgSlug);
    if (!org) {
      const known = await handle.db.selectFrom("organizations").select("slug").orderBy("slug").execute();
      fail(`no organisation "${orgSlug}"; known: ${known.map((o) => o.slug).join(", ") || "(none)"}`);
    }
    organizationId = org!.id;
  }
  try {
    const id = await createAccount(handle.db, { email, password, role, name: typeof args.name === "string" ? args.name : email.split("@")[0], organizationId });
    console.log(`created ${role} ${email} (${id})${orgSlug ? ` for ${orgSlug}` : ""}`);
    if (generated) console.log(`password: ${password}`);
  } catch (error) {
    fail((error as Error).message);
  }
});
