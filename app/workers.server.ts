/**
 * Background workers started with the server (app/boot.server.ts) and stopped on shutdown. Each
 * claims its outbox rows with FOR UPDATE SKIP LOCKED, so every process may run them.
 */
import type { AppContext } from "./utils/context.server";
import { notificationHandlers } from "./modules/notifications/mail.server";
import { startOutboxWorker, type RunningWorker } from "./modules/notifications/outbox-worker.server";
import { ReportWorker } from "./modules/reports/worker.server";
import { startSimilarityWorker } from "./modules/responses/similarity-worker.server";

export function startWorkers(context: AppContext): { stop(): Promise<void> } {
  const workers: { stop(): Promise<void> }[] = [];
  if (context.config.workers !== "off") {
    workers.push(
      startOutboxWorker(context.db, {
        handlers: notificationHandlers(context.db, { smtpUrl: context.config.smtpUrl, publicUrl: context.config.publicUrl, from: context.config.mailFrom }),
        pollMs: context.config.outboxPollMs,
        onError: (job, error) => console.error(`[outbox] ${job.topic} #${job.id} attempt ${job.attempts} failed: ${(error as Error).message}`),
      }) satisfies RunningWorker,
    );
    // Stored similar-comment groups (ADR 0063) and stored reports (ADR 0064).
    // Smaller steps on the embedded engine: one connection, so a step's transaction holds every request.
    const embedded = context.engine === "pglite";
    workers.push(startSimilarityWorker(context.db, { pollMs: Math.min(context.config.outboxPollMs, 1000), batchSize: embedded ? 50 : 200, catchUpBatch: embedded ? 100 : 500 }));
    const reports = new ReportWorker(context.db, context.config.reportBuilds);
    reports.start();
    workers.push(reports);
  }
  return {
    async stop() {
      await Promise.all(workers.map((w) => w.stop()));
    },
  };
}
