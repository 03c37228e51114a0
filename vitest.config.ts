import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: { "~db": here("./db"), "~locales": here("./locales"), "~": here("./app") },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    // Each file opens its own embedded PostgreSQL (PGlite) or a fresh PostgreSQL database.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ["default"],
  },
});
