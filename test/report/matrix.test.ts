// `matrix`: Markdown and CSV goldens written by hand from the examples' clauses; the XLSX read back with exceljs.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { buildMatrix, renderMatrixCsv, renderMatrixMarkdown, renderMatrixHtml } from "../../src/report/matrix/index.js";
import { renderMatrixXlsx } from "../../src/report/matrix/xlsx.js";
import { analysedExample, analysedSource, EASTMOOR, NORTHVALE } from "./helpers.js";
import { FW } from "../support/check-source.js";
import { concordat, ensureBuilt, tempDir } from "../cli/helpers.js";

const northvale = analysedExample(NORTHVALE);
const eastmoor = analysedExample(EASTMOOR);
const matrixOf = (a: typeof northvale) => buildMatrix(a.ruleSet, a.agreement, a.findings);

describe("matrix of northvale-group (no findings)", () => {
  it("Markdown: one table per category, procurement split at £1,000,000 (clauses 3.1, 3.2), each member's clinical services per place", () => {
    const expected = `# Responsibilities: Northvale Hospital Group collaboration agreement

Agreement \`northvale_group\` (${NORTHVALE}). R responsible, A accountable, C consulted, I informed.

## Support services

| Function | Where | northvale | eastmoor | westbridge | group_board | committee | Clauses | Findings |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
| Procurement (procurement) | | | | | | | | |
| Procurement strategy (procurement.strategy) | where value is under £1,000,000 | R |  |  | A |  | 3.2 |  |
|  | where value is at least £1,000,000 | R | C | C | A |  | 3.1 |  |
| Transactional procurement (procurement.operations) | where value is under £1,000,000 | R |  |  | A |  | 3.2 |  |
|  | where value is at least £1,000,000 | R | C | C | A |  | 3.1 |  |
| Human resources (hr) |  | R | I | I | A |  | 3.3 |  |
| Information systems (information_systems) |  | R | I | I | A |  | 3.3 |  |
| Estates (estates) |  | R | I | I | A |  | 3.3 |  |

## Other functions

| Function | Where | northvale | eastmoor | westbridge | group_board | committee | Clauses | Findings |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
| Public, patient and stakeholder engagement (engagement) |  |  | R |  | A |  | 4 |  |
| Education and training (education) |  |  | R |  | A |  | 4 |  |

## Challenging services (low volumes, hard to sustain)

| Function | Where | northvale | eastmoor | westbridge | group_board | committee | Clauses | Findings |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
| Paediatrics (paediatrics) | at northvale's place | A/R |  |  |  |  | 5 |  |
|  | at eastmoor's place |  | A/R |  |  |  | 5 |  |
|  | at westbridge's place |  |  | A/R |  |  | 5 |  |

## Core clinical and patient-facing services

| Function | Where | northvale | eastmoor | westbridge | group_board | committee | Clauses | Findings |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
| Emergency care (emergency_care) | at northvale's place | A/R |  |  |  |  | 5 |  |
|  | at eastmoor's place |  | A/R |  |  |  | 5 |  |
|  | at westbridge's place |  |  | A/R |  |  | 5 |  |

## Findings

None.
`;
    expect(renderMatrixMarkdown(matrixOf(northvale))).toBe(expected);
  });
});

