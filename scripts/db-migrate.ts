// npm run db:migrate — applies pending migrations to the configured database.
import { migrateToLatest } from "~db/database.server";
import { withDatabase } from "./cli";

await withDatabase(async (handle) => {
  const applied = await migrateToLatest(handle.db);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : `nothing to apply (${handle.engine} is up to date)`);
});
