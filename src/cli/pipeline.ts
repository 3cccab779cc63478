// The pipeline the commands share: load (syntax + imports) → compile (names, types, rule
// set) → analyse. Errors in the input never stop it; only a command-line path that does
// not exist or cannot be read does (exit code 2).
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { compareDiagnostics } from "../diagnostics/diagnostic.js";
import { loadProgram } from "../semantics/load.js";
import { compileProgram } from "../semantics/compile.js";
import { UsageError, type CliContext } from "./context.js";
import { progress } from "./progress.js";
import { collectDeadSyntaxTrees } from "./collect.js";
import { checkFlattenedFrameworks } from "./framework-budget.js";


export type Program = ReturnType<typeof loadProgram>;
export type RuleSet = ReturnType<typeof compileProgram>["ruleSet"];

export interface Loaded extends Compiled {
  program: Program;
}

/** What a loaded program compiles to, without the program (its syntax trees) kept alive. */
export interface Compiled {
  ruleSet: RuleSet;
  /** Load and compile diagnostics, deduplicated, sorted. */
  diagnostics: Diagnostic[];
  /** Every file read (command line and imports), as spans name them. */
  files: string[];
  /** Source texts by file name, for code frames. */
  sources: Map<string, string>;
  /** Real paths of every file read, which an output file must not replace. */
  inputs: string[];
  /** Currency sign of every money dimension, for witnesses in words. */
  currencies: Record<string, string>;
}

/** The currency sign of each money dimension of a framework or agreement, as [id, sign]. */
export function moneyDimensions(owner: { dimensions: readonly { id: string; type: string; currency?: string }[] }): [string, string][] {
  const out: [string, string][] = [];
  for (const d of owner.dimensions) if (d.type === "money" && d.currency) out.push([d.id, d.currency]);
  return out;
}

/** Dimension id → currency sign, from lists of [id, sign] in rule-set order (frameworks, then agreements): the last one wins. */
export function currenciesOf(lists: readonly (readonly [string, string])[][]): Record<string, string> {
  const currencies = Object.create(null) as Record<string, string>; // dimension names from files: `__proto__` too
  for (const list of lists) for (const [id, sign] of list) currencies[id] = sign;
  return currencies;
}

function key(d: Diagnostic): string {
  return `${d.code}\u0000${d.span.file}\u0000${d.span.offset}\u0000${d.span.endOffset}\u0000${d.message}`;
}

/** Diagnostics of several stages as one list: each once, in report order. */
export function mergeDiagnostics(...lists: readonly (readonly Diagnostic[])[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const list of lists)
    for (const d of list) {
      const k = key(d);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(d);
    }
  return out.sort(compareDiagnostics);
}

/** A missing name's error, or the "no levels" that a missing framework causes. */
function followsFromMissingNames(d: Diagnostic): boolean {
  return d.code === "unresolved" || (d.code === "type" && /declare no levels/.test(d.message));
}

/**
 * In a file whose import could not be read, names it uses may be declared in the missing
 * file: their errors are follow-ons of the import error, which says how many it hides.
 */
export function withoutFollowOns(diagnostics: readonly Diagnostic[], incomplete: ReadonlySet<string> | undefined): Diagnostic[] {
  if (!incomplete || incomplete.size === 0) return [...diagnostics];
  const hidden = new Map<string, number>();
  const kept = diagnostics.filter((d) => {
    if (!incomplete.has(d.span.file) || !followsFromMissingNames(d)) return true;
    hidden.set(d.span.file, (hidden.get(d.span.file) ?? 0) + 1);
    return false;
  });
  const told = new Set<string>();
  return kept.map((d) => {
    const n = hidden.get(d.span.file);
    if (d.code !== "import" || n === undefined || told.has(d.span.file) || /^Import cycle/.test(d.message)) return d;
    told.add(d.span.file);
    return { ...d, message: `${d.message} Names it would declare are not checked in this file (${n} follow-on ${n === 1 ? "error" : "errors"} not shown).` };
  });
}

/**
 * Loads and compiles `paths`, keeping only what the analysis and the report need: the syntax
 * trees (about 5 KB per assignment) are then garbage, not live data every collection marks,
 * and a large input's are collected before the caller's analysis (src/cli/collect.ts).
 */
export function compilePaths(ctx: CliContext, paths: string[], verb = "checking", texts?: ReadonlyMap<string, string>): Compiled {
  const compiled = withoutTrees(loadAndCompile(ctx, paths, verb, texts, true));
  collectDeadSyntaxTrees(compiled.sources.values());
  return compiled;
}

/** The compiled program without its syntax trees (a function of its own: no frame of compilePaths holds the trees at the collection). */
function withoutTrees({ ruleSet, diagnostics, files, sources, inputs, currencies }: Loaded): Compiled {
  return { ruleSet, diagnostics, files, sources, inputs, currencies };
}

/**
 * Loads and compiles `paths` (files or folders), relative to the context's folder. With
 * `consumeTrees`, the program's agreements lose their items as they are compiled (for a caller
 * that drops the trees: compilePaths).
 */
export function loadAndCompile(ctx: CliContext, paths: string[], verb = "checking", texts?: ReadonlyMap<string, string>, consumeTrees = false): Loaded {
  const p = progress(ctx);
  try {
    p.step(`reading ${paths.join(" ")}…`);
    const program = loadProgram(paths, { cwd: ctx.cwd, deepStack: ctx.deepStack === true, texts });
    const files = program.files.map((f) => f.path);
    // A CI job pointed at the wrong folder must not pass green on nothing.
    if (files.length === 0) {
      // Entries that could not be read (a symlink loop) are why, when there are any.
      const why = program.diagnostics.map((d) => `\n  ${d.message}`).join("");
      throw new UsageError(`no .concord or .concord.md files${why ? " that can be read" : ""} in ${paths.join(", ")}${why}`);
    }
    checkFlattenedFrameworks(program, ctx.deepStack === true);
    p.step(`${verb} ${files.length} ${files.length === 1 ? "file" : "files"}: compiling…`, files.length >= 100);
    const compiled = compileProgram(program, { consumeTrees });
    const sources = new Map(program.files.map((f) => [f.path, f.text] as [string, string]));
    return {
      program,
      ruleSet: compiled.ruleSet,
      // compileProgram already carries the load stage's diagnostics (syntax, imports).
      diagnostics: mergeDiagnostics(withoutFollowOns(compiled.diagnostics, program.incomplete)),
      files,
      inputs: program.files.map((f) => f.absolutePath),
      sources,
      currencies: currenciesOf([...compiled.ruleSet.frameworks, ...compiled.ruleSet.agreements].map(moneyDimensions)),
    };
  } finally {
    p.done();
  }
}
