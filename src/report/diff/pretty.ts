// `diff --format pretty`: for a terminal.
import { palette } from "../../diagnostics/ansi.js";
import { codeLabel, shownFile, type RenderOptions } from "../../diagnostics/report.js";
import type { DiffReport } from "./index.js";
import { changeInWords } from "./words.js";

export function renderDiffPretty(report: DiffReport, options: RenderOptions = {}): string {
  const p = palette(options.color);
  const out: string[] = [];
  for (const a of report.agreements) {
    if (a.status === "unchanged") continue;
    const status = a.status === "added" ? " (new)" : a.status === "removed" ? " (removed)" : "";
    out.push(p.bold(`${a.id}${a.title ? ` "${a.title}"` : ""}${status}`) + p.dim(` ${shownFile(a.file, options)}`));
    for (const c of a.changes) out.push(`  ${p.bold(c.activity)} ${c.where}: ${changeInWords(c.before, c.after)}`);
    for (const d of a.introduced) out.push(`  ${p.red("+")} ${d.severity}[${codeLabel(d)}]${d.clause ? ` clause ${d.clause}` : ""}: ${d.message}`);
    for (const d of a.fixed) out.push(`  ${p.green("-")} ${d.severity}[${codeLabel(d)}]${d.clause ? ` clause ${d.clause}` : ""}: ${d.message}`);
    out.push("");
  }
  for (const d of report.other.introduced) out.push(`${p.red("+")} ${shownFile(d.span.file, options)}: ${d.severity}[${codeLabel(d)}]: ${d.message}`);
  for (const d of report.other.fixed) out.push(`${p.green("-")} ${shownFile(d.span.file, options)}: ${d.severity}[${codeLabel(d)}]: ${d.message}`);
  const changes = report.agreements.reduce((n, a) => n + a.changes.length, 0);
  out.push(changes === 0 ? `no change in accountability between ${report.old} and ${report.new}` : `${changes} ${changes === 1 ? "change" : "changes"} in accountability between ${report.old} and ${report.new}`);
  return out.join("\n") + "\n";
}
