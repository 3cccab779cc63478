// Loads the normative examples (test/fixtures/examples) and analyses one agreement, as the report commands do.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Agreement, RuleSet } from "../../src/generated/ruleset.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { compileProgram, loadProgram } from "../../src/semantics/index.js";
import { analyzeAgreement } from "../../src/analysis/index.js";
import { checkFiles } from "../support/check-source.js";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface Analysed {
  ruleSet: RuleSet;
  agreement: Agreement;
  findings: Diagnostic[];
}

/** `file` relative to the repository (spans are named relative to it). */
export function analysedExample(file: string): Analysed {
  const program = loadProgram([file], { cwd: repo });
  const { ruleSet } = compileProgram(program);
  const agreement = ruleSet.agreements[0]!;
  return { ruleSet, agreement, findings: analyzeAgreement(ruleSet, agreement) };
}

/** Source text in a temporary project (see test/support/check-source.ts), analysed. */
export function analysedSource(text: string): Analysed {
  const { ruleSet } = checkFiles({ "main.concord": text });
  const agreement = ruleSet.agreements[0]!;
  return { ruleSet, agreement, findings: analyzeAgreement(ruleSet, agreement) };
}

export const EASTMOOR = "test/fixtures/examples/agreements/eastmoor-mou.concord";
export const NORTHVALE = "test/fixtures/examples/agreements/northvale-group.concord";
