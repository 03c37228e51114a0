import { describe, expect, it } from "vitest";
import { paginateItems, REPORT_PAGE_SIZE } from "~/components/reports/ReportView";
import type { ReportItem } from "~/modules/reports/report.types";

const items = Array.from({ length: REPORT_PAGE_SIZE * 2 + 5 }, (_, i) => ({ comment: { id: `c${i}` } }) as unknown as ReportItem);
const link = (page: number) => `/en/consultations/x/report?page=${page}#items`;

describe("report page pagination", () => {
  it("shows one page at a time with links that go on and back", () => {
    const first = paginateItems(items, null, link);
    expect(first.items).toHaveLength(REPORT_PAGE_SIZE);
    expect(first.pagination).toMatchObject({ page: 1, pages: 3, total: items.length, previous: null, next: link(2) });
    const last = paginateItems(items, "3", link);
    expect(last.items.map((i) => i.comment.id)).toEqual(["c200", "c201", "c202", "c203", "c204"]);
    expect(last.pagination).toMatchObject({ page: 3, previous: link(2), next: null });
  });

  it("treats a missing, malformed or out-of-range page as the nearest real one, never an error", () => {
    for (const bad of ["", "0", "-1", "abc", "1e9", "2.5", "<script>", "99999999999"]) expect(paginateItems(items, bad, link).pagination.page).toBe(1);
    expect(paginateItems(items, "999", link).pagination.page).toBe(3);
    expect(paginateItems([], "4", link).pagination).toMatchObject({ page: 1, pages: 1, total: 0, previous: null, next: null });
  });
});
