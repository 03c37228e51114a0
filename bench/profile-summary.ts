/**
 * Summarizes a V8 CPU profile (`node --cpu-prof`): self time by package/file and the top
 * functions, and total (inclusive) time of functions matching --focus. Used to find where a
 * page's time goes before optimising it (npm run bench -- --profile writes the profiles and puts
 * this summary of each into its results).
 *
 *   npx tsx bench/profile-summary.ts file.cpuprofile [--top=30] [--focus=regex]
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[]; hitCount?: number }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const root = pathToFileURL(path.resolve(import.meta.dirname, "..")).href + "/";

function where(url: string): string {
  if (!url) return "(native/V8)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith("node:")) return url;
  if (/\/build\/index\.js/.test(url)) return "app (build/index.js)";
  return url.startsWith(root) ? url.slice(root.length) : url.replace(/^file:\/\/.*\/main\//, "");
}

/** The summary as lines of text: self time by package, top functions, inclusive time of --focus matches. */
export function summarizeProfile(file: string, options: { top?: number; focus?: string } = {}): string[] {
  const top = options.top ?? 30;
  const out: string[] = [];
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const pkg = n.callFrame.functionName === "(garbage collector)" ? "(gc)" : n.callFrame.functionName === "(idle)" ? "(idle)" : where(n.callFrame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const fn = `${n.callFrame.functionName || "(anonymous)"} ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  out.push(`total sampled ${(total / 1000).toFixed(0)} ms`);
  out.push("", "self time by package / file:");
  for (const [k, v] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`${pct(v)}  ${k}`);
  out.push("", "top functions (self):");
  for (const [k, v] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`${pct(v)}  ${k}`);
  const focus = options.focus;
  if (focus) {
    // Inclusive time: every sample whose stack contains a matching frame (counted once per sample).
    const re = new RegExp(focus);
    const inclusive = new Map<string, number>();
    for (const [id, us] of self) {
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const n = byId.get(cur)!;
        const name = `${n.callFrame.functionName || "(anonymous)"} ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
        if (re.test(name) && !seen.has(name)) {
          seen.add(name);
          inclusive.set(name, (inclusive.get(name) ?? 0) + us);
        }
      }
    }
    out.push("", `inclusive time of functions matching /${focus}/:`);
    for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) out.push(`${pct(v)}  ${k}`);
  }
  return out;
}

// Run as a script: npx tsx bench/profile-summary.ts file.cpuprofile [--top=30] [--focus=regex]
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const opts = new Map(process.argv.slice(3).map((a) => { const [k, v] = a.replace(/^--/, "").split("="); return [k, v ?? "true"] as const; }));
  console.log(summarizeProfile(process.argv[2], { top: Number(opts.get("top") ?? 30), focus: opts.get("focus") }).join("\n"));
}
