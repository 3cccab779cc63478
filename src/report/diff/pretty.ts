// `diff --format pretty`: for a terminal.
import { palette } from "../../diagnostics/ansi.js";
import { codeLabel, shownFile, type RenderOptions } from "../../diagnostics/report.js";
import type { DiffReport } from "./index.js";
import { changeInWords, safe } from "./words.js";

export function renderDiffPretty(report: DiffReport, options: RenderOptions = {}): string {
  const p = palette(options.color);
  const out: string[] = [];
  for (const a of report.agreements) {
    if (a.status === "unchanged") continue;
    const status = a.status === "added" ? " (new)" : a.status === "removed" ? " (removed)" : "";
    out.push(p.bold(`${a.id}${a.title ? ` "${safe(a.title)}"` : ""}${status}`) + p.dim(` ${safe(shownFile(a.file, options))}`));
    for (const c of a.changes) out.push(`  ${p.bold(c.activity)} ${safe(c.where)}: ${safe(changeInWords(c.before, c.after))}`);
    for (const d of a.introduced) out.push(`  ${p.red("+")} ${d.severity}[${codeLabel(d)}]${d.clause ? ` clause ${d.clause}` : ""}: ${safe(d.message)}`);
    for (const d of a.fixed) out.push(`  ${p.green("-")} ${d.severity}[${codeLabel(d)}]${d.clause ? ` clause ${d.clause}` : ""}: ${safe(d.message)}`);
    out.push("");
  }
  for (const d of report.other.introduced) out.push(`${p.red("+")} ${safe(shownFile(d.span.file, options))}: ${d.severity}[${codeLabel(d)}]: ${safe(d.message)}`);
  for (const d of report.other.fixed) out.push(`${p.green("-")} ${safe(shownFile(d.span.file, options))}: ${d.severity}[${codeLabel(d)}]: ${safe(d.message)}`);
  const changes = report.agreements.reduce((n, a) => n + a.changes.length, 0);
  const between = `between ${safe(report.old)} and ${safe(report.new)}`;
  out.push(changes === 0 ? `no change in accountability ${between}` : `${changes} ${changes === 1 ? "change" : "changes"} in accountability ${between}`);
  return out.join("\n") + "\n";
}
