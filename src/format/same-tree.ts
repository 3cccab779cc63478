// Whether two parses say the same thing: equal ASTs once spans and comments are set aside,
// and the same comments in the same order. `concordat fmt` checks it before writing, so a
// formatter bug can never change what a file means.
import type { SourceFile } from "../syntax/ast.js";

export function sameMeaning(a: SourceFile, b: SourceFile): boolean {
  if (!sameTree(a, b)) return false;
  const texts = (f: SourceFile) => f.comments.map((c) => (c.block ? c.text : c.text.trimEnd()));
  const ta = texts(a);
  const tb = texts(b);
  return ta.length === tb.length && ta.every((t, i) => t === tb[i]);
}

/** Keys that say where, not what. */
function setAside(key: string): boolean {
  return key === "span" || key === "comments";
}

/**
 * Whether two trees are equal, key by key in any order, spans and comments set aside (a key
 * whose value is undefined counts as absent). Compared in place: copying both trees without
 * their spans, then both copies as JSON, was a third of formatting 20,000 assignments.
 */
function sameTree(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return Number.isNaN(x) && Number.isNaN(y);
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  if (Array.isArray(x)) {
    const ys = y as unknown[];
    if (x.length !== ys.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameTree(x[i], ys[i])) return false;
    return true;
  }
  const a = x as Record<string, unknown>;
  const b = y as Record<string, unknown>;
  let keys = 0;
  for (const k in a) {
    if (!Object.hasOwn(a, k) || setAside(k) || a[k] === undefined) continue;
    keys++;
    if (!Object.hasOwn(b, k) || !sameTree(a[k], b[k])) return false;
  }
  for (const k in b) if (Object.hasOwn(b, k) && !setAside(k) && b[k] !== undefined) keys--;
  return keys === 0;
}
