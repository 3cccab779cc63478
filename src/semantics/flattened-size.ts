// How large a program's frameworks are once flattened, as the rule set lists them: each
// framework with the declarations of everything it extends. A chain of n frameworks, each
// extending the one before, flattens to about n²/2 copies of their declarations: 6,000 of
// them (430 KB of text) ran for a minute into V8's fatal out-of-memory error. Counted before
// compiling, so that the command line can say so at once (src/cli/pipeline.ts).
import type { Framework, FunctionDecl } from "../syntax/ast.js";
import type { Program } from "./program.js";
import { Reporter } from "./report.js";
import { buildFrameworkTable, closure } from "./resolve-frameworks.js";

/**
 * Heap per declaration listed again in a framework that inherits it (the compiled framework,
 * its namespaces and the rule set's copy), and per activity a rule or model selector lists:
 * measured on chains of 1,000 to 4,000 frameworks (peak memory over the count).
 */
export const DECLARATION_BYTES = 120;
export const LISTED_ACTIVITY_BYTES = 10;

export interface FlattenedFrameworks {
  /**
   * The heap that every framework's flattened vocabulary takes, estimated; once past the
   * limit it was asked to count to, the count stops there (it is then over it).
   */
  bytes: number;
  frameworks: number;
  /** The last framework counted (where the count passed the limit, if it did), and how many others it extends. */
  last?: { id: string; extended: number };
}

/** The flattened size of `program`'s frameworks, counted up to just past `limit` bytes (the work is at most a step per 120). */
export function flattenedFrameworks(program: Program, limit: number): FlattenedFrameworks {
  const decls: Framework[] = [];
  for (const f of program.files) for (const d of f.ast?.declarations ?? []) if (d?.kind === "Framework" && d.name?.text) decls.push(d);
  // Cycles and unknown names are reported by the compile; here they are only skipped.
  const table = buildFrameworkTable(decls, Reporter.silent());
  const own = new Map<string, OwnSize>();
  const ownSize = (id: string, decl: Framework): OwnSize => {
    let n = own.get(id);
    if (n === undefined) own.set(id, (n = sizeOf(decl)));
    return n;
  };
  const out: FlattenedFrameworks = { bytes: 0, frameworks: table.list.length };
  for (const node of table.list) {
    const flat = closure(table, [node]);
    out.last = { id: node.id, extended: flat.length - 1 };
    let entries = 0;
    let functions = 0;
    let wide = 0;
    for (const member of flat) {
      const n = ownSize(member.id, member.decl);
      entries += n.entries;
      functions += n.functions;
      wide += n.wide;
    }
    // Each rule or model selector that names a category or all functions lists them, in every framework that inherits it.
    out.bytes += entries * DECLARATION_BYTES + wide * functions * LISTED_ACTIVITY_BYTES;
    if (out.bytes > limit) break;
  }
  return out;
}

interface OwnSize {
  /** The framework itself and what it declares (enum values and sub-functions included). */
  entries: number;
  functions: number;
  /** Selectors in its rules and models that name a category or all functions. */
  wide: number;
}

function sizeOf(decl: Framework): OwnSize {
  const size: OwnSize = { entries: 1, functions: 0, wide: 0 };
  for (const item of decl.items ?? []) {
    if (!item) continue;
    size.entries++;
    if (item.kind === "FunctionDecl") {
      const n = functionCount(item);
      size.functions += n;
      size.entries += n - 1;
    } else if (item.kind === "DimensionDecl") size.entries += item.type?.kind === "enum" ? (item.type.values?.length ?? 0) : 0;
    else if (item.kind === "ModelDecl" || item.kind === "RuleDecl") {
      for (const sub of item.items ?? []) {
        size.entries++;
        const selectors = sub?.kind === "ModelConstraint" ? sub.for : sub?.kind === "Obligation" && "selectors" in sub.body ? sub.body.selectors : undefined;
        for (const s of selectors ?? []) if (s?.kind === "CategorySelector" || s?.kind === "AllFunctionsSelector") size.wide++;
      }
    }
  }
  return size;
}

/** A function and its sub-functions, on an explicit stack (nesting runs thousands deep). */
function functionCount(root: FunctionDecl): number {
  let n = 0;
  const todo: FunctionDecl[] = [root];
  while (todo.length > 0) {
    const f = todo.pop()!;
    n++;
    for (const c of f.children ?? []) if (c) todo.push(c);
  }
  return n;
}
