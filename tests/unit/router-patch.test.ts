/**
 * The patch of @remix-run/router (patches/, ADR 0068): a route tree is flattened and ranked once
 * and a path pattern compiled once, and the branch a path matched is remembered, instead of all
 * being redone on every match. It must be applied (npm ci runs
 * patch-package) and must not change what matches.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";

describe("the route-matching patch", () => {
  it("is applied to the router the server loads", () => {
    const file = createRequire(import.meta.url).resolve("@remix-run/router");
    const source = readFileSync(file, "utf8");
    expect(source).toContain("const flattenedBranches = new WeakMap();");
    expect(source).toContain("const compiledPaths = new Map();");
    expect(source).toContain("memo.found.set(key, matches == null ? -1 : i - 1);");
  });

  it("matches as before, whichever paths come first, on the same tree", () => {
    const routes: AgnosticRouteObject[] = [
      { id: "root", path: "/", children: [
        { id: "lang", path: ":lang", children: [
          { id: "index", index: true },
          { id: "consultation", path: "consultations/:slug" },
          { id: "thread", path: "consultations/:slug/comments" },
          { id: "splat", path: "files/*" },
        ] },
      ] },
    ];
    const ids = (path: string) => matchRoutes(routes, path)?.map((m) => [m.route.id, m.params]) ?? null;
    for (let round = 0; round < 3; round++) {
      expect(ids("/kk/consultations/grant-rules-2027/comments")?.at(-1)).toEqual(["thread", { lang: "kk", slug: "grant-rules-2027" }]);
      expect(ids("/ru/consultations/әлеуметтік-гранттар")?.at(-1)).toEqual(["consultation", { lang: "ru", slug: "әлеуметтік-гранттар" }]);
      expect(ids("/en")?.at(-1)).toEqual(["index", { lang: "en" }]);
      expect(ids("/en/files/a/b.pdf")?.at(-1)).toEqual(["splat", { lang: "en", "*": "a/b.pdf" }]);
      expect(ids("/en/consultations")).toBeNull();
    }
    // A path that matched nothing, and a partial match, are remembered apart.
    expect(ids("/en/consultations")).toBeNull();
    expect(ids("/en/consultations/x/comments/")?.at(-1)?.[0]).toBe("thread");
    // Another tree (a new array) is flattened on its own.
    expect(matchRoutes([{ id: "only", path: "/only" }], "/only")?.[0].route.id).toBe("only");
  });
});
