// Hand-built diagnostics and source texts for the renderer tests.
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { Span } from "../../src/syntax/ast.js";

export const FILE = "agreements/demo.concord";

export const SOURCE = [
  "agreement demo {", // 1
  "  party a \"A\" kind trust role member", // 2
  "  clause 2 {", // 3
  "    assign procurement at system where value < £1_000_000 {", // 4
  "      accountable a", // 5
  "    }", // 6
  "  }", // 7
  "\tassign hr {", // 8 (a tab)
  "}", // 9
].join("\n");

/** Span from 1-based line/column to line/endColumn (exclusive); offsets computed from SOURCE. */
export function span(line: number, column: number, endLine: number, endColumn: number, file = FILE, text = SOURCE): Span {
  const lines = text.split("\n");
  const off = (l: number, c: number) => lines.slice(0, l - 1).reduce((n, s) => n + s.length + 1, 0) + c - 1;
  return { file, line, column, endLine, endColumn, offset: off(line, column), endOffset: off(endLine, endColumn) };
}

export const gap: Diagnostic = {
  code: "gap",
  severity: "error",
  message: "Nobody is accountable for procurement where value is exactly £1,000,000.",
  span: span(4, 5, 6, 6),
  clause: "2",
  rule: "B1",
  cite: "Baseline para 1: clarifying lines of accountability",
  witness: { activity: "procurement.operations", place: "a", date: "2025-04-01", dimensions: { value: 1000000, setting: "inpatient" } },
  related: [{ span: span(2, 3, 2, 37), message: "party a is the only member" }],
};

export const unresolved: Diagnostic = {
  code: "unresolved",
  severity: "error",
  message: "There is no function named `hr`.",
  span: span(8, 9, 8, 11),
};

export const ruleWarning: Diagnostic = {
  code: "rule",
  severity: "warning",
  message: "The term is longer than 5 years.",
  span: span(2, 3, 2, 8),
  rule: "B8",
  cite: "Baseline para 8",
};

export const suppressed: Diagnostic = {
  code: "suppressed",
  severity: "info",
  message: "Rule B6 is suppressed in this agreement.",
  span: span(1, 1, 1, 17),
  rule: "B6",
  reason: "exit terms are in the master contract",
};

export const all: Diagnostic[] = [unresolved, gap, ruleWarning, suppressed];
export const sources = new Map([[FILE, SOURCE]]);
