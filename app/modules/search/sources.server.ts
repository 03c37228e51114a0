/**
 * The registry of document sources: each kind of searchable thing says which outbox rows concern
 * it, how to load its current documents by id, and how to load all of them for a rebuild.
 * Sources always read the current state, so the order in which outbox rows arrive never matters.
 * Add a source (annotations, answers) with registerSource() (ADR 0034).
 */
import type { Db } from "~db/database.server";
import { languages } from "~/utils/i18n";
import {
  blockIdsOfConsultations,
  countRows,
  loadBlockDocuments,
  loadCommentDocuments,
  loadConsultationDocuments,
  pageCommentIds,
  pageConsultationIds,
  pageCurrentBlockIds,
} from "./queries.server";
import { documentId, type SearchDocument, type SearchKind } from "./search.schema";

export interface DocumentSource {
  kind: SearchKind;
  /** This source's ids that an outbox row concerns ([] when it does not). */
  idsFor(db: Db, topic: string, payload: Record<string, unknown>): Promise<string[]>;
  /** Every document id one source id can have in the index (for removal). */
  documentIds(id: string): string[];
  /** The documents these ids have now; an id with none (hidden, withdrawn, gone) leaves the index. */
  loadByIds(db: Db, ids: string[], indexedAt: Date): Promise<SearchDocument[]>;
  /** Every document, `batch` source rows at a time. */
  loadAll(db: Db, batch: number, indexedAt: Date): AsyncIterable<SearchDocument[]>;
  /** How many source rows loadAll will go through (for progress). */
  countAll(db: Db): Promise<number>;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

function paged(page: (db: Db, after: string | null, limit: number) => Promise<string[]>, load: DocumentSource["loadByIds"]): DocumentSource["loadAll"] {
  return async function* (db, batch, indexedAt) {
    let after: string | null = null;
    for (;;) {
      const ids = await page(db, after, batch);
      if (!ids.length) return;
      yield await load(db, ids, indexedAt);
      after = ids[ids.length - 1];
      if (ids.length < batch) return;
    }
  };
}

const perLanguage = (kind: SearchKind) => (id: string) => languages.map((l) => documentId(kind, id, l));

export const consultationSource: DocumentSource = {
  kind: "consultation",
  async idsFor(_db, topic, payload) {
    const id = str(payload.consultationId);
    return topic.startsWith("consultation.") && id ? [id] : [];
  },
  documentIds: perLanguage("consultation"),
  loadByIds: loadConsultationDocuments,
  loadAll: paged(pageConsultationIds, loadConsultationDocuments),
  countAll: (db) => countRows(db, "consultation"),
};

export const blockSource: DocumentSource = {
  kind: "block",
  async idsFor(db, topic, payload) {
    const id = str(payload.consultationId);
    // A new published version replaces the previous one's blocks.
    if ((topic.startsWith("consultation.") || topic.startsWith("version.")) && id) return blockIdsOfConsultations(db, [id]);
    return [];
  },
  documentIds: perLanguage("block"),
  loadByIds: loadBlockDocuments,
  loadAll: paged(pageCurrentBlockIds, loadBlockDocuments),
  countAll: (db) => countRows(db, "block"),
};

export const commentSource: DocumentSource = {
  kind: "comment",
  async idsFor(_db, topic, payload) {
    const id = str(payload.commentId);
    // A published answer changes its comment's status and answer text in the index.
    return (topic.startsWith("comment.") || topic.startsWith("annotation.") || topic === "notify.response_published") && id ? [id] : [];
  },
  documentIds: (id) => [documentId("comment", id)],
  loadByIds: loadCommentDocuments,
  loadAll: paged(pageCommentIds, loadCommentDocuments),
  countAll: (db) => countRows(db, "comment"),
};

const registry = new Map<SearchKind, DocumentSource>([
  ["consultation", consultationSource],
  ["block", blockSource],
  ["comment", commentSource],
]);

/** Adds or replaces the source of a kind (e.g. "annotation", "answer"). */
export function registerSource(source: DocumentSource): void {
  registry.set(source.kind, source);
}

export function documentSources(): DocumentSource[] {
  return [...registry.values()];
}
