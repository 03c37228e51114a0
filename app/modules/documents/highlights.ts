/**
 * Annotation highlights as merged segments: the spans of a block's annotations cut into
 * non-overlapping pieces, each with the annotations that cover it. A block with hundreds of
 * overlapping annotations gets one <mark> per piece instead of a nest of marks per annotation
 * (issue 11, point 3). Pure: shared by the server and tests.
 */

export interface HighlightSpan {
  id: string;
  /** Plain-text offsets (UTF-16 code units) in the block's text, end exclusive. */
  start: number;
  end: number;
}

export interface HighlightSegment {
  start: number;
  end: number;
  /**
   * The annotations covering the piece, innermost first (the one that starts last, then the
   * shortest): the first is the one a click on the piece opens.
   */
  ids: string[];
}

/** Cuts spans into the pieces between every start and end, merging neighbours covered alike. */
export function mergeHighlights(spans: HighlightSpan[]): HighlightSegment[] {
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end > s.start);
  if (valid.length === 0) return [];
  const points = [...new Set(valid.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  // Innermost first: later start, then earlier end, then id (a stable order for equal spans).
  const ordered = [...valid].sort((a, b) => b.start - a.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const segments: HighlightSegment[] = [];
  // Spans sorted by start let each piece find its cover without scanning every span.
  const byStart = [...valid].sort((a, b) => a.start - b.start);
  const rank = new Map(ordered.map((s, i) => [s, i]));
  const active = new Set<HighlightSpan>();
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    while (next < byStart.length && byStart[next].start <= from) active.add(byStart[next++]);
    for (const span of active) if (span.end <= from) active.delete(span);
    if (active.size === 0) continue;
    const ids = [...active].sort((a, b) => rank.get(a)! - rank.get(b)!).map((s) => s.id);
    const last = segments[segments.length - 1];
    if (last && last.end === from && last.ids.length === ids.length && last.ids.every((id, k) => id === ids[k])) last.end = to;
    else segments.push({ start: from, end: to, ids });
  }
  return segments;
}
