/** Published answers and annotation quotes are searchable with their comment (ADR 0034). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~db/database.server";
import { seedDemo } from "~db/seed/seed.server";
import { reindex } from "~/modules/search/reindex.server";
import { createSearchIndex } from "~/modules/search/service.server";
import type { SearchIndex } from "~/modules/search/search.schema";
import { engines } from "../support/engines";

for (const engine of engines) {
  describe(`answers and annotations in search on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    let index: SearchIndex;
    beforeAll(async () => {
      handle = await engine.open();
      await seedDemo(handle.db);
      index = createSearchIndex(handle.db, { meiliUrl: undefined, meiliMasterKey: undefined });
      await reindex(handle.db, index);
    });
    afterAll(async () => {
      await handle?.close();
    });

    it("finds a comment by the text of its published answer, with the answer's status", async () => {
      const result = await index.search({ q: "целевого использования бюджетных средств", limit: 20, offset: 0, kind: ["comment", "annotation"] });
      const answered = result.hits.filter((h) => h.document.answer?.includes("целевого использования"));
      expect(answered.length).toBeGreaterThan(0);
      expect(answered.every((h) => h.document.status === "not_accepted")).toBe(true);
      const unanswered = await index.search({ q: "", limit: 5, offset: 0, status: ["unanswered"], consultation: "grant-reporting-2026" });
      expect(unanswered.hits.every((h) => h.document.answer === null)).toBe(true);
    });

    it("indexes annotations as their own kind with the quoted span", async () => {
      const quoted = await handle.db.selectFrom("comments").select(["id", "anchor_exact"]).where("anchor_exact", "is not", null).where("status", "=", "visible").limit(1).executeTakeFirstOrThrow();
      const result = await index.search({ q: quoted.anchor_exact!, limit: 50, offset: 0, kind: ["annotation"] });
      const hit = result.hits.find((h) => h.document.sourceId === quoted.id);
      expect(hit?.document).toMatchObject({ kind: "annotation", quote: quoted.anchor_exact });
    });
  });
}
