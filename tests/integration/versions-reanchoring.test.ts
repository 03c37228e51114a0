/**
 * Publishing a new version on the real engines: the block mapping by lineage key, annotations
 * re-anchored (exact, fuzzy) or orphaned, comments following their block, the old version still
 * readable with its annotations in place, and the per-article diff in each language.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "~db/database.server";
import type { Lang } from "~db/schema";
import { selectorFor } from "~/modules/comments/anchor";
import { loadAnnotatedDraft } from "~/modules/comments/annotated-draft.server";
import { postComment } from "~/modules/comments/commands.server";
import { publishConsultation, saveDraftVersion } from "~/modules/consultations/commands.server";
import { listVersions } from "~/modules/consultations/queries.server";
import { diffVersions } from "~/modules/documents/diff.server";
import { listBlockChanges, listVersionBlocks } from "~/modules/documents/queries.server";
import { alignLanguages, parseStructuredText } from "~/modules/documents/structured-text";
import { engines } from "../support/engines";
import { makeConsultation, makeOrganization, makeUser } from "../support/fixtures";

const v2 = {
  kk: "# 1-тарау. Жалпы ережелер\n1-бап. Мақсаты\nГрант сомасы 4 000 АЕК-тен аспайды.\n3-бап. Есептілік\nЕсеп жыл сайын тапсырылады.",
  ru: "# Глава 1. Общие положения\nСтатья 1. Цель\nСумма гранта на один проект не превышает 3 000 МРП.\nСтатья 3. Отчётность\nОтчёт сдаётся ежегодно.",
  en: "# Chapter 1. General provisions\nArticle 1. Purpose\nThe grant amount per project does not exceed 3,000 MCI.\nArticle 3. Reporting\nA report is submitted every year.",
};

function blocksFrom(text: Record<Lang, string>) {
  const aligned = alignLanguages({ kk: parseStructuredText(text.kk, "kk"), ru: parseStructuredText(text.ru, "ru"), en: parseStructuredText(text.en, "en") });
  if ("error" in aligned) throw new Error(aligned.error.code);
  return aligned.blocks;
}

for (const engine of engines) {
  describe(`versions and re-anchoring on ${engine.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await engine.open();
    });
    afterAll(async () => {
      await handle?.close();
    });

    it("maps blocks, re-anchors or orphans every annotation, and keeps the old version readable", async () => {
      const db = handle.db;
      const org = await makeOrganization(db);
      const staff = await makeUser(db, "staff", org.id);
      const citizen = await makeUser(db, "citizen");
      const c = await makeConsultation(db, { organizationId: org.id, actorId: staff.id });
      const [v1] = await listVersions(db, c.id);
      const blocks = await listVersionBlocks(db, v1.id);
      const byKey = (key: string) => blocks.find((b) => b.lineage_key === key)!;
      let n = 0;
      const annotate = async (key: string, lang: Lang, phrase: string, body: string) => {
        const text = byKey(key).text[lang];
        const at = text.indexOf(phrase);
        const s = selectorFor(text, at, at + phrase.length)!;
        const result = await postComment(db, { consultationId: c.id, blockId: byKey(key).id, body, lang, authorId: citizen.id, organizationId: null, idempotencyKey: `k-${++n}-${Date.now()}`, selector: s });
        if (!result.ok) throw new Error(result.error);
        return result.id;
      };
      const exact = await annotate("art-1.p1", "ru", "3 000 МРП", "Мало");
      const fuzzy = await annotate("art-1.p1", "kk", "3 000 АЕК-тен", "Аз");
      const orphan = await annotate("art-2.li1", "ru", "10 рабочих дней", "Долго");
      const plain = await postComment(db, { consultationId: c.id, blockId: byKey("art-1").id, body: "О цели", lang: "ru", authorId: citizen.id, organizationId: null, idempotencyKey: `plain-${Date.now()}` });
      if (!plain.ok) throw new Error(plain.error);

      await saveDraftVersion(db, c.id, blocksFrom(v2), staff.id);
      expect(await publishConsultation(db, c.id, staff.id)).toEqual({ ok: true });
      const versions = await listVersions(db, c.id);
      const second = versions.find((v) => v.number === 2)!;

      const changes = Object.fromEntries((await listBlockChanges(db, second.id)).map((r) => [r.lineage_key, r.change]));
      expect(changes).toMatchObject({ "sec-1": "unchanged", "art-1": "unchanged", "art-1.p1": "changed", "art-2": "removed", "art-2.li1": "removed", "art-3": "added", "art-3.p1": "added" });

      const ruNew = await loadAnnotatedDraft(db, { consultationId: c.id, versionId: second.id, lang: "ru", userId: null, published: true });
      const p1 = ruNew.blocks.find((b) => b.key === "art-1.p1")!;
      const placed = (id: string) => p1.comments.find((x) => x.id === id);
      expect(placed(exact)?.placement).toBe("exact");
      expect(p1.html).toContain(`<mark data-annotation-id="${exact}"`);
      expect(new RegExp(`<mark data-annotation-id="${exact}"[^>]*>3 000 МРП</mark>`).test(p1.html)).toBe(true);
      expect(placed(fuzzy)?.placement).toBe("fuzzy");
      expect(ruNew.blocks.find((b) => b.key === "art-1")!.comments.find((x) => x.id === plain.id)?.placement).toBe("block");
      expect(ruNew.orphaned.map((o) => o.id)).toEqual([orphan]);
      expect(ruNew.orphaned[0].quote?.exact).toBe("10 рабочих дней");

      const kkNew = await loadAnnotatedDraft(db, { consultationId: c.id, versionId: second.id, lang: "kk", userId: null, published: true });
      expect(new RegExp(`<mark data-annotation-id="${fuzzy}"[^>]*>4 000 АЕК-тен</mark>`).test(kkNew.blocks.find((b) => b.key === "art-1.p1")!.html)).toBe(true);

      // The old version keeps its own annotations, highlighted where they were made.
      const ruOld = await loadAnnotatedDraft(db, { consultationId: c.id, versionId: v1.id, lang: "ru", userId: null, published: true });
      expect(ruOld.blocks.find((b) => b.key === "art-2.li1")!.html).toContain(`<mark data-annotation-id="${orphan}"`);
      expect(ruOld.orphaned).toEqual([]);

      // A third version: carried anchors are carried again; orphans stay visible as orphans.
      await saveDraftVersion(db, c.id, blocksFrom({ ...v2, ru: v2.ru.replace("Отчёт сдаётся ежегодно.", "Отчёт сдаётся раз в год.") }), staff.id);
      await publishConsultation(db, c.id, staff.id);
      const third = (await listVersions(db, c.id)).find((v) => v.number === 3)!;
      const ruThird = await loadAnnotatedDraft(db, { consultationId: c.id, versionId: third.id, lang: "ru", userId: null, published: true });
      expect(ruThird.blocks.find((b) => b.key === "art-1.p1")!.comments.find((x) => x.id === exact)?.placement).toBe("exact");
      expect(ruThird.orphaned.map((o) => o.id)).toEqual([orphan]);

      // Per-article diff in each language.
      const diffRu = await diffVersions(db, v1.id, second.id, "ru");
      const art1 = diffRu.articles.find((a) => a.key === "art-1")!;
      expect(art1.change).toBe("changed");
      expect(art1.blocks.find((b) => b.key === "art-1.p1")!.parts.filter((p) => p.op === "add").map((p) => p.value.trim()).join(" ")).toContain("на один проект");
      expect(diffRu.articles.find((a) => a.key === "art-2")!.change).toBe("removed");
      expect(diffRu.articles.find((a) => a.key === "art-3")!.change).toBe("added");
      const diffKk = await diffVersions(db, v1.id, second.id, "kk");
      const kkParts = diffKk.articles.find((a) => a.key === "art-1")!.blocks.find((b) => b.key === "art-1.p1")!.parts;
      expect(kkParts.find((p) => p.op === "del")?.value).toContain("3");
      expect(kkParts.find((p) => p.op === "add")?.value).toContain("4");
      expect(diffKk.articles.find((a) => a.key === "art-3")!.title).toContain("3-бап");
    });
  });
}
