// Selectors (`procurement`, `function hr`, `procurement.strategy`, `category support`,
// `all functions`) expanded to activities, and role references (`member`, `kind icb`).
import type { RoleRef } from "../generated/ruleset.js";
import type { RoleOrKind, Selector } from "../syntax/ast.js";
import type { Env } from "./env.js";
import type { Reporter } from "./report.js";

/**
 * The activities the selectors name, in declaration order, each once; `undefined` when a
 * name does not resolve (reported).
 */
export function expandSelectors(env: Env, selectors: Selector[], r: Reporter, clause?: string): string[] | undefined {
  const index = functionIndex(env);
  // Positions in env.functionList, so that the result comes out in declaration order
  // without a pass over every function per expansion.
  const chosen = new Set<number>();
  let ok = true;
  for (const sel of selectors ?? []) {
    if (!sel) continue;
    switch (sel.kind) {
      case "AllFunctionsSelector":
        for (const i of index.activities) chosen.add(i);
        break;
      case "CategorySelector": {
        if (!sel.name?.text) break;
        const c = env.categories.resolve(sel.name, r, clause);
        if (!c) ok = false;
        else for (const i of index.byCategory.get(c.id) ?? []) chosen.add(i);
        break;
      }
      case "FunctionSelector": {
        if (!sel.name?.text) break;
        const f = env.functions.resolve(sel.name, r, clause);
        if (!f) ok = false;
        else
          for (const leaf of f.leaves) {
            const i = index.position.get(leaf);
            if (i !== undefined) chosen.add(i);
          }
        break;
      }
      default:
        break;
    }
  }
  if (!ok) return undefined;
  const positions = [...chosen];
  if (positions.length > 1) positions.sort((a, b) => a - b);
  return positions.map((i) => env.functionList[i]!.id);
}

interface FunctionIndex {
  /** Length of env.functionList when the index was built (functions are only ever appended). */
  size: number;
  /** Function id → its first position in env.functionList. */
  position: Map<string, number>;
  /** Positions of the activities. */
  activities: number[];
  /** Category id → positions of its activities. */
  byCategory: Map<string, number[]>;
}

const indexes = new WeakMap<Env, FunctionIndex>();

function functionIndex(env: Env): FunctionIndex {
  const list = env.functionList;
  let index = indexes.get(env);
  if (index && index.size === list.length) return index;
  index = { size: list.length, position: new Map(), activities: [], byCategory: new Map() };
  list.forEach((f, i) => {
    if (!index!.position.has(f.id)) index!.position.set(f.id, i);
    if (!f.activity) return;
    index!.activities.push(i);
    if (f.category !== undefined) {
      let c = index!.byCategory.get(f.category);
      if (!c) index!.byCategory.set(f.category, (c = []));
      c.push(i);
    }
  });
  indexes.set(env, index);
  return index;
}

/** Role or kind references; `undefined` when one does not resolve (reported). */
export function resolveRoleRefs(env: Env, refs: RoleOrKind[], r: Reporter, clause?: string): RoleRef[] | undefined {
  const out: RoleRef[] = [];
  let ok = true;
  for (const ref of refs ?? []) {
    if (!ref?.name?.text) continue;
    const ns = ref.of === "kind" ? env.kinds : env.roles;
    const hit = ns.resolve(ref.name, r, clause);
    if (!hit) ok = false;
    else out.push({ of: ref.of === "kind" ? "kind" : "role", id: hit.id });
  }
  return ok ? out : undefined;
}
