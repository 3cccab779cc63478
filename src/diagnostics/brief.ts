// `--format brief`: a report to read a whole library by, one screen per agreement (ESLint's
// "stylish"): each file that has findings as a heading, then one line per finding with its
// position, severity, code, the message (which names the clauses) and the reference of the
// citation behind it. The code frames, witnesses, full citations and fixes are `pretty`'s.
//
//   policies/agreements/eastmoor-mou.concord
//     30:7   error    gap        Nobody is accountable for procurement where value is … [Baseline para 1]
//     41:5   warning  redundant  …
//
//   16 errors, 3 warnings in 3 files
import type { Diagnostic, Severity } from "./diagnostic.js";
import { palette, type Palette } from "./ansi.js";
import { escapeControlsOneLine as safeLine } from "./escape.js";
import { codeLabel, severityWord, shownFile, sorted, styledSummaryLine, summarize, type RenderOptions } from "./report.js";

function severityStyle(p: Palette, s: Severity): (x: string) => string {
  if (s === "error") return (x) => p.red(x);
  if (s === "warning") return (x) => p.yellow(x);
  return (x) => p.cyan(x);
}

/** The reference part of a cite, "CSP L6132-3 III" of "CSP L6132-3 III: the parties organise …". */
export function citeReference(cite: string): string {
  const colon = cite.indexOf(": ");
  return (colon > 0 ? cite.slice(0, colon) : cite).trim();
}


export function renderBrief(diagnostics: readonly Diagnostic[], options: RenderOptions = {}): string {
  const p = palette(options.color);
  const out: string[] = [];
  const all = sorted(diagnostics);
  for (let i = 0; i < all.length; ) {
    const file = all[i]!.span.file;
    const group: Diagnostic[] = [];
    while (i < all.length && all[i]!.span.file === file) group.push(all[i++]!);
    const rows = group.map((d) => ({
      d,
      where: `${d.span.line}:${d.span.column}`,
      severity: severityWord(d.severity),
      code: codeLabel(d),
    }));
    const w = (f: (r: (typeof rows)[number]) => string) => rows.reduce((m, r) => Math.max(m, f(r).length), 0);
    const [ww, sw, cw] = [w((r) => r.where), w((r) => r.severity), w((r) => r.code)];
    out.push(p.bold(safeLine(shownFile(file, options))));
    for (const r of rows) {
      const cite = r.d.cite ? ` ${p.dim(`[${safeLine(citeReference(r.d.cite))}]`)}` : "";
      out.push(`  ${p.dim(r.where.padStart(ww))}  ${severityStyle(p, r.d.severity)(r.severity.padEnd(sw))}  ${r.code.padEnd(cw)}  ${safeLine(r.d.message)}${cite}`);
    }
    out.push("");
  }
  out.push(styledSummaryLine(p, summarize(diagnostics, options.files)));
  if (all.length > 0) out.push(p.dim("Each finding in full, with its code frame, witness, citation and fix: concordat check FILE"));
  return out.join("\n") + "\n";
}
