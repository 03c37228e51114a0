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

export const BANDS = 32;
const ROWS = 4;
/** Group representatives a band bucket keeps (see groupSignatures). */
export const BUCKET_MAX = 8;
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

/**
 * The LSH bucket key of each band of a signature: the band number and a hash of its rows (a hash
 * collision only adds a candidate, which the similarity check then rejects). `salt` (e.g. a hash
 * of the consultation) changes every key without changing which signatures share one, so stored
 * buckets of different consultations hardly ever meet in an index lookup.
 */
export function bandKeys(signature: Uint32Array, salt = 0): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < ROWS; r++) h = mix(h, signature[b * ROWS + r]);
    keys.push(b * 0x100000000 + mix(h, salt));
  }
  return keys;
}

/** A 32-bit salt from a text (a consultation id), for bandKeys. */
export function saltOf(text: string): number {
  return fnv1a(text, 0, text.length);
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
    const keys = bandKeys(signature);
    for (let b = 0; b < BANDS; b++) {
      const key = keys[b];
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

/** A comment as the stored grouping knows it (a row of comment_similarity). */
export interface StoredMember {
  id: string;
  /** Oldest first: created_at (ISO) + "|" + id. */
  order: string;
  signature: Uint32Array | null;
  /** Keys of the band buckets this comment represents. */
  bands: number[];
  /** Its group's key (the oldest member's id) and the key's order, or null while alone. */
  group: { key: string; order: string; size: number } | null;
}

export interface GroupingChanges {
  /** The comments added, with the buckets they represent and their group key (null: alone). */
  added: { id: string; order: string; signature: Uint32Array | null; bands: number[]; groupKey: string | null }[];
  /** Stored comments that were alone and now belong to a group. */
  joined: Map<string, string>;
  /** Stored groups merged into an older one: old key → new key. */
  merged: Map<string, string>;
  /** Size of every group that grew or was created. */
  sizes: Map<string, number>;
}

/**
 * The SimilarityIndex algorithm applied to a stored state: given the stored representatives of
 * every bucket the new comments fall into (with their groups), adds comments one by one, oldest
 * first, and says what changes — new rows, singletons that joined a group, groups merged into an
 * older one, new sizes. Adding comments in order gives exactly the groups SimilarityIndex gives
 * (tests/unit/similarity.test.ts), so a consultation's groups do not depend on when they were
 * computed.
 */
export class GroupingDelta {
  private readonly threshold: number;
  /** bucket key → member ids, in arrival order. */
  private readonly buckets = new Map<number, string[]>();
  private readonly members = new Map<string, { signature: Uint32Array | null; node: string }>();
  /** Union-find over nodes: a stored group (its key) or a comment that is alone (its id). */
  private readonly parent = new Map<string, string>();
  private readonly nodeOrder = new Map<string, string>();
  private readonly nodeSize = new Map<string, number>();
  /** Stored groups met, with their size as stored. */
  private readonly storedGroups = new Map<string, number>();
  private readonly storedAlone = new Set<string>();
  private readonly added: { id: string; order: string; signature: Uint32Array | null; bands: number[] }[] = [];

  private readonly salt: number;

  constructor(representatives: StoredMember[], options: SimilarityOptions & { salt?: number } = {}) {
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.salt = options.salt ?? 0;
    // Representatives come in arrival order, so each bucket lists them as the index would.
    for (const m of representatives) {
      const node = m.group ? m.group.key : m.id;
      this.members.set(m.id, { signature: m.signature, node });
      if (!this.parent.has(node)) {
        this.parent.set(node, node);
        this.nodeOrder.set(node, m.group ? m.group.order : m.order);
        this.nodeSize.set(node, m.group ? m.group.size : 1);
        if (m.group) this.storedGroups.set(node, m.group.size);
        else this.storedAlone.add(node);
      }
      for (const key of m.bands) {
        const bucket = this.buckets.get(key);
        if (bucket) bucket.push(m.id);
        else this.buckets.set(key, [m.id]);
      }
    }
  }

  private find(node: string): string {
    let root = node;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    while (this.parent.get(node) !== root) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  /** Joins the groups of two comments (by comment id). */
  private union(a: string, b: string) {
    const ra = this.groupOf(a);
    const rb = this.groupOf(b);
    if (ra === rb) return;
    // The older node stays the root: its key is the group's key.
    const [root, child] = this.nodeOrder.get(ra)! <= this.nodeOrder.get(rb)! ? [ra, rb] : [rb, ra];
    this.parent.set(child, root);
    this.nodeSize.set(root, this.nodeSize.get(root)! + this.nodeSize.get(child)!);
  }

  private groupOf(id: string): string {
    return this.find(this.members.get(id)!.node);
  }

  /** Adds a comment (call oldest first). */
  add(id: string, order: string, signature: Uint32Array | null): void {
    this.members.set(id, { signature, node: id });
    this.parent.set(id, id);
    this.nodeOrder.set(id, order);
    this.nodeSize.set(id, 1);
    const bands: number[] = [];
    this.added.push({ id, order, signature, bands });
    if (!signature) return;
    const checked = new Set<string>();
    for (const key of bandKeys(signature, this.salt)) {
      const bucket = this.buckets.get(key);
      if (!bucket) {
        this.buckets.set(key, [id]);
        bands.push(key);
        continue;
      }
      for (const j of bucket) {
        if (checked.has(j) || this.groupOf(id) === this.groupOf(j)) continue;
        checked.add(j);
        const other = this.members.get(j)!.signature;
        if (other && estimatedSimilarity(signature, other) >= this.threshold) this.union(id, j);
      }
      if (bucket.length < BUCKET_MAX && !bucket.some((j) => this.groupOf(j) === this.groupOf(id))) {
        bucket.push(id);
        bands.push(key);
      }
    }
  }

  changes(): GroupingChanges {
    const keyOf = (node: string) => {
      const root = this.find(node);
      return { key: root, size: this.nodeSize.get(root)! };
    };
    const sizes = new Map<string, number>();
    const joined = new Map<string, string>();
    const merged = new Map<string, string>();
    const added = this.added.map((a) => {
      const g = keyOf(a.id);
      if (g.size > 1) sizes.set(g.key, g.size);
      return { ...a, groupKey: g.size > 1 ? g.key : null };
    });
    for (const node of this.storedAlone) {
      const g = keyOf(node);
      if (g.size > 1) {
        joined.set(node, g.key);
        sizes.set(g.key, g.size);
      }
    }
    for (const [node, storedSize] of this.storedGroups) {
      const g = keyOf(node);
      if (g.key !== node) merged.set(node, g.key);
      else if (g.size !== storedSize) sizes.set(g.key, g.size);
    }
    return { added, joined, merged, sizes };
  }
}