describe("matrix of eastmoor-mou (gaps and conflicts marked)", () => {
  const m = matrixOf(eastmoor);
  const csv = renderMatrixCsv(m).split("\r\n");
  const gap = m.findings.find((f) => f.code === "gap" && f.clause === "2.2")!;
  const conflict = m.findings.find((f) => f.code === "conflict")!;
  const estatesGap = m.findings.find((f) => f.code === "gap" && f.clause === "5")!;

  it("CSV: a header with every party, then one line per row; the gap at £1,000,000 and the hr conflict spelled out with their clause", () => {
    expect(csv[0]).toBe("Category,Function,Activity,Where,eastmoor,westbridge,alliance,medica,Clauses,Findings");
    expect(csv.slice(1, 4)).toEqual([
      'Support services,procurement,procurement.strategy,"where value is under £1,000,000",A/R,,,,2.2,',
      `Support services,procurement,procurement.strategy,"where value is exactly £1,000,000",,,,,,"${gap.id} error[gap] clause 2.2: Nobody is accountable for procurement (procurement.strategy and procurement.operations) where value is exactly £1,000,000: clause 2.1 starts above it and clause 2.2 stops below it."`,
      'Support services,procurement,procurement.strategy,"where value is over £1,000,000",R,,A,,2.1,',
    ]);
    // hr: clause 3 (alliance) and clause 4 (each member) are both accountable; clause 10 swaps who does the work.
    const hr = csv.filter((l) => l.startsWith("Support services,,hr,"));
    // At eastmoor's place clause 3 names westbridge and clause 4 eastmoor responsible; clause 10
    // swaps them (eastmoor → westbridge, westbridge → eastmoor); at westbridge's place both become eastmoor.
    // The conflict, rule B3 (clause 4 assigns hr at place) and the delegation cycle of clause 10, in report order; commas, so quoted.
    const b3 = m.findings.find((f) => f.rule === "B3")!;
    const cycle = m.findings.find((f) => f.code === "delegation-cycle")!;
    const conflictText = `"${conflict.id} error[conflict] clause 4: More than one party is accountable for hr everywhere: clause 3 makes alliance accountable and clause 4 makes each member accountable (at eastmoor's place: alliance and eastmoor). | ${b3.id} error[rule] clause 4: Clause 4 assigns hr at place, but rule B3 requires category support to be delivered at system. | ${cycle.id} error[delegation-cycle] clause 10: The delegations of hr go round in a circle (hr: eastmoor → westbridge → eastmoor): each party hands the work to the next, so who does it is never settled."`;
    expect(hr).toEqual([
      `Support services,,hr,at eastmoor's place,A/R,R,A,,3 4,${conflictText}`,
      `Support services,,hr,at westbridge's place,R,A,A,,3 4,${conflictText}`,
    ]);
    expect(csv.filter((l) => l.includes(",estates,")).map((l) => l.split(",").slice(3, 9))).toEqual([
      ["from 2025-04-01 to 2026-03-31", "", "R", "A", "", "5"],
      ["from 2026-04-01 to 2031-03-31", "", "", "", "", ""],
    ]);
    expect(csv.find((l) => l.includes(",engagement,"))).toBe(`Other functions,,engagement,,,,,,,${m.findings.find((f) => f.code === "gap" && f.message.includes("engagement"))!.id} error[gap]: Nobody is accountable for engagement: no clause assigns it.`);
    expect(csv[csv.length - 1]).toBe(""); // CRLF after the last line
  });

  it("Markdown marks the conflicting cells and lists every finding of check", () => {
    const md = renderMatrixMarkdown(m).split("\n");
    const b3 = m.findings.find((f) => f.rule === "B3")!;
    const cycle = m.findings.find((f) => f.code === "delegation-cycle")!;
    const hrFindings = `${conflict.id} conflict, ${b3.id} rule, ${cycle.id} delegation-cycle`;
    expect(md).toContain(`| Human resources (hr) | at eastmoor's place | A/R (${conflict.id}) | R | A (${conflict.id}) |  | 3, 4 | ${hrFindings} |`);
    expect(md).toContain(`|  | at westbridge's place | R | A (${conflict.id}) | A (${conflict.id}) |  | 3, 4 | ${hrFindings} |`);
    const model = m.findings.find((f) => f.code === "model" && f.rule === "federated")!;
    const b9 = m.findings.find((f) => f.rule === "B9")!;
    expect(md).toContain(`| Paediatrics (paediatrics) | at eastmoor's place | R |  |  | A | 8 | ${model.id} model, ${b9.id} rule |`);
    expect(md).toContain(`|  | from 2026-04-01 to 2031-03-31 |  |  |  |  |  | ${estatesGap.id} gap |`);
    // 16 findings of DESIGN.md's table (14 errors … as check reports them), each listed once.
    expect(md.filter((l) => /^- \*\*F\d+\*\* /.test(l))).toHaveLength(m.findings.length);
    expect(m.findings.map((f) => f.code).sort()).toEqual(
      ["conflict", "delegation-cycle", "gap", "gap", "gap", "model", "model", "model", "no-responsible", "redundant", "rule", "rule", "rule", "rule", "rule", "test-failed"].sort(),
    );
  });

  it("the findings list links back to the rows that show a finding", () => {
    expect(gap.rows).toEqual(["row-procurement.strategy-2", "row-procurement.operations-2"]);
    expect(conflict.rows).toEqual(["row-hr-1", "row-hr-2"]);
    expect(m.findings.find((f) => f.code === "rule" && f.rule === "B6")!.rows).toEqual([]);
  });

  it("HTML: self-contained (no script, no external resource), a legend, the marks linked to the findings", () => {
    const html = renderMatrixHtml(m);
    expect(html).not.toMatch(/<script|<link|src="http|href="http|@import|url\(/);
    expect(html).toContain('<meta name="viewport"');
    expect(html).toContain("@media print");
    expect(html).toContain(`<a class="mark" href="#${conflict.id}">${conflict.id} conflict, clause 4</a>`);
    expect(html).toContain(`<li id="${gap.id}" class="error">`);
    expect(html).toContain('<a href="#row-procurement.strategy-2">procurement.strategy-2</a>');
  });

  it("text from the files is escaped in HTML", () => {
    const a = analysedSource(`${FW}
agreement ag "<script>alert(1)</script> & co" {
  conforms to fw
  party a "A" kind trust role member
  assign hr { accountable a }
}
`);
    const html = renderMatrixHtml(buildMatrix(a.ruleSet, a.agreement, a.findings));
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
  });
});

describe("matrix as XLSX, read back with exceljs", () => {
  it("has the rows of the CSV, frozen headers, and the findings on a second sheet", async () => {
    const m = matrixOf(eastmoor);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderMatrixXlsx(m)).buffer as ArrayBuffer);
    const sheet = wb.getWorksheet("Responsibilities")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1, xSplit: 2 });
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1).map((v) => (v && typeof v === "object" && "text" in v ? (v as { text: string }).text : (v ?? "")));
    expect(values(1)).toEqual(["Activity", "Where", "eastmoor", "westbridge", "alliance", "medica", "Clauses", "Findings", "Category", "Function"]);
    expect(values(2).slice(0, 8)).toEqual(["Procurement strategy (procurement.strategy)", "where value is under £1,000,000", "A/R", "", "", "", "2.2", ""]);
    const gap = m.findings.find((f) => f.code === "gap" && f.clause === "2.2")!;
    expect(values(3).slice(0, 8)).toEqual(["Procurement strategy (procurement.strategy)", "where value is exactly £1,000,000", "", "", "", "", "", `${gap.id} gap`]);
    expect(sheet.getRow(3).getCell(8).fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFFBE9E7" } });
    expect(sheet.rowCount).toBe(1 + renderMatrixCsv(m).trimEnd().split("\r\n").length - 1);
    const findings = wb.getWorksheet("Findings")!;
    expect(findings.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(findings.rowCount).toBe(1 + m.findings.length);
    const row = findings.getRow(1 + m.findings.indexOf(gap) + 1);
    expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value, row.getCell(4).value, row.getCell(5).value, row.getCell(7).value]).toEqual([gap.id, "error", "gap", "2.2", "B1", 30]);
  });
});

