/**
 * The report worker: keeps every published consultation's stored report (builds.server.ts) close
 * behind its data. Each pass compares the consultations' change counters with their latest
 * builds; a consultation that changed is rebuilt `delayMs` after the change was first seen (what
 * else changes meanwhile joins the same build), and at most once per `intervalMs` while changes
 * keep coming — on a campaign night the report is recomputed every interval, not per comment.
 * The interval also grows with the build: a consultation whose build took t waits at least
 * BUILD_SHARE_FACTOR × t after it, so rebuilding a large report never takes more than a fifth of
 * the database's time away from the comments it is about (issue 11, point 8).
 * Consultations whose similar-comment groups are still catching up wait for them (the catch-up
 * moves the counter when it is done). Builds take a lease, so any number of processes may run it.
 */
import type { Db } from "~db/database.server";
import { similarityComplete } from "~/modules/responses/similarity-store.server";
import { buildWithLease, staleReports, type ReportBuildSettings } from "./builds.server";

export interface ReportWorkerOptions extends Pick<ReportBuildSettings, "delayMs" | "intervalMs" | "batchRows"> {
  pollMs?: number;
  log?: (message: string) => void;
}

/** A build of t ms is followed by at least this many times t without one (see above). */
const BUILD_SHARE_FACTOR = 4;

export class ReportWorker {
  /** consultation id → when this process first saw its current change. */
  private readonly firstSeen = new Map<string, number>();
  /** consultation id → how long its last build in this process took (ms). */
  private readonly buildMs = new Map<string, number>();
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly db: Db,
    private readonly options: ReportWorkerOptions,
  ) {}

  /** One pass at time `now` (ms): builds every report that is due; returns their consultation ids. */
  async tick(now: number = Date.now()): Promise<string[]> {
    const stale = await staleReports(this.db);
    const staleIds = new Set(stale.map((s) => s.consultationId));
    for (const id of this.firstSeen.keys()) if (!staleIds.has(id)) this.firstSeen.delete(id);
    const built: string[] = [];
    for (const s of stale) {
      const seen = this.firstSeen.get(s.consultationId) ?? now;
      this.firstSeen.set(s.consultationId, seen);
      if (now < seen + this.options.delayMs) continue;
      const interval = Math.max(this.options.intervalMs, BUILD_SHARE_FACTOR * (this.buildMs.get(s.consultationId) ?? 0));
      if (s.builtAt && now < s.builtAt.getTime() + interval) continue;
      if (!(await similarityComplete(this.db, s.consultationId))) continue;
      const started = performance.now();
      await buildWithLease(this.db, s.consultationId, { batchRows: this.options.batchRows });
      this.buildMs.set(s.consultationId, performance.now() - started);
      this.firstSeen.delete(s.consultationId);
      built.push(s.consultationId);
    }
    return built;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const log = this.options.log ?? ((m: string) => console.log(m));
    const pollMs = this.options.pollMs ?? Math.max(100, Math.min(1000, this.options.delayMs || 1000));
    this.loop = (async () => {
      let failures = 0;
      while (this.running) {
        try {
          await this.tick();
          failures = 0;
        } catch (error) {
          failures++;
          if (failures === 1 || failures % 10 === 0) log(`[reports] build pass failed (attempt ${failures}), will retry: ${(error as Error).message}`);
        }
        if (this.running) await this.sleep(failures ? Math.min(60_000, pollMs * 2 ** Math.min(failures, 6)) : pollMs);
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
