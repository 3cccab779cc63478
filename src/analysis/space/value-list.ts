// What a box takes on a discrete axis (the places, or an enum dimension's values): the positions
// it takes, ascending, each once. A list rather than a mask of one byte per value: n assignments
// each naming one value of an enum of n values held n² bytes (32,000 values: 1.2 GB), and every
// reader walked all n values of every box.

/** Positions on one discrete axis, ascending, each once; never changed once made. */
export type ValueList = Int32Array;

/** Scratch for the positions of one list while it is sorted (reused: one list is made at a time). */
let scratch = new Int32Array(16);

/**
 * The positions of `names` in `index` (names it lacks are left out), as a list; null when they
 * are every one of the `size` positions. `empty` when they are none.
 */
export function valueListOf(names: readonly string[], index: ReadonlyMap<string, number>, size: number): { list: ValueList | null; empty: boolean } {
  if (scratch.length < names.length) scratch = new Int32Array(Math.max(names.length, 2 * scratch.length));
  let n = 0;
  let ascending = true;
  for (let j = 0; j < names.length; j++) {
    const k = index.get(names[j]!) ?? -1;
    if (k < 0) continue;
    if (n > 0 && k <= scratch[n - 1]!) ascending = false;
    scratch[n++] = k;
  }
  // The compiler lists values in declared order and places in the agreement's: mostly sorted
  // already, and then distinct (no view of the scratch made to sort it).
  let distinct = n;
  if (!ascending) {
    scratch.subarray(0, n).sort();
    distinct = 0;
    for (let j = 0; j < n; j++) if (j === 0 || scratch[j] !== scratch[j - 1]) scratch[distinct++] = scratch[j]!;
  }
  if (distinct === size) return { list: null, empty: distinct === 0 };
  return { list: scratch.slice(0, distinct), empty: distinct === 0 };
}

/** Whether two lists share a position. */
export function listsMeet(a: ValueList, b: ValueList): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) return true;
    if (x < y) i++;
    else j++;
  }
  return false;
}

/** The positions of `values` (ascending) that `list` takes, in order. */
export function keptBy(values: readonly number[], list: ValueList): number[] {
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    while (j < list.length && list[j]! < v) j++;
    if (j < list.length && list[j] === v) out.push(v);
  }
  return out;
}
