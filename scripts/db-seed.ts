// npm run db:seed -- --demo — loads the demo (organisations, one account per role, consultations).
// The only way to put demo accounts into a PostgreSQL database (DATABASE_URL).
import { DEMO_PASSWORD, seedDemo } from "~db/seed/seed.server";
import { parseArgs, withDatabase } from "./cli";

const args = parseArgs(process.argv.slice(2));
if (!args.demo) {
  console.error("usage: npm run db:seed -- --demo   (loads the demo content and demo accounts)");
  process.exit(2);
}
await withDatabase(async (handle) => {
  const summary = await seedDemo(handle.db);
  console.log(`demo on ${handle.engine}: ${summary}`);
  console.log(`demo accounts use the password ${DEMO_PASSWORD} (see README)`);
});
