// The first row of each line key met in a file, for telling a repeated line from a new one.
// A Map of 200,000 key strings held some 20 MB until the file was read, and kept the garbage
// collector busy; this table holds, per key, two 32-bit hashes, the row and where the line
// sits in the stage, in typed arrays (about 3 MB at that size). A hash that matches is
// confirmed by the key itself, which the caller fetches (the stage keeps every line's key), so
// two keys that happen to share both hashes are still told apart.

export type KeyHash = (key: string) => readonly [number, number];

/** Two independent 32-bit hashes of the text (FNV-1a, and a multiply-rotate mix with another seed). */
export function hashKey(key: string): readonly [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  return [a | 0, (b ^ (b >>> 16)) | 0];
}

const EMPTY = 0;

export class FirstRowsByKey {
  private size = 0;
  private mask: number;
  private first: Int32Array;
  private second: Int32Array;
  private rows: Int32Array;
  // Where the line sits in the stage, from 1; 0 marks an empty slot.
  private places: Int32Array;

  constructor(
    /** The key of the line staged at this place (from 1). */
    private readonly keyAt: (place: number) => string,
    private readonly hash: KeyHash = hashKey,
    capacity = 1 << 12,
  ) {
    this.mask = capacity - 1;
    this.first = new Int32Array(capacity);
    this.second = new Int32Array(capacity);
    this.rows = new Int32Array(capacity);
    this.places = new Int32Array(capacity);
  }

  get count(): number {
    return this.size;
  }

  /** The row of the first line with this key, or undefined. */
  rowOf(key: string): number | undefined {
    const [h1, h2] = this.hash(key);
    for (let slot = h1 & this.mask; this.places[slot] !== EMPTY; slot = (slot + 1) & this.mask) {
      if (this.first[slot] === h1 && this.second[slot] === h2 && this.keyAt(this.places[slot] as number) === key)
        return this.rows[slot];
    }
    return undefined;
  }

  /** Notes the first line with this key: its row, and its place in the stage (from 1). */
  add(key: string, row: number, place: number): void {
    if (place <= EMPTY) throw new RangeError('a place in the stage counts from 1');
    if ((this.size + 1) * 2 > this.places.length) this.grow();
    const [h1, h2] = this.hash(key);
    this.put(h1, h2, row, place);
    this.size++;
  }

  private put(h1: number, h2: number, row: number, place: number): void {
    let slot = h1 & this.mask;
    while (this.places[slot] !== EMPTY) slot = (slot + 1) & this.mask;
    this.first[slot] = h1;
    this.second[slot] = h2;
    this.rows[slot] = row;
    this.places[slot] = place;
  }

  private grow(): void {
    const { first, second, rows, places } = this;
    const capacity = places.length * 2;
    this.mask = capacity - 1;
    this.first = new Int32Array(capacity);
    this.second = new Int32Array(capacity);
    this.rows = new Int32Array(capacity);
    this.places = new Int32Array(capacity);
    for (let slot = 0; slot < places.length; slot++) {
      if (places[slot] !== EMPTY)
        this.put(first[slot] as number, second[slot] as number, rows[slot] as number, places[slot] as number);
    }
  }
}
