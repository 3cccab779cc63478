// What every renderer shares: the context of a report, counts, and a witness in words.
import { resolve } from "node:path";
import type { Diagnostic, Severity, Witness } from "./diagnostic.js";
import { compareDiagnostics } from "./diagnostic.js";
import { displayPath } from "./paths.js";
import type { Palette } from "./ansi.js";

/** Source texts by file name, as the stages name files in their spans. */
export type Sources = ReadonlyMap<string, string> | ((file: string) => string | undefined);

export interface RenderOptions {
  /** Source texts, for code frames. A file without text is shown as `file:line:col` only. */
  sources?: Sources;
  /** Every source file read (imports included), as spans name them; counts for the summary and gives JUnit its suites. */
  files?: readonly string[];
  /** Relative file names are computed against this folder (default: the process's current folder). */
  cwd?: string;
  /** ANSI colour in `pretty` (default off: renderers are pure; the CLI decides). */
  color?: boolean;
  /** concordat's version, for SARIF's tool.driver (default: package.json's). */
  version?: string;
  /** The lowest severity that fails (`junit` marks those findings as failures). Default `error`. */
  failOn?: Severity | "none";
  /** Currency sign of each money dimension, so witnesses read `£1,000,000` rather than `1,000,000`. */
  currencies?: Readonly<Record<string, string>>;
  /** The project root (absolute): SARIF URIs are relative to it (`%SRCROOT%`). Default: `cwd`. */
  root?: string;
  /** What the framework rules and models that findings name say, for SARIF's rule help. */
  ruleHelp?: RuleHelpIndex;
}

/** A framework rule or model as its help text shows it. */
export interface RuleHelp {
  kind: "rule" | "model";
  id: string;
  title?: string;
  cite?: string;
  /** Its obligations (or constraints), as written: `must cover all functions`. */
  obligations: string[];
  framework?: string;
}

/** `rule/B3`, `model/federated` → its help. */
export type RuleHelpIndex = ReadonlyMap<string, RuleHelp>;

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Counts by severity; `files` is the number of files read, or else the number of files with findings. */
export function summarize(diagnostics: readonly Diagnostic[], files?: readonly string[]): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diagnostics) {
    if (d.severity === "error") errors++;
    else if (d.severity === "warning") warnings++;
    else infos++;
  }
  const fileCount = files ? new Set(files).size : new Set(diagnostics.map((d) => d.span.file)).size;
  return { files: fileCount, errors, warnings, infos };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 errors, 1 warning in 3 files", "no problems in 1 file". */
export function summaryLine(s: Summary): string {
  const parts: string[] = [];
  if (s.errors > 0) parts.push(plural(s.errors, "error"));
  if (s.warnings > 0) parts.push(plural(s.warnings, "warning"));
  if (s.infos > 0) parts.push(plural(s.infos, "note"));
  const what = parts.length === 0 ? "no problems" : parts.join(", ");
  return `${what} in ${plural(s.files, "file")}`;
}

/** Severity as the human formats say it: `info` is a note, as compilers say. */
export function severityWord(s: Severity): string {
  return s === "info" ? "note" : s;
}

/** The summary line in its colour: red with errors, yellow with warnings only, else green. */
export function styledSummaryLine(p: Palette, s: Summary): string {
  const line = summaryLine(s);
  return s.errors > 0 ? p.bold(p.red(line)) : s.warnings > 0 ? p.bold(p.yellow(line)) : p.bold(p.green(line));
}

/** The diagnostics in report order (file, position, code), without mutating the input. */
export function sorted(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

/** The text of `file`, or undefined. Looks the name up as given, then resolved against `cwd`. */
export function sourceOf(sources: Sources | undefined, file: string, cwd?: string): string | undefined {
  if (!sources) return undefined;
  if (typeof sources === "function") return sources(file);
  const direct = sources.get(file);
  if (direct !== undefined) return direct;
  const abs = resolve(cwd ?? process.cwd(), file);
  const byAbs = sources.get(abs);
  if (byAbs !== undefined) return byAbs;
  for (const [name, text] of sources) if (resolve(cwd ?? process.cwd(), name) === abs) return text;
  return undefined;
}

export function shownFile(file: string, options: RenderOptions): string {
  return displayPath(file, options.cwd);
}

/** 1000000 → "1,000,000"; 999999.5 → "999,999.5"; strings as they are. Locale-independent. */
export function formatValue(v: number | string): string {
  if (typeof v === "string") return v;
  if (!Number.isFinite(v)) return String(v);
  const negative = v < 0;
  const [whole, frac] = Math.abs(v).toString().split(".");
  if (whole!.includes("e")) return String(v);
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${frac !== undefined ? "." + frac : ""}`;
}

/**
 * 999999.5 with "£" → "£999,999.50": whole units stay whole, pence get two digits, a fraction of a
 * penny keeps its digits. Works on the decimal text (an exact string for amounts past what a
 * double holds to the penny), so it never rounds a penny away.
 */
function formatMoneyValue(v: number | string, currency: string): string {
  const text = String(v);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const negative = text.startsWith("-");
  const [whole, frac] = (negative ? text.slice(1) : text).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${currency}${grouped}${frac === undefined ? "" : "." + frac.padEnd(2, "0")}`;
}

/** "procurement.operations at eastmoor on 2025-04-01 where value = £1,000,000 and setting = inpatient". */
export function witnessInWords(w: Witness, currencies: Readonly<Record<string, string>> = {}): string {
  const parts: string[] = [];
  const acts = w.activities && w.activities.length > 0 ? w.activities.join(", ") : w.activity;
  if (acts) parts.push(acts);
  if (w.place) parts.push(`at ${w.place}`);
  if (w.date) parts.push(`on ${w.date}`);
  const dims = Object.entries(w.dimensions ?? {}).map(([k, v]) => {
    const currency = currencies[k];
    return `${k} = ${currency ? formatMoneyValue(v, currency) : formatValue(v)}`;
  });
  if (dims.length > 0) parts.push(`where ${dims.join(" and ")}`);
  return parts.length > 0 ? parts.join(" ") : "everywhere";
}

/** The code as reports show it: `gap`, `rule B3`, `model federated`. */
export function codeLabel(d: Diagnostic): string {
  return (d.code === "rule" || d.code === "model") && d.rule ? `${d.code} ${d.rule}` : d.code;
}
