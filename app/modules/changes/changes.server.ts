/**
 * What changed, for caches: the change counters that triggers keep per scope (migration
 * 2026-12-03T0900, ADR 0060), mirrored in memory so a cache can tell whether an entry is still
 * current without a database round trip.
 *
 * The mirror is refreshed by polling the small change_counters table (every `pollMs`, and at
 * once after each write this process answers, see `refreshAfterWrite`). Polling, not
 * LISTEN/NOTIFY: a transaction that NOTIFYs takes a cluster-wide lock while it commits, which
 * would serialize every comment post; a poll of a few hundred rows costs well under a
 * millisecond. Another process's write is seen within one poll interval.
 */
import type { Db } from "~db/database.server";

/** The scope of everything inside one consultation. */
export const consultationScope = (consultationId: string) => `c:${consultationId}`;
/**
 * What workers derive from one consultation's data (report builds, similar-comment groups). Its
 * own scope, so a pass of a worker re-renders the pages that show it (draft, report, dashboard)
 * but not the lists, and does not make the consultation look changed to the report builder.
 */
export const derivedScope = (consultationId: string) => `d:${consultationId}`;
/** The set of consultations, organisations and plans (lists, dashboards). */
export const SITE_SCOPE = "site";
/** The search index. */
export const SEARCH_SCOPE = "search";

/** Scope → counter value at one moment ("0" for a scope never changed). */
export type ChangeSnapshot = Record<string, string>;

export async function readChangeCounters(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom("change_counters").select(["scope", "seq"]).execute();
  return new Map(rows.map((r) => [r.scope, String(r.seq)]));
}

export class ChangeWatcher {
  private seqs = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private failures = 0;

  constructor(
    private readonly db: Db,
    private readonly pollMs = 500,
  ) {}

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh().catch(() => {}), this.pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** The counters now, as one unchanging map (a refresh replaces it, never edits it). */
  current(): ReadonlyMap<string, string> {
    return this.seqs;
  }

  /** The counter of a scope now. */
  get(scope: string): string {
    return this.seqs.get(scope) ?? "0";
  }

  snapshot(scopes: Iterable<string>): ChangeSnapshot {
    const out: ChangeSnapshot = {};
    for (const scope of scopes) out[scope] = this.get(scope);
    return out;
  }

  /** True when no scope of the snapshot has moved since it was taken. */
  isCurrent(snapshot: ChangeSnapshot): boolean {
    for (const scope in snapshot) if (this.get(scope) !== snapshot[scope]) return false;
    return true;
  }

  /** Whether the last poll failed (the mirror may be behind: callers should not trust it). */
  get stale(): boolean {
    return this.failures > 0;
  }

  /**
   * Re-reads the counters. A call made while a read is in flight waits for a read that starts
   * after it (the one in flight may have begun before the caller's write committed).
   */
  refresh(): Promise<void> {
    if (!this.inFlight) {
      this.inFlight = this.read().finally(() => (this.inFlight = undefined));
      return this.inFlight;
    }
    if (!this.queued) {
      this.queued = this.inFlight.catch(() => {}).then(() => {
        this.queued = undefined;
        return this.refresh();
      });
    }
    return this.queued;
  }

  private async read(): Promise<void> {
    try {
      this.seqs = await readChangeCounters(this.db);
      this.failures = 0;
    } catch (error) {
      this.failures++;
      throw error;
    }
  }
}
