// `--format junit` validated against the Jenkins JUnit schema (schemas/junit-10.xsd) with
// xmllint-wasm (libxml2 compiled to WebAssembly: a real XSD validator, no native download).
import { readFileSync } from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";
import { describe, expect, it } from "vitest";
import { renderJunit, renderTestsJunit } from "../../../src/diagnostics/junit.js";
import { all, span } from "../fixtures.js";
import { checkProject, EASTMOOR, exampleProject, NORTHVALE, repo, unrelatedEdit } from "./examples.js";

const xsd = readFileSync(path.join(repo, "schemas/junit-10.xsd"), "utf8");

async function validate(xml: string) {
  const r = await validateXML({ xml: [{ fileName: "report.xml", contents: xml }], schema: [{ fileName: "junit-10.xsd", contents: xsd }] });
  return { valid: r.valid, errors: r.errors.map((e) => e.rawMessage) };
}

describe("junit against the Jenkins schema", () => {
  it("check reports on the examples are valid", async () => {
    for (const files of [[EASTMOOR], [NORTHVALE]]) {
      const c = checkProject(exampleProject(), files);
      expect(await validate(renderJunit(c.diagnostics, c.options))).toEqual({ valid: true, errors: [] });
    }
    expect(await validate(renderJunit(all, { failOn: "warning" }))).toEqual({ valid: true, errors: [] });
  });

  it("test reports are valid", async () => {
    const xml = renderTestsJunit([
      { agreement: "demo", title: "passes", span: span(2, 3, 2, 10), passed: true, failures: [] },
      { agreement: "demo", title: "fails", span: span(4, 5, 4, 10), passed: false, failures: [{ span: span(5, 7, 5, 20), message: "nobody" }] },
    ]);
    expect(await validate(xml)).toEqual({ valid: true, errors: [] });
  });

  it("the validator does reject what the schema forbids", async () => {
    const bad = renderJunit(all).replace("<testsuites ", '<testsuites skipped="1" ');
    expect((await validate(bad)).valid).toBe(false);
  });

  it("every suite and case has a time", () => {
    const xml = renderJunit(all, { files: ["agreements/demo.concord"] });
    for (const tag of xml.match(/<(testsuites|testsuite|testcase) [^>]*>/g)!) expect(tag).toMatch(/ time="0"/);
  });
});

describe("junit test-case names", () => {
  const names = (xml: string) => [...xml.matchAll(/<testcase name="([^"]*)"/g)].map((m) => m[1]);

  it("say what the finding is: code, clause, activity (no line)", () => {
    const c = checkProject(exampleProject(), [EASTMOOR]);
    expect(names(renderJunit(c.diagnostics, c.options))).toEqual([
      "model direct_outsourcing",
      "rule B6",
      "rule B8",
      "rule B7",
      "gap, engagement",
      "gap, clause 2.2, procurement.strategy",
      "conflict, clause 4, hr",
      "rule B3, clause 4, hr",
      "gap, clause 5, estates",
      "model direct_outsourcing, clause 6, information_systems",
      "no-responsible, clause 7, education",
      "model federated, clause 8, paediatrics",
      "rule B9, clause 8, paediatrics",
      "redundant, clause 9.1, emergency_care",
      "delegation-cycle, clause 10, hr",
      "test-failed, procurement.operations",
      // the two frameworks it imports
      "no findings",
      "no findings",
    ]);
  });

  it("stay the same after an unrelated edit", () => {
    const before = checkProject(exampleProject(), [EASTMOOR]);
    const after = checkProject(exampleProject({ [EASTMOOR]: unrelatedEdit }), [EASTMOOR]);
    const a = renderJunit(before.diagnostics, before.options);
    const b = renderJunit(after.diagnostics, after.options);
    expect(a).not.toEqual(b); // lines moved
    expect(names(b)).toEqual(names(a));
  });

  it("two findings with one name in a file are numbered", () => {
    const xml = renderJunit([all[1]!, { ...all[1]!, span: span(2, 3, 2, 8) }]);
    // Report order: the copy on line 2 first, then the original on line 4.
    expect(names(xml)).toEqual(["gap, clause 2, procurement.operations", "gap, clause 2, procurement.operations (2)"]);
  });
});
