// `diff --format markdown`: a pull-request comment. One table per agreement that changed
// (unchanged agreements are left out), then the findings introduced and fixed.
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { codeLabel, shownFile, type RenderOptions } from "../../diagnostics/report.js";
import type { DiffReport } from "./index.js";
import { partyList, safe, sameSet } from "./words.js";

/** The marker the GitHub Action finds its own comment by, to update it in place. */
export const COMMENT_MARKER = "<!-- concordat-diff -->";

function cell(s: string): string {
  return safe(s.replace(/\r?\n/g, " ")).replace(/([\\|`*_[\]<>])/g, "\\$1");
}

function roleCell(before: readonly string[], after: readonly string[]): string {
  return sameSet(before, after) ? cell(partyList(after)) : `~~${cell(partyList(before))}~~ → **${cell(partyList(after))}**`;
}

/** A heading and one line per finding, when there are findings. */
function findingList(out: string[], heading: string, findings: readonly Diagnostic[], options: RenderOptions): void {
  if (findings.length === 0) return;
  out.push("", heading, "");
  for (const d of findings) out.push(finding(d, options));
}

function finding(d: Diagnostic, options: RenderOptions): string {
  const clause = d.clause ? `, clause ${d.clause}` : "";
  return `- **${d.severity}** ${cell(codeLabel(d))}${clause} (${cell(shownFile(d.span.file, options))}:${d.span.line}): ${cell(d.message)}`;
}

export function renderDiffMarkdown(report: DiffReport, options: RenderOptions = {}): string {
  const out = [COMMENT_MARKER, "## concordat diff", ""];
  const shown = report.agreements.filter((a) => a.status !== "unchanged");
  if (shown.length === 0 && report.other.introduced.length === 0 && report.other.fixed.length === 0) {
    out.push(`No change in accountability between ${cell(report.old)} and ${cell(report.new)}.`);
    return out.join("\n") + "\n";
  }
  const changes = shown.reduce((n, a) => n + a.changes.length, 0);
  out.push(`${changes === 0 ? "No change" : `${changes} ${changes === 1 ? "change" : "changes"}`} in accountability between ${cell(report.old)} and ${cell(report.new)}.`);
  for (const a of shown) {
    const status = a.status === "added" ? " (new)" : a.status === "removed" ? " (removed)" : "";
    out.push("", `### ${cell(a.title ?? a.id)} (\`${a.id}\`)${status}`, "");
    if (a.changes.length > 0) {
      out.push("| activity | where | accountable | responsible |", "| --- | --- | --- | --- |");
      for (const c of a.changes)
        out.push(`| ${cell(c.activity)} | ${cell(c.where)} | ${roleCell(c.before.accountable, c.after.accountable)} | ${roleCell(c.before.responsible, c.after.responsible)} |`);
    } else out.push("Accountability and responsibility are unchanged.");
    findingList(out, "Findings introduced:", a.introduced, options);
    findingList(out, "Findings fixed:", a.fixed, options);
  }
  findingList(out, "Other findings introduced:", report.other.introduced, options);
  findingList(out, "Other findings fixed:", report.other.fixed, options);
  return out.join("\n") + "\n";
}
