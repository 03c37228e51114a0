/**
 * Configuration from the environment, checked once at start. Every bad value gets its own
 * line naming the variable, what it must be and what it was.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { defaultPeriodRules, type PeriodRules } from "~/modules/consultations/rules";

const intInRange = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return fallback;
      const n = Number(value);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `${name} must be an integer from ${min} to ${max} (got "${value}")` });
        return z.NEVER;
      }
      return n;
    });

const postgresUrl = (name: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return undefined;
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: "custom", message: `${name} must be a URL like postgres://user@host:5432/db (got "${redact(value)}")` });
        return z.NEVER;
      }
      if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
        ctx.addIssue({ code: "custom", message: `${name} must start with postgres:// or postgresql:// (got "${url.protocol}//…")` });
        return z.NEVER;
      }
      return value;
    });

const httpUrl = (name: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return undefined;
      try {
        const url = new URL(value);
        if (url.protocol === "http:" || url.protocol === "https:") return value;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: "custom", message: `${name} must be an http:// or https:// URL (got "${redact(value)}")` });
      return z.NEVER;
    });

/** "2026:4325,2027:4548": the monthly calculation index (MCI, тенге) per year, set by the budget law. */
export const DEFAULT_MCI_VALUES = "2025:3932,2026:4325,2027:4548";

const mciValues = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const text = value && value.trim() !== "" ? value : DEFAULT_MCI_VALUES;
    const result: Record<number, number> = {};
    for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
      const m = /^(\d{4})\s*:\s*(\d+)$/.exec(part);
      if (!m || Number(m[2]) <= 0 || Number(m[2]) > 1_000_000) {
        ctx.addIssue({ code: "custom", message: `MCI_VALUES must be year:tenge pairs separated by commas, like "2026:4325,2027:4548" (got "${part}" in "${text}")` });
        return z.NEVER;
      }
      result[Number(m[1])] = Number(m[2]);
    }
    return result;
  });

const holidayList = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value || value.trim() === "") return [] as string[];
    const days = value.split(",").map((d) => d.trim()).filter(Boolean);
    const bad = days.filter((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d)));
    if (bad.length) {
      ctx.addIssue({ code: "custom", message: `HOLIDAYS must be dates YYYY-MM-DD separated by commas, like "2027-01-01,2027-01-02" (bad: "${bad.join(", ")}")` });
      return z.NEVER;
    }
    return days;
  });
/** A rate limit as "count/window" (window in s, m or h, e.g. "10/15m"), or "off". */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

const rateLimit = (name: string, fallback: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx): RateLimitRule | null => {
      const text = (value === undefined || value.trim() === "" ? fallback : value).trim();
      if (text === "off") return null;
      const match = /^(\d{1,7})\/(\d{1,6})(s|m|h)$/.exec(text);
      const unit = { s: 1_000, m: 60_000, h: 3_600_000 } as const;
      if (!match || Number(match[1]) < 1 || Number(match[2]) < 1 || Number(match[2]) * unit[match[3] as keyof typeof unit] > 7 * 86_400_000) {
        ctx.addIssue({ code: "custom", message: `${name} must be "count/window" like 10/15m (window in s, m or h, at most 7 days) or "off" (got "${text}")` });
        return z.NEVER;
      }
      return { limit: Number(match[1]), windowMs: Number(match[2]) * unit[match[3] as keyof typeof unit] };
    });

const redisUrl = (name: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return undefined;
      try {
        const url = new URL(value);
        if (url.protocol === "redis:" || url.protocol === "rediss:") return value;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: "custom", message: `${name} must be a URL like redis://127.0.0.1:6379 (got "${redact(value)}")` });
      return z.NEVER;
    });

function redact(value: string): string {
  return value.replace(/\/\/([^:@/]+):([^@/]+)@/, "//$1:***@");
}

