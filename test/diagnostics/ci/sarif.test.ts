// SARIF as code scanning requires it: valid against the OASIS SARIF 2.1.0 schema (shipped in
// schemas/sarif-schema-2.1.0.json), help on every rule, fingerprints that survive unrelated
// edits, URIs relative to the project root, related locations linked from the message.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { renderSarif } from "../../../src/diagnostics/sarif.js";
import { checkProject, EASTMOOR, exampleProject, NORTHVALE, repo, unrelatedEdit, type Checked } from "./examples.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

/** The OASIS schema is draft-04 (`id`); ajv speaks draft-07, which reads it the same once `id` is `$id`. */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(path.join(repo, "schemas/sarif-schema-2.1.0.json"), "utf8"));
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv.compile(schema);
}

let eastmoor: Checked;
let log: Any;
beforeAll(() => {
  eastmoor = checkProject(exampleProject(), [EASTMOOR]);
  log = JSON.parse(renderSarif(eastmoor.diagnostics, eastmoor.options));
});

describe("sarif on the examples", () => {
  it("validates against the official SARIF 2.1.0 schema (eastmoor, northvale, every policy)", () => {
    const validate = sarifValidator();
    const northvale = checkProject(exampleProject(), [NORTHVALE]);
    const policies = checkProject(repo, ["policies"]);
    for (const c of [eastmoor, northvale, policies]) {
      const sarif = JSON.parse(renderSarif(c.diagnostics, c.options));
      expect(validate(sarif), JSON.stringify(validate.errors, null, 1)).toBe(true);
    }
    expect(validate({ version: "2.1.0", runs: [{ tool: { driver: {} } }] })).toBe(false); // the validator does reject
  });

  it("names the tool with its semantic version", () => {
    expect(log.runs[0].tool.driver).toMatchObject({ name: "concordat", version: "0.0.0-test", semanticVersion: "0.0.0-test" });
  });

  it("gives every rule help text, help markdown and a helpUri to its README section", () => {
    const rules: Any[] = log.runs[0].tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual([
      "conflict", "delegation-cycle", "gap", "model/direct_outsourcing", "model/federated", "no-responsible", "redundant",
      "rule/B3", "rule/B6", "rule/B7", "rule/B8", "rule/B9", "test-failed",
    ]);
    for (const r of rules) {
      expect(r.help.text.length).toBeGreaterThan(20);
      expect(r.help.markdown.length).toBeGreaterThan(20);
      expect(r.helpUri).toMatch(/^https:\/\/.+README\.md#[a-z-]+$/);
    }
    expect(rules.find((r) => r.id === "gap").helpUri).toMatch(/#gap$/);
    expect(rules.find((r) => r.id === "rule/B3").helpUri).toMatch(/#rule$/);
  });

  it("framework rules: the title, the obligations as written, the cite", () => {
    const b3 = log.runs[0].tool.driver.rules.find((r: Any) => r.id === "rule/B3");
    expect(b3.shortDescription.text).toBe("Framework rule B3: Corporate services at scale");
    expect(b3.help.text).toContain("- must deliver category support at system");
    expect(b3.help.text).toContain("Source: Baseline para 2: information systems, procurement and HR at scale");
    expect(b3.help.markdown).toContain("- `must deliver category support at system`");
    const b6 = log.runs[0].tool.driver.rules.find((r: Any) => r.id === "rule/B6");
    expect(b6.help.text).toContain("- must provide dispute_resolution\n- must provide exit");
    const federated = log.runs[0].tool.driver.rules.find((r: Any) => r.id === "model/federated");
    expect(federated.help.text).toMatch(/- accountable must be member, group/);
  });

  it("URIs are relative to the project root, with uriBaseId %SRCROOT%", () => {
    for (const r of log.runs[0].results) {
      const loc = r.locations[0].physicalLocation.artifactLocation;
      expect(loc).toEqual({ uri: EASTMOOR, uriBaseId: "%SRCROOT%" });
      for (const rel of r.relatedLocations ?? []) expect(rel.physicalLocation.artifactLocation.uriBaseId).toBe("%SRCROOT%");
    }
    // Run from a sub-folder, the URIs still start at the root (the folder of concordat.json).
    const dir = exampleProject();
    const fromSub = checkProject(path.join(dir, "agreements"), ["eastmoor-mou.concord"]);
    const sub = JSON.parse(renderSarif(fromSub.diagnostics, { ...fromSub.options, root: dir }));
    expect(sub.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(EASTMOOR);
  });

  it("links the related clause from the message", () => {
    const gap = log.runs[0].results.find((r: Any) => r.ruleId === "gap" && r.properties.clause === "2.2");
    expect(gap.message.text).toBe(
      "Nobody is accountable for procurement (procurement.strategy and procurement.operations) where value is exactly £1,000,000: [clause 2.1](1) starts above it and clause 2.2 stops below it.",
    );
    expect(gap.relatedLocations[0]).toMatchObject({ id: 1, physicalLocation: { region: { startLine: 24 } } });
    const conflict = log.runs[0].results.find((r: Any) => r.ruleId === "conflict");
    expect(conflict.message.text).toContain("[clause 3](1) makes alliance accountable");
  });

  it("partialFingerprints do not change when an unrelated edit moves every clause", () => {
    const edited = checkProject(exampleProject({ [EASTMOOR]: unrelatedEdit }), [EASTMOOR]);
    const after = JSON.parse(renderSarif(edited.diagnostics, edited.options));
    const lines = (l: Any) => l.runs[0].results.map((r: Any) => r.locations[0].physicalLocation.region.startLine);
    const prints = (l: Any) => l.runs[0].results.map((r: Any) => `${r.ruleId} ${r.partialFingerprints["concordatFinding/v1"]}`);
    expect(lines(after)).not.toEqual(lines(log)); // the edit did move them
    expect(prints(after)).toEqual(prints(log));
    // …and each finding has its own.
    expect(new Set(prints(log)).size).toBe(log.runs[0].results.length);
  });
});
