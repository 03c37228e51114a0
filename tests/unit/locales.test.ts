import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../locales");
const langs = ["kk", "ru", "en"] as const;
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
// The plural categories each language needs (CLDR, as Intl.PluralRules reports them).
const required = Object.fromEntries(langs.map((l) => [l, new Intl.PluralRules(l).resolvedOptions().pluralCategories])) as Record<string, string[]>;

function flatten(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

function load(lang: string): Map<string, string[]> {
  const files = readdirSync(path.join(root, lang)).filter((f) => f.endsWith(".json"));
  return new Map(files.map((f) => [f, flatten(JSON.parse(readFileSync(path.join(root, lang, f), "utf8")))]));
}

describe("locales", () => {
  const all = Object.fromEntries(langs.map((l) => [l, load(l)])) as Record<string, Map<string, string[]>>;

  it("has the same namespaces in every language", () => {
    expect([...all.kk.keys()].sort()).toEqual([...all.en.keys()].sort());
    expect([...all.ru.keys()].sort()).toEqual([...all.en.keys()].sort());
  });

  for (const file of [...load("en").keys()]) {
    it(`${file}: every key exists in kk, ru and en`, () => {
      const base = (lang: string) => new Set((all[lang].get(file) ?? []).map((k) => k.replace(pluralSuffix, "")));
      const union = new Set(langs.flatMap((l) => [...base(l)]));
      for (const lang of langs) {
        const missing = [...union].filter((k) => !base(lang).has(k));
        expect(missing, `locales/${lang}/${file} lacks keys`).toEqual([]);
      }
    });

    it(`${file}: plural keys have every form the language needs`, () => {
      for (const lang of langs) {
        const keys = all[lang].get(file) ?? [];
        const plurals = new Set(keys.filter((k) => pluralSuffix.test(k)).map((k) => k.replace(pluralSuffix, "")));
        for (const base of plurals) {
          for (const category of required[lang]) {
            expect(keys, `locales/${lang}/${file}: ${base}_${category}`).toContain(`${base}_${category}`);
          }
        }
      }
    });
  }

  it("Russian needs one/few/many and the files provide them", () => {
    expect(required.ru).toEqual(expect.arrayContaining(["one", "few", "many"]));
  });

  it("Kazakh texts are written with Kazakh letters", () => {
    const text = readdirSync(path.join(root, "kk"))
      .map((f) => readFileSync(path.join(root, "kk", f), "utf8"))
      .join("");
    for (const letter of ["ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "і"]) expect(text).toContain(letter);
  });

  it("no value is empty", () => {
    for (const lang of langs) {
      for (const f of readdirSync(path.join(root, lang))) {
        const raw = readFileSync(path.join(root, lang, f), "utf8");
        expect(raw, `${lang}/${f}`).not.toMatch(/:\s*""/);
      }
    }
  });
});
