// Wording shared by the analysis checks: sentences a lawyer can read.
import type { Agreement, RoleRef, RuleSet } from "../generated/ruleset.js";
import { dayNumber, dayString, formatNumber } from "./space/format.js";

/** "a", "a and b", "a, b and c" (or "or"): every item (the signed document lists them all). */
export function listAll(items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length === 0) return "";
  if (items.length === 1) return items[0]!;
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

/** A finding's sentence names at most this many items of one list, then counts the rest. */
export const MAX_LISTED = 50;

/**
 * `listAll` for a finding's sentence: past MAX_LISTED items, "…, p49 and 9,950 more". One clause
 * making 10,000 parties accountable gave a conflict message of 70,000 characters.
 */
export function list(items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= MAX_LISTED) return listAll(items, conjunction);
  return `${items.slice(0, MAX_LISTED).join(", ")} ${conjunction} ${formatNumber(items.length - MAX_LISTED)} more`;
}

/** At most this many items are named in one sentence; the rest are counted. */
export const MAX_NAMED = 10;

/**
 * `list`, naming at most MAX_NAMED items and counting the rest: "clause 4, clause 5, …, clause 13
 * and 9,671 other clauses". A table of 10,000 clauses overriding one base clause would otherwise
 * give a sentence of 100,000 characters, and the report would grow with the square of the input.
 */
export function listSome(items: readonly string[], others: string, conjunction: "and" | "or" = "and"): string {
  return listSomeOf(items, items.length, others, conjunction);
}

/**
 * `listSome` of a list of `total` items of which only the first (at least MAX_NAMED, when there
 * are that many) are given: a finding on thousands of clauses words the ten it names, not all.
 */
