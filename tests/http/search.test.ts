/**
 * Search over HTTP on the built server with the demo: the API's contract and its 400s, odd
 * queries, the search page (groups, marks, facets, empty page), the header box, search within a
 * consultation, and a new comment reaching the index through the outbox worker.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "../support/http";
import { serverEngines, startServer, type RunningServer } from "../support/server";

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.each(serverEngines)("search over HTTP on %s", (engine) => {
  let server: RunningServer;
  let http: HttpClient;
  const api = async (query: string) => {
    const response = await http.get(`/api/v1/search?${query}`);
    return { status: response.status, body: JSON.parse(response.text) };
  };

  beforeAll(async () => {
    server = await startServer({ engine });
    http = new HttpClient(server.url);
    // The worker builds the index after the demo is loaded.
    await eventually("the first index build", async () => (/\[search\] built the postgres index/.test(server.output()) ? true : undefined));
  });
  afterAll(async () => server?.stop());

  it("answers the public JSON shape", async () => {
    const { status, body } = await api(`q=${encodeURIComponent("казакстан")}&limit=5`);
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(0);
    expect(body.hits.length).toBeGreaterThan(0);
    for (const hit of body.hits) {
      expect(Object.keys(hit)).toEqual(expect.arrayContaining(["id", "kind", "consultation", "blockId", "text", "highlight"]));
      expect(typeof hit.consultation.slug).toBe("string");
      expect(hit.text.toLowerCase()).toMatch(/қазақстан|казакстан|казахстан/);
    }
    expect(body.hits.some((h: { highlight: string }) => /<mark>[^<]*<\/mark>/.test(h.highlight))).toBe(true);
    expect(Object.keys(body.facets).sort()).toEqual(["consultation", "kind", "lang", "status"]);
  });

  it("filters and pages with the cursor it returns", async () => {
    const first = await api("consultation=grant-rules-2027&kind=comment&limit=3");
    expect(first.status).toBe(200);
    expect(first.body.hits).toHaveLength(3);
    expect(first.body.hits.every((h: { kind: string; consultation: { slug: string } }) => h.kind === "comment" && h.consultation.slug === "grant-rules-2027")).toBe(true);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api(`consultation=grant-rules-2027&kind=comment&limit=3&cursor=${first.body.nextCursor}`);
    const ids = (r: typeof first) => r.body.hits.map((h: { id: string }) => h.id);
    expect(ids(second).filter((id: string) => ids(first).includes(id))).toEqual([]);
    expect(second.body.total).toBe(first.body.total);
    const newest = await api("kind=comment&sort=date&limit=5");
    const dates = newest.body.hits.map((h: { date: string }) => Date.parse(h.date));
    expect(dates).toEqual([...dates].sort((a: number, b: number) => b - a));
  });

  it("rejects bad parameters with a 400 that says what is wrong", async () => {
    for (const [query, message] of [
      ["kind=nope", /kind must be one or more of/],
      ["status=maybe", /status must be/],
      ["lang=de", /lang must be/],
      ["limit=0", /limit must be an integer from 1 to 100/],
      ["limit=abc", /limit must be/],
      ["cursor=zzz", /cursor must be a value returned/],
      ["consultation=Not%20A%20Slug", /consultation must be a consultation slug/],
      [`q=${"x".repeat(10_001)}`, /q must be at most 10000 characters/],
      ["sort=best", /sort must be one of relevance, date, support/],
      ["from=yesterday", /from must be a date/],
      ["block=7", /block must be a block id/],
      ["author=robot", /author must be one or more of/],
    ] as const) {
      const { status, body } = await api(query);
      expect(status, query.slice(0, 30)).toBe(400);
      expect(body.error.message).toMatch(message);
    }
  });

  it("never fails on odd queries and never reads them as filters", async () => {
    const all = (await api("kind=comment")).body.total;
    for (const q of ["x".repeat(10_000), "!!!???", "' OR 1=1; DROP TABLE comments; --", 'lang = "xx" AND kind != "yy"', "kind=comment", "a:* & !b | (c)", "%00%"]) {
      const { status, body } = await api(`q=${encodeURIComponent(q)}`);
      expect(status, q.slice(0, 30)).toBe(200);
      expect(body.total, q.slice(0, 30)).toBeLessThan(all);
    }
    expect((await api("kind=comment")).body.total).toBe(all);
  });

  it("shows grouped, highlighted results with facets, and keeps filters in the URL", async () => {
    const page = await http.get(`/ru/search?q=${encodeURIComponent("грант")}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("<mark>");
    expect(page.text).toMatch(/<h2 id="group-block">Текст проекта<\/h2>/);
    expect(page.text).toMatch(/<h2 id="facets-title">/);
    expect(page.text).toContain(`href="/ru/search?q=${encodeURIComponent("грант")}&amp;kind=comment"`);
    const filtered = await http.get(`/ru/search?q=${encodeURIComponent("грант")}&kind=comment`);
    expect(filtered.text).not.toContain('id="group-block"');
    expect(filtered.text).toContain('name="kind" value="comment"'); // the form keeps the filter
  });

  it("helps when nothing is found, and explains bad filters", async () => {
    const empty = await http.get(`/en/search?q=${encodeURIComponent("qqzzxxyyww")}&consultation=grant-rules-2027`);
    expect(empty.status).toBe(200);
    expect(empty.text).toContain("Nothing found for «qqzzxxyyww»");
    expect(empty.text).toContain("search all consultations, not only this one");
    expect(empty.text).toContain('href="/en/consultations"');
    const bad = await http.get("/en/search?q=grant&kind=everything");
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("kind must be one or more of");
  });

  it("has a search box in the header of every page and a search form on a consultation", async () => {
    for (const path of ["/kk/consultations", "/ru/consultations/grant-rules-2027", "/en/login"]) {
      const page = await http.get(path);
      expect(page.text, path).toMatch(/<form method="get" action="\/(kk|ru|en)\/search" role="search" class="header-search"/);
    }
    const consultation = await http.get("/ru/consultations/grant-rules-2027");
    expect(consultation.text).toContain('class="consultation-search"');
    expect(consultation.text).toContain('name="consultation" value="grant-rules-2027"');
  });

  it("indexes a new comment through the outbox, escaped in results", async () => {
    await http.signIn("ru", "citizen@demo.kenes.kz", "kenes-demo-2026");
    const pagePath = "/ru/consultations/grant-rules-2027";
    const page = await http.get(pagePath);
    const response = await http.postForm(pagePath, {
      csrf: HttpClient.csrfFrom(page.text),
      intent: "comment",
      blockId: "",
      idempotencyKey: HttpClient.idempotencyKeyFrom(page.text),
      body: "<script>alert(1)</script> Предлагаю упростить квазиуникальнуюотчетность для сельских НКО.",
    });
    expect(response.status).toBe(303);
    const hit = await eventually("the comment in the index", async () => {
      const { body } = await api(`q=${encodeURIComponent("квазиуникальнуюотчетность")}`);
      return body.hits[0];
    });
    expect(hit.kind).toBe("comment");
    expect(hit.highlight).toContain("&lt;script&gt;");
    const results = await http.get(`/ru/search?q=${encodeURIComponent("квазиуникальнуюотчетность")}`);
    expect(results.text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(results.text).not.toContain("<script>alert(1)</script>");
  });
});
