/** Registration and sign-in forms: one zod schema each, shared by browser and server. Errors are message keys. */
import { z } from "zod";
import type { Role } from "~db/schema";

export const roles = ["citizen", "ngo_representative", "staff", "moderator", "mp", "admin"] as const satisfies readonly Role[];

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/**
 * Kazakhstan's BIN (and IIN): 12 digits whose last is a check digit computed mod 11 with
 * weights 1..11, or, when that gives 10, with weights 3..11,1,2 (10 again means invalid).
 */
export function isValidBin(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const weighted = (weights: number[]) => weights.reduce((sum, w, i) => sum + w * digits[i], 0) % 11;
  let check = weighted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = weighted([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return check !== 10 && check === digits[11];
}

const email = z
  .string({ required_error: "errors.email_required" })
  .trim()
  .min(1, "errors.email_required")
  .max(254, "errors.email_invalid")
  .email("errors.email_invalid")
  .transform((v) => v.toLowerCase());

export const registerSchema = z
  .object({
    email,
    password: z
      .string({ required_error: "errors.password_too_short" })
      .min(PASSWORD_MIN, "errors.password_too_short")
      .max(PASSWORD_MAX, "errors.password_too_long"),
    name: z.string({ required_error: "errors.name_required" }).trim().min(1, "errors.name_required").max(120, "errors.name_too_long"),
    asNgo: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
    organizationName: z.string().trim().max(300, "errors.organization_name_too_long").optional().default(""),
    bin: z.string().trim().optional().default(""),
  })
  .superRefine((value, ctx) => {
    if (!value.asNgo) return;
    if (value.organizationName === "") ctx.addIssue({ code: "custom", path: ["organizationName"], message: "errors.organization_name_required" });
    if (!/^\d{12}$/.test(value.bin)) ctx.addIssue({ code: "custom", path: ["bin"], message: "errors.bin_format" });
    else if (!isValidBin(value.bin)) ctx.addIssue({ code: "custom", path: ["bin"], message: "errors.bin_checksum" });
  });
export type RegisterInput = z.infer<typeof registerSchema>;

export const loginSchema = z.object({
  email: z.string().trim().max(254).transform((v) => v.toLowerCase()),
  password: z.string().max(PASSWORD_MAX),
});
export type LoginInput = z.infer<typeof loginSchema>;
