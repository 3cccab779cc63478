// `--format junit`: JUnit XML, for CI dashboards. `check`: one <testsuite> per file read,
// one <testcase> per finding (a file without findings gets one passing case). `test`: one
// <testsuite> per file, one <testcase> per `test` block of its agreements. Valid against the
// Jenkins JUnit schema (schemas/junit-10.xsd). Findings are not timed: `time` is 0, so that
// the same input gives the same bytes.
import type { Diagnostic, Severity, Witness } from "./diagnostic.js";
import { compareText, severityRank } from "./diagnostic.js";
import type { Span } from "../syntax/ast.js";
import { escapeControls } from "./escape.js";
import { codeLabel, shownFile, sorted, witnessInWords, type RenderOptions } from "./report.js";

/** Control characters escaped (`\u001b`: terminal safety, and XML 1.0 cannot hold most of them), and what XML cannot hold replaced. */
function xmlSafe(s: string): string {
  return escapeControls(String(s)).replace(/\r/g, "\\u000d").replace(/[\uFFFE\uFFFF]/g, "\uFFFD").replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** Escapes text content. */
export function xmlText(s: string): string {
  return xmlSafe(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escapes an attribute value (double-quoted); newlines and tabs kept as character references. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

function attrs(pairs: [string, string | number | undefined][]): string {
  return pairs
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join("");
}

interface Case {
  name: string;
  classname: string;
  file: string;
  line?: number;
  failure?: { type: string; message: string; body: string };
  skipped?: string;
  systemOut?: string;
}

function renderSuites(suites: Map<string, Case[]>, rootName: string): string {
  const names = [...suites.keys()].sort(compareText);
  let tests = 0;
  let failures = 0;
  const parts: string[] = [];
  for (const name of names) {
    const cases = suites.get(name)!;
    const f = cases.filter((c) => c.failure).length;
    const s = cases.filter((c) => c.skipped !== undefined).length;
    tests += cases.length;
    failures += f;
    parts.push(`  <testsuite${attrs([["name", name], ["tests", cases.length], ["failures", f], ["errors", 0], ["skipped", s], ["time", 0]])}>`);
    for (const c of cases) {
      const open = `    <testcase${attrs([["name", c.name], ["classname", c.classname], ["file", c.file], ["line", c.line], ["time", 0]])}`;
      if (!c.failure && c.skipped === undefined && c.systemOut === undefined) {
        parts.push(open + "/>");
        continue;
      }
      parts.push(open + ">");
      if (c.failure) parts.push(`      <failure${attrs([["message", c.failure.message], ["type", c.failure.type]])}>${xmlText(c.failure.body)}</failure>`);
      if (c.skipped !== undefined) parts.push(`      <skipped${attrs([["message", c.skipped]])}/>`);
      if (c.systemOut !== undefined) parts.push(`      <system-out>${xmlText(c.systemOut)}</system-out>`);
      parts.push("    </testcase>");
    }
    parts.push("  </testsuite>");
  }
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    // The Jenkins schema (schemas/junit-10.xsd) has no `skipped` on <testsuites>; each suite counts its own.
    `<testsuites${attrs([["name", rootName], ["tests", tests], ["failures", failures], ["errors", 0], ["time", 0]])}>`,
    ...parts,
    `</testsuites>`,
  ].join("\n") + "\n";
}

function details(d: Diagnostic, file: string, options: RenderOptions): string {
  const lines = [`${file}:${d.span.line}:${d.span.column}: ${d.severity}[${codeLabel(d)}] ${d.message}`];
  if (d.clause) lines.push(`clause: ${d.clause}`);
  if (d.rule) lines.push(`${d.code === "model" ? "model" : "rule"}: ${d.rule}${d.cite ? `: ${d.cite}` : ""}`);
  else if (d.cite) lines.push(`cite: ${d.cite}`);
  if (d.witness) lines.push(`witness: ${witnessInWords(d.witness, options.currencies)}`);
  if (d.reason) lines.push(`reason: ${d.reason}`);
  for (const r of d.related ?? []) lines.push(`related: ${shownFile(r.span.file, options)}:${r.span.line}:${r.span.column}: ${r.message}`);
  return lines.join("\n");
}

function fails(s: Severity, failOn: Severity | "none"): boolean {
  return failOn !== "none" && severityRank[s] >= severityRank[failOn];
}

/**
 * A test case's name: what the finding is (code, clause, activity), never where it sits, so
 * that a dashboard follows one finding across edits that move it: `gap, clause 2.2, estates`.
 */
export function caseName(d: Diagnostic): string {
  const parts = [codeLabel(d)];
  if (d.clause) parts.push(`clause ${d.clause}`);
  const activity = d.witness?.activity ?? d.witness?.activities?.[0];
  if (activity) parts.push(activity);
  return parts.join(", ");
}

/** `check --format junit`. */
export function renderJunit(diagnostics: readonly Diagnostic[], options: RenderOptions = {}): string {
  const failOn = options.failOn ?? "error";
  // Two findings with the same name in one file are told apart by their order: "…, estates (2)".
  const seen = new Map<string, number>();
  const uniqueName = (name: string, file: string): string => {
    const key = `${file}\u0000${name}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? name : `${name} (${n})`;
  };
  const suites = new Map<string, Case[]>();
  for (const f of options.files ?? []) suites.set(shownFile(f, options), []);
  for (const d of sorted(diagnostics)) {
    const file = shownFile(d.span.file, options);
    const name = uniqueName(caseName(d), file);
    const c: Case = { name, classname: file, file, line: d.span.line };
    const body = details(d, file, options);
    if (fails(d.severity, failOn)) c.failure = { type: d.code, message: d.message, body };
    else if (d.severity === "info") c.skipped = d.message;
    else c.systemOut = body;
    if (!suites.has(file)) suites.set(file, []);
    suites.get(file)!.push(c);
  }
  for (const [file, cases] of suites) if (cases.length === 0) cases.push({ name: "no findings", classname: file, file });
  return renderSuites(suites, "concordat check");
}

/** The outcome of one `test` block (as `runTests` of the analysis gives it). */
export interface TestResult {
  agreement: string;
  title: string;
  span: Span;
  clause?: string;
  passed: boolean;
  failures: { span: Span; message: string; witness?: Witness }[];
}

/** `test --format junit`. */
export function renderTestsJunit(results: readonly TestResult[], options: RenderOptions = {}): string {
  const suites = new Map<string, Case[]>();
  for (const f of options.files ?? []) suites.set(shownFile(f, options), []);
  for (const t of results) {
    const file = shownFile(t.span.file, options);
    const c: Case = { name: t.title, classname: `${file}.${t.agreement}`, file, line: t.span.line };
    if (!t.passed) {
      const body = t.failures
        .map((f) => {
          const w = f.witness ? `\n  witness: ${witnessInWords(f.witness, options.currencies)}` : "";
          return `${shownFile(f.span.file, options)}:${f.span.line}:${f.span.column}: ${f.message}${w}`;
        })
        .join("\n");
      c.failure = { type: "test-failed", message: t.failures[0]?.message ?? "the test failed", body };
    }
    if (!suites.has(file)) suites.set(file, []);
    suites.get(file)!.push(c);
  }
  for (const [file, cases] of suites) if (cases.length === 0) suites.delete(file);
  return renderSuites(suites, "concordat test");
}
