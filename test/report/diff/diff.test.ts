// `concordat diff` on the examples: hand-written expectations of what an edit of the eastmoor
// draft changes, in every format, and the JSON against schemas/diff.schema.json.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { diffJson, diffRuleSets, renderDiffMarkdown, renderDiffPretty, type DiffReport } from "../../../src/report/diff/index.js";
import { compileProgram, loadProgram } from "../../../src/semantics/index.js";
import { analyze } from "../../../src/analysis/index.js";
import { mergeDiagnostics } from "../../../src/cli/pipeline.js";
import { EASTMOOR, exampleProject, NORTHVALE, repo } from "../../diagnostics/ci/examples.js";

const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

/** The draft with clause 2.2 closed at £1,000,000 (`<=`) and westbridge in medica's place. */
const edit = (text: string) => text.replace("where value < £1_000_000", "where value <= £1_000_000").replaceAll("accountable medica", "accountable westbridge");

function side(dir: string, file: string, label: string) {
  const compiled = compileProgram(loadProgram([file], { cwd: dir }));
  return { label, ruleSet: compiled.ruleSet, diagnostics: mergeDiagnostics(compiled.diagnostics, analyze(compiled.ruleSet)) };
}

let report: DiffReport;
let dir: string;
beforeAll(() => {
  const before = exampleProject();
  dir = exampleProject({ [EASTMOOR]: edit });
  report = diffRuleSets(side(before, EASTMOOR, "main"), side(dir, EASTMOOR, "the working tree"));
});

describe("diff of the eastmoor draft and its edit", () => {
  it("the changes of accountability, per activity and region, in words", () => {
    const [a] = report.agreements;
    expect(a!.id).toBe("eastmoor_mou");
    expect(a!.status).toBe("changed");
    expect(a!.changes.map((c) => [c.activity, c.where, c.before.accountable, c.after.accountable, c.before.responsible, c.after.responsible])).toEqual([
      // clause 2.2 now reaches £1,000,000, where nobody was accountable
      ["procurement.strategy", "where value is exactly £1,000,000", [], ["eastmoor"], [], ["eastmoor"]],
      ["procurement.operations", "where value is exactly £1,000,000", [], ["eastmoor"], [], ["eastmoor"]],
      // clause 6: medica stays responsible
      ["information_systems", "everywhere", ["medica"], ["westbridge"], ["medica"], ["medica"]],
      // clause 8: each member stays responsible at its own place
      ["paediatrics", "at eastmoor's place", ["medica"], ["westbridge"], ["eastmoor"], ["eastmoor"]],
      ["paediatrics", "at westbridge's place", ["medica"], ["westbridge"], ["westbridge"], ["westbridge"]],
    ]);
    expect(a!.changes[0]!.witness).toMatchObject({ activity: "procurement.strategy", dimensions: { value: 1000000 } });
  });

  it("findings introduced and fixed", () => {
    const [a] = report.agreements;
    const label = (d: { code: string; rule?: string; clause?: string }) => `${d.code}${d.rule ? ` ${d.rule}` : ""}${d.clause ? ` clause ${d.clause}` : ""}`;
    expect(a!.fixed.map(label)).toEqual([
      "gap B1 clause 2.2",
      "model direct_outsourcing clause 6",
      "model federated clause 8",
      "rule B9 clause 8",
      "test-failed", // nobody at £1,000,000 …
    ]);
    expect(a!.introduced.map(label)).toEqual([
      "model direct_outsourcing clause 6", // westbridge is a member, not the commissioner
      "test-failed", // … now eastmoor, where the test expects the alliance
    ]);
  });

  it("markdown: one table for the agreement that changed", () => {
    const md = renderDiffMarkdown(report, { cwd: dir });
    expect(md.split("\n").slice(0, 14)).toEqual([
      "<!-- concordat-diff -->",
      "## concordat diff",
      "",
      "5 changes in accountability between main and the working tree.",
      "",
      "### Eastmoor and Westbridge memorandum of understanding (`eastmoor_mou`)",
      "",
      "| activity | where | accountable | responsible |",
      "| --- | --- | --- | --- |",
      "| procurement.strategy | where value is exactly £1,000,000 | ~~nobody~~ → **eastmoor** | ~~nobody~~ → **eastmoor** |",
      "| procurement.operations | where value is exactly £1,000,000 | ~~nobody~~ → **eastmoor** | ~~nobody~~ → **eastmoor** |",
      "| information\\_systems | everywhere | ~~medica~~ → **westbridge** | medica |",
      "| paediatrics | at eastmoor's place | ~~medica~~ → **westbridge** | eastmoor |",
      "| paediatrics | at westbridge's place | ~~medica~~ → **westbridge** | westbridge |",
    ]);
    expect(md).toContain("Findings fixed:");
  });

  it("pretty: one line per change", () => {
    const text = renderDiffPretty(report, { cwd: dir });
    expect(text).toContain("  information_systems everywhere: accountable: medica → westbridge; responsible: medica (unchanged)\n");
    expect(text.trimEnd().split("\n").at(-1)).toBe("5 changes in accountability between main and the working tree");
  });

  it("json: valid against schemas/diff.schema.json", () => {
    const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
    (addFormats as unknown as (a: Ajv) => void)(ajv);
    ajv.addSchema(JSON.parse(readFileSync(path.join(repo, "schemas/diagnostics.schema.json"), "utf8")));
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(repo, "schemas/diff.schema.json"), "utf8")));
    const json = diffJson(report, { cwd: dir });
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.summary).toEqual({ agreementsChanged: 1, changes: 5, introduced: 2, fixed: 5 });
    expect(json.changed).toBe(true);
    expect(json.agreements[0]!.changes[2]).toEqual({
      activity: "information_systems",
      where: "everywhere",
      witness: expect.objectContaining({ activity: "information_systems" }),
      accountable: { before: ["medica"], after: ["westbridge"] },
      responsible: { before: ["medica"], after: ["medica"] },
    });
    expect(validate({ ...json, format: "other" })).toBe(false);
  });

  it("a file compared with itself: no change, nothing introduced or fixed; markdown says so", () => {
    for (const file of [EASTMOOR, NORTHVALE]) {
      const same = diffRuleSets(side(dir, file, "a"), side(dir, file, "b"));
      expect(same.agreements.every((a) => a.status === "unchanged" && a.changes.length === 0)).toBe(true);
      expect(same.other).toEqual({ introduced: [], fixed: [] });
      expect(renderDiffMarkdown(same)).toBe("<!-- concordat-diff -->\n## concordat diff\n\nNo change in accountability between a and b.\n");
    }
  });
});

describe("diff renderers and text from files", () => {
  it("control characters in a title are shown escaped, never sent to the terminal", () => {
    const r: DiffReport = {
      ...report,
      agreements: report.agreements.map((a) => ({ ...a, title: "Evil\u001b[2J title" })),
    };
    const text = renderDiffPretty(r, { cwd: dir });
    expect(text).not.toContain("\u001b[2J");
    expect(text).toContain('"Evil\\u001b[2J title"');
    expect(renderDiffMarkdown(r, { cwd: dir })).not.toContain("\u001b");
  });
});
