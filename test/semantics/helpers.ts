// Helpers for the semantics tests: temporary projects and compact diagnostics.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { compileProgram, loadProgram } from "../../src/semantics/index.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export { project } from "../support/project.js";
import { project } from "../support/project.js";

export interface Brief {
  code: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

export function brief(d: Diagnostic): Brief {
  return { code: d.code, file: d.span.file, line: d.span.line, column: d.span.column, message: d.message };
}

/** Load and compile `entry` in a temporary project of `files`; the diagnostics in brief. */
export function diagnosticsOf(files: Record<string, string>, entry = "main.concord"): Brief[] {
  const dir = project(files);
  const program = loadProgram([entry], { cwd: dir });
  return compileProgram(program).diagnostics.map(brief);
}

export function compileFiles(files: Record<string, string>, entry = "main.concord") {
  const dir = project(files);
  return compileProgram(loadProgram([entry], { cwd: dir }));
}

/** A small framework for tests: levels system/place, money `value`, enum `setting`. */
export const FRAMEWORK = `framework base "Base" {
  levels system, place
  kind trust "Trust"
  kind board "Board"
  role member "Member"
  role group "Group"
  category support "Support"
  category core "Core"
  dimension value: money
  dimension count: number
  dimension setting: enum { inpatient, outpatient, community }
  function procurement "Procurement" in support {
    function strategy "Strategy"
    function operations "Operations"
  }
  function hr "HR" in support
  function surgery "Surgery" in core
  provision exit "Exit"
  model federated "Federated" {
    step 2
    accountable must be member, group
  }
  rule R1 "Cover" {
    must cover all functions
  }
}
`;

/** An agreement conforming to FRAMEWORK; `body` goes inside it after the parties. */
export function agreement(body: string): string {
  return `import "./base.concord"

agreement deal "Deal" {
  conforms to base
  term 2025-04-01 to 2027-03-31
  party north "North" kind trust role member
  party south "South" kind trust role member
  party board "Board" kind board role group
${body}
}
`;
}