describe("concordat matrix (the built command)", () => {
  beforeAll(() => ensureBuilt());
  it("prints Markdown by default and writes HTML and XLSX with -o", () => {
    const r = concordat(["matrix", NORTHVALE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(renderMatrixMarkdown(matrixOf(northvale)));
    const dir = tempDir();
    const html = path.join(dir, "m.html");
    expect(concordat(["matrix", EASTMOOR, "--format", "html", "-o", html]).code).toBe(0);
    expect(fs.readFileSync(html, "utf8")).toBe(renderMatrixHtml(matrixOf(eastmoor)));
    const xlsx = path.join(dir, "m.xlsx");
    expect(concordat(["matrix", EASTMOOR, "-f", "xlsx", "-o", xlsx]).code).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString("latin1")).toBe("PK");
    expect(fs.readdirSync(dir).sort()).toEqual(["m.html", "m.xlsx"]);
  });
  it("xlsx without -o is a usage error; an unknown agreement names the ones there are", () => {
    const r = concordat(["matrix", EASTMOOR, "-f", "xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("concordat: --format xlsx writes a binary file: name it with -o, e.g. -o matrix.xlsx\n");
    const u = concordat(["matrix", EASTMOOR, "--agreement", "eastmoor"]);
    expect(u.code).toBe(2);
    expect(u.stderr).toBe(`concordat: no agreement eastmoor in ${EASTMOOR} (did you mean eastmoor_mou?); the agreements are eastmoor_mou\n`);
  });
});

describe("matrix of an agreement with no members and no term", () => {
  it("one row per activity, no region words, the gap marked", () => {
    const a = analysedSource(`${FW}
agreement ag "Small" {
  conforms to fw
  party s "Supplier Ltd" kind company role supplier
  scope hr, it
  assign hr { accountable s consulted s }
}
`);
    const m = buildMatrix(a.ruleSet, a.agreement, a.findings);
    const gap = m.findings.find((f) => f.code === "gap")!;
    expect(renderMatrixCsv(m)).toBe(
      [
        "Category,Function,Activity,Where,s,Clauses,Findings",
        "Support,,hr,,A/C,line 24,", // no clause: the assignment's line (FW is 18 lines, a blank, then the agreement)
        `Support,,it,,,,${gap.id} error[gap]: Nobody is accountable for it: no clause assigns it.`,
        "",
      ].join("\r\n"),
    );
  });
});
