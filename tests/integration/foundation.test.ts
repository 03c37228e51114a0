import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~db/database.server";
import { seedDemo } from "~db/seed/seed.server";
import { registerSchema } from "~/modules/accounts/accounts.schema";
import { authenticate, createSession, registerUser, revokeAllSessions, revokeSession } from "~/modules/accounts/commands.server";
import { findSessionUser } from "~/modules/accounts/queries.server";
import { editComment, postComment, withdrawComment } from "~/modules/comments/commands.server";
import { GENERAL, listComments, previewThreads } from "~/modules/comments/queries.server";
import { publishConsultation, saveDraftVersion } from "~/modules/consultations/commands.server";
import { currentVersion, findConsultationBySlug, listBlocks, listConsultations, listVersions } from "~/modules/consultations/queries.server";
import { alignLanguages, parseStructuredText } from "~/modules/documents/structured-text";
import { engines } from "../support/engines";
import { makeConsultation, makeOrganization, makeUser, sampleDraft } from "../support/fixtures";

for (const engine of engines) {
  describe(`foundation on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle?.close();
    });
    const db = () => handle.db;

    describe("accounts", () => {
      it("registers a citizen and an NGO representative joined to their NGO by BIN", async () => {
        const bin = Array.from({ length: 10 }, (_, d) => `20034001234${d}`).find((b) => registerSchema.safeParse({ email: "a@b.kz", password: "x".repeat(10), name: "n", asNgo: "on", organizationName: "o", bin: b }).success)!;
        const citizen = await registerUser(db(), registerSchema.parse({ email: "Asem@Mail.KZ", password: "password-123456", name: "Әсем", asNgo: "" }), "kk");
        expect(citizen.ok).toBe(true);
        const ngo1 = await registerUser(db(), registerSchema.parse({ email: "ngo1@test.kz", password: "password-123456", name: "Ерлан", asNgo: "on", organizationName: "«Жастар» қоғамдық бірлестігі", bin }), "ru");
        const ngo2 = await registerUser(db(), registerSchema.parse({ email: "ngo2@test.kz", password: "password-123456", name: "Ольга", asNgo: "on", organizationName: "Жастар", bin }), "ru");
        expect(ngo1.ok && ngo2.ok).toBe(true);
        const users = await db().selectFrom("users").select(["role", "organization_id", "email"]).where("email", "in", ["ngo1@test.kz", "ngo2@test.kz"]).execute();
        expect(users.map((u) => u.role)).toEqual(["ngo_representative", "ngo_representative"]);
        expect(users[0].organization_id).toBe(users[1].organization_id);
        const again = await registerUser(db(), registerSchema.parse({ email: "asem@mail.kz", password: "password-123456", name: "X", asNgo: "" }), "kk");
        expect(again).toEqual({ ok: false, field: "email", error: "errors.email_taken" });
      });

      it("authenticates the right password only, stores a hash, and revokes sessions", async () => {
        await registerUser(db(), registerSchema.parse({ email: "login@test.kz", password: "correct-horse-battery", name: "Login", asNgo: "" }), "en");
        const row = await db().selectFrom("users").select("password_hash").where("email", "=", "login@test.kz").executeTakeFirstOrThrow();
        expect(row.password_hash).not.toContain("correct-horse");
        expect(await authenticate(db(), "LOGIN@test.kz", "wrong-password-1")).toBeUndefined();
        expect(await authenticate(db(), "nobody@test.kz", "correct-horse-battery")).toBeUndefined();
        const ok = await authenticate(db(), "login@test.kz", "correct-horse-battery");
        expect(ok).toBeDefined();
        const s1 = await createSession(db(), ok!.userId);
        const s2 = await createSession(db(), ok!.userId);
        expect((await findSessionUser(db(), s1))?.email).toBe("login@test.kz");
        await revokeSession(db(), s1);
        expect(await findSessionUser(db(), s1)).toBeUndefined();
        expect(await findSessionUser(db(), s2)).toBeDefined();
        await revokeAllSessions(db(), ok!.userId);
        expect(await findSessionUser(db(), s2)).toBeUndefined();
      });
    });

    describe("consultations and versions", () => {
      it("lists open consultations first and filters by status, type and body", async () => {
        const org = await makeOrganization(db());
        const staff = await makeUser(db(), "staff", org.id);
        const open = await makeConsultation(db(), { organizationId: org.id, actorId: staff.id, opensInDays: -2, periodDays: 30 });
        const planned = await makeConsultation(db(), { organizationId: org.id, actorId: staff.id, opensInDays: 5 });
        const closed = await makeConsultation(db(), { organizationId: org.id, actorId: staff.id, opensInDays: -60 });
        const draft = await makeConsultation(db(), { organizationId: org.id, actorId: staff.id, publish: false });
        const all = await listConsultations(db(), { organization: org.slug });
        expect(all.map((c) => [c.slug, c.status])).toEqual([
          [open.slug, "open"],
          [planned.slug, "planned"],
          [closed.slug, "closed"],
        ]);
        expect((await listConsultations(db(), { organization: org.slug, status: "closed" })).map((c) => c.slug)).toEqual([closed.slug]);
        expect(await listConsultations(db(), { organization: org.slug, type: "regulation" })).toEqual([]);
        const staffView = await listConsultations(db(), { organization: org.slug, draftsOf: org.id });
        expect(staffView.find((c) => c.slug === draft.slug)?.status).toBe("draft");
      });

      it("keeps a published version immutable: a new draft becomes version 2", async () => {
        const org = await makeOrganization(db());
        const staff = await makeUser(db(), "staff", org.id);
        const c = await makeConsultation(db(), { organizationId: org.id, actorId: staff.id });
        const v1 = currentVersion(await listVersions(db(), c.id))!;
        const v1Blocks = await listBlocks(db(), v1.id);
        expect(v1Blocks.map((b) => b.key)).toEqual(["sec-1", "art-1", "art-1.p1", "art-2", "art-2.li1"]);
        expect(await publishConsultation(db(), c.id, staff.id)).toEqual({ ok: false, error: "errors.already_published" });

        const edited = alignLanguages({
          kk: parseStructuredText(sampleDraft.kk.replace("3 000", "5 000"), "kk"),
          ru: parseStructuredText(sampleDraft.ru.replace("3 000", "5 000"), "ru"),
        });
        if ("error" in edited) throw new Error(edited.error.code);
        const saved = await saveDraftVersion(db(), c.id, edited.blocks, staff.id);
        expect(saved.number).toBe(2);
        // Readers still see version 1 until version 2 is published; version 1's text is untouched.
        expect(currentVersion(await listVersions(db(), c.id))!.number).toBe(1);
        expect((await listBlocks(db(), v1.id)).find((b) => b.key === "art-1.p1")!.text.ru).toContain("3 000");
        await publishConsultation(db(), c.id, staff.id);
        const versions = await listVersions(db(), c.id);
        expect(versions.map((v) => [v.number, !!v.publishedAt])).toEqual([
          [1, true],
          [2, true],
        ]);
        const v2 = currentVersion(versions)!;
        expect((await listBlocks(db(), v2.id)).find((b) => b.key === "art-1.p1")!.text.ru).toContain("5 000");
      });
    });

    describe("comments", () => {
      async function setup(opensInDays = -1) {
        const org = await makeOrganization(db());
        const staff = await makeUser(db(), "staff", org.id);
        const ngoOrg = await makeOrganization(db(), "ngo");
        const author = await makeUser(db(), "ngo_representative", ngoOrg.id);
        const c = await makeConsultation(db(), { organizationId: org.id, actorId: staff.id, opensInDays });
        const version = currentVersion(await listVersions(db(), c.id))!;
        const blocks = await listBlocks(db(), version.id);
        return { c, author, blocks, version };
      }
      const input = (c: { id: string }, author: { id: string; organizationId: string | null }, extra: Partial<Parameters<typeof postComment>[1]> = {}) => ({
        consultationId: c.id,
        blockId: null,
        body: "Сумма в 3 000 МРП не покрывает зарплаты в сельской местности.",
        lang: "ru" as const,
        authorId: author.id,
        organizationId: author.organizationId,
        idempotencyKey: `key-${Math.random().toString(36).slice(2)}`,
        ...extra,
      });

      it("stores a comment exactly as submitted, on the whole draft or one block", async () => {
        const { c, author, blocks } = await setup();
        const body = "  <script>alert('x')</script>\nҚазақша мәтін: ә ғ қ ң ө ұ ү һ і 🇰🇿  ";
        const general = await postComment(db(), input(c, author, { body, lang: "kk" }));
        const onBlock = await postComment(db(), input(c, author, { blockId: blocks[2].id }));
        expect(general.ok && onBlock.ok).toBe(true);
        const rows = await db().selectFrom("comments").selectAll().where("consultation_id", "=", c.id).orderBy("created_at").execute();
        expect(rows[0]).toMatchObject({ body, lang: "kk", block_id: null, organization_id: author.organizationId, status: "visible" });
        expect(rows[1].block_id).toBe(blocks[2].id);
        const outbox = await db().selectFrom("outbox").select("payload").where("topic", "=", "comment.created").execute();
        expect(outbox.map((o) => o.payload.commentId)).toEqual(expect.arrayContaining(rows.map((r) => r.id)));
      });

      it("creates one comment per idempotency key (double click, resent form)", async () => {
        const { c, author } = await setup();
        const same = input(c, author);
        const results = await Promise.all([postComment(db(), same), postComment(db(), same), postComment(db(), same)]);
        const ids = new Set(results.map((r) => (r.ok ? r.id : "")));
        expect(ids.size).toBe(1);
        expect(results.filter((r) => r.ok && r.duplicate)).toHaveLength(2);
        const count = await db().selectFrom("comments").select(sql<number>`count(*)::int`.as("n")).where("consultation_id", "=", c.id).executeTakeFirstOrThrow();
        expect(count.n).toBe(1);
      });

      it("refuses comments before opening, after closing and on a block of another consultation", async () => {
        const planned = await setup(3);
        expect(await postComment(db(), input(planned.c, planned.author))).toEqual({ ok: false, error: "errors.consultation_planned", field: "form" });
        const closed = await setup(-40);
        expect(await postComment(db(), input(closed.c, closed.author))).toEqual({ ok: false, error: "errors.consultation_closed", field: "form" });
        const open = await setup();
        expect(await postComment(db(), input(open.c, open.author, { blockId: planned.blocks[1].id }))).toEqual({ ok: false, error: "errors.block_unknown", field: "blockId" });
      });

      it("keeps earlier texts when a comment is edited and keeps withdrawn comments with their reason", async () => {
        const { c, author } = await setup();
        const posted = await postComment(db(), input(c, author, { body: "Первая редакция" }));
        if (!posted.ok) throw new Error(posted.error);
        expect(await editComment(db(), { commentId: posted.id, authorId: author.id, body: "Вторая редакция" })).toEqual({ ok: true });
        const stranger = await makeUser(db(), "citizen");
        expect(await editComment(db(), { commentId: posted.id, authorId: stranger.id, body: "Чужая" })).toEqual({ ok: false, error: "errors.not_author" });
        const history = await db().selectFrom("comment_revisions").select("body").where("comment_id", "=", posted.id).execute();
        expect(history.map((h) => h.body)).toEqual(["Первая редакция"]);
        expect(await withdrawComment(db(), { commentId: posted.id, authorId: author.id, reason: "Дублирует другое замечание" })).toEqual({ ok: true });
        const row = await db().selectFrom("comments").selectAll().where("id", "=", posted.id).executeTakeFirstOrThrow();
        expect(row).toMatchObject({ status: "withdrawn", status_reason: "Дублирует другое замечание", body: "Вторая редакция" });
        const page = await listComments(db(), c.id, { limit: 10, publicOnly: true });
        expect(page.items).toEqual([]);
      });

      it("pages through comments with a keyset cursor, with no gaps or repeats", async () => {
        const { c, author, blocks, version } = await setup();
        for (let i = 0; i < 23; i++) {
          const r = await postComment(db(), input(c, author, { body: `Замечание №${i}`, blockId: i % 2 ? blocks[1].id : null }));
          expect(r.ok).toBe(true);
        }
        const seen: string[] = [];
        let cursor: { createdAt: Date; id: string } | undefined;
        for (let guard = 0; guard < 10; guard++) {
          const page = await listComments(db(), c.id, { limit: 5, cursor, publicOnly: true });
          seen.push(...page.items.map((x) => x.body));
          if (!page.nextCursor) break;
          const { decodeCursor } = await import("~/modules/comments/queries.server");
          cursor = decodeCursor(page.nextCursor);
        }
        expect(seen).toHaveLength(23);
        expect(new Set(seen).size).toBe(23);
        const preview = await previewThreads(db(), c.id, version.id, 3);
        expect(preview.totals.get(GENERAL)).toBe(12);
        expect(preview.totals.get(blocks[1].id)).toBe(11);
        // The latest three, oldest first: a comment just posted is on the page.
        expect(preview.threads.get(blocks[1].id)!.map((c) => c.body)).toEqual(["Замечание №17", "Замечание №19", "Замечание №21"]);
      });
    });

    it("loads the trilingual demo once", async () => {
      const summary = await seedDemo(db());
      expect(summary).toMatch(/4 consultations/);
      expect(await seedDemo(db())).toMatch(/skipped/);
      const rules = await findConsultationBySlug(db(), "grant-rules-2027");
      expect(rules?.status).toBe("open");
      const blocks = await listBlocks(db(), currentVersion(await listVersions(db(), rules!.id))!.id);
      expect(blocks.filter((b) => b.kind === "article").length).toBeGreaterThanOrEqual(20);
      for (const b of blocks) for (const lang of ["kk", "ru", "en"] as const) expect(b.text[lang], `${b.key}.${lang}`).not.toBe("");
      expect((await findConsultationBySlug(db(), "grant-reporting-2026"))?.status).toBe("report_published");
      expect((await findConsultationBySlug(db(), "youth-lots-2027"))?.type).toBe("lot_specification");
      const roles = await db().selectFrom("users").select("role").distinct().execute();
      expect(roles.map((r) => r.role).sort()).toEqual(["admin", "citizen", "moderator", "mp", "ngo_representative", "staff"]);
    });
  });
}