const envSchema = z.object({
  DATABASE_URL: postgresUrl("DATABASE_URL"),
  DATA_DIR: z.string().optional().transform((v) => path.resolve(v && v.trim() !== "" ? v : "./.data")),
  ATTACHMENTS_DIR: z.string().optional(),
  PORT: intInRange("PORT", 0, 65535, 3000),
  HOST: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const host = value && value.trim() !== "" ? value.trim() : "127.0.0.1";
      if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) {
        ctx.addIssue({ code: "custom", message: `HOST must be a host name or IP address (got "${host}")` });
        return z.NEVER;
      }
      return host;
    }),
  SESSION_SECRET: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value !== undefined && value !== "" && value.length < 32) {
        ctx.addIssue({ code: "custom", message: `SESSION_SECRET must be at least 32 characters (got ${value.length})` });
      }
    }),
  MEILI_URL: httpUrl("MEILI_URL"),
  MEILI_MASTER_KEY: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().optional(),
  REPORT_DUE_DAYS: intInRange("REPORT_DUE_DAYS", 1, 365, 30),
  OUTBOX_POLL_MS: intInRange("OUTBOX_POLL_MS", 50, 600_000, 2000),
  REPORT_BUILD_DELAY_MS: intInRange("REPORT_BUILD_DELAY_MS", 0, 600_000, 2000),
  REPORT_BUILD_INTERVAL_MS: intInRange("REPORT_BUILD_INTERVAL_MS", 0, 3_600_000, 15_000),
  REPORT_READ_MODE: z.enum(["stored", "current", ""]).optional().transform((v) => (v === "current" ? "current" : "stored")),
  WORKERS: z.enum(["on", "off", ""]).optional().transform((v) => (v === "off" ? "off" : "on")),
  PUBLIC_URL: httpUrl("PUBLIC_URL"),
  DEMO: z.enum(["auto", "on", "off", ""]).optional().transform((v) => (v ? v : "auto")),
  NODE_ENV: z.string().optional(),
  MCI_VALUES: mciValues,
  GRANT_MIN_WORKING_DAYS: intInRange("GRANT_MIN_WORKING_DAYS", 1, 60, 10),
  HOLIDAYS: holidayList,
  REDIS_URL: redisUrl("REDIS_URL"),
  // Counted per e-mail address: failed sign-ins only, so the owner is never locked out by succeeding.
  RATE_LIMIT_SIGNIN_ACCOUNT: rateLimit("RATE_LIMIT_SIGNIN_ACCOUNT", "10/15m"),
  // Counted per client address: every sign-in attempt (offices and NAT share one address).
  RATE_LIMIT_SIGNIN_IP: rateLimit("RATE_LIMIT_SIGNIN_IP", "100/15m"),
  RATE_LIMIT_SIGNUP_IP: rateLimit("RATE_LIMIT_SIGNUP_IP", "20/1h"),
  RATE_LIMIT_COMMENTS_USER: rateLimit("RATE_LIMIT_COMMENTS_USER", "10/1m"),
  SESSION_IDLE_MINUTES: intInRange("SESSION_IDLE_MINUTES", 1, 60 * 24 * 90, 60 * 24 * 7),
  SESSION_MAX_DAYS: intInRange("SESSION_MAX_DAYS", 1, 365, 30),
  // The HTTP front (ADR 0060): shared cache of anonymous pages, admission control, timing.
  PAGE_CACHE_MB: intInRange("PAGE_CACHE_MB", 0, 4096, 128),
  PAGE_CACHE_MAX_AGE: intInRange("PAGE_CACHE_MAX_AGE", 0, 3600, 5),
  PAGE_CACHE_TTL: intInRange("PAGE_CACHE_TTL", 1, 86_400, 300),
  CHANGES_POLL_MS: intInRange("CHANGES_POLL_MS", 50, 60_000, 500),
  MAX_CONCURRENT_REQUESTS: intInRange("MAX_CONCURRENT_REQUESTS", 1, 10_000, 16),
  MAX_QUEUED_REQUESTS: intInRange("MAX_QUEUED_REQUESTS", 0, 100_000, 256),
  QUEUE_TIMEOUT_MS: intInRange("QUEUE_TIMEOUT_MS", 10, 600_000, 5_000),
  EVENT_LOOP_DELAY_LIMIT_MS: intInRange("EVENT_LOOP_DELAY_LIMIT_MS", 10, 600_000, 1_000),
  REQUEST_TIMEOUT_MS: intInRange("REQUEST_TIMEOUT_MS", 1_000, 3_600_000, 30_000),
  SERVER_TIMING: z.enum(["on", "off", ""]).optional().transform((v) => v === "on"),
});

export type RateLimitName = "signinAccount" | "signinIp" | "signupIp" | "commentsUser";

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where uploaded attachments are stored: ATTACHMENTS_DIR, else DATA_DIR/attachments. */
  attachmentsDir: string;
  port: number;
  host: string;
  sessionSecret: string;
  meiliUrl: string | undefined;
  meiliMasterKey: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  /** A report is overdue when not published this many days after the consultation closed. */
  reportDueDays: number;
  outboxPollMs: number;
  /** Stored reports (ADR 0064): rebuild delay and interval, and whether readers accept the stored build. */
  reportBuilds: { delayMs: number; intervalMs: number; readMode: "stored" | "current"; batchRows: number };
  /** off: this process runs no background workers (another one does). */
  workers: "on" | "off";
  publicUrl: string | undefined;
  /** auto: load the demo on an empty embedded database; on: also with DATABASE_URL; off: never. */
  demo: "auto" | "on" | "off";
  production: boolean;
  /** MCI (monthly calculation index) in tenge per year, from MCI_VALUES. */
  mciValues: Record<number, number>;
  /** Minimum consultation periods: GRANT_MIN_WORKING_DAYS for grant topics, 30 days otherwise; HOLIDAYS are not working days. */
  periodRules: PeriodRules;
  /** Redis for the rate limiter (shared by every process); the database table when unset. */
  redisUrl: string | undefined;
  /** null: that limit is off. */
  rateLimits: Record<RateLimitName, RateLimitRule | null>;
  /** A session ends after idleMinutes without a request, and in any case maxDays after sign-in. */
  session: { idleMinutes: number; maxDays: number };
  /** The HTTP front in front of Remix (app/server, ADR 0060). */
  front: FrontConfig;
}

