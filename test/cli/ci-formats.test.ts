// The CI formats end to end, on the built binary: what a workflow gets.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { concordat, ensureBuilt, tempDir } from "./helpers.js";

beforeAll(() => ensureBuilt());

const EASTMOOR = "policies/agreements/eastmoor-mou.concord";

describe("CI formats from the built CLI", () => {
  it("sarif: URIs from the project root, fingerprints, rule help", () => {
    const r = concordat(["check", "--format", "sarif", EASTMOOR]);
    expect(r.code).toBe(1);
    const run = JSON.parse(r.stdout).runs[0];
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: EASTMOOR, uriBaseId: "%SRCROOT%" });
    for (const res of run.results) expect(res.partialFingerprints["concordatFinding/v1"]).toMatch(/^[0-9a-f]{32}:\d+$/);
    const b7 = run.tool.driver.rules.find((x: { id: string }) => x.id === "rule/B7");
    expect(b7.help.text).toContain("- must review every 12 months");
    expect(run.tool.driver.semanticVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("github: appends a table of every finding to $GITHUB_STEP_SUMMARY", () => {
    const dir = tempDir();
    const summary = path.join(dir, "summary.md");
    writeFileSync(summary, "earlier step\n");
    const r = concordat(["check", "--format", "github", EASTMOOR], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    const md = readFileSync(summary, "utf8");
    expect(md.startsWith("earlier step\n## concordat check\n")).toBe(true);
    expect(md).toContain("| error | delegation-cycle | 10 | policies/agreements/eastmoor-mou.concord | 92 |");
    expect(md).toContain("3 more errors are not annotated");
    expect(r.stdout.split("\n").filter((l) => l.startsWith("::")).length).toBe(16);
  });

  it("junit: names without lines, times", () => {
    const r = concordat(["check", "--format", "junit", EASTMOOR]);
    expect(r.stdout).toContain('<testcase name="gap, clause 5, estates" classname="policies/agreements/eastmoor-mou.concord" file="policies/agreements/eastmoor-mou.concord" line="52" time="0">');
  });

  it("plain: exactly one line per finding", () => {
    const r = concordat(["check", "--format", "plain", EASTMOOR]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(16);
    expect(lines[0]).toBe(
      "policies/agreements/eastmoor-mou.concord:6:1: error model/direct_outsourcing: The direct outsourcing model requires a `service_level_agreement` provision, which the agreement does not have.",
    );
    expect(r.stderr).toBe("");
  });
});
