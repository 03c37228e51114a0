/**
 * The Database interface kysely types its queries with. One interface per table;
 * it mirrors db/migrations (the migrations are the source of truth).
 */
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

export type Lang = "kk" | "ru" | "en";
/** Text in the three content languages; a language may be empty (""). */
export type Localized = { kk: string; ru: string; en: string };

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, T | string, T | string>;

export type Role = "citizen" | "ngo_representative" | "staff" | "moderator" | "mp" | "admin";
export type ConsultationType = "grant_rules" | "lot_specification" | "regulation";
/** The last three are anchors of a grant lot's fields, indicators and budget lines (ADR 0040). */
export type BlockKind = "section" | "article" | "paragraph" | "list_item" | "lot_field" | "indicator" | "budget_line";
export type CommentStatus = "visible" | "hidden" | "withdrawn";

export interface OrganizationsTable {
  id: Generated<string>;
  slug: string;
  kind: "government_body" | "ngo" | "other";
  name: Json<Localized>;
  bin: string | null;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  password_hash: string;
  name: string;
  role: Role;
  organization_id: string | null;
  locale: Lang | null;
  created_at: CreatedAt;
  disabled_at: Timestamp | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface ConsultationsTable {
  id: Generated<string>;
  slug: string;
  type: ConsultationType;
  organization_id: string;
  title: Json<Localized>;
  summary: Json<Localized>;
  explanatory_note: Json<Localized>;
  opens_at: Timestamp;
  closes_at: Timestamp;
  short_period_justification: Json<Localized> | null;
  published_at: Timestamp | null;
  report_published_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface DocumentVersionsTable {
  id: Generated<string>;
  consultation_id: string;
  number: number;
  note: Json<Localized> | null;
  created_by: string | null;
  created_at: CreatedAt;
  published_at: Timestamp | null;
}

export interface BlocksTable {
  id: Generated<string>;
  version_id: string;
  position: number;
  lineage_key: string;
  kind: BlockKind;
  label: Json<Localized> | null;
  text: Json<Localized>;
  /** Lexical JSON per language, once a block is authored in the rich editor. */
  content: Json<Partial<Record<Lang, unknown>>> | null;
}

export interface CommentsTable {
  id: Generated<string>;
  consultation_id: string;
  version_id: string;
  block_id: string | null;
  author_id: string;
  organization_id: string | null;
  body: string;
  lang: Lang;
  status: Generated<CommentStatus>;
  status_reason: string | null;
  status_changed_at: Timestamp | null;
  status_changed_by: string | null;
  idempotency_key: string;
  created_at: CreatedAt;
  edited_at: Timestamp | null;
  /** Asked at posting time: exports show "Participant N" instead of the name. */
  pseudonymous: Generated<boolean>;
  /** A reply's comment (one level: a reply to a reply is stored under the first comment). */
  parent_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The language of the text the annotation quotes; null for a comment without a quote. */
  anchor_lang: ColumnType<Lang | null, Lang | null | undefined, Lang | null>;
  anchor_start: ColumnType<number | null, number | null | undefined, number | null>;
  anchor_end: ColumnType<number | null, number | null | undefined, number | null>;
  anchor_exact: ColumnType<string | null, string | null | undefined, string | null>;
  anchor_prefix: ColumnType<string | null, string | null | undefined, string | null>;
  anchor_suffix: ColumnType<string | null, string | null | undefined, string | null>;
  /** Supports of the comment, kept by a trigger of comment_supports (migration 2026-12-03T1000, ADR 0061). */
  support_count: ColumnType<number, never, never>;
}

export interface CommentSupportsTable {
  comment_id: string;
  user_id: string;
  created_at: CreatedAt;
}

export type BlockChange = "unchanged" | "changed" | "added" | "removed";

export interface BlockChangesTable {
  version_id: string;
  lineage_key: string;
  block_id: string | null;
  previous_block_id: string | null;
  change: BlockChange;
}

export type AnchorStatus = "original" | "exact" | "fuzzy" | "block" | "orphaned";

export interface CommentAnchorsTable {
  comment_id: string;
  version_id: string;
  block_id: string | null;
  status: AnchorStatus;
  anchor_start: number | null;
  anchor_end: number | null;
  anchor_exact: string | null;
}

export interface DocumentDraftsTable {
  consultation_id: string;
  lang: Lang;
  content: Json<unknown>;
  revision: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export type AttachmentKind = "explanatory_memorandum" | "comparative_table" | "regulatory_impact" | "other";

export interface AttachmentsTable {
  id: Generated<string>;
  consultation_id: string;
  version_id: string | null;
  kind: AttachmentKind;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  created_at: CreatedAt;
}

export interface CommentRevisionsTable {
  id: Generated<string>;
  comment_id: string;
  body: string;
  written_at: Timestamp;
  replaced_at: CreatedAt;
}

export interface OutboxTable {
  id: Generated<string>;
  topic: string;
  payload: Json<Record<string, unknown>>;
  created_at: CreatedAt;
  available_at: Timestamp;
  attempts: Generated<number>;
  locked_until: Timestamp | null;
  processed_at: Timestamp | null;
  last_error: string | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: CreatedAt;
  actor_id: string | null;
  action: string;
  subject: string | null;
  data: Json<Record<string, unknown>>;
  prev_hash: string | null;
  hash: string;
}

export type ResponseStatus = "accepted" | "partially_accepted" | "not_accepted" | "noted";

export interface CommentResponsesTable {
  comment_id: string;
  consultation_id: string;
  status: ResponseStatus;
  justification: Json<Partial<Localized>>;
  group_key: string | null;
  responded_by: string;
  responded_at: Timestamp;
  published_status: ResponseStatus | null;
  published_justification: Json<Partial<Localized>> | null;
  published_by: string | null;
  published_at: Timestamp | null;
  first_published_at: Timestamp | null;
}

export interface ResponseTemplatesTable {
  id: Generated<string>;
  organization_id: string;
  title: string;
  status: ResponseStatus;
  justification: Json<Partial<Localized>>;
  created_by: string | null;
  created_at: CreatedAt;
  archived_at: Timestamp | null;
}

export interface CommentFlagsTable {
  id: Generated<string>;
  comment_id: string;
  flagged_by: string;
  reason: string;
  created_at: CreatedAt;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
  resolution: "hidden" | "dismissed" | null;
}

export interface CommentChangeLinksTable {
  id: Generated<string>;
  comment_id: string;
  consultation_id: string;
  block_key: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ReportRevisionsTable {
  id: Generated<string>;
  consultation_id: string;
  revision: number;
  change_log: Json<Partial<Localized>> | null;
  snapshot: Json<unknown>;
  published_by: string | null;
  published_at: Generated<Date>;
}

/** bigint and numeric columns: pg returns them as strings, numbers may be written. */
type Big = ColumnType<string, number | string, number | string>;

export type GrantType = "short_term" | "medium_term" | "long_term";
export type FundingAssessment = "adequate" | "insufficient" | "excessive";
export type DurationAssessment = "adequate" | "too_short" | "too_long";
export type WouldApply = "yes" | "no" | "unsure";
export type Feasibility = "feasible" | "unrealistic" | "unclear";

export interface LotsTable {
  id: Generated<string>;
  consultation_id: string;
  position: number;
  code: string;
  title: Json<Localized>;
  problem: Json<Localized>;
  target_group: Json<Localized>;
  regions: Json<string[]>;
  duration_months: number;
  grant_type: GrantType;
  amount_kzt: Big;
  funding_year: number;
  terms_of_reference: Json<Localized>;
  eligibility: Json<Localized>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface LotIndicatorsTable {
  id: Generated<string>;
  lot_id: string;
  position: number;
  text: Json<Localized>;
  target_value: Big;
  unit: Json<Localized>;
}

export interface LotBudgetLinesTable {
  id: Generated<string>;
  lot_id: string;
  position: number;
  item: Json<Localized>;
  unit: Json<Localized>;
  quantity: Big;
  unit_cost_kzt: Big;
  total_kzt: Big;
}

export interface LotFeedbackTable {
  id: Generated<string>;
  lot_id: string;
  respondent_key: string;
  organization_id: string | null;
  author_id: string;
  funding: FundingAssessment;
  proposed_amount_kzt: Big | null;
  duration: DurationAssessment | null;
  would_apply: WouldApply | null;
  indicator_feasibility: Json<Record<string, Feasibility>>;
  note: string | null;
  revision: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface LotFeedbackRevisionsTable {
  id: Generated<string>;
  feedback_id: string;
  revision: number;
  author_id: string;
  data: Json<Record<string, unknown>>;
  written_at: Timestamp;
  replaced_at: CreatedAt;
}

export interface PlanItemsTable {
  id: Generated<string>;
  organization_id: string;
  year: number;
  quarter: number;
  kind: "act" | "lot";
  consultation_type: ConsultationType;
  title: Json<Localized>;
  consultation_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** Counters of the database rate limiter (app/modules/security): current and previous window. */
export interface RateLimitsTable {
  key: string;
  /** Start of the current window, epoch milliseconds. */
  window_start: string;
  count: number;
  prev_count: number;
  expires_at: Date;
}

export type SearchKind = "consultation" | "block" | "comment" | "annotation" | "answer";

export interface SearchDocumentsTable {
  id: string;
  kind: SearchKind;
  source_id: string;
  consultation_id: string | null;
  consultation_slug: string;
  consultation_title: string;
  block_id: string | null;
  block_label: string | null;
  lang: Lang;
  status: string | null;
  author_type: string | null;
  text: string;
  quote: string | null;
  answer: string | null;
  date: Timestamp;
  support: number;
  url_path: string | null;
  body_folded: string;
  context_folded: string;
  indexed_at: Timestamp;
  /** Generated by PostgreSQL from the folded columns. */
  tsv_simple: ColumnType<string, never, never>;
  tsv_russian: ColumnType<string, never, never>;
  tsv_english: ColumnType<string, never, never>;
}

export interface SearchTermsTable {
  term: string;
}

export interface SearchIndexStateTable {
  index_name: string;
  built_at: Timestamp;
  documents: number;
}

export interface OutboxConsumersTable {
  consumer: string;
  topic_patterns: string[];
}

export interface OutboxDeliveriesTable {
  consumer: string;
  outbox_id: string;
  attempts: Generated<number>;
  available_at: ColumnType<Date, Date | string | undefined, Date | string>;
  locked_until: Timestamp | null;
  processed_at: Timestamp | null;
  last_error: string | null;
}

/** One counter per scope of public pages, bumped by triggers (migration 2026-12-03T0900, ADR 0060). */
export interface ChangeCountersTable {
  scope: string;
  /** bigint, as a string: compared for equality only. */
  seq: string;
}

/**
 * Figures of one consultation, kept by triggers in the transaction of each write (migration
 * 2026-12-03T1000, ADR 0061; the migration says exactly what each counts). A missing row is all zeros.
 */
export interface ConsultationStatsTable {
  consultation_id: string;
  /** Every comment (replies and every status included). */
  comments: number;
  /** Visible comments, replies included. */
  visible: number;
  hidden: number;
  withdrawn: number;
  /** Top-level comments on the whole draft, every status. */
  general_top_level: number;
  /** Comments on the whole draft, replies and every status included. */
  general_comments: number;
  /** Visible comments whose published answer has that status. */
  answered_accepted: number;
  answered_partially_accepted: number;
  answered_not_accepted: number;
  answered_noted: number;
  /** Distinct authors / organisations of any comment. */
  participants: number;
  organizations: number;
  report_revisions: number;
}

/** Comments per author and consultation: what keeps consultation_stats.participants distinct. */
export interface ConsultationParticipantsTable {
  consultation_id: string;
  author_id: string;
  comments: number;
}

export interface ConsultationOrganizationsTable {
  consultation_id: string;
  organization_id: string;
  comments: number;
}

/** Figures of one block, kept by triggers (ADR 0061). A block nobody commented on has no row: zeros, seq 0. */
export interface BlockStatsTable {
  block_id: string;
  version_id: string;
  consultation_id: string;
  /** Comments with this block_id: replies and every status included. */
  own_comments: number;
  /** Of them, visible. */
  own_visible: number;
  /** Top-level comments made on it, every status. */
  own_top_level: number;
  /** Top-level comments the draft page places on it (made on it, or carried onto its version), every status. */
  placed_total: number;
  placed_visible: number;
  /** Placed visible annotations. */
  placed_annotations: number;
  /** bigint (a string): changes whenever anything the block's thread shows changes. */
  seq: string;
}

/** Stored similar-comment grouping (migration 2026-12-03T1100, ADR 0063): one row per visible comment. */
export interface CommentSimilarityTable {
  comment_id: string;
  consultation_id: string;
  /** created_at (ISO, UTC) + "|" + id: the order comments join groups in. */
  order_key: string;
  /** coalesce(edited_at, created_at) of the signed text. */
  stamp: Timestamp;
  added: ColumnType<string, never, never>;
  /** 128 uint32 MinHash values, little endian; null: nothing to compare. */
  signature: Uint8Array | null;
  /** Per band (1…32), the bucket key it represents, or null (bigint; written as an array literal). */
  rep_bands: ColumnType<(string | null)[], string, string>;
  group_key: string | null;
}

export interface SimilarityGroupsTable {
  group_key: string;
  consultation_id: string;
  size: number;
}

export interface SimilarityStateTable {
  consultation_id: string;
  complete: Generated<boolean>;
  cursor_at: Timestamp | null;
  cursor_id: string | null;
  updated_at: Generated<Date>;
}

/** A stored report build (ADR 0064): live (made by the report worker) or a published revision. */
export interface ReportBuildsTable {
  id: Generated<string>;
  consultation_id: string;
  kind: "live" | "revision";
  revision: number | null;
  fingerprint: string;
  valid_seq: string | null;
  started_at: Generated<Date>;
  completed_at: Timestamp | null;
  head: Json<unknown> | null;
  items: Generated<number>;
  visible_comments: number | null;
  answered: number | null;
  accepted: number | null;
  answer_days: ColumnType<number[] | null, number[] | null | undefined, number[] | null>;
}

export interface ReportBuildItemsTable {
  build_id: string;
  position: number;
  status_key: string;
  article_key: string | null;
  item: Json<unknown>;
}

export interface ReportBuildLeasesTable {
  consultation_id: string;
  locked_until: Timestamp | null;
}

export interface Database {
  consultation_stats: ConsultationStatsTable;
  consultation_participants: ConsultationParticipantsTable;
  consultation_organizations: ConsultationOrganizationsTable;
  block_stats: BlockStatsTable;
  comment_similarity: CommentSimilarityTable;
  similarity_groups: SimilarityGroupsTable;
  similarity_state: SimilarityStateTable;
  report_builds: ReportBuildsTable;
  report_build_items: ReportBuildItemsTable;
  report_build_leases: ReportBuildLeasesTable;
  change_counters: ChangeCountersTable;
  lots: LotsTable;
  lot_indicators: LotIndicatorsTable;
  lot_budget_lines: LotBudgetLinesTable;
  lot_feedback: LotFeedbackTable;
  lot_feedback_revisions: LotFeedbackRevisionsTable;
  plan_items: PlanItemsTable;
  comment_responses: CommentResponsesTable;
  response_templates: ResponseTemplatesTable;
  comment_flags: CommentFlagsTable;
  comment_change_links: CommentChangeLinksTable;
  report_revisions: ReportRevisionsTable;
  organizations: OrganizationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  consultations: ConsultationsTable;
  document_versions: DocumentVersionsTable;
  blocks: BlocksTable;
  comments: CommentsTable;
  comment_revisions: CommentRevisionsTable;
  comment_supports: CommentSupportsTable;
  block_changes: BlockChangesTable;
  comment_anchors: CommentAnchorsTable;
  document_drafts: DocumentDraftsTable;
  attachments: AttachmentsTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  rate_limits: RateLimitsTable;
  search_documents: SearchDocumentsTable;
  search_terms: SearchTermsTable;
  search_index_state: SearchIndexStateTable;
  outbox_consumers: OutboxConsumersTable;
  outbox_deliveries: OutboxDeliveriesTable;
}

export type UserRow = Selectable<UsersTable>;
export type ConsultationRow = Selectable<ConsultationsTable>;
export type BlockRow = Selectable<BlocksTable>;
export type CommentRow = Selectable<CommentsTable>;
export type NewBlock = Insertable<BlocksTable>;
