/** The CSP of a shared render lists its inline scripts by hash (ADR 0060), found in the bytes. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashedCsp } from "~/server/front.server";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("hashedCsp", () => {
  it("hashes each inline script's UTF-8 text, skips external ones and look-alike tags", () => {
    const inline1 = `window.__remixContext = {"t":"Қазақша әріптер: ә ғ қ ң ө ұ ү һ і, русский"};`;
    const inline2 = "console.log(1)";
    const html = Buffer.from(
      `<!DOCTYPE html><html><body><p>${"текст ".repeat(10_000)}</p><scripted>no</scripted>` +
        `<script>${inline1}</script><script src="/build/a.js"></script><script type="module">${inline2}</script></body></html>`,
    );
    const csp = hashedCsp(html);
    const scriptSrc = /script-src ([^;]+)/.exec(csp)![1];
    expect(scriptSrc).toContain(sha(inline1));
    expect(scriptSrc).toContain(sha(inline2));
    expect(scriptSrc.match(/'sha256-/g)).toHaveLength(2);
    expect(scriptSrc).not.toContain(sha("no"));
  });
});
