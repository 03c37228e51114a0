/** Rate limits and session lifetimes come from the environment, checked at start. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "~/modules/security/headers.server";
import { estimate, retryAfterMs } from "~/modules/security/rate-limit.server";
import { loadConfig } from "~/utils/env.server";

const dir = () => mkdtempSync(path.join(tmpdir(), "kenes-sec-env-"));

describe("security configuration", () => {
  it("has defaults", () => {
    const c = loadConfig({ DATA_DIR: dir() });
    expect(c.rateLimits.signinAccount).toEqual({ limit: 10, windowMs: 15 * 60_000 });
    expect(c.rateLimits.commentsUser).toEqual({ limit: 10, windowMs: 60_000 });
    expect(c.session).toEqual({ idleMinutes: 60 * 24 * 7, maxDays: 30 });
    expect(c.redisUrl).toBeUndefined();
  });

  it("reads count/window, off, session lifetimes and REDIS_URL", () => {
    const c = loadConfig({ DATA_DIR: dir(), RATE_LIMIT_SIGNUP_IP: "5/2h", RATE_LIMIT_COMMENTS_USER: "off", SESSION_IDLE_MINUTES: "45", SESSION_MAX_DAYS: "7", REDIS_URL: "redis://127.0.0.1:6379" });
    expect(c.rateLimits.signupIp).toEqual({ limit: 5, windowMs: 2 * 3_600_000 });
    expect(c.rateLimits.commentsUser).toBeNull();
    expect(c.session).toEqual({ idleMinutes: 45, maxDays: 7 });
    expect(c.redisUrl).toBe("redis://127.0.0.1:6379");
  });

  it("names every bad value", () => {
    let message = "";
    try {
      loadConfig({ DATA_DIR: dir(), RATE_LIMIT_SIGNIN_IP: "ten per minute", SESSION_MAX_DAYS: "0", REDIS_URL: "http://x" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/RATE_LIMIT_SIGNIN_IP must be "count\/window"/);
    expect(message).toMatch(/SESSION_MAX_DAYS must be an integer from 1 to 365/);
    expect(message).toMatch(/REDIS_URL must be a URL like redis:/);
    expect(() => loadConfig({ DATA_DIR: dir(), RATE_LIMIT_SIGNIN_ACCOUNT: "0/1m" })).toThrow(/RATE_LIMIT_SIGNIN_ACCOUNT/);
  });
});

describe("sliding window arithmetic", () => {
  const rule = { limit: 10, windowMs: 60_000 };
  it("weighs the previous window by its overlap", () => {
    expect(estimate({ windowStart: 0, count: 2, prevCount: 10 }, 60_000, 15_000)).toBeCloseTo(9.5);
    expect(estimate({ windowStart: 0, count: 2, prevCount: 10 }, 60_000, 60_000)).toBe(2);
  });
  it("says when one more request fits", () => {
    // 11 in this window: wait for the next window and until 11 × overlap + 1 ≤ 10.
    const wait = retryAfterMs({ windowStart: 0, count: 11, prevCount: 0 }, rule, 30_000);
    expect(wait).toBeGreaterThan(30_000);
    const later = 30_000 + wait;
    expect(estimate({ windowStart: 60_000, count: 0, prevCount: 11 }, 60_000, later) + 1).toBeLessThanOrEqual(10.0001);
  });
});

describe("headers", () => {
  it("allow scripts only from this site or with the nonce, and HSTS only over HTTPS", () => {
    const csp = securityHeaders("abc", false)["Content-Security-Policy"];
    expect(csp).toContain("script-src 'self' 'nonce-abc'");
    expect(contentSecurityPolicy("'sha256-AAAA'")).toContain("script-src 'self' 'sha256-AAAA';");
    expect(csp).not.toContain("unsafe-inline");
    expect(securityHeaders("abc", false)["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders("abc", true)["Strict-Transport-Security"]).toMatch(/max-age=31536000/);
  });
});
