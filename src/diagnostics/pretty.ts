// The human format: like a compiler (rustc's layout, gcc's header so editors can jump to it).
//
//   policies/agreements/eastmoor-mou.concord:30:7: error[gap] Nobody is accountable for …
//   24 |       assign procurement at system where value > £1_000_000 {
//      |       ------------------------------------------------------- clause 2.1 covers value > £1,000,000
//   ...
//   30 |       assign procurement at system where value < £1_000_000 {
//      |       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ clause 2.2
//      = rule: B1: Baseline para 1: …
//      = witness: procurement.operations at eastmoor on 2025-04-01 where value = £1,000,000
//
//   16 errors, 3 warnings in 3 files
//
// The frame shows the first line of each span (a whole assignment block adds lines, not
// meaning) and the related spans of the same file in the same frame; a rule's cite is written
// out the first time the report names the rule in a file, so that a report fits on a screen
// per agreement (JSON and SARIF keep every span and cite whole).
import type { Diagnostic, RelatedLocation, Severity } from "./diagnostic.js";
import { palette, type Palette } from "./ansi.js";
import { hasLine, labelledFrame, type FrameMark } from "./frame.js";
import { escapeControls as safe, escapeControlsOneLine as safeLine } from "./escape.js";
import { codeLabel, formatValue, severityWord, shownFile, sourceOf, sorted, styledSummaryLine, summarize, witnessInWords, type RenderOptions } from "./report.js";

/** At most this many related locations are framed; the rest are counted (JSON lists them all). */
export const MAX_RELATED_SHOWN = 5;

function severityStyle(p: Palette, s: Severity): (x: string) => string {
  if (s === "error") return (x) => p.bold(p.red(x));
  if (s === "warning") return (x) => p.bold(p.yellow(x));
  return (x) => p.bold(p.cyan(x));
}

function location(file: string, line: number, column: number): string {
  return `${safeLine(file)}:${line}:${column}`;
}

/** What the report has already said, so that a rule's cite is written out once per file. */
export interface PrettyState {
  cited: Set<string>;
}

function citeKey(d: Diagnostic): string {
  return `${d.span.file}\u0000${d.code === "model" ? "model" : "rule"}\u0000${d.rule}\u0000${d.cite}`;
}

function markOf(span: Diagnostic["span"], primary: boolean, label: string | undefined): FrameMark {
  const m: FrameMark = { line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn, primary };
  if (label !== undefined && label !== "") m.label = safeLine(label);
  return m;
}

/** One diagnostic, as lines (no trailing newline). */
export function prettyDiagnostic(d: Diagnostic, options: RenderOptions = {}, state?: PrettyState): string[] {
  const p = palette(options.color);
  const sev = severityStyle(p, d.severity);
  const file = shownFile(d.span.file, options);
  const out: string[] = [];
  const message = d.help && d.message.endsWith(` ${d.help}`) ? d.message.slice(0, -d.help.length - 1) : d.message;
  out.push(`${p.bold(location(file, d.span.line, d.span.column) + ":")} ${sev(`${severityWord(d.severity)}[${codeLabel(d)}]`)} ${p.bold(safe(message))}`);

  const related = d.related ?? [];
  const framed = related.slice(0, MAX_RELATED_SHOWN);
  const lineNumbers = [d.span.line, ...framed.map((r) => r.span.line)].filter((n) => Number.isInteger(n));
  const gutterWidth = lineNumbers.reduce((w, n) => Math.max(w, String(n).length), 1);
  const indent = " ".repeat(gutterWidth + 1);
  const notes: string[] = [];
  const note = (label: string, text: string) => notes.push(`${indent}${p.blue("=")} ${p.bold(label + ":")} ${safe(text)}`);
  const style = { gutter: (s: string) => p.blue(s), marker: (s: string) => sev(s), secondary: (s: string) => p.blue(s) };

  // The primary frame, with the related spans of the same file; other files get a frame each.
  const source = sourceOf(options.sources, d.span.file, options.cwd);
  const clauseLabel = d.clause ? `clause ${d.clause}` : undefined;
  const sameFile = framed.filter((r) => r.span.file === d.span.file && source !== undefined);
  const elsewhere = framed.filter((r) => !sameFile.includes(r));
  let labelled = false;
  if (source !== undefined) {
    const frame = labelledFrame(source, [markOf(d.span, true, clauseLabel), ...sameFile.map((r) => markOf(r.span, false, r.message))], { gutterWidth, style });
    for (const item of frame) out.push(item);
    // The clause is said by the primary span's label, when that span is in the frame.
    labelled = hasLine(source, d.span.line);
  }
  const unframed: RelatedLocation[] = source === undefined ? [...sameFile] : [];
  for (const [rfile, group] of byFile(elsewhere)) {
    const rsource = sourceOf(options.sources, rfile, options.cwd);
    const frame = rsource === undefined ? [] : labelledFrame(rsource, group.map((r) => markOf(r.span, false, r.message)), { gutterWidth, style });
    if (frame.length === 0) {
      for (const item of group) unframed.push(item);
      continue;
    }
    out.push(`${indent}${p.blue(":::")} ${location(shownFile(rfile, options), group[0]!.span.line, group[0]!.span.column)}`);
    for (const item of frame) out.push(item);
  }

  if (d.clause && !labelled) note("clause", d.clause);
  if (d.rule) {
    const what = d.code === "model" ? "model" : "rule";
    const key = citeKey(d);
    if (!d.cite) note(what, d.rule);
    else if (state?.cited.has(key)) note(what, `${d.rule} (cited above)`);
    else {
      note(what, `${d.rule}: ${d.cite}`);
      state?.cited.add(key);
    }
  } else if (d.cite) note("cite", d.cite);
  if (d.witness) note("witness", witnessInWords(d.witness, options.currencies));
  if (d.reason) note("reason", d.reason);
  for (const r of unframed) note("related", `${location(shownFile(r.span.file, options), r.span.line, r.span.column)}: ${r.message}`);
  const more = related.length - framed.length + (d.relatedOmitted ?? 0);
  if (more > 0) note("related", `${formatValue(more)} more ${more === 1 ? "place" : "places"}${d.relatedOmitted ? "" : " (every one is in --format json)"}`);
  if (d.help) notes.push(`${indent}${p.blue("=")} ${p.bold(p.cyan("help:"))} ${safe(d.help)}`);
  for (const item of notes) out.push(item);
  return out;
}

function byFile(related: readonly RelatedLocation[]): Map<string, RelatedLocation[]> {
  const groups = new Map<string, RelatedLocation[]>();
  for (const r of related) {
    const g = groups.get(r.span.file);
    if (g) g.push(r);
    else groups.set(r.span.file, [r]);
  }
  return groups;
}

/** The report: every diagnostic, a blank line between them, then the summary line. */
export function renderPretty(diagnostics: readonly Diagnostic[], options: RenderOptions = {}): string {
  const p = palette(options.color);
  const state: PrettyState = { cited: new Set() };
  const blocks = sorted(diagnostics).map((d) => prettyDiagnostic(d, options, state).join("\n"));
  return [...blocks, styledSummaryLine(p, summarize(diagnostics, options.files))].join("\n\n") + "\n";
}
