// Frameworks: the program-wide table of frameworks, `extends` (transitive, cycles
// reported), and the shared namespaces of a framework and everything it extends.
import type { Framework, FunctionDecl, Name, Span } from "../syntax/ast.js";
import { emptyEnv, type Env, type FrameworkNode, type FunctionInfo, type LocalFunction, type NamedInfo } from "./env.js";
import { Namespace } from "./namespace.js";
import type { Reporter } from "./report.js";

export interface FrameworkTable {
  frameworks: Namespace<FrameworkNode>;
  /** In program order. */
  list: FrameworkNode[];
}

export function buildFrameworkTable(decls: Framework[], r: Reporter): FrameworkTable {
  const frameworks = new Namespace<FrameworkNode>({ what: "framework" });
  const list: FrameworkNode[] = [];
  for (const decl of decls) {
    if (!decl?.name?.text) continue;
    const node = { id: decl.name.text, decl };
    if (frameworks.declare(decl.name.text, decl.name.span, node, r)) list.push(node);
  }
  // Report unresolved names and cycles in `extends` once, over the whole graph.
  const state = new Map<string, "active" | "done">();
  const visit = (node: FrameworkNode, chain: string[]): void => {
    state.set(node.id, "active");
    for (const ref of extendsNames(node.decl)) {
      const target = frameworks.resolve(ref, r);
      if (!target) continue;
      const s = state.get(target.id);
      if (s === "active") {
        const cycle = [...chain.slice(chain.indexOf(target.id)), target.id];
        r.error("unresolved", `The framework \`${node.id}\` extends itself: ${cycle.join(" → ")}.`, ref.span);
        continue;
      }
      if (s === undefined) visit(target, [...chain, target.id]);
    }
    state.set(node.id, "done");
  };
  for (const node of list) if (!state.has(node.id)) visit(node, [node.id]);
  return { frameworks, list };
}

export function extendsNames(f: Framework): Name[] {
  const out: Name[] = [];
  for (const item of f.items ?? []) if (item?.kind === "Extends") out.push(...(item.frameworks ?? []).filter((n) => n?.text));
  return out;
}

/**
 * The frameworks `roots` stand for: each with everything it extends, bases first
 * (post-order), each once; names that do not resolve and cycle edges are skipped
 * (they were reported when the table was built).
 */
export function closure(table: FrameworkTable, roots: FrameworkNode[]): FrameworkNode[] {
  const out: FrameworkNode[] = [];
  const seen = new Set<string>();
  const visit = (node: FrameworkNode): void => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    for (const ref of extendsNames(node.decl)) {
      const target = table.frameworks.get(ref.text);
      if (target) visit(target);
    }
    out.push(node);
  };
  for (const n of roots) visit(n);
  return out;
}

/** Declare everything of `frameworks` (bases first) into one environment. */
export function buildEnv(frameworks: FrameworkNode[], localFunctions: LocalFunction[], r: Reporter): Env {
  const env = emptyEnv();
  env.frameworks = frameworks;
  env.localFunctions = localFunctions;
  for (const { id: fw, decl } of frameworks) {
    for (const item of decl.items ?? []) {
      if (!item) continue;
      switch (item.kind) {
        case "Levels":
          for (const l of item.levels ?? []) {
            if (l?.text && env.levels.declare(l.text, l.span, { id: l.text, framework: fw, span: l.span }, r)) env.levelList.push(l.text);
          }
          break;
        case "KindDecl":
        case "RoleDecl":
        case "CategoryDecl":
        case "ProvisionDecl": {
          if (!item.name?.text) break;
          const ns = { KindDecl: env.kinds, RoleDecl: env.roles, CategoryDecl: env.categories, ProvisionDecl: env.provisions }[item.kind];
          ns.declare(item.name.text, item.name.span, named(item.name.text, item.title?.value, fw, item.span), r);
          break;
        }
        case "DimensionDecl": {
          if (!item.name?.text || !item.type) break;
          const values: string[] = [];
          if (item.type.kind === "enum") {
            const seen = new Namespace<true>({ what: `value of \`${item.name.text}\`` });
            for (const v of item.type.values ?? []) if (v?.text && seen.declare(v.text, v.span, true, r)) values.push(v.text);
          }
          const info = { id: item.name.text, type: item.type.kind, values, framework: fw, span: item.span, decl: item };
          if (env.dimensions.declare(item.name.text, item.name.span, info, r)) env.dimensionList.push(info);
          break;
        }
        case "ModelDecl":
          if (item.name?.text) env.models.declare(item.name.text, item.name.span, { id: item.name.text, framework: fw, decl: item }, r);
          break;
        case "RuleDecl":
          if (item.name?.text) env.rules.declare(item.name.text, item.name.span, { id: item.name.text, framework: fw, decl: item }, r);
          break;
        default:
          break;
      }
    }
  }
  // Functions after categories, so that `in CATEGORY` resolves whatever the order.
  for (const { id: fw, decl } of frameworks) {
    for (const item of decl.items ?? []) if (item?.kind === "FunctionDecl") declareFunction(env, item, undefined, fw, r);
  }
  for (const f of localFunctions) declareFunction(env, f.decl, undefined, undefined, r, f.clause);
  return env;
}

function named(id: string, title: string | undefined, framework: string | undefined, span: Span): NamedInfo {
  const out: NamedInfo = { id, span };
  if (title !== undefined) out.title = title;
  if (framework !== undefined) out.framework = framework;
  return out;
}

/** Declare a function and its sub-functions; returns its leaves (empty when dropped). */
function declareFunction(env: Env, decl: FunctionDecl, parent: FunctionInfo | undefined, fw: string | undefined, r: Reporter, clause?: string): string[] {
  if (!decl?.name?.text) return [];
  const id = parent ? `${parent.id}.${decl.name.text}` : decl.name.text;
  let category = parent?.category;
  if (decl.category?.text) {
    const c = env.categories.resolve(decl.category, r, clause);
    if (c) category = c.id;
  }
  const children = (decl.children ?? []).filter((c) => c?.name?.text);
  const info: FunctionInfo = { id, activity: children.length === 0, span: decl.span, leaves: [] };
  if (decl.title?.value !== undefined) info.title = decl.title.value;
  if (category !== undefined) info.category = category;
  if (parent) info.parent = parent.id;
  if (fw !== undefined) info.framework = fw;
  if (!env.functions.declare(id, decl.name.span, info, r, clause)) return [];
  env.functionList.push(info);
  if (info.activity) info.leaves = [id];
  else for (const c of children) info.leaves.push(...declareFunction(env, c, info, fw, r, clause));
  // A function whose every child was dropped still has no activity of its own: keep it a non-leaf.
  return info.leaves;
}
