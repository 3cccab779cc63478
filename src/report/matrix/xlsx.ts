// The matrix as a spreadsheet (exceljs): the same rows as the CSV on a "Responsibilities" sheet
// with frozen headers and the function column frozen, cells with a finding filled and linked;
// the findings on a second sheet, "Findings".
import ExcelJS from "exceljs";
import { printable } from "../text.js";
import { cellText, findingById, matrixRows, type Matrix } from "./model.js";
import { activityLabel } from "./markdown.js";
import { reportDate, withFixedDates } from "../fixed-zip.js";

const ERROR_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFBE9E7" } };
const WARNING_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF4D6" } };
const HEAD_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F2F1" } };

/** A cell value a spreadsheet will not run as a formula. */
function text(s: string): string {
  return printable(s);
}

export async function renderMatrixXlsx(m: Matrix): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "concordat";
  // Fixed dates: the same agreement gives the same workbook (and its ZIP entries, below).
  const date = reportDate();
  wb.created = date;
  wb.modified = date;
  const sheet = wb.addWorksheet("Responsibilities", { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  const header = ["Activity", "Where", ...m.columns.map((c) => c.id), "Clauses", "Findings", "Category", "Function"];
  sheet.addRow(header);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).eachCell((c) => (c.fill = HEAD_FILL));
  sheet.columns = header.map((h, i) => ({ width: i === 0 ? 40 : i === 1 ? 36 : h === "Findings" ? 48 : h === "Category" ? 30 : Math.max(10, h.length + 2) }));
  const findingsSheet = wb.addWorksheet("Findings", { views: [{ state: "frozen", ySplit: 1 }] });
  const severityOf = (ids: string[]) => {
    const fs = ids.map((id) => findingById(m, id));
    return fs.some((f) => f?.severity === "error") ? "error" : fs.some((f) => f?.severity === "warning") ? "warning" : null;
  };
  const firstRowOf = new Map<string, number>();
  const positionOf = new Map(m.findings.map((f, i) => [f.id, i]));
  for (const { group, func, row } of matrixRows(m)) {
    const findings = row.findings.map((id) => `${id} ${findingById(m, id)?.code ?? ""}`.trim()).join(", ");
    const r = sheet.addRow([
      text(activityLabel(row)),
      text(row.where ?? ""),
      ...row.cells.map(cellText),
      row.clauses.join(", "),
      findings,
      text(group.title),
      func.id ?? "",
    ]);
    row.cells.forEach((c, i) => {
      const cell = r.getCell(3 + i);
      cell.alignment = { horizontal: "center" };
      const sev = severityOf(c.findings);
      if (sev) cell.fill = sev === "error" ? ERROR_FILL : WARNING_FILL;
    });
    const sev = severityOf(row.findings);
    const fcell = r.getCell(3 + m.columns.length + 1);
    if (sev) fcell.fill = sev === "error" ? ERROR_FILL : WARNING_FILL;
    const first = row.findings[0];
    if (first) {
      fcell.value = { text: findings, hyperlink: `#'Findings'!A${(positionOf.get(first) ?? -1) + 2}` };
    }
    for (const id of row.findings) if (!firstRowOf.has(id)) firstRowOf.set(id, r.number);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };

  findingsSheet.addRow(["Finding", "Severity", "Code", "Clause", "Rule or model", "File", "Line", "Message", "Cite", "In the matrix"]);
  findingsSheet.getRow(1).font = { bold: true };
  findingsSheet.getRow(1).eachCell((c) => (c.fill = HEAD_FILL));
  findingsSheet.columns = [8, 10, 16, 8, 14, 40, 6, 90, 50, 14].map((width) => ({ width }));
  for (const f of m.findings) {
    const r = findingsSheet.addRow([f.id, f.severity, f.code, f.clause ?? "", f.rule ?? "", text(f.file), f.line, text(f.message), text(f.cite ?? ""), ""]);
    r.getCell(8).alignment = { wrapText: true, vertical: "top" };
    const at = firstRowOf.get(f.id);
    if (at !== undefined) r.getCell(10).value = { text: `row ${at}`, hyperlink: `#'Responsibilities'!A${at}` };
  }
  const buffer = await wb.xlsx.writeBuffer();
  return withFixedDates(new Uint8Array(buffer as ArrayBuffer), date, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}
