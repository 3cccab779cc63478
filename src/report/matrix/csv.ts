// The matrix as CSV (RFC 4180, CRLF): one line per row and region; findings spelled out in the last column.
import { csvField } from "../text.js";
import { cellText, findingById, matrixRows, type Matrix } from "./model.js";

export function renderMatrixCsv(m: Matrix): string {
  const lines: string[][] = [["Category", "Function", "Activity", "Where", ...m.columns.map((c) => c.id), "Clauses", "Findings"]];
  for (const { group, func, row } of matrixRows(m)) {
    const findings = row.findings.map((id) => {
      const f = findingById(m, id)!;
      return `${f.id} ${f.severity}[${f.code}]${f.clause ? ` clause ${f.clause}` : ""}: ${f.message}`;
    });
    lines.push([group.title, func.id ?? "", row.activity, row.where ?? "", ...row.cells.map(cellText), row.clauses.join(" "), findings.join(" | ")]);
  }
  return lines.map((l) => l.map(csvField).join(",")).join("\r\n") + "\r\n";
}
