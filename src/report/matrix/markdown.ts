// The matrix as Markdown: one table per category, the findings listed after.
import { markdownCell } from "../text.js";
import { cellText, findingById, legend, type Matrix, type MatrixCell, type MatrixRow } from "./model.js";

export function activityLabel(row: { activity: string; title: string | null }): string {
  return row.title ? `${row.title} (${row.activity})` : row.activity;
}

function cell(c: MatrixCell): string {
  const t = cellText(c);
  return c.findings.length > 0 ? `${t} (${c.findings.join(", ")})` : t;
}

export function findingsText(m: Matrix, row: MatrixRow): string {
  return row.findings.map((id) => `${id} ${findingById(m, id)?.code ?? ""}`.trim()).join(", ");
}

export function renderMatrixMarkdown(m: Matrix, options: { headingLevel?: number } = {}): string {
  const h = "#".repeat(options.headingLevel ?? 1);
  const out: string[] = [];
  out.push(`${h} Responsibilities: ${markdownCell(m.title ?? m.agreement)}`, "");
  out.push(`Agreement \`${m.agreement}\` (${markdownCell(m.file)}). ${legend.map((l) => `${l.letter} ${l.word.toLowerCase()}`).join(", ")}.`, "");
  const head = ["Function", "Where", ...m.columns.map((c) => markdownCell(c.id)), "Clauses", "Findings"];
  for (const g of m.groups) {
    out.push(`${h}# ${markdownCell(g.title)}`, "");
    out.push(`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`);
    for (const f of g.functions) {
      if (f.id !== null) out.push(`| ${markdownCell(f.title ? `${f.title} (${f.id})` : f.id)} |${" |".repeat(head.length - 1)}`);
      let previous: string | null = null;
      for (const r of f.rows) {
        const label = r.activity === previous ? "" : markdownCell(activityLabel(r));
        previous = r.activity;
        out.push(`| ${[label, markdownCell(r.where ?? ""), ...r.cells.map(cell), r.clauses.join(", "), findingsText(m, r)].join(" | ")} |`);
      }
    }
    out.push("");
  }
  out.push(`${h}# Findings`, "");
  if (m.findings.length === 0) out.push("None.");
  for (const f of m.findings) {
    const where = [f.clause ? `clause ${f.clause}` : null, f.rule ? `${f.code === "model" ? "model" : "rule"} ${f.rule}` : null].filter((x) => x !== null).join(", ");
    out.push(`- **${f.id}** ${f.severity}[${f.code}]${where ? ` ${where}` : ""} (${markdownCell(f.file)}:${f.line}): ${markdownCell(f.message)}`);
  }
  return out.join("\n").replace(/\n+$/, "") + "\n";
}
