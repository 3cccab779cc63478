import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import * as ajvFormats from "ajv-formats";
import { renderJson, jsonReport } from "../../src/diagnostics/json.js";
import { checkDiagnosticsReport } from "../../src/diagnostics/schema.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { all, FILE, gap, sources } from "./fixtures.js";

describe("json", () => {
  it("prints exactly one object with the fields of DESIGN.md section 3", () => {
    const text = renderJson(all, { sources, files: [FILE, "b.concord", "c.concord"] });
    expect(text.endsWith("}\n")).toBe(true);
    const report = JSON.parse(text);
    expect(Object.keys(report)).toEqual(["diagnostics", "summary"]);
    expect(report.summary).toEqual({ files: 3, errors: 2, warnings: 1 });
    const g = report.diagnostics.find((d: { code: string }) => d.code === "gap");
    expect(g).toEqual({
      code: "gap",
      severity: "error",
      message: gap.message,
      file: FILE,
      line: 4,
      column: 5,
      endLine: 6,
      endColumn: 6,
      clause: "2",
      rule: "B1",
      cite: "Baseline para 1: clarifying lines of accountability",
      witness: { activity: "procurement.operations", place: "a", date: "2025-04-01", dimensions: { value: 1000000, setting: "inpatient" } },
      related: [{ file: FILE, line: 2, column: 3, message: "party a is the only member" }],
    });
    expect(Object.keys(g)).toEqual(["code", "severity", "message", "file", "line", "column", "endLine", "endColumn", "clause", "rule", "cite", "witness", "related"]);
    expect(report.diagnostics.find((d: { code: string }) => d.code === "suppressed").reason).toBe("exit terms are in the master contract");
  });

  it("is valid against schemas/diagnostics.schema.json (checked by a separate ajv too)", () => {
    const report = JSON.parse(renderJson(all));
    expect(checkDiagnosticsReport(report)).toEqual({ valid: true, errors: [] });
    const schema = JSON.parse(readFileSync(new URL("../../schemas/diagnostics.schema.json", import.meta.url), "utf8"));
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.$id).toMatch(/diagnostics\.schema\.json$/);
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    ((ajvFormats as unknown as { default: (a: Ajv) => void }).default)(ajv);
    expect(ajv.validate(schema, report)).toBe(true);
  });

  it("makes absolute file names relative to cwd", () => {
    const d: Diagnostic = { ...gap, related: undefined, span: { ...gap.span, file: "/work/repo/policies/x.concord" } };
    expect(jsonReport([d], { cwd: "/work/repo" }).diagnostics[0]!.file).toBe("policies/x.concord");
  });

  it("empty report", () => {
    expect(JSON.parse(renderJson([], { files: ["a.concord"] }))).toEqual({ diagnostics: [], summary: { files: 1, errors: 0, warnings: 0 } });
  });

  it("a value the schema cannot hold is left out, so the report always validates (issue 8)", () => {
    const bad = { ...gap, clause: "1_0", span: { ...gap.span, line: 0, column: Number.NaN } };
    const report = JSON.parse(renderJson([bad]));
    expect(checkDiagnosticsReport(report).valid).toBe(true);
    expect(report.diagnostics[0].clause).toBeUndefined();
    expect([report.diagnostics[0].line, report.diagnostics[0].column]).toEqual([1, 1]);
    expect(checkDiagnosticsReport({ diagnostics: [], summary: { files: 0, errors: 0 } }).valid).toBe(false);
  });
});
