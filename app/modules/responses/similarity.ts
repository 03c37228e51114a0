/**
 * Grouping of identical and near-identical comments (form-letter campaigns, copy-paste with small
 * edits): normalized text → character 5-gram shingles → MinHash signatures → LSH buckets give
 * candidate pairs → the exact Jaccard similarity of the shingle sets decides → union-find groups.
 * Linear in the number of comments (no all-pairs comparison), deterministic, pure.
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

export interface GroupInput {
  id: string;
  body: string;
}

export interface SimilarityOptions {
  /** Jaccard similarity of 5-gram shingles from which two comments count as the same text. */
  threshold?: number;
}

export const DEFAULT_THRESHOLD = 0.6;

/**
 * Groups of two or more similar comments. Input order matters only for the key: each group's
 * key is its first member in the given order (callers pass oldest first). Returns a map from
 * comment id to { key, size } for grouped comments only.
 */
export function groupSimilar(items: GroupInput[], options: SimilarityOptions = {}): Map<string, { key: string; size: number }> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const sets = items.map((it) => shingles(normalizeText(it.body)));
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const checked = new Set<number>();
  const buckets = new Map<string, number[]>();
  items.forEach((_, i) => {
    if (sets[i].size === 0) return;
    const sig = signature(sets[i]);
    for (let b = 0; b < BANDS; b++) {
      let key = `${b}`;
      for (let r = 0; r < ROWS; r++) key += `:${sig[b * ROWS + r]}`;
      const bucket = buckets.get(key);
      if (!bucket) {
        buckets.set(key, [i]);
        continue;
      }
      for (const j of bucket) {
        if (find(i) === find(j)) continue;
        const pair = j * items.length + i;
        if (checked.has(pair)) continue;
        checked.add(pair);
        if (jaccard(sets[i], sets[j]) >= threshold) union(i, j);
      }
      bucket.push(i);
    }
  });
  const sizes = new Map<number, number>();
  items.forEach((_, i) => sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1));
  const out = new Map<string, { key: string; size: number }>();
  items.forEach((it, i) => {
    const root = find(i);
    const size = sizes.get(root)!;
    if (size > 1) out.set(it.id, { key: items[root].id, size });
  });
  return out;
}
