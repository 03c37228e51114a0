/**
 * Every message key the code names literally (t("…"), error keys in schemas and commands)
 * exists in the English files; the parity test then guarantees kk and ru.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const ns = ["common", "consultation", "manage", ...readdirSync(path.join(root, "locales/en")).map((f) => f.replace(/\.json$/, ""))];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = path.join(dir, f);
    return statSync(full).isDirectory() ? files(full) : /\.(tsx?|ts)$/.test(f) ? [full] : [];
  });
}

function keysOf(namespace: string): Set<string> {
  const flat = (v: unknown, p = ""): string[] => (v && typeof v === "object" ? Object.entries(v).flatMap(([k, x]) => flat(x, p ? `${p}.${k}` : k)) : [p]);
  const json = JSON.parse(readFileSync(path.join(root, "locales/en", `${namespace}.json`), "utf8"));
  return new Set(flat(json).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, "")));
}

describe("message keys used in code", () => {
  it("exist in some namespace", () => {
    const known = new Map(ns.map((n) => [n, keysOf(n)]));
    const anywhere = (key: string) => [...known.values()].some((s) => s.has(key));
    const missing: string[] = [];
    for (const file of files(path.join(root, "app"))) {
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(/\bt\(\s*"([a-z_]+:)?([a-z_]+(?:\.[a-z_]+)+)"/g)) {
        const key = m[2];
        const namespace = m[1]?.slice(0, -1);
        const ok = namespace ? known.get(namespace)?.has(key) : anywhere(key);
        if (!ok) missing.push(`${path.relative(root, file)}: ${m[0]}`);
      }
      for (const m of source.matchAll(/"(errors\.[a-z_]+)"/g)) {
        if (!anywhere(m[1])) missing.push(`${path.relative(root, file)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
