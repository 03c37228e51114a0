import { describe, expect, it } from "vitest";
import { isValidBin, registerSchema } from "~/modules/accounts/accounts.schema";
import { hashPassword, verifyPassword } from "~/modules/accounts/password.server";

describe("BIN validation", () => {
  it("accepts BINs whose check digit is right", () => {
    // Exactly one last digit completes a base whose weighted sum is not 10.
    const valid = Array.from({ length: 10 }, (_, d) => `12064000891${d}`).filter(isValidBin);
    expect(valid).toHaveLength(1);
  });

  it("refuses wrong length, letters and a wrong check digit", () => {
    expect(isValidBin("12345678901")).toBe(false);
    expect(isValidBin("1234567890123")).toBe(false);
    expect(isValidBin("12345678901a")).toBe(false);
    const valid = Array.from({ length: 10 }, (_, d) => `15034001234${d}`).find(isValidBin)!;
    const wrong = valid.slice(0, 11) + String((Number(valid[11]) + 1) % 10);
    expect(isValidBin(valid)).toBe(true);
    expect(isValidBin(wrong)).toBe(false);
  });

  it("uses the second weight set when the first gives 10", () => {
    // Search a base where the first sum is 10 and check that a valid digit is still found.
    const weights1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    let base = "";
    for (let n = 10_000_000_000; n < 10_000_100_000; n++) {
      const s = String(n);
      if ([...s].reduce((a, d, i) => a + Number(d) * weights1[i], 0) % 11 === 10) {
        base = s;
        break;
      }
    }
    expect(base).not.toBe("");
    const digits = Array.from({ length: 10 }, (_, d) => base + d).filter(isValidBin);
    expect(digits.length).toBeLessThanOrEqual(1);
  });
});

describe("registration form", () => {
  const ok = { email: "Aigerim@Example.KZ", password: "a-long-password", name: "Әйгерім", asNgo: "", organizationName: "", bin: "" };

  it("normalises the e-mail and accepts a citizen", () => {
    const parsed = registerSchema.parse(ok);
    expect(parsed.email).toBe("aigerim@example.kz");
    expect(parsed.asNgo).toBe(false);
  });

  it("reports each bad field with a message key", () => {
    const result = registerSchema.safeParse({ ...ok, email: "nope", password: "short", name: " " });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
    expect(byField).toMatchObject({ email: "errors.email_invalid", password: "errors.password_too_short", name: "errors.name_required" });
  });

  it("requires an organisation name and a valid BIN for NGO representatives", () => {
    const result = registerSchema.safeParse({ ...ok, asNgo: "on", bin: "123" });
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
    expect(byField).toMatchObject({ organizationName: "errors.organization_name_required", bin: "errors.bin_format" });
    const checksum = registerSchema.safeParse({ ...ok, asNgo: "on", organizationName: "Жастар", bin: "123456789012" });
    expect(checksum.success ? "" : checksum.error.issues[0].message).toBe(isValidBin("123456789012") ? "" : "errors.bin_checksum");
  });
});

describe("password hashing", () => {
  it("verifies the right password only, and salts every hash", async () => {
    const hash = await hashPassword("қазақстан-2026");
    expect(hash.startsWith("scrypt$")).toBe(true);
    expect(await verifyPassword("қазақстан-2026", hash)).toBe(true);
    expect(await verifyPassword("казакстан-2026", hash)).toBe(false);
    expect(await hashPassword("қазақстан-2026")).not.toBe(hash);
  });
});
