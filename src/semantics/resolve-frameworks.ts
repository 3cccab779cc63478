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
  for (const root of list) {
    if (state.has(root.id)) continue;
    state.set(root.id, "active");
    walkExtends(
      root,
      (ref, path) => {
        const target = frameworks.resolve(ref, r);
        if (!target) return undefined;
        const s = state.get(target.id);
        if (s === "active") {
          const chain = path.map((x) => x.id);
          const cycle = [...chain.slice(chain.indexOf(target.id)), target.id];
          r.error("unresolved", `The framework \`${path[path.length - 1]!.id}\` extends itself: ${cycle.join(" → ")}.`, ref.span);
          return undefined;
        }
        if (s !== undefined) return undefined;
        state.set(target.id, "active");
        return target;
      },
      (node) => state.set(node.id, "done"),
    );
  }
  return { frameworks, list };
}

/**
 * Depth first through `extends` from `root`, on an explicit stack (a chain of thousands of
 * frameworks is as deep): `descend(ref, path)` says which framework a name leads into (undefined:
 * not this way), `leave` sees each framework once everything it leads into is done (post-order).
 * `path` runs from the root to the framework whose `extends` names `ref`.
 */
function walkExtends(root: FrameworkNode, descend: (ref: Name, path: readonly FrameworkNode[]) => FrameworkNode | undefined, leave: (node: FrameworkNode) => void): void {
  const path: FrameworkNode[] = [root];
  const frames: { refs: Name[]; k: number }[] = [{ refs: extendsNames(root.decl), k: 0 }];
  while (frames.length > 0) {
    const f = frames[frames.length - 1]!;
    if (f.k === f.refs.length) {
      leave(path.pop()!);
      frames.pop();
      continue;
    }
    const next = descend(f.refs[f.k++]!, path);
    if (next) {
      path.push(next);
      frames.push({ refs: extendsNames(next.decl), k: 0 });
    }
  }
}

export function extendsNames(f: Framework): Name[] {
  const out: Name[] = [];
  for (const item of f.items ?? []) if (item?.kind === "Extends") for (const name of (item.frameworks ?? []).filter((n) => n?.text)) out.push(name);
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
  for (const root of roots) {
    if (seen.has(root.id)) continue;
    seen.add(root.id);
    walkExtends(
      root,
      (ref) => {
        const target = table.frameworks.get(ref.text);
        if (!target || seen.has(target.id)) return undefined;
        seen.add(target.id);
        return target;
      },
      (node) => out.push(node),
    );
  }
  return out;
}

/** Where an agreement names its frameworks: clashes between unrelated frameworks are reported there. */
export interface ConformsSite {
  span: Span;
  clause?: string | undefined;
}

/**
 * Declare everything of `frameworks` (bases first) into one environment. For an agreement
 * (`site` given) its vocabulary is the union of its frameworks (DESIGN.md §7): one name declared by
 * two frameworks neither of which extends the other is a `duplicate-declaration` on the agreement's
 * `conforms to`; `levels` in two of them must be the same list, else a `type` error there.
 */
