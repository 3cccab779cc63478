// One worker thread of `check --jobs N` over many files: a share of the command line's files
// loaded with what they import, compiled and analysed, as the single-threaded pipeline does.
// It returns plain data and the facts (`FileShare`) from which src/cli/parallel-check.ts decides
// whether the shares together are exactly the single-threaded check, and merges them.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Framework } from "../generated/ruleset.js";
import type { TestOutcome } from "../analysis/index.js";
import type { SourceRoot } from "../semantics/load.js";
import type { Program } from "../semantics/program.js";
import { moneyDimensions } from "./pipeline.js";
import { flattenedFrameworks } from "../semantics/flattened-size.js";
import { ALWAYS_FLATTENED } from "./framework-budget.js";
import { withPlainSpans } from "../syntax/plain-span.js";

export interface CheckTask {
  cwd: string;
  roots: SourceRoot[];
  /** What to work out for each agreement: its findings (`check`) or its tests' outcomes (`test`). */
  what: "findings" | "tests";
  /** Whether to return the compiled frameworks (one share does: every share has them all). */
  withFrameworks: boolean;
}

/** A file the share read, in its load order. */
export interface SharedFile {
  path: string;
  absolutePath: string;
  /** Device and inode: one file reached by two paths (a hard link) is read once by the single-threaded load. */
  identity: string;
  text: string;
  /** `file\0offset\0name` of each framework and agreement it declares, in order. */
  frameworks: string[];
  agreements: { key: string; name: string }[];
}

/** One compiled agreement's findings (its `allow`s applied) or its tests' outcomes, and its money dimensions. */
export interface AgreementShare {
  file: string;
  findings: Diagnostic[];
  tests: TestOutcome[];
  currencies: [string, string][];
}

export type FileShare =
  | { fallback: string }
  | {
      files: SharedFile[];
      /** Load and compile diagnostics, in the order found. */
      diagnostics: Diagnostic[];
      /** The currency of each money dimension of the frameworks, in rule-set order. */
      frameworkCurrencies: [string, string][];
      /** In rule-set order. */
      agreements: AgreementShare[];
      /** When the task asks for them. */
      frameworks?: Framework[];
    };

function declarations(program: Program): SharedFile[] {
  return program.files.map((f) => {
    const frameworks: string[] = [];
    const agreements: { key: string; name: string }[] = [];
    for (const d of f.ast?.declarations ?? []) {
      if (!d?.name?.text) continue;
      const key = `${d.span.file}\u0000${d.span.offset}\u0000${d.name.text}`;
      if (d.kind === "Framework") frameworks.push(key);
      else if (d.kind === "Agreement") agreements.push({ key, name: d.name.text });
    }
    return { path: f.path, absolutePath: f.absolutePath, identity: f.identity, text: f.text, frameworks, agreements };
  });
}

const whyNot: Record<string, string> = {
  DeepNestingError: "a deeply nested file",
  LargeInputError: "a large input",
  InputError: "a file that cannot be read",
};

export default async function checkShare(task: CheckTask): Promise<FileShare> {
  const [{ loadProgram }, { compileProgram }, { analyzeAgreement, runTests }] = await Promise.all([
    import("../semantics/load.js"),
    import("../semantics/compile.js"),
    import("../analysis/index.js"),
  ]);
  let program: Program | undefined;
  while (program === undefined) {
    try {
      program = loadProgram([], { cwd: task.cwd, roots: task.roots });
    } catch (e) {
      if (e instanceof Error && e.name === "MarkdownParserNeeded") {
        await (await import("../semantics/literate.js")).loadMarkdownParser();
        continue;
      }
      // A deep file, a large input, a file that cannot be read: the single-threaded check knows what to do.
      return { fallback: whyNot[e instanceof Error ? e.name : ""] ?? `an error (${String(e)})` };
    }
  }
  if (program.diagnostics.some((d) => d.code === "import")) return { fallback: "an import is missing, or a cycle" };
  // Frameworks that flatten large are for the single-threaded check, which says whether they fit (src/cli/framework-budget.ts).
  if (flattenedFrameworks(program, ALWAYS_FLATTENED).bytes > ALWAYS_FLATTENED) return { fallback: "frameworks that flatten large" };
  const files = declarations(program);
  const { ruleSet, diagnostics } = compileProgram(program, { consumeTrees: true });
  program = undefined; // the syntax trees are garbage from here
  return {
    files,
    diagnostics: diagnostics.map(withPlainSpans),
    frameworkCurrencies: ruleSet.frameworks.flatMap(moneyDimensions),
    agreements: ruleSet.agreements.map((agreement) => ({
      file: agreement.file,
      findings: task.what === "findings" ? analyzeAgreement(ruleSet, agreement, { keepCells: false }) : [],
      tests: task.what === "tests" ? runTests({ ...ruleSet, agreements: [agreement] }) : [],
      currencies: moneyDimensions(agreement),
    })),
    ...(task.withFrameworks ? { frameworks: ruleSet.frameworks } : {}),
  };
}
