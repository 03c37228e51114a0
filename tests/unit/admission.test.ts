/** Admission control (ADR 0060): a bounded number of renders, a bounded queue, writes first, refusals with a reason. */
import { afterEach, describe, expect, it } from "vitest";
import { Admission, AdmissionRefused, type AdmissionLimits, type Release } from "~/server/admission.server";

const made: Admission[] = [];
function admission(limits: Partial<AdmissionLimits> = {}) {
  const a = new Admission({ maxConcurrent: 2, maxQueued: 2, queueTimeoutMs: 1_000, eventLoopDelayLimitMs: 10_000, writeTimeoutMs: 5_000, ...limits });
  made.push(a);
  return a;
}
afterEach(() => made.splice(0).forEach((a) => a.stop()));

const granted = async (slot: ReturnType<Admission["acquire"]>): Promise<Release> => {
  if (typeof slot === "string") throw new Error(`refused: ${slot}`);
  return slot;
};

describe("admission", () => {
  it("grants up to the limit, queues the next ones and refuses beyond the queue at once", async () => {
    const a = admission();
    const r1 = await granted(a.acquire("read"));
    const r2 = await granted(a.acquire("read"));
    expect(a.inFlight).toBe(2);
    const waiting = [a.acquire("read"), a.acquire("read")];
    expect(a.queued).toBe(2);
    expect(a.acquire("read")).toBe("queue_full");
    r1();
    r1(); // a second release of the same slot changes nothing
    const r3 = await granted(waiting[0]);
    expect(a.inFlight).toBe(2);
    r2();
    r3();
    (await granted(waiting[1]))();
    expect(a.inFlight).toBe(0);
    expect(a.refused).toBe(1);
  });

  it("serves queued writes before queued reads", async () => {
    const a = admission({ maxConcurrent: 1 });
    const first = await granted(a.acquire("read"));
    const order: string[] = [];
    const read = (a.acquire("read") as Promise<Release>).then((r) => (order.push("read"), r));
    const write = (a.acquire("write") as Promise<Release>).then((r) => (order.push("write"), r));
    first();
    (await write)();
    (await read)();
    expect(order).toEqual(["write", "read"]);
  });

  it("refuses a read that waited too long", async () => {
    const a = admission({ maxConcurrent: 1, queueTimeoutMs: 20 });
    const held = await granted(a.acquire("read"));
    await expect(a.acquire("read")).rejects.toBeInstanceOf(AdmissionRefused);
    await expect(a.acquire("read")).rejects.toMatchObject({ reason: "queue_timeout" });
    expect(a.queued).toBe(0);
    held();
  });

  it("refuses reads, not writes, while the event loop lags", async () => {
    const a = admission({ eventLoopDelayLimitMs: 10 });
    a.delayMs = 50;
    expect(a.acquire("read")).toBe("event_loop_delay");
    (await granted(a.acquire("write")))();
  });
});
