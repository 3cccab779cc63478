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
  const chosen = new Set<string>();
  let ok = true;
  for (const sel of selectors ?? []) {
    if (!sel) continue;
    switch (sel.kind) {
      case "AllFunctionsSelector":
        for (const f of env.functionList) if (f.activity) chosen.add(f.id);
        break;
      case "CategorySelector": {
        if (!sel.name?.text) break;
        const c = env.categories.resolve(sel.name, r, clause);
        if (!c) ok = false;
        else for (const f of env.functionList) if (f.activity && f.category === c.id) chosen.add(f.id);
        break;
      }
      case "FunctionSelector": {
        if (!sel.name?.text) break;
        const f = env.functions.resolve(sel.name, r, clause);
        if (!f) ok = false;
        else for (const leaf of f.leaves) chosen.add(leaf);
        break;
      }
      default:
        break;
    }
  }
  if (!ok) return undefined;
  return env.functionList.filter((f) => chosen.has(f.id)).map((f) => f.id);
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