export interface FrontConfig {
  /** Memory for the shared cache of anonymous pages (0: no cache). */
  pageCacheBytes: number;
  /** Cache-Control max-age (s) of shared pages: how long a browser or proxy may reuse one. */
  sharedMaxAge: number;
  /** A cached page is rendered again after this long even when nothing changed (s): dates, "days left". */
  pageCacheTtlSeconds: number;
  /** How often the change counters are re-read (ms): another process's write is seen within this. */
  changesPollMs: number;
  /** Requests rendered at once; the next ones wait in a queue. */
  maxConcurrent: number;
  /** Requests allowed to wait; more are refused at once with 503. */
  maxQueued: number;
  /** A request that waited this long for its turn is refused with 503. */
  queueTimeoutMs: number;
  /** Above this event-loop delay new page reads are refused with 503 (writes still queue). */
  eventLoopDelayLimitMs: number;
  /** No request runs longer than this: it is aborted and answered 503. */
  requestTimeoutMs: number;
  /** Server-Timing header with database time per response (for the benchmark). */
  serverTiming: boolean;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Kenes cannot start, the configuration has ${problems.length} problem(s):\n` + problems.map((p) => `  - ${p}`).join("\n"));
    this.name = "ConfigError";
  }
}

/** Reads and checks the configuration; throws ConfigError listing every bad value. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => i.message));
  const e = parsed.data;
  let sessionSecret = e.SESSION_SECRET && e.SESSION_SECRET !== "" ? e.SESSION_SECRET : undefined;
  if (!sessionSecret) {
    if (e.DATABASE_URL) {
      throw new ConfigError(["SESSION_SECRET is required with DATABASE_URL (at least 32 random characters, e.g. `openssl rand -hex 32`)"]);
    }
    sessionSecret = readOrCreateSecret(e.DATA_DIR);
  }
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    attachmentsDir: e.ATTACHMENTS_DIR && e.ATTACHMENTS_DIR.trim() !== "" ? path.resolve(e.ATTACHMENTS_DIR) : path.join(e.DATA_DIR, "attachments"),
    port: e.PORT,
    host: e.HOST,
    sessionSecret,
    meiliUrl: e.MEILI_URL,
    meiliMasterKey: e.MEILI_MASTER_KEY || undefined,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM || undefined,
    reportDueDays: e.REPORT_DUE_DAYS,
    outboxPollMs: e.OUTBOX_POLL_MS,
    // Embedded PGlite runs a build on the requests' one connection and event loop: small batches
    // (a 5,000-comment batch held it ~0.5 s on the benchmark's data; 1,000: ~0.1 s).
    reportBuilds: { delayMs: e.REPORT_BUILD_DELAY_MS, intervalMs: e.REPORT_BUILD_INTERVAL_MS, readMode: e.REPORT_READ_MODE as "stored" | "current", batchRows: e.DATABASE_URL ? 5000 : 1000 },
    workers: e.WORKERS,
    publicUrl: e.PUBLIC_URL,
    demo: e.DEMO as Config["demo"],
    production: e.NODE_ENV === "production",
    mciValues: e.MCI_VALUES,
    periodRules: { ...defaultPeriodRules, grantMinWorkingDays: e.GRANT_MIN_WORKING_DAYS, holidays: e.HOLIDAYS },
    redisUrl: e.REDIS_URL,
    rateLimits: {
      signinAccount: e.RATE_LIMIT_SIGNIN_ACCOUNT,
      signinIp: e.RATE_LIMIT_SIGNIN_IP,
      signupIp: e.RATE_LIMIT_SIGNUP_IP,
      commentsUser: e.RATE_LIMIT_COMMENTS_USER,
    },
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxDays: e.SESSION_MAX_DAYS },
    front: {
      pageCacheBytes: e.PAGE_CACHE_MB * 2 ** 20,
      sharedMaxAge: e.PAGE_CACHE_MAX_AGE,
      pageCacheTtlSeconds: e.PAGE_CACHE_TTL,
      changesPollMs: e.CHANGES_POLL_MS,
      maxConcurrent: e.MAX_CONCURRENT_REQUESTS,
      maxQueued: e.MAX_QUEUED_REQUESTS,
      queueTimeoutMs: e.QUEUE_TIMEOUT_MS,
      eventLoopDelayLimitMs: e.EVENT_LOOP_DELAY_LIMIT_MS,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      serverTiming: e.SERVER_TIMING,
    },
  };
}

/** The embedded default keeps a generated secret in DATA_DIR so sessions survive restarts. */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (existsSync(file)) {
    const secret = readFileSync(file, "utf8").trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}
