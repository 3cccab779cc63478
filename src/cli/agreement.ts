// What the report commands (explain, matrix, render) share: load and compile the files, stop
// on errors that leave the rule set incomplete, pick one agreement, run the analysis on it.
import type { Agreement } from "../generated/ruleset.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { renderPretty } from "../diagnostics/pretty.js";
import { analyzeAgreement } from "../analysis/index.js";
import { suggest } from "../semantics/suggest.js";
import { UsageError, useColor, type CliContext } from "./context.js";
import { compilePaths, loadAndCompile, type Compiled, type Program } from "./pipeline.js";

export interface AnalysedAgreement {
  loaded: Compiled;
  agreement: Agreement;
  /** The analysis's findings for this agreement, after its `allow`s, sorted. */
  findings: Diagnostic[];
  /** The agreement's file as loaded, its syntax tree with it: only when asked for (`render`). */
  file?: Program["files"][number];
}

export interface LoadAgreementOptions {
  /** Keep the agreement's file and its syntax tree (`render` lays the document out from it); every other tree is dropped before the analysis. */
  keepFile?: boolean;
}

/**
 * Loads `files` and returns the agreement asked for (or the only one), analysed; null (exit code 1,
 * errors printed on stderr) when the files have load or compile errors, since a report on a partly
 * compiled agreement would mislead.
 */
export function loadAgreement(ctx: CliContext, files: string[], agreementId: string | undefined, color?: boolean, options: LoadAgreementOptions = {}): AnalysedAgreement | null {
  // Only `render` keeps the syntax trees (one file of them, below); the others compile without.
  let program: Program | undefined;
  let loaded: Compiled;
  if (options.keepFile) ({ program, ...loaded } = loadAndCompile(ctx, files, "reading"));
  else loaded = compilePaths(ctx, files, "reading");
  const errors = loaded.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    ctx.stderr.write(renderPretty(errors, { sources: loaded.sources, files: loaded.files, cwd: ctx.cwd, color: useColor(color, ctx.stderr, ctx.env) }));
    ctx.stderr.write(`concordat: fix the ${errors.length === 1 ? "error" : "errors"} above first: the agreement did not compile\n`);
    ctx.exitCode = 1;
    return null;
  }
  const all = loaded.ruleSet.agreements;
  let agreement: Agreement | undefined;
  if (agreementId !== undefined) {
    agreement = all.find((a) => a.id === agreementId);
    if (!agreement) {
      const s = suggest(agreementId, all.map((a) => a.id));
      throw new UsageError(
        `no agreement ${agreementId} in ${files.join(", ")}${s ? ` (did you mean ${s}?)` : ""}${all.length > 0 ? `; the agreements are ${all.map((a) => a.id).join(", ")}` : ""}`,
      );
    }
  } else if (all.length === 1) agreement = all[0];
  else if (all.length === 0) throw new UsageError(`no agreement in ${files.join(", ")}: only frameworks`);
  else throw new UsageError(`${files.join(", ")} hold ${all.length} agreements (${all.map((a) => a.id).join(", ")}): choose one with --agreement`);
  const file = program?.files.find((f) => f.path === agreement!.file);
  program = undefined;
  return { loaded, agreement: agreement!, findings: analyzeAgreement(loaded.ruleSet, agreement!), ...(file ? { file } : {}) };
}
