/**
 * The layering of DESIGN.md: routes → components → modules → db, with app/utils as request glue.
 * A module never imports a component or a route (view-model types live in the module); a
 * component never imports a route; migrations never import app code (they are frozen once landed;
 * the demo seed, which writes through the modules' commands, may).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]);
}

function offenders(dir: string, forbidden: RegExp): string[] {
  return sources(path.join(root, dir)).flatMap((file) =>
    importsOf(file)
      .filter((spec) => forbidden.test(spec))
      .map((spec) => `${path.relative(root, file)} imports ${spec}`),
  );
}

describe("layering", () => {
  it("modules import neither components nor routes", () => {
    expect(offenders("app/modules", /^~\/(components|routes)\//)).toEqual([]);
  });
  it("components do not import routes", () => {
    expect(offenders("app/components", /^~\/routes\//)).toEqual([]);
  });
  it("migrations do not import app code", () => {
    expect(offenders("db/migrations", /^~\//)).toEqual([]);
  });
});
