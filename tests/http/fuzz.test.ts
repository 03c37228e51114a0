/**
 * Fuzzing: every form field of every write action (tests/support/write-actions.ts) and every
 * parameter of the read endpoints gets random Unicode (NUL, lone surrogates, RTL marks,
 * emoji), huge values (1 MB), repeated values, files and malformed bodies. The server may
 * refuse, but never answers 500. Deterministic (fixed seed) so a failure can be replayed.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "../support/http";
import { serverEngines, startServer, type RunningServer } from "../support/server";
import { clientAs, prepareFixture, readEndpoints, writeActions, type Fixture, type RoleKey } from "../support/write-actions";

const MB = "x".repeat(1024 * 1024);
/** The hand-picked nasty values every field gets, besides the random ones. */
const nasties: Record<string, string> = {
  nul: "a\u0000b",
  "lone high surrogate": "x\uD800y",
  "lone low surrogate": "\uDC00",
  rtl: "\u202Eabc\u202C \u05D0\u05D1 \u0627\u0644",
  emoji: "👩🏽‍💻🇰🇿".repeat(50),
  "1 MB": MB,
  empty: "",
  "white space": " \t\n\r ",
  "sql-ish": "'; drop table comments; --",
  "html": "<script>alert(1)</script><img src=x onerror=alert(1)>",
  number: "-1e309",
  "path-ish": "../../../etc/passwd",
  // Passes a loose /^[0-9a-f-]{36}$/ id check, yet PostgreSQL refuses it as a uuid.
  "uuid-shaped": "-".repeat(36),
};

/** Random text: any code unit (lone surrogates included), full Unicode, or mixed with nasties. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 100 }),
  fc.string({ unit: fc.constantFrom("\u0000", "\uD83D", "\u202E", "\u200F", "😀", "ә", "і", "ы", "'", '"', "<", "%", "&", "\\"), maxLength: 60 }),
  fc.constantFrom(...Object.values(nasties).filter((v) => v.length < 1000)),
);

/** Encodes a form by hand so lone surrogates and raw bytes reach the server as sent. */
function encodeForm(entries: [string, string][]): string {
  return entries.map(([k, v]) => `${encodeURIComponent(k.replace(/[\uD800-\uDFFF]/g, "?"))}=${encodeComponentLoose(v)}`).join("&");
}
function encodeComponentLoose(value: string): string {
  // encodeURIComponent throws on lone surrogates; send them as the raw (invalid) UTF-8 a broken client would.
  return [...value].map((ch) => (/[\uD800-\uDFFF]/.test(ch) ? "%ED%A0%80" : encodeURIComponent(ch))).join("");
}

