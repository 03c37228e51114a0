/**
 * Admission control: refuse overload quickly instead of suffering it (ADR 0060). At most
 * `maxConcurrent` requests are rendered at once; the next ones wait in a bounded queue. A
 * request is refused (the front answers 503 + Retry-After) when the queue is full, when it
 * waited longer than `queueTimeoutMs`, or — for page reads only — when the event loop is
 * already late by more than `eventLoopDelayLimitMs`. Writes are never refused for event-loop
 * delay and are served first: a comment typed and sent should get in when anything does.
 * Cached pages, static files and /healthz do not pass through here: they cost microseconds.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

export interface AdmissionLimits {
  maxConcurrent: number;
  maxQueued: number;
  queueTimeoutMs: number;
  eventLoopDelayLimitMs: number;
  /** How long a write may wait for its turn (it is never refused for delay alone). */
  writeTimeoutMs: number;
}

export type Release = () => void;
export type Refusal = "queue_full" | "queue_timeout" | "event_loop_delay";

interface Waiter {
  grant: (release: Release) => void;
  refuse: (reason: Refusal) => void;
  timer: NodeJS.Timeout;
}

export class Admission {
  private active = 0;
  private readonly reads: Waiter[] = [];
  private readonly writes: Waiter[] = [];
  private readonly histogram: IntervalHistogram;
  private readonly sampler: NodeJS.Timeout;
  /** The event loop's recent delay (ms): the worst of the last sampling window. */
  delayMs = 0;
  refused = 0;

  constructor(private readonly limits: AdmissionLimits) {
    this.histogram = monitorEventLoopDelay({ resolution: 10 });
    this.histogram.enable();
    this.sampler = setInterval(() => {
      this.delayMs = this.histogram.max / 1e6;
      this.histogram.reset();
    }, 250);
    this.sampler.unref();
  }

  stop(): void {
    clearInterval(this.sampler);
    this.histogram.disable();
  }

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.reads.length + this.writes.length;
  }

  /** A slot to render one request, or the reason it is refused. */
  acquire(kind: "read" | "write"): Promise<Release> | Refusal {
    if (kind === "read" && this.delayMs > this.limits.eventLoopDelayLimitMs) return this.refuse("event_loop_delay");
    if (this.active < this.limits.maxConcurrent && this.queued === 0) return Promise.resolve(this.grant());
    if (this.queued >= this.limits.maxQueued) return this.refuse("queue_full");
    const queue = kind === "write" ? this.writes : this.reads;
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        grant: resolve,
        refuse: (reason) => reject(new AdmissionRefused(reason)),
        timer: setTimeout(
          () => {
            const index = queue.indexOf(waiter);
            if (index >= 0) queue.splice(index, 1);
            this.refused++;
            waiter.refuse("queue_timeout");
          },
          kind === "write" ? this.limits.writeTimeoutMs : this.limits.queueTimeoutMs,
        ),
      };
      queue.push(waiter);
      this.next();
    });
  }

  private refuse(reason: Refusal): Refusal {
    this.refused++;
    return reason;
  }

  private grant(): Release {
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.next();
    };
  }

  private next(): void {
    while (this.active < this.limits.maxConcurrent) {
      const waiter = this.writes.shift() ?? this.reads.shift();
      if (!waiter) return;
      clearTimeout(waiter.timer);
      waiter.grant(this.grant());
    }
  }
}

export class AdmissionRefused extends Error {
  constructor(public readonly reason: Refusal) {
    super(`request refused: ${reason}`);
    this.name = "AdmissionRefused";
  }
}
