// The human format: like a compiler.
//
//   policies/agreements/eastmoor-mou.concord:30:7: error[gap] Nobody is accountable for …
//      = clause 2.2
//      = rule B1: Baseline para 1: …
//      = witness: procurement.operations at eastmoor on 2025-04-01 where value = 1,000,000
//      |
//   30 |       assign procurement at system where value < £1_000_000 {
//      |       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
//   …
//   related: policies/agreements/eastmoor-mou.concord:24:7: clause 2.1 covers value > £1,000,000
//
//   16 errors, 3 warnings in 3 files
import type { Diagnostic, Severity } from "./diagnostic.js";
import { palette, type Palette } from "./ansi.js";
import { codeFrame } from "./frame.js";
import { escapeControls as safe, escapeControlsOneLine as safeLine } from "./escape.js";
import { codeLabel, shownFile, sourceOf, sorted, summarize, summaryLine, witnessInWords, type RenderOptions } from "./report.js";

function severityStyle(p: Palette, s: Severity): (x: string) => string {
  if (s === "error") return (x) => p.bold(p.red(x));
  if (s === "warning") return (x) => p.bold(p.yellow(x));
  return (x) => p.bold(p.cyan(x));
}

/** Severity word as shown: `info` is a note, like compilers say. */
function severityWord(s: Severity): string {
  return s === "info" ? "note" : s;
}

function location(file: string, line: number, column: number): string {
  return `${safeLine(file)}:${line}:${column}`;
}

/** One diagnostic, as lines (no trailing newline). */
export function prettyDiagnostic(d: Diagnostic, options: RenderOptions = {}): string[] {
  const p = palette(options.color);
  const sev = severityStyle(p, d.severity);
  const file = shownFile(d.span.file, options);
  const out: string[] = [];
  const code = codeLabel(d);
  out.push(`${p.bold(location(file, d.span.line, d.span.column) + ":")} ${sev(`${severityWord(d.severity)}[${code}]`)} ${p.bold(safe(d.message))}`);

  const allLines = [d.span.line, ...(d.related ?? []).map((r) => r.span.line)].filter((n) => Number.isInteger(n));
  const gutterWidth = Math.max(1, ...allLines.map((n) => String(n).length));
  const indent = " ".repeat(gutterWidth + 1);
  const note = (label: string, text: string) => out.push(`${indent}${p.blue("=")} ${p.bold(label + ":")} ${safe(text)}`);

  if (d.clause) note("clause", d.clause);
  if (d.rule) {
    const what = d.code === "model" ? "model" : "rule";
    note(what, d.cite ? `${d.rule}: ${d.cite}` : d.rule);
  } else if (d.cite) note("cite", d.cite);
  if (d.witness) note("witness", witnessInWords(d.witness, options.currencies));
  if (d.reason) note("reason", d.reason);

  const style = { gutter: (s: string) => p.blue(s), marker: (s: string) => sev(s) };
  const source = sourceOf(options.sources, d.span.file, options.cwd);
  // The first line of the span only: a whole assignment block or clause adds lines, not meaning,
  // and a report should fit on a screen per agreement (the JSON and SARIF keep the whole span).
  if (source !== undefined) out.push(...codeFrame(source, d.span, { gutterWidth, firstLineOnly: true, style }));

  for (const r of d.related ?? []) {
    const rfile = shownFile(r.span.file, options);
    out.push(`${indent}${p.blue("=")} ${p.bold("related:")} ${location(rfile, r.span.line, r.span.column)}: ${safe(r.message)}`);
    const rsource = sourceOf(options.sources, r.span.file, options.cwd);
    if (rsource !== undefined) {
      const related = codeFrame(rsource, r.span, { gutterWidth, firstLineOnly: true, style: { gutter: style.gutter, marker: (s) => p.blue(s.replace(/\^/g, "-")) } });
      out.push(...related.slice(1)); // without the leading blank gutter line
    }
  }
  return out;
}

/** The report: every diagnostic, a blank line between them, then the summary line. */
export function renderPretty(diagnostics: readonly Diagnostic[], options: RenderOptions = {}): string {
  const p = palette(options.color);
  const blocks = sorted(diagnostics).map((d) => prettyDiagnostic(d, options).join("\n"));
  const summary = summarize(diagnostics, options.files);
  const line = summaryLine(summary);
  const styled = summary.errors > 0 ? p.bold(p.red(line)) : summary.warnings > 0 ? p.bold(p.yellow(line)) : p.bold(p.green(line));
  return [...blocks, styled].join("\n\n") + "\n";
}
