// Helpers for the policy library's golden tests: check one agreement of policies/ as
// `concordat check` does, and compare its findings with a table written by hand.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { compileProgram, loadProgram } from "../../src/semantics/index.js";
import { analyze, runTests } from "../../src/analysis/index.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { RuleSet } from "../../src/generated/ruleset.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface Checked {
  ruleSet: RuleSet;
  /** Every diagnostic of loading, compiling and analysing, for any file. */
  all: Diagnostic[];
  /** Those on the agreement's own file. */
  ds: Diagnostic[];
}

export function checkPolicy(file: string): Checked {
  const program = loadProgram([file], { cwd: repoRoot });
  const compiled = compileProgram(program);
  const all = [...program.diagnostics, ...compiled.diagnostics, ...analyze(compiled.ruleSet)];
  return { ruleSet: compiled.ruleSet, all, ds: all.filter((d) => d.span.file === file) };
}

/** code, severity, rule (or model) id, clause, line: one row of a golden table. */
export type Row = [code: string, severity: string, rule: string | undefined, clause: string | undefined, line: number];

export const row = (d: Diagnostic): Row => [d.code, d.severity, d.rule, d.clause, d.span.line];

const byPlace = (a: Row, b: Row) =>
  a[4] - b[4] || a[0].localeCompare(b[0]) || String(a[2]).localeCompare(String(b[2])) || String(a[3]).localeCompare(String(b[3]));

/** The findings are exactly `expected` (in any order). */
export function expectRows(ds: readonly Diagnostic[], expected: readonly Row[]): void {
  expect(ds.map(row).sort(byPlace)).toEqual([...expected].sort(byPlace));
}

/** The one finding with that code and rule (or model) id on that line. */
export function finding(ds: readonly Diagnostic[], code: string, rule: string | undefined, line: number): Diagnostic {
  const hits = ds.filter((d) => d.code === code && d.rule === rule && d.span.line === line);
  expect(hits, `one ${code} ${rule ?? ""} finding on line ${line}`).toHaveLength(1);
  return hits[0]!;
}

/** The agreement's tests, passed or not, by name. */
export function testOutcomes(ruleSet: RuleSet, agreement: string): Record<string, boolean> {
  return Object.fromEntries(runTests(ruleSet).filter((o) => o.agreement === agreement).map((o) => [o.title, o.passed]));
}
