// The whole program compiled to one rule set: frameworks (flattened) and agreements in
// load order, with every semantic diagnostic. Never throws on bad input.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Agreement as OutAgreement, Framework as OutFramework, RuleSet } from "../generated/ruleset.js";
import type { Agreement, Framework } from "../syntax/ast.js";
import { compileAgreement, SharedFrameworks } from "./compile-agreement.js";
import { compileFramework } from "./compile-framework.js";
import { Namespace } from "./namespace.js";
import type { Program } from "./program.js";
import { Reporter } from "./report.js";
import { buildEnv, buildFrameworkTable, closure } from "./resolve-frameworks.js";

export interface CompileResult {
  ruleSet: RuleSet;
  /** The program's diagnostics (syntax, import) followed by the semantic ones. */
  diagnostics: Diagnostic[];
}

export interface CompileOptions {
  /**
   * The caller drops the syntax trees once compiled: each agreement's items are then let go as
   * they are compiled (their declaration keeps no list of them), so that the trees of a large
   * agreement and its rule set are not both alive at the end (at 160,000 assignments 500 MB of
   * trees beside 220 MB of rule set).
   */
  consumeTrees?: boolean;
}

export function compileProgram(program: Program, options: CompileOptions = {}): CompileResult {
  const r = new Reporter();
  const frameworkDecls: Framework[] = [];
  const agreementDecls: Agreement[] = [];
  for (const f of program.files) {
    for (const d of f.ast?.declarations ?? []) {
      if (!d?.name?.text) continue;
      if (d.kind === "Framework") frameworkDecls.push(d);
      else if (d.kind === "Agreement") agreementDecls.push(d);
    }
  }
  const table = buildFrameworkTable(frameworkDecls, r);
  const frameworks: OutFramework[] = [];
  for (const node of table.list) {
    try {
      const env = buildEnv(closure(table, [node]), [], r);
      frameworks.push(compileFramework(node.decl, env, r));
    } catch (e) {
      internalError(r, node.decl.span, e);
    }
  }
  const agreementNames = new Namespace<true>({ what: "agreement" });
  const agreements: OutAgreement[] = [];
  const shared = new SharedFrameworks();
  for (const decl of agreementDecls) {
    if (!agreementNames.declare(decl.name.text, decl.name.span, true, r)) continue;
    try {
      agreements.push(compileAgreement(decl, table, r, shared, options.consumeTrees === true));
    } catch (e) {
      internalError(r, decl.span, e);
    }
  }
  return {
    ruleSet: { format: "concordat-ruleset/1", files: program.files.map((f) => f.path), frameworks, agreements },
    diagnostics: [...program.diagnostics, ...r.diagnostics],
  };
}

/** A defect of concordat itself, reported rather than thrown so that a run still ends cleanly. */
function internalError(r: Reporter, span: import("../syntax/ast.js").Span, e: unknown): void {
  r.error("syntax", `concordat could not compile this item (internal error: ${(e as Error)?.message ?? String(e)}).`, span);
}

export function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