export function listSomeOf(items: readonly string[], total: number, others: string, conjunction: "and" | "or" = "and"): string {
  if (total <= MAX_NAMED) return list(items, conjunction);
  const rest = total - MAX_NAMED;
  return `${items.slice(0, MAX_NAMED).join(", ")} ${conjunction} ${formatNumber(rest)} other ${others}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The first items of a list that `listSomeOf` names. */
export function namedSome<T>(items: readonly T[]): readonly T[] {
  return items.length <= MAX_NAMED ? items : items.slice(0, MAX_NAMED);
}

/** "Clause 4" for a finding inside a clause, else the fallback. */
export function clauseRef(clause: string | undefined, fallback = "An assignment"): string {
  return clause ? `Clause ${clause}` : fallback;
}

/** "rule B3" */
export function ruleRef(id: string): string {
  return `rule ${id}`;
}

/** Lower-cases the first letter, unless the word is an acronym ("NHS trust" stays). */
export function lowerFirst(s: string): string {
  if (s.length === 0) return s;
  if (s.length > 1 && s[1] === s[1]!.toUpperCase() && s[1] !== s[1]!.toLowerCase()) return s;
  return s[0]!.toLowerCase() + s.slice(1);
}

export function upperFirst(s: string): string {
  return s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** "a supplier", "an independent sector provider", "an NHS trust", "an établissement de santé privé". */
export function withArticle(s: string): string {
  return /^[aeiouàâäéèêëîïôöùûü]/i.test(s) || /^(NHS|M[A-Z]|F[A-Z]|S[A-Z]|L[A-Z]|R[A-Z]|X|H[A-Z])/.test(s) ? `an ${s}` : `a ${s}`;
}

/** The title of a kind, role or category declared by the agreement's frameworks, if any. */
export function namedTitle(
  ruleSet: RuleSet,
  agreement: Agreement,
  what: "kinds" | "roles" | "categories",
  id: string,
): string | undefined {
  for (const fwId of agreement.frameworks) {
    const fw = ruleSet.frameworks.find((f) => f.id === fwId);
    const named = fw?.[what].find((n) => n.id === id);
    if (named?.title) return named.title;
  }
  for (const fw of ruleSet.frameworks) {
    const named = fw[what].find((n) => n.id === id);
    if (named?.title) return named.title;
  }
  return undefined;
}

/** "member", "a kind independent_provider" → reads as "member" / "an independent_provider (Independent sector provider)". */
export function describeRoleRef(ref: RoleRef): string {
  return ref.of === "role" ? ref.id : `kind ${ref.id}`;
}

export function describeRoleRefs(refs: readonly RoleRef[], conjunction: "and" | "or" = "or"): string {
  return list(refs.map(describeRoleRef), conjunction);
}

/** Every activity (leaf function) of the agreement, in declaration order. */
export function allActivities(agreement: Agreement): string[] {
  return agreement.functions.filter((f) => f.activity).map((f) => f.id);
}

/**
 * Names a set of activities the way a selector would: "every function", a category
 * ("support services"), or the widest functions whose activities all lie in the set.
 */
export function describeActivities(ruleSet: RuleSet, agreement: Agreement, activities: readonly string[]): string {
  const set = new Set(activities);
  if (set.size === 0) return "no function";
  const all = allActivities(agreement);
  if (all.length > 1 && all.length === set.size && all.every((a) => set.has(a))) return "every function";
  // A single category (or several) matching exactly.
  const categories: string[] = [];
  for (const fwId of agreement.frameworks) {
    for (const c of ruleSet.frameworks.find((f) => f.id === fwId)?.categories ?? []) if (!categories.includes(c.id)) categories.push(c.id);
  }
  for (const f of agreement.functions) if (f.category && !categories.includes(f.category)) categories.push(f.category);
  // One pass over the functions (a lookup per activity, and a copy per addition, were quadratic).
  const categoryOf = new Map<string, string | undefined>();
  for (const f of agreement.functions) if (!categoryOf.has(f.id)) categoryOf.set(f.id, f.category);
  const byCategory = new Map<string, string[]>();
  for (const a of all) {
    const c = categoryOf.get(a);
    if (!c) continue;
    const l = byCategory.get(c);
    if (l) l.push(a);
    else byCategory.set(c, [a]);
  }
  const unionOf = (cats: string[]) => new Set(cats.flatMap((c) => byCategory.get(c) ?? []));
  const coveringCats = categories.filter((c) => (byCategory.get(c) ?? []).every((a) => set.has(a)) && (byCategory.get(c) ?? []).length > 0);
  const catUnion = unionOf(coveringCats);
  if (coveringCats.length > 0 && catUnion.size === set.size && [...set].every((a) => catUnion.has(a))) {
    const singleLeaf = coveringCats.length === 1 && (byCategory.get(coveringCats[0]!) ?? []).length === 1;
    if (!singleLeaf) {
      return list(
        coveringCats.map((c) => {
          const t = namedTitle(ruleSet, agreement, "categories", c)?.replace(/\s*\([^)]*\)/g, "").trim();
          return t ? lowerFirst(t) : `category ${c}`;
        }),
      );
    }
  }
  return list(describeFunctions(agreement, activities));
}

/** Offending activities named by function: "procurement and hr" (never by category). */
export function nameActivities(agreement: Agreement, activities: readonly string[]): string {
  return list(describeFunctions(agreement, activities));
}

interface FunctionIndex {
  parent: Map<string, string | undefined>;
  leavesOf: Map<string, string[]>;
  activities: string[];
  /** Each activity's place in `activities`. */
  position: Map<string, number>;
}

// By the list of functions, which agreements under the same frameworks share (compile-agreement.ts).
const functionIndexes = new WeakMap<Agreement["functions"], FunctionIndex>();

function functionIndex(agreement: Agreement): FunctionIndex {
  let ix = functionIndexes.get(agreement.functions);
  if (ix) return ix;
  const parent = new Map<string, string | undefined>();
  for (const f of agreement.functions) parent.set(f.id, f.parent);
  const leavesOf = new Map<string, string[]>();
  const activities: string[] = [];
  // Parents come from nesting, so a climb ends at the top; it is bounded anyway (by the number
  // of functions) rather than guarded by a set per function (an agreement under a framework of
  // thousands of functions built thousands of sets here).
  const steps = agreement.functions.length;
  for (const f of agreement.functions) {
    if (!f.activity) continue;
    activities.push(f.id);
    let id: string | undefined = f.id;
    for (let n = 0; id !== undefined && n <= steps; n++) {
      let l = leavesOf.get(id);
      if (!l) leavesOf.set(id, (l = []));
      l.push(f.id);
      id = parent.get(id);
    }
  }
  ix = { parent, leavesOf, activities, position: new Map(activities.map((a, i) => [a, i])) };
  functionIndexes.set(agreement.functions, ix);
  return ix;
}

/** The widest functions whose activities all lie in the set, in declaration order. */
export function describeFunctions(agreement: Agreement, activities: readonly string[]): string[] {
  const set = new Set(activities);
  const { parent, leavesOf, activities: all, position } = functionIndex(agreement);
  const out: string[] = [];
  const done = new Set<string>();
  // The declared activities of the set in declaration order: sorted, not found by walking every
  // activity (a few findings each under a framework of thousands of functions).
  const ordered = [...set].filter((a) => position.has(a)).sort((x, y) => position.get(x)! - position.get(y)!);
  for (const a of ordered) {
    if (done.has(a)) continue;
    // climb while the parent's activities are all selected (bounded, as in functionIndex)
    let best = a;
    let p = parent.get(a);
    for (let n = 0; p !== undefined && n < all.length + parent.size && (leavesOf.get(p) ?? []).every((x) => set.has(x)); n++) {
      best = p;
      p = parent.get(p);
    }
    for (const x of leavesOf.get(best) ?? [best]) done.add(x);
    out.push(best);
  }
  // activities not declared as functions (defensive)
  for (const a of activities) if (!done.has(a) && !parent.has(a)) out.push(a);
  return out;
}

/** ISO day arithmetic (UTC, no time zones). */
export function addDays(day: string, n: number): string {
  return dayString(dayNumber(day) + n);
}
