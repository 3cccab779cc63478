// `--format github`: GitHub Actions workflow commands, one annotation per finding.
//
//   ::error file=policies/a.concord,line=30,col=7,endLine=33,endColumn=8,title=concordat gap (clause 2.2)::Nobody is …
import type { Diagnostic, Severity } from "./diagnostic.js";
import { escapeControls } from "./escape.js";
import { codeLabel, severityWord, shownFile, sorted, summarize, summaryLine, witnessInWords, type RenderOptions } from "./report.js";

/** Escapes the message of a workflow command. */
export function escapeData(s: string): string {
  // Line breaks are the workflow command's own escapes; every other control character is
  // written `\u001b`, so that a file cannot reach the log's terminal.
  return escapeControls(s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
}

/** Escapes a property value of a workflow command (also `:` and `,`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function command(s: Severity): "error" | "warning" | "notice" {
  return s === "error" ? "error" : s === "warning" ? "warning" : "notice";
}

/**
 * endLine, col and endColumn as the Actions runner takes them: columns only on a span within
 * one line (the runner rejects them otherwise), counted from 1 with endColumn inclusive (a
 * one-character annotation has col = endColumn), where our spans end one column after.
 */
export function annotationPosition(d: Diagnostic): [string, number][] {
  const { line, column, endLine, endColumn } = d.span;
  if (Number.isInteger(endLine) && endLine > line) return [["endLine", endLine]];
  const out: [string, number][] = [];
  if (Number.isInteger(endLine)) out.push(["endLine", line]);
  if (!Number.isInteger(column) || column < 1) return out;
  out.push(["col", column]);
  if (Number.isInteger(endColumn)) out.push(["endColumn", Math.max(column, endColumn - 1)]);
  return out;
}

export function githubAnnotation(d: Diagnostic, options: RenderOptions = {}): string {
  const props: [string, string | number][] = [
    ["file", shownFile(d.span.file, options)],
    ["line", d.span.line],
    ...annotationPosition(d),
  ];
  const what = d.code !== "rule" && d.code !== "model" && d.rule ? `${d.code} (rule ${d.rule})` : codeLabel(d);
  const title = d.clause ? `concordat ${what}, clause ${d.clause}` : `concordat ${what}`;
  props.push(["title", title]);

  const lines = [d.message];
  if (d.rule && d.cite) lines.push(`${d.code === "model" ? "Model" : "Rule"} ${d.rule}: ${d.cite}`);
  else if (d.cite) lines.push(d.cite);
  if (d.witness) lines.push(`Witness: ${witnessInWords(d.witness, options.currencies)}`);
  if (d.reason) lines.push(`Reason: ${d.reason}`);
  for (const r of d.related ?? []) lines.push(`Related: ${shownFile(r.span.file, options)}:${r.span.line}:${r.span.column}: ${r.message}`);

  const propText = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  return `::${command(d.severity)} ${propText}::${escapeData(lines.join("\n"))}`;
}

/** How many annotations of one severity a step shows; the rest only appear in the log. */
export const ANNOTATIONS_SHOWN_PER_SEVERITY = 10;

/** A table cell: one line, `|` escaped, Markdown that cannot open HTML. */
function cell(s: string): string {
  return s.replace(/\r?\n/g, " ").replace(/([\\|`*_[\]<>])/g, "\\$1");
}

/**
 * The job summary (`$GITHUB_STEP_SUMMARY`): the counts, a note of the annotations a step does
 * not show (ten per severity), and a table of every finding.
 */
export function renderGithubSummary(diagnostics: readonly Diagnostic[], options: RenderOptions = {}): string {
  const ds = sorted(diagnostics);
  const out = ["## concordat check", "", summaryLine(summarize(diagnostics, options.files)) + "."];
  const hidden: string[] = [];
  for (const s of ["error", "warning", "info"] as const) {
    const n = ds.filter((d) => d.severity === s).length - ANNOTATIONS_SHOWN_PER_SEVERITY;
    if (n > 0) hidden.push(`${n} more ${severityWord(s)}${n === 1 ? "" : "s"}`);
  }
  if (hidden.length > 0)
    out.push("", `GitHub shows ${ANNOTATIONS_SHOWN_PER_SEVERITY} annotations of each severity per step: ${hidden.join(", ")} are not annotated on the files, and are listed below.`);
  if (ds.length > 0) {
    out.push("", "| severity | code | clause | file | line | message |", "| --- | --- | --- | --- | --- | --- |");
    for (const d of ds)
      out.push(`| ${severityWord(d.severity)} | ${cell(codeLabel(d))} | ${d.clause ?? ""} | ${cell(shownFile(d.span.file, options))} | ${d.span.line} | ${cell(d.message)} |`);
  }
  return out.join("\n") + "\n";
}

/** One annotation per line, then the summary as a plain log line. */
export function renderGithub(diagnostics: readonly Diagnostic[], options: RenderOptions = {}): string {
  const lines = sorted(diagnostics).map((d) => githubAnnotation(d, options));
  lines.push(`concordat: ${summaryLine(summarize(diagnostics, options.files))}`);
  return lines.join("\n") + "\n";
}