export function buildEnv(frameworks: FrameworkNode[], localFunctions: LocalFunction[], r: Reporter, site?: ConformsSite): Env {
  const env = emptyEnv();
  env.frameworks = frameworks;
  env.localFunctions = localFunctions;
  // What each framework extends, directly or not, worked out only when two frameworks declare
  // one name: building every framework's set up front made a chain of 800 frameworks, each
  // compiled with its bases, take 9 s.
  const byId = new Map(frameworks.map((f) => [f.id, f]));
  const ancestors = new Map<string, Set<string>>();
  const ancestorsOf = (id: string): Set<string> => {
    let a = ancestors.get(id);
    if (a) return a;
    a = new Set<string>();
    const todo = [id];
    while (todo.length > 0) {
      const node = byId.get(todo.pop()!);
      if (node) for (const ref of extendsNames(node.decl)) if (!a.has(ref.text)) {
        a.add(ref.text);
        todo.push(ref.text);
      }
    }
    ancestors.set(id, a);
    return a;
  };
  const related = (x: string | undefined, y: string | undefined): boolean =>
    x === undefined || y === undefined || x === y || ancestorsOf(x).has(y) || ancestorsOf(y).has(x);
  /** False (reported on the `conforms to`) when `name` already came from an unrelated framework. */
  const clashes = <T extends { framework?: string | undefined; span?: Span }>(ns: Namespace<T>, what: string, name: string, span: Span, fw: string): boolean => {
    const first = ns.get(name);
    if (!site || !first || related(first.framework, fw)) return false;
    r.error(
      "duplicate-declaration",
      `The ${what} \`${name}\` is declared by both framework \`${first.framework}\` and framework \`${fw}\`, which this agreement conforms to; one name cannot come from two frameworks other than through a common base.`,
      site.span,
      { clause: site.clause, related: [...(first.span ? [{ span: first.span, message: `\`${name}\` in framework \`${first.framework}\`` }] : []), { span, message: `\`${name}\` in framework \`${fw}\`` }] },
    );
    return true;
  };
  let levelsFrom: { fw: string; list: string[]; span: Span } | undefined;
  for (const { id: fw, decl } of frameworks) {
    for (const item of decl.items ?? []) {
      if (!item) continue;
      switch (item.kind) {
        case "Levels": {
          const list = (item.levels ?? []).filter((l) => l?.text).map((l) => l.text);
          if (site && levelsFrom && !related(levelsFrom.fw, fw)) {
            if (list.join(",") !== levelsFrom.list.join(","))
              r.error(
                "type",
                `Framework \`${levelsFrom.fw}\` has levels ${levelsFrom.list.join(", ")} and framework \`${fw}\` has levels ${list.join(", ")}; an agreement's frameworks may declare \`levels\` more than once only with the same list.`,
                site.span,
                { clause: site.clause, related: [{ span: levelsFrom.span, message: `levels of \`${levelsFrom.fw}\`` }, { span: item.span, message: `levels of \`${fw}\`` }] },
              );
            break;
          }
          if (!levelsFrom) levelsFrom = { fw, list, span: item.span };
          for (const l of item.levels ?? []) {
            if (l?.text && env.levels.declare(l.text, l.span, { id: l.text, framework: fw, span: l.span }, r)) env.levelList.push(l.text);
          }
          break;
        }
        case "KindDecl":
        case "RoleDecl":
        case "CategoryDecl":
        case "ProvisionDecl": {
          if (!item.name?.text) break;
          const ns = { KindDecl: env.kinds, RoleDecl: env.roles, CategoryDecl: env.categories, ProvisionDecl: env.provisions }[item.kind];
          const what = { KindDecl: "kind", RoleDecl: "role", CategoryDecl: "category", ProvisionDecl: "provision" }[item.kind];
          if (clashes(ns, what, item.name.text, item.name.span, fw)) break;
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
          if (clashes(env.dimensions, "dimension", item.name.text, item.name.span, fw)) break;
          const info = { id: item.name.text, type: item.type.kind, values, framework: fw, span: item.span, decl: item };
          if (env.dimensions.declare(item.name.text, item.name.span, info, r)) env.dimensionList.push(info);
          break;
        }
        case "ModelDecl":
          if (item.name?.text && !clashes(env.models as never, "model", item.name.text, item.name.span, fw)) env.models.declare(item.name.text, item.name.span, { id: item.name.text, framework: fw, decl: item }, r);
          break;
        case "RuleDecl":
          if (item.name?.text && !clashes(env.rules as never, "rule", item.name.text, item.name.span, fw)) env.rules.declare(item.name.text, item.name.span, { id: item.name.text, framework: fw, decl: item }, r);
          break;
        default:
          break;
      }
    }
  }
  // Functions after categories, so that `in CATEGORY` resolves whatever the order.
  for (const { id: fw, decl } of frameworks) {
    for (const item of decl.items ?? [])
      if (item?.kind === "FunctionDecl" && item.name?.text && !clashes(env.functions, "function", item.name.text, item.name.span, fw)) declareFunction(env, item, undefined, fw, r);
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
  else for (const c of children) for (const item of declareFunction(env, c, info, fw, r, clause)) info.leaves.push(item);
  // A function whose every child was dropped still has no activity of its own: keep it a non-leaf.
  return info.leaves;
}
