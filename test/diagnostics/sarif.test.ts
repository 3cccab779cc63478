import { describe, expect, it } from "vitest";
import { renderSarif, sarifLog, sarifRuleId, pathToUri } from "../../src/diagnostics/sarif.js";
import { all, FILE, gap, ruleWarning, suppressed } from "./fixtures.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

describe("sarif", () => {
  const log: Any = JSON.parse(renderSarif(all, { version: "9.9.9" }));

  it("is SARIF 2.1.0 with $schema and one run", () => {
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toMatch(/sarif-2\.1\.0\.json$/);
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe("concordat");
    expect(driver.version).toBe("9.9.9");
    expect(driver.informationUri).toMatch(/^https:\/\//);
  });

  it("has one rule per rule id, sorted, each with a short description", () => {
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r: Any) => r.id)).toEqual(["gap", "rule/B8", "suppressed", "unresolved"]);
    for (const r of rules) expect(r.shortDescription.text.length).toBeGreaterThan(0);
    expect(rules.find((r: Any) => r.id === "rule/B8").fullDescription.text).toContain("Baseline para 8");
  });

  it("gives results with ruleId, ruleIndex, level, message, location and region", () => {
    const results = log.runs[0].results;
    expect(results).toHaveLength(4);
    const rules = log.runs[0].tool.driver.rules;
    for (const r of results) expect(rules[r.ruleIndex].id).toBe(r.ruleId);
    const g = results.find((r: Any) => r.ruleId === "gap");
    expect(g.level).toBe("error");
    // Its related location names no clause, so the message links to it at the end.
    expect(g.message.text).toBe(`${gap.message} (see [related location 1](1))`);
    expect(g.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: FILE, uriBaseId: "%SRCROOT%" },
      region: { startLine: 4, startColumn: 5, endLine: 6, endColumn: 6 },
    });
    expect(g.relatedLocations).toEqual([
      { id: 1, physicalLocation: { artifactLocation: { uri: FILE, uriBaseId: "%SRCROOT%" }, region: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 37 } }, message: { text: "party a is the only member" } },
    ]);
    expect(g.properties).toMatchObject({ code: "gap", clause: "2", rule: "B1", cite: gap.cite, witness: gap.witness });
    expect(results.find((r: Any) => r.ruleId === "rule/B8").level).toBe("warning");
    const s = results.find((r: Any) => r.ruleId === "suppressed");
    expect(s.level).toBe("note");
    expect(s.suppressions).toEqual([{ kind: "inSource", justification: suppressed.reason }]);
  });

  it("is deterministic whatever the input order", () => {
    expect(renderSarif([...all].reverse(), { version: "1" })).toBe(renderSarif(all, { version: "1" }));
  });

  it("rule ids: the code, or rule/ID and model/ID", () => {
    expect(sarifRuleId(gap)).toBe("gap");
    expect(sarifRuleId(ruleWarning)).toBe("rule/B8");
    expect(sarifRuleId({ ...ruleWarning, code: "model", rule: "federated" })).toBe("model/federated");
  });

  it("encodes paths as URI references", () => {
    expect(pathToUri("my policies/a#1.concord")).toBe("my%20policies/a%231.concord");
    expect(pathToUri("../x.concord")).toBe("../x.concord");
  });

  it("empty log still has a run with the tool", () => {
    const empty: Any = sarifLog([], { version: "1" });
    expect(empty.runs[0].results).toEqual([]);
    expect(empty.runs[0].tool.driver.rules).toEqual([]);
  });
});

import { linkedMessage } from "../../src/diagnostics/sarif.js";
import { span as spanOf } from "./fixtures.js";
describe("sarif message links", () => {
  const related = (message: string) => ({ span: spanOf(2, 3, 2, 8), message });
  it("links the first mention of a related clause, escapes brackets, and lists the rest", () => {
    const d = { ...gap, message: "Clause [draft] clause 2.10 and clause 2.1 overlap.", related: [related("clause 2.1 starts here"), related("clause 7 elsewhere"), related("a party")] };
    expect(linkedMessage(d)).toBe("Clause \\[draft\\] clause 2.10 and [clause 2.1](1) overlap. (see [clause 7](2), [related location 3](3))");
  });
  it("leaves a message without related locations as it is, brackets escaped", () => {
    expect(linkedMessage({ ...gap, message: "a [b] c", related: [] })).toBe("a \\[b\\] c");
  });
});
