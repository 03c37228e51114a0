import { describe, expect, it } from "vitest";
import { htmlToPdf, PdfUnavailableError } from "~/modules/reports/pdf.server";

describe("report PDF printing", () => {
  it("reports a missing browser as unavailable (the route answers 503), not as a crash", async () => {
    await expect(htmlToPdf("<p>x</p>", { footer: "x", executablePath: "/nonexistent/chromium" })).rejects.toBeInstanceOf(PdfUnavailableError);
  });
});
