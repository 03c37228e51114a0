// Frozen once landed. The search consumer also reacts to published answers (their text and
// status are indexed with the answered comment).
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update outbox_consumers set topic_patterns = topic_patterns || array['notify.response_published']
    where consumer = 'search' and not ('notify.response_published' = any (topic_patterns))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update outbox_consumers set topic_patterns = array_remove(topic_patterns, 'notify.response_published') where consumer = 'search'`.execute(db);
}
