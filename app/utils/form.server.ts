/** Reading submitted forms. */

/**
 * The request's form data with NUL characters removed from every text value: PostgreSQL cannot
 * store U+0000 in text, and no real text contains it, so a pasted or forged NUL must not turn a
 * comment into a server error.
 */
export async function readFormData(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    // A body that is not a form (wrong content type, truncated upload) is an empty form.
    return new FormData();
  }
  const clean = new FormData();
  for (const [key, value] of form.entries()) {
    clean.append(key.replace(/\u0000/g, ""), typeof value === "string" ? value.replace(/\u0000/g, "") : value);
  }
  return clean;
}
