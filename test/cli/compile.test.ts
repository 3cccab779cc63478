import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { concordat, ensureBuilt, STACK, tempDir } from "./helpers.js";

beforeAll(() => ensureBuilt());

const NORTHVALE = "policies/agreements/northvale-group.concord";
const BROKEN = 'agreement broken {\n  party a "A" kind\n}\n';

describe("concordat compile", () => {
  it("prints the rule set as JSON on stdout", () => {
    const r = concordat(["compile", NORTHVALE]);
    expect(r.code).toBe(0);
    const rs = JSON.parse(r.stdout);
    expect(rs.format).toBe("concordat-ruleset/1");
    expect(rs.agreements.length).toBeGreaterThan(0);
  });

  it("gives the same bytes twice", () => {
    const dir = tempDir();
    const a = path.join(dir, "a.json");
    const b = path.join(dir, "b.json");
    expect(concordat(["compile", NORTHVALE, "-o", a]).code).toBe(0);
    expect(concordat(["compile", NORTHVALE, "-o", b]).code).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    expect(readFileSync(a, "utf8")).toBe(concordat(["compile", NORTHVALE]).stdout);
    expect(readdirSync(dir).sort()).toEqual(["a.json", "b.json"]); // no temp files left
  });

  it("with errors: prints them, exits 1, writes nothing", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "broken.concord"), BROKEN);
    const r = concordat(["compile", "broken.concord", "-o", "out.json"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^broken\.concord:\d+:\d+: error\[syntax\]/m);
    expect(r.stderr).not.toMatch(STACK);
    expect(readdirSync(dir)).toEqual(["broken.concord"]);
  });

  it("with errors: leaves an existing output file untouched", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "broken.concord"), BROKEN);
    writeFileSync(path.join(dir, "out.json"), "previous output\n");
    const r = concordat(["compile", "broken.concord", "-o", "out.json"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(readFileSync(path.join(dir, "out.json"), "utf8")).toBe("previous output\n");
    expect(readdirSync(dir).sort()).toEqual(["broken.concord", "out.json"]);
  });

  it("with errors and no -o: nothing on stdout", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "broken.concord"), BROKEN);
    const r = concordat(["compile", "broken.concord"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
  });

  it("replaces a previous output on success", () => {
    const dir = tempDir();
    const out = path.join(dir, "out.json");
    writeFileSync(out, "old");
    expect(concordat(["compile", NORTHVALE, "-o", out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).format).toBe("concordat-ruleset/1");
  });

  it("exit 2: no file given, a missing file, an output that is a folder", () => {
    const dir = tempDir();
    for (const args of [["compile"], ["compile", "nope.concord"], ["compile", NORTHVALE, "-o", dir]]) {
      const r = concordat(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^concordat: /m);
      expect(r.stdout + r.stderr).not.toMatch(STACK);
    }
  });
});

describe("concordat schema", () => {
  it("prints the rule set schema by default, and the diagnostics schema on request", () => {
    const r = concordat(["schema"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.$id).toMatch(/ruleset\.schema\.json$/);
    const d = concordat(["schema", "diagnostics"]);
    expect(d.code).toBe(0);
    expect(JSON.parse(d.stdout).$id).toMatch(/diagnostics\.schema\.json$/);
    expect(JSON.parse(concordat(["schema", "ruleset"]).stdout)).toEqual(s);
  });

  it("an unknown schema is a usage error", () => {
    const r = concordat(["schema", "nonsense"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
  });
});

describe("a rule set too large to write as JSON", () => {
  it("is explained with what fills it, and what to do", async () => {
    const { tooLargeToWrite } = await import("../../src/cli/commands/compile.js");
    const { compileProgram, loadProgram } = await import("../../src/semantics/index.js");
    const ruleSet = compileProgram(loadProgram(["policies/agreements/northvale-group.concord", "policies/agreements/eastmoor-mou.concord"])).ruleSet;
    const functions = [...ruleSet.frameworks, ...ruleSet.agreements].reduce((n, x) => n + x.functions.length, 0);
    const assignments = ruleSet.agreements.reduce((n, a) => n + a.assignments.length, 0);
    expect(tooLargeToWrite(ruleSet)).toBe(
      "the rule set is too large to write as JSON: it would be longer than the longest text Node can hold (about 512 MB). " +
        `Its ${ruleSet.frameworks.length} frameworks and 2 agreements hold ${functions} functions (each agreement carries every function of its frameworks, by its full dotted name) and ${assignments} assignments. Compile fewer files at a time`,
    );
  });
});
