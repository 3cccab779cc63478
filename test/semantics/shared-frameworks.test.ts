// Agreements under the same frameworks share one environment and its compiled functions,
// rules and models (SharedFrameworks in src/semantics/compile-agreement.ts): invisible in the
// rule set and the diagnostics, except that the lists are the same objects.
import { describe, expect, it } from "vitest";
import { brief, compileFiles, project } from "./helpers.js";
import { compileProgram, loadProgram } from "../../src/semantics/index.js";

const framework = (name: string, functions: string[], extra = "") => `framework ${name} "${name}" {
  levels system, place
  kind trust "Trust"
  role member "Member"
  dimension value: money
${functions.map((f) => `  function ${f} "${f}"`).join("\n")}
  model mutual "Mutual" {
    step 1
    accountable must be member
  }
  rule R1 "Cover" {
    must cover all functions
  }
${extra}}
`;

const agreement = (name: string, conformsTo: string, body = "") => `agreement ${name} "${name}" {
  conforms to ${conformsTo}
  party p "P" kind trust role member
  model mutual
${body}  clause 1 {
    assign f0 {
      accountable p
    }
  }
}
`;

describe("agreements under the same frameworks", () => {
  it("share their functions, rules and models, and compile as each would alone", () => {
    const files = {
      "fw.concord": framework("base", ["f0", "f1", "f2"]),
      "a.concord": `import "fw.concord"\n` + agreement("a", "base"),
      "b.concord": `import "fw.concord"\n` + agreement("b", "base"),
      "c.concord": `import "fw.concord"\n` + agreement("c", "base"),
    };
    const dir = project(files);
    const together = compileProgram(loadProgram(["."], { cwd: dir }));
    expect(together.diagnostics.filter((d) => d.severity === "error" && d.code !== "rule")).toEqual([]);
    const [a, b, c] = together.ruleSet.agreements;
    expect(b!.functions).toBe(a!.functions);
    expect(c!.rules).toBe(a!.rules);
    expect(c!.modelDefinitions[0]).toBe(a!.modelDefinitions[0]);
    for (const [i, name] of ["a", "b", "c"].entries()) {
      const alone = compileProgram(loadProgram([`${name}.concord`], { cwd: dir })).ruleSet.agreements[0]!;
      expect(JSON.stringify(together.ruleSet.agreements[i])).toBe(JSON.stringify(alone));
    }
  });

  it("do not share with an agreement that declares functions of its own, before or after it", () => {
    const fw = framework("base", ["f0", "f1"]);
    const local = agreement("b", "base", `  function extra "Extra"\n`);
    const r = compileFiles({ "main.concord": [fw, agreement("a", "base"), local, agreement("c", "base")].join("\n") });
    const [a, b, c] = r.ruleSet.agreements;
    expect(a!.functions.map((f) => f.id)).toEqual(["f0", "f1"]);
    expect(b!.functions.map((f) => f.id)).toEqual(["f0", "f1", "extra"]);
    expect(c!.functions).toBe(a!.functions);
    expect(b!.rules.flatMap((x) => x.obligations.flatMap((o) => o.activities ?? []))).toEqual(["f0", "f1", "extra"]);
    expect(c!.rules.flatMap((x) => x.obligations.flatMap((o) => o.activities ?? []))).toEqual(["f0", "f1"]);
  });

  it("do not share across different frameworks", () => {
    const r = compileFiles({ "main.concord": [framework("x", ["f0", "f1"]), framework("y", ["f0", "g1"]), agreement("a", "x"), agreement("b", "y"), agreement("c", "x")].join("\n") });
    const [a, b, c] = r.ruleSet.agreements;
    expect(b!.functions.map((f) => f.id)).toEqual(["f0", "g1"]);
    expect(c!.functions).toBe(a!.functions);
    expect(a!.functions.map((f) => f.id)).toEqual(["f0", "f1"]);
  });

  it("whose frameworks clash: each agreement gets the clash on its own `conforms to`", () => {
    const r = compileFiles({
      "main.concord": [framework("x", ["f0", "shared"]), framework("y", ["f9", "shared"]).replace("levels system, place\n", "levels system, place\n"), agreement("a", "x, y"), agreement("b", "x, y")].join("\n"),
    });
    const clashes = r.diagnostics.filter((d) => d.code === "duplicate-declaration").map(brief);
    const conformsLines = r.ruleSet.agreements.map((ag) => ag.span.line + 1);
    expect(clashes.filter((d) => /shared/.test(d.message)).map((d) => d.line)).toEqual(conformsLines);
  });
});
