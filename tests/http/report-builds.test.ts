/**
 * The stored report over real HTTP with the default read mode (ADR 0064): readers get the
 * latest build with the time it was computed, and the report worker brings it up to date after
 * a change (short delays here; the defaults are seconds).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient, visibleText } from "../support/http";
import { serverEngines, startServer, type RunningServer } from "../support/server";

const PASSWORD = "kenes-demo-2026";
const OPEN = "grant-rules-2027";

for (const engine of serverEngines) {
  describe(`stored report over HTTP (${engine})`, () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer({ engine, env: { REPORT_BUILD_DELAY_MS: "100", REPORT_BUILD_INTERVAL_MS: "2000", OUTBOX_POLL_MS: "100" } });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it("says when the figures were computed, in each language with the right plural", async () => {
      const client = new HttpClient(server.url);
      const expected = {
        kk: ["жағдай бойынша", "2 секундта бір реттен жиі емес"],
        ru: ["Данные на", "не чаще раза в 2 секунды"],
        en: ["Figures as of", "at most once every 2 seconds"],
      };
      for (const [lang, phrases] of Object.entries(expected)) {
        const page = await client.get(`/${lang}/consultations/${OPEN}/report`);
        expect(page.status).toBe(200);
        expect(page.text).toMatch(/<p class="hint report-as-of"><time dateTime="\d{4}-\d\d-\d\dT[^"]+Z">/);
        const text = visibleText(page.text);
        for (const phrase of phrases) expect(text).toContain(phrase);
      }
      // A published revision says when it was published instead.
      expect((await client.get("/ru/consultations/grant-reporting-2026/report")).text).not.toContain("report-as-of");
    });

    it("serves the stored report at once and shows a new comment after the worker's rebuild", async () => {
      const reader = new HttpClient(server.url);
      const before = JSON.parse((await reader.get(`/api/v1/consultations/${OPEN}/report`)).text);
      const citizen = new HttpClient(server.url);
      await citizen.signIn("kk", "citizen@demo.kenes.kz", PASSWORD);
      const form = await citizen.get(`/kk/consultations/${OPEN}`);
      const body = "Жаңа пікір: есеп беру мерзімін ұзарту керек, әсіресе ауылдық ұйымдар үшін (ә, ғ, қ, ң, ө, ұ, ү, һ, і).";
      const posted = await citizen.postForm(`/kk/consultations/${OPEN}`, { csrf: HttpClient.csrfFrom(form.text), intent: "comment", blockId: "", idempotencyKey: HttpClient.idempotencyKeyFrom(form.text), body });
      expect(posted.status).toBe(303);
      const page = await reader.get(`/kk/consultations/${OPEN}/report`);
      expect(page.status).toBe(200);
      await expect
        .poll(async () => JSON.parse((await reader.get(`/api/v1/consultations/${OPEN}/report`)).text).summary.comments, { timeout: 30_000, interval: 250 })
        .toBe(before.summary.comments + 1);
      const report = JSON.parse((await reader.get(`/api/v1/consultations/${OPEN}/report`)).text);
      expect(report.items.some((i: { comment: { body: string } }) => i.comment.body === body)).toBe(true);
      expect(new Date(report.items.at(-1).comment.createdAt).getTime()).toBeGreaterThan(0);
      const csv = await reader.request(`/api/v1/consultations/${OPEN}/report.csv?lang=kk`);
      const text = new TextDecoder().decode(await csv.arrayBuffer());
      expect(text).toContain("ауылдық ұйымдар үшін");
      const newer = await reader.get(`/kk/consultations/${OPEN}/report?page=999`);
      expect(visibleText(newer.text)).toContain(body);
    });
  });
}
