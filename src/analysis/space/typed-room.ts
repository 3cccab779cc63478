// The scratch lists of the sweep and the merge are typed lists reused from call to call, grown
// by doubling when a call needs more: one rule for all of them.

type TypedList = Int32Array | Uint8Array | Float64Array;

/** `list` when it has room for n entries, else a new zeroed one of at least twice its length (its contents are not kept). */
export function withRoom<T extends TypedList>(list: T, n: number): T {
  if (list.length >= n) return list;
  const Make = list.constructor as new (length: number) => T;
  return new Make(Math.max(n, 2 * list.length));
}