describe.each(serverEngines)("fuzzing on %s", (engine) => {
  let server: RunningServer;
  let fixture: Fixture;
  const clients = new Map<RoleKey, HttpClient>();
  let failures: string[] = [];

  beforeAll(async () => {
    server = await startServer({ engine });
    fixture = await prepareFixture(server.url);
  });
  afterAll(async () => {
    // A server that died under fuzzing says why.
    if (server && server.process.exitCode !== null) console.error(server.output().slice(-3000));
    await server?.stop();
  });

  async function clientFor(role: RoleKey, fresh: boolean): Promise<HttpClient> {
    if (fresh) return clientAs(server.url, role);
    if (!clients.has(role)) clients.set(role, await clientAs(server.url, role));
    return clients.get(role)!;
  }

  async function post(client: HttpClient, action: string, body: BodyInit, contentType?: string, label = "") {
    const response = await client.request(action, { method: "POST", body, headers: contentType ? { "Content-Type": contentType } : {} });
    const text = await response.text();
    if (response.status >= 500) failures.push(`${engine} ${label}: ${response.status} ${text.slice(0, 200)}`);
    return response.status;
  }

  for (const action of writeActions) {
    it(`${action.name}: random and hostile values in every field never give a 500`, async () => {
      failures = [];
      const role = (action.allowed.includes("anonymous") ? "anonymous" : action.allowed[0]) as RoleKey;
      const client = await clientFor(role, action.changesSession === true);
      const target = await action.target(fixture, role, () => clientFor("staff", false));
      const token = await client.token(target.page);
      const fields = action.fuzzFields ?? Object.keys(target.fields);
      const base = (): [string, string][] => [["csrf", token], ...Object.entries(target.fields)];
      const type = "application/x-www-form-urlencoded";

      // Each field alone gets each nasty value, the others stay genuine.
      for (const [index, field] of fields.entries()) {
        for (const [name, value] of Object.entries(nasties)) {
          // 1 MB bodies are slow to build and parse: the first three fields of each form get one.
          if (value === MB && index >= 3) continue;
          const entries = base().map(([k, v]): [string, string] => [k, k === field ? value : v]);
          await post(client, target.action, encodeForm(entries), type, `${action.name} ${field}=${name}`);
        }
        // Wrong shapes: the field repeated, missing, as a file.
        await post(client, target.action, encodeForm([...base(), [field, "again"], [field, MB.slice(0, 1000)]]), type, `${action.name} ${field} repeated`);
        await post(client, target.action, encodeForm(base().filter(([k]) => k !== field)), type, `${action.name} ${field} missing`);
        const multipart = new FormData();
        for (const [k, v] of base()) if (k !== field) multipart.append(k, v);
        multipart.append(field, new Blob([new Uint8Array([0xff, 0xfe, 0x00, 0x01])]), "evil.bin");
        await post(client, target.action, multipart, undefined, `${action.name} ${field} as a file`);
      }
      // Whole bodies that are not forms at all.
      await post(client, target.action, JSON.stringify({ csrf: token, ...target.fields, extra: [1, { a: null }] }), "application/json", `${action.name} JSON body`);
      await post(client, target.action, new Uint8Array([0xff, 0xfe, 0xfd, 0x00, 0x25]), type, `${action.name} invalid bytes`);
      await post(client, target.action, "csrf=" + token + "&%E0%A4%A=1&%", type, `${action.name} broken percent-encoding`);
      await post(client, target.action, "--x\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + token, "multipart/form-data; boundary=x", `${action.name} truncated multipart`);

      // Uploads: each file field gets hostile contents and names (wrong type, empty, NUL and path in the name).
      for (const [field, file] of Object.entries(target.files ?? {})) {
        const hostile: [string, Uint8Array, string][] = [
          ["not the type", new Uint8Array([0x4d, 0x5a, 0x90, 0x00]), file.name],
          ["empty", new Uint8Array(), file.name],
          ["truncated", file.bytes.subarray(0, Math.max(1, file.bytes.length >> 1)), file.name],
          ["hostile name", file.bytes, "../../a\u0000b\u202Ec<x>.exe"],
        ];
        for (const [label, bytes, name] of hostile) {
          const multipart = new FormData();
          for (const [k, v] of base()) multipart.append(k, v);
          for (const [k, other] of Object.entries(target.files ?? {})) multipart.append(k, new Blob([Uint8Array.from(k === field ? bytes : other.bytes)], { type: other.type }), k === field ? name : other.name);
          await post(client, target.action, multipart, undefined, `${action.name} ${field}: ${label}`);
        }
      }

      // Random values in every field at once.
      await fc.assert(
        fc.asyncProperty(fc.record(Object.fromEntries(fields.map((f) => [f, anyText]))), async (values) => {
          const entries = base().map(([k, v]): [string, string] => [k, k in values ? (values as Record<string, string>)[k] : v]);
          // Failures are collected (and shown below) rather than shrunk: each one names its input.
          await post(client, target.action, encodeForm(entries), type, `${action.name} random ${JSON.stringify(values).slice(0, 200)}`);
        }),
        { numRuns: 10, seed: 20261201 },
      );
      expect([...new Set(failures)].slice(0, 10)).toEqual([]);
    });
  }

  for (const endpoint of readEndpoints) {
    it(`${endpoint.name}: random parameters never give a 500`, async () => {
      failures = [];
      const client = await clientFor("citizen", false);
      const get = async (segment: string, params: [string, string][], label: string) => {
        const query = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeComponentLoose(v)}`).join("&");
        const response = await client.request(`${endpoint.path(fixture, encodeComponentLoose(segment))}${query ? `?${query}` : ""}`);
        const text = await response.text();
        if (response.status >= 500) failures.push(`${engine} ${endpoint.name} ${label}: ${response.status} ${text.slice(0, 200)}`);
        return response.status;
      };
      for (const param of endpoint.params) {
        for (const [name, value] of Object.entries(nasties)) {
          if (value.length > 10_000) continue; // a 1 MB URL is refused by Node itself (431), not by us
          await get(fixture.openSlug, [[param, value]], `${param}=${name}`);
        }
        await get(fixture.openSlug, [[param, "1"], [param, "2"]], `${param} repeated`);
      }
      for (const [name, value] of Object.entries(nasties)) if (value.length < 10_000) await get(value || "x", [], `path segment ${name}`);
      await fc.assert(
        fc.asyncProperty(anyText, fc.record(Object.fromEntries(endpoint.params.map((p) => [p, anyText]))), async (segment, values) => {
          await get(segment || "x", Object.entries(values) as [string, string][], `random ${JSON.stringify({ segment, ...values }).slice(0, 200)}`);
        }),
        { numRuns: 25, seed: 20261201 },
      );
      expect([...new Set(failures)].slice(0, 10)).toEqual([]);
    });
  }
});
