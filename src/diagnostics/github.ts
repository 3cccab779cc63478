// `--format github`: GitHub Actions workflow commands, one annotation per finding.
//
//   ::error file=policies/a.concord,line=30,col=7,endLine=33,endColumn=8,title=concordat gap (clause 2.2)::Nobody is …
import type { Diagnostic, Severity } from "./diagnostic.js";
import { escapeControls } from "./escape.js";
import { codeLabel, shownFile, sorted, summarize, summaryLine, witnessInWords, type RenderOptions } from "./report.js";

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

export function githubAnnotation(d: Diagnostic, options: RenderOptions = {}): string {
  const props: [string, string | number][] = [
    ["file", shownFile(d.span.file, options)],
    ["line", d.span.line],
    ["col", d.span.column],
  ];
  if (Number.isInteger(d.span.endLine)) props.push(["endLine", d.span.endLine]);
  if (Number.isInteger(d.span.endColumn)) props.push(["endColumn", d.span.endColumn]);
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

/** One annotation per line, then the summary as a plain log line. */
export function renderGithub(diagnostics: readonly Diagnostic[], options: RenderOptions = {}): string {
  const lines = sorted(diagnostics).map((d) => githubAnnotation(d, options));
  lines.push(`concordat: ${summaryLine(summarize(diagnostics, options.files))}`);
  return lines.join("\n") + "\n";
}
