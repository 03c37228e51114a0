/**
 * Grouping of identical and near-identical comments (form-letter campaigns, copy-paste with small
 * edits): normalized text → character 5-gram shingles → 128 MinHash values → LSH buckets (32 bands
 * of 4) give candidate pairs → the signatures' estimated Jaccard similarity decides → union-find.
 * Linear in the number of comments (no all-pairs comparison), deterministic, pure. Signatures
 * depend on one text only, so callers can cache them per comment.
 */

/** Lower case, NFKC, ё→е, punctuation and symbols dropped, white space collapsed. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const SHINGLE = 5;

function fnv1a(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function shingles(normalized: string): Set<number> {
  const set = new Set<number>();
  if (normalized.length <= SHINGLE) {
    if (normalized.length) set.add(fnv1a(normalized, 0, normalized.length));
    return set;
  }
  for (let i = 0; i + SHINGLE <= normalized.length; i++) set.add(fnv1a(normalized, i, i + SHINGLE));
  return set;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let common = 0;
  for (const x of small) if (large.has(x)) common++;
  return common / (a.size + b.size - common);
}

function mix(x: number, seed: number): number {
  // murmur3 fmix32 of x xor seed: a cheap, well-spread family of hash functions
  let h = (x ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const BANDS = 32;
const ROWS = 4;
/** Group representatives a band bucket keeps (see groupSignatures). */
const BUCKET_MAX = 8;
const SEEDS = Array.from({ length: BANDS * ROWS }, (_, i) => mix(i + 1, 0x9e3779b9));

function signature(set: Set<number>): Uint32Array {
  const sig = new Uint32Array(SEEDS.length).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < SEEDS.length; i++) {
      const h = mix(x, SEEDS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** The MinHash signature of a text (cacheable per comment: it depends on the text only). */
export function signatureOf(body: string): Uint32Array | null {
  const set = shingles(normalizeText(body));
  return set.size ? signature(set) : null;
}

/** The share of equal positions of two signatures: an unbiased estimate of their Jaccard similarity. */
export function estimatedSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

export interface GroupInput {
  id: string;
  body: string;
}

export interface SimilarityOptions {
  /** Jaccard similarity of 5-gram shingles from which two comments count as the same text. */
  threshold?: number;
}

export const DEFAULT_THRESHOLD = 0.6;

export type Groups = Map<string, { key: string; size: number }>;

/**
 * Groups of two or more similar comments. Input order matters only for the key: each group's
 * key is its first member in the given order (callers pass oldest first). Returns a map from
 * comment id to { key, size } for grouped comments only.
 */
export function groupSimilar(items: GroupInput[], options: SimilarityOptions = {}): Groups {
  return groupSignatures(items.map((it) => ({ id: it.id, signature: signatureOf(it.body) })), options);
}

/**
 * Grouping that grows: comments are added one by one (oldest first) and `groups()` reads the
 * result at any time, so a consultation's index is built once per process and a new comment
 * costs its own comparisons, not a pass over every earlier one.
 */
export class SimilarityIndex {
  private readonly ids: string[] = [];
  private readonly signatures: (Uint32Array | null)[] = [];
  private readonly parent: number[] = [];
  private readonly buckets = new Map<number, number[]>();
  private readonly threshold: number;

  constructor(options: SimilarityOptions = {}) {
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
  }

  get size(): number {
    return this.ids.length;
  }

  idAt(i: number): string {
    return this.ids[i];
  }

  private find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private union(a: number, b: number) {
    const ra = this.find(a);
    const rb = this.find(b);
    // The older comment stays the root: it is the group's key.
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  add(id: string, signature: Uint32Array | null): void {
    const i = this.ids.length;
    this.ids.push(id);
    this.signatures.push(signature);
    this.parent.push(i);
    if (!signature) return;
    // A band value shared by many unrelated texts (common phrasing) says little: a bucket keeps at
    // most BUCKET_MAX group representatives, so each comment costs at most BANDS × BUCKET_MAX
    // comparisons instead of one per earlier comment. A mass campaign is unaffected: its copies
    // share nearly every band and sit as one group in each bucket.
    const checked = new Set<number>();
    for (let b = 0; b < BANDS; b++) {
      // A numeric bucket key: the band number and a hash of its rows (a hash collision only adds
      // a candidate, which the similarity check then rejects).
      let h = 0x811c9dc5;
      for (let r = 0; r < ROWS; r++) h = mix(h, signature[b * ROWS + r]);
      const key = b * 0x100000000 + h;
      const bucket = this.buckets.get(key);
      if (!bucket) {
        this.buckets.set(key, [i]);
        continue;
      }
      for (const j of bucket) {
        if (checked.has(j) || this.find(i) === this.find(j)) continue;
        checked.add(j);
        if (estimatedSimilarity(signature, this.signatures[j]!) >= this.threshold) this.union(i, j);
      }
      // One member per group is enough in a bucket: a campaign of thousands stays one entry.
      if (bucket.length < BUCKET_MAX && !bucket.some((j) => this.find(j) === this.find(i))) bucket.push(i);
    }
  }

  /** comment id → its group's key (oldest member) and size, for comments with look-alikes. */
  groups(): Groups {
    const roots = this.ids.map((_, i) => this.find(i));
    const sizes = new Map<number, number>();
    for (const r of roots) sizes.set(r, (sizes.get(r) ?? 0) + 1);
    const out: Groups = new Map();
    this.ids.forEach((id, i) => {
      const size = sizes.get(roots[i])!;
      if (size > 1) out.set(id, { key: this.ids[roots[i]], size });
    });
    return out;
  }
}

/** The same grouping from precomputed signatures (null: a text with nothing to compare). */
export function groupSignatures(items: { id: string; signature: Uint32Array | null }[], options: SimilarityOptions = {}): Groups {
  const index = new SimilarityIndex(options);
  for (const item of items) index.add(item.id, item.signature);
  return index.groups();
}
