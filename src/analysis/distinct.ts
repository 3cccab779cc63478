// Collecting distinct items in order of first appearance. A list scan is the fastest test while
// the list is short, which it almost always is; past a few items a Set takes over, so that a cell
// where thousands of clauses make thousands of parties accountable costs n, not n².

/** Lists longer than this get a Set. */
const SHORT = 16;

/** The distinct items added, in order of first appearance (`items`). */
export class Distinct<T> {
  readonly items: T[] = [];
  #seen: Set<T> | undefined;

  /** Adds x unless it is there already; whether it was new. */
  add(x: T): boolean {
    if (this.#seen !== undefined) {
      if (this.#seen.has(x)) return false;
      this.#seen.add(x);
    } else {
      if (this.items.includes(x)) return false;
      if (this.items.length === SHORT) this.#seen = new Set(this.items).add(x);
    }
    this.items.push(x);
    return true;
  }

  addAll(xs: Iterable<T>): void {
    for (const x of xs) this.add(x);
  }
}

/** The distinct items of `xs`, in order of first appearance. */
export function distinct<T>(xs: Iterable<T>): T[] {
  const d = new Distinct<T>();
  d.addAll(xs);
  return d.items;
}
