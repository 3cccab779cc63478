// concordat.json: a project's defaults for `check` (schemas/config.schema.json). Found in the
// working folder or the nearest folder above it; validated with ajv (standalone code), every error naming the
// key at fault. Command-line flags win over it.
import fs from "node:fs";
import path from "node:path";
import type { Diagnostic, DiagnosticCode, Severity } from "../diagnostics/diagnostic.js";
import type { ValidateFunction } from "ajv";
import { UsageError } from "./context.js";

export type Level = "off" | Severity;

export interface Config {
  paths?: string[];
  failOn?: "error" | "warning" | "info" | "none";
  maxWarnings?: number;
  severity?: Partial<Record<DiagnosticCode, Level>>;
  rules?: Record<string, Level>;
  models?: Record<string, Level>;
  ignore?: string[];
}

export interface LoadedConfig {
  config: Config;
  /** The absolute path of concordat.json. */
  file: string;
  /** Its folder: `paths` and `ignore` are relative to it. */
  dir: string;
}

export const CONFIG_FILE = "concordat.json";

/** The nearest concordat.json at or above `from`, or undefined. */
export function findConfig(from: string): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** `/severity/gap` → `severity.gap`; the key an error is about, as the user wrote it. */
function keyOf(instancePath: string, extra?: string): string {
  const parts = instancePath.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (extra !== undefined) parts.push(extra);
  return parts.length === 0 ? "(the top level)" : parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

interface AjvError {
  instancePath: string;
  /** Set on the errors of a `propertyNames` subschema: the key that failed. */
  propertyName?: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

function describe(e: AjvError): string | undefined {
  if (e.keyword === "additionalProperties") return `unknown key "${keyOf(e.instancePath, String(e.params.additionalProperty))}"`;
  if (e.keyword === "propertyNames") return undefined; // its subschema's error (below) says which key and why
  if (e.propertyName !== undefined) {
    const key = keyOf(e.instancePath, e.propertyName);
    if (e.keyword === "enum") return `"${key}": there is no diagnostic code "${e.propertyName}" (the codes are ${(e.params.allowedValues as string[]).join(", ")})`;
    return `"${key}": "${e.propertyName}" is not an id (letters, digits and _, not starting with a digit)`;
  }
  const key = keyOf(e.instancePath);
  if (e.keyword === "enum") return `"${key}" must be one of ${(e.params.allowedValues as string[]).join(", ")}`;
  return `"${key}" ${e.message ?? "is invalid"}`;
}

/** Reads and validates a concordat.json; a problem is a usage error (exit 2) naming the file and the key. */
export async function readConfig(file: string, shownAs = file): Promise<LoadedConfig> {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    if (e instanceof SyntaxError) throw new UsageError(`${shownAs} is not valid JSON: ${e.message}`);
    throw e;
  }
  // Compiled at build time (scripts/generate-validators.mjs): compiling it here cost every run with a concordat.json.
  const { validate } = (await import("../generated/validate-config.js")) as unknown as { validate: ValidateFunction };
  if (!validate(value)) {
    const errors = [...new Set((validate.errors as AjvError[]).map(describe).filter((m): m is string => m !== undefined))];
    throw new UsageError(`${shownAs} is not a valid concordat configuration:\n  ${errors.join("\n  ")}`);
  }
  return { config: value as Config, file, dir: path.dirname(file) };
}

/** The level the configuration gives a finding: its rule or model first, then its code; undefined when it says nothing. */
export function levelOf(d: Diagnostic, config: Config): Level | undefined {
  if (d.rule !== undefined) {
    if ((d.code === "rule" || d.code === "no-responsible") && config.rules && Object.hasOwn(config.rules, d.rule)) return config.rules[d.rule];
    if (d.code === "model" && config.models && Object.hasOwn(config.models, d.rule)) return config.models[d.rule];
  }
  if (config.severity && Object.hasOwn(config.severity, d.code)) return config.severity[d.code];
  return undefined;
}

/** The findings with the configuration's severities: `off` dropped, the others re-levelled. */
export function applySeverities(diagnostics: readonly Diagnostic[], config: Config): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const level = levelOf(d, config);
    if (level === "off") continue;
    out.push(level === undefined || level === d.severity ? d : { ...d, severity: level });
  }
  return out;
}
