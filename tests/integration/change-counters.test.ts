/**
 * Change counters (ADR 0060): triggers bump the scope of every write that changes a public
 * page, and only that scope; the watcher mirrors them for the page cache.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~db/database.server";
import { ChangeWatcher, consultationScope, readChangeCounters, SITE_SCOPE } from "~/modules/changes/changes.server";
import { postComment, setSupport, withdrawComment } from "~/modules/comments/commands.server";
import { engines } from "../support/engines";
import { makeConsultation, makeOrganization, makeUser } from "../support/fixtures";

for (const engine of engines) {
  describe(`change counters on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle?.close();
    });
    const db = () => handle.db;

    it("bumps the scope a write belongs to, and no other", async () => {
      const org = await makeOrganization(db());
      const staff = await makeUser(db(), "staff", org.id);
      const citizen = await makeUser(db(), "citizen");
      const a = await makeConsultation(db(), { organizationId: org.id, actorId: staff.id });
      const b = await makeConsultation(db(), { organizationId: org.id, actorId: staff.id });
      const before = await readChangeCounters(db());
      expect(before.get(consultationScope(a.id))).toBeDefined();
      expect(before.get(SITE_SCOPE)).toBeDefined();

      const posted = await postComment(db(), { consultationId: a.id, blockId: null, body: "Қазақша пікір: ә ғ қ ң ө ұ ү һ і", lang: "kk", authorId: citizen.id, organizationId: null, idempotencyKey: "k1" });
      expect(posted.ok).toBe(true);
      const afterPost = await readChangeCounters(db());
      expect(afterPost.get(consultationScope(a.id))).not.toBe(before.get(consultationScope(a.id)));
      expect(afterPost.get(consultationScope(b.id))).toBe(before.get(consultationScope(b.id)));
      expect(afterPost.get(SITE_SCOPE)).toBe(before.get(SITE_SCOPE));

      // A double submit stores nothing new and changes nothing.
      await postComment(db(), { consultationId: a.id, blockId: null, body: "again", lang: "kk", authorId: citizen.id, organizationId: null, idempotencyKey: "k1" });
      expect((await readChangeCounters(db())).get(consultationScope(a.id))).toBe(afterPost.get(consultationScope(a.id)));

      if (!posted.ok) return;
      await setSupport(db(), { commentId: posted.id, userId: staff.id, support: true });
      const afterSupport = await readChangeCounters(db());
      expect(afterSupport.get(consultationScope(a.id))).not.toBe(afterPost.get(consultationScope(a.id)));
      await withdrawComment(db(), { commentId: posted.id, authorId: citizen.id, reason: "ойымды өзгерттім" });
      const afterWithdraw = await readChangeCounters(db());
      expect(afterWithdraw.get(consultationScope(a.id))).not.toBe(afterSupport.get(consultationScope(a.id)));
      expect(afterWithdraw.get(consultationScope(b.id))).toBe(before.get(consultationScope(b.id)));

      // A consultation's own row is both its scope and the site's (lists show it).
      await db().updateTable("consultations").set({ title: JSON.stringify({ kk: "Жаңа атау", ru: "Новое название", en: "New title" }) }).where("id", "=", b.id).execute();
      const afterRename = await readChangeCounters(db());
      expect(afterRename.get(consultationScope(b.id))).not.toBe(afterWithdraw.get(consultationScope(b.id)));
      expect(afterRename.get(SITE_SCOPE)).not.toBe(afterWithdraw.get(SITE_SCOPE));
    });

    it("the watcher sees a committed change after refresh, and snapshots tell stale from current", async () => {
      const org = await makeOrganization(db());
      const staff = await makeUser(db(), "staff", org.id);
      const c = await makeConsultation(db(), { organizationId: org.id, actorId: staff.id });
      const watcher = new ChangeWatcher(db(), 60_000);
      await watcher.start();
      try {
        const snapshot = watcher.snapshot([consultationScope(c.id)]);
        expect(watcher.isCurrent(snapshot)).toBe(true);
        await postComment(db(), { consultationId: c.id, blockId: null, body: "Жаңа пікір", lang: "kk", authorId: staff.id, organizationId: org.id, idempotencyKey: "w1" });
        // Not polled yet: the mirror still holds the old value.
        expect(watcher.isCurrent(snapshot)).toBe(true);
        await watcher.refresh();
        expect(watcher.isCurrent(snapshot)).toBe(false);
        // Concurrent refreshes are coalesced and all resolve.
        await Promise.all([watcher.refresh(), watcher.refresh(), watcher.refresh()]);
        expect(watcher.isCurrent(watcher.snapshot([consultationScope(c.id)]))).toBe(true);
      } finally {
        watcher.stop();
      }
    });
  });
}
