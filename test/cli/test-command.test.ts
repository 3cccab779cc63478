import { beforeAll, describe, expect, it } from "vitest";
import { concordat, ensureBuilt, STACK } from "./helpers.js";

beforeAll(() => ensureBuilt());

const EASTMOOR = "policies/agreements/eastmoor-mou.concord";
const NORTHVALE = "policies/agreements/northvale-group.concord";

describe("concordat test", () => {
  it("passes when every test passes", () => {
    const r = concordat(["test", NORTHVALE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/passed/);
    expect(r.stdout).not.toMatch(/FAILED/);
  });

  it("fails with the witness of a failure", () => {
    const r = concordat(["test", EASTMOOR]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAILED +eastmoor_mou: a procurement of exactly one million has an owner/);
    expect(r.stdout).toMatch(/witness: .*value = £1,000,000/);
    expect(r.stdout).toMatch(/1 test failed/);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });

  it("--format json and junit", () => {
    const j = concordat(["test", "--format", "json", "policies"]);
    expect(j.code).toBe(1);
    const report = JSON.parse(j.stdout);
    expect(report.summary.failed).toBe(1);
    expect(report.summary.tests).toBe(report.tests.length);
    const failed = report.tests.find((t: { passed: boolean }) => !t.passed);
    expect(failed.failures[0].witness.dimensions.value).toBe(1000000);
    const x = concordat(["test", "--format", "junit", "policies"]);
    expect(x.code).toBe(1);
    expect(x.stdout).toMatch(/<testsuites name="concordat test" tests="\d+" failures="1"/);
  });

  it("a missing path is exit 2", () => {
    expect(concordat(["test", "nope"]).code).toBe(2);
  });
});
