/**
 * A list the tree or the rule set keeps, at its length: V8 gives an array grown by `push` room
 * for 16 entries, 144 bytes for a list of one, and most kept lists hold one or two entries
 * (a clause's items, an assignment's role lines and its parties per role).
 */
export function exactList<T>(xs: T[]): T[] {
  return xs.length === 0 ? [] : xs.slice();
}
