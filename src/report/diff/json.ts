// `diff --format json`: one object, described by schemas/diff.schema.json.
import type { ValidateFunction } from "ajv";
import { jsonDiagnostic, type JsonDiagnostic } from "../../diagnostics/json.js";
import { validate as generatedValidate } from "../../generated/validate-diff.js";
import { shownFile, type RenderOptions } from "../../diagnostics/report.js";
import type { Witness } from "../../diagnostics/diagnostic.js";
import type { DiffReport } from "./index.js";

// Compiled at build time with ajv's standalone code (scripts/generate-validators.mjs).
const validator = generatedValidate as unknown as ValidateFunction;

export interface DiffJson {
  format: "concordat-diff/1";
  old: string;
  new: string;
  changed: boolean;
  agreements: {
    id: string;
    title?: string;
    file: string;
    status: "added" | "removed" | "changed" | "unchanged";
    changes: {
      activity: string;
      where: string;
      witness: Witness;
      accountable: { before: string[]; after: string[] };
      responsible: { before: string[]; after: string[] };
    }[];
    findings: { introduced: JsonDiagnostic[]; fixed: JsonDiagnostic[] };
  }[];
  other: { introduced: JsonDiagnostic[]; fixed: JsonDiagnostic[] };
  summary: { agreementsChanged: number; changes: number; introduced: number; fixed: number };
}

export function diffJson(report: DiffReport, options: RenderOptions = {}): DiffJson {
  const agreements = report.agreements.map((a) => ({
    id: a.id,
    ...(a.title !== undefined ? { title: a.title } : {}),
    file: shownFile(a.file, options),
    status: a.status,
    changes: a.changes.map((c) => ({
      activity: c.activity,
      where: c.where,
      witness: c.witness,
      accountable: { before: c.before.accountable, after: c.after.accountable },
      responsible: { before: c.before.responsible, after: c.after.responsible },
    })),
    findings: { introduced: a.introduced.map((d) => jsonDiagnostic(d, options)), fixed: a.fixed.map((d) => jsonDiagnostic(d, options)) },
  }));
  const count = (f: (x: (typeof agreements)[number]) => number) => agreements.reduce((n, a) => n + f(a), 0);
  return {
    format: "concordat-diff/1",
    old: report.old,
    new: report.new,
    changed: agreements.some((a) => a.changes.length > 0),
    agreements,
    other: { introduced: report.other.introduced.map((d) => jsonDiagnostic(d, options)), fixed: report.other.fixed.map((d) => jsonDiagnostic(d, options)) },
    summary: {
      agreementsChanged: agreements.filter((a) => a.status !== "unchanged").length,
      changes: count((a) => a.changes.length),
      introduced: count((a) => a.findings.introduced.length) + report.other.introduced.length,
      fixed: count((a) => a.findings.fixed.length) + report.other.fixed.length,
    },
  };
}

/** Checks a JSON diff against schemas/diff.schema.json. */
export function checkDiffJson(value: unknown): { valid: boolean; errors: string[] } {
  const valid = validator(value) as boolean;
  return { valid, errors: valid ? [] : (validator.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`) };
}

/** The JSON diff as text, validated first: a diff that does not match its schema is a bug in concordat, never printed. */
export function renderDiffJson(report: DiffReport, options: RenderOptions = {}): string {
  const json = diffJson(report, options);
  const check = checkDiffJson(json);
  if (!check.valid) throw new Error(`the JSON diff does not match schemas/diff.schema.json: ${check.errors.join("; ")}`);
  return JSON.stringify(json, null, 2) + "\n";
}
