// Checks .concord source text end to end (load, compile, analyse) in a temporary project:
// the tests of DESIGN.md §7 assert the exact diagnostics a user would see.
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { compareDiagnostics } from "../../src/diagnostics/diagnostic.js";
import { compileProgram, loadProgram } from "../../src/semantics/index.js";
import { analyze, runTests } from "../../src/analysis/index.js";
import { project } from "./project.js";

/** Every diagnostic (load, compile, analysis) of `files`, entry `main.concord`, sorted. */
export function checkFiles(files: Record<string, string>, entry = "main.concord") {
  const dir = project(files);
  const program = loadProgram([entry], { cwd: dir });
  const { ruleSet, diagnostics } = compileProgram(program);
  const all = [...program.diagnostics, ...diagnostics, ...analyze(ruleSet)].sort(compareDiagnostics);
  return { ruleSet, diagnostics: all, tests: runTests(ruleSet) };
}

/** One file holding a framework and an agreement. */
export function checkSource(text: string) {
  return checkFiles({ "main.concord": text });
}

/** The parts of a diagnostic a test compares: code, severity, clause, line, message. */
export function short(d: Diagnostic) {
  return { code: d.code, severity: d.severity, clause: d.clause, line: d.span.line, message: d.message };
}

/** A framework `fw` with levels system/place, money `value`, number `beds`, enum `setting`. */
export const FW = `framework fw "Framework" {
  levels system, place
  kind trust "NHS trust"
  kind company "Company"
  kind board "Board"
  role member "Member"
  role supplier "Supplier"
  role group "Group"
  category support "Support"
  category core "Core"
  dimension value: money
  dimension beds: number
  dimension setting: enum { inpatient, outpatient }
  provision exit "Exit"
  function hr "HR" in support
  function it "IT" in support
  function surgery "Surgery" in core
}
`;

/** The 1-based line of the first line of `text` containing `needle` (the `nth` such line, from 1). */
/** An agreement "Deal" on FW (with `rules` added to the framework) between a trust `a` and a company `b`. */
export function dealAgreement(rules: string, body: string): string {
  return `${FW.replace(/}\n$/, rules + "}\n")}
agreement ag "Deal" {
  conforms to fw
  term 2025-01-01 to 2025-12-31
  party a "A" kind trust role member
  party b "B" kind company role member, supplier
${body}
}
`;
}

export function lineOf(text: string, needle: string, nth = 1): number {
  let seen = 0;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) if (lines[i]!.includes(needle) && ++seen === nth) return i + 1;
  throw new Error(`no line ${nth} with ${needle}`);
}
