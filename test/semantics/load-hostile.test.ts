// load.ts under hostile input (issue 8): nesting is measured before parsing, deep files ask
// for the large stack, and what is read never depends on the order of the paths.
import { describe, expect, it } from "vitest";
import { DeepNestingError, loadProgram, MAX_NESTING } from "../../src/semantics/index.js";
import { nestingDepth } from "../../src/semantics/load.js";
import { project as dir } from "../support/project.js";


describe("nestingDepth", () => {
  it("counts braces, not those in strings, prose or comments", () => {
    expect(nestingDepth("a { b { c } } d { }")).toBe(2);
    expect(nestingDepth('x { "{{{" """ {{{\n{{{ """ // {{{\n /* {{{ */ }')).toBe(1);
    expect(nestingDepth('"unterminated {{{\n{ }')).toBe(1);
    expect(nestingDepth("}}} {")).toBe(1);
  });
});

describe("loadProgram", () => {
  it("a file nested past the default stack asks for the large one; past MAX_NESTING it is one error", () => {
    const d = dir({ "deep.concord": `agreement a "A" {\n${"clause 1 {\n".repeat(400)}${"}\n".repeat(401)}`, "deeper.concord": "{".repeat(MAX_NESTING + 1) });
    expect(() => loadProgram(["deep.concord"], { cwd: d })).toThrow(DeepNestingError);
    const p = loadProgram(["deeper.concord"], { cwd: d });
    expect(p.diagnostics.map((x) => x.message)).toEqual([`The file nests \`{ … }\` ${(MAX_NESTING + 1).toLocaleString("en-GB")} levels deep; concordat reads at most ${MAX_NESTING.toLocaleString("en-GB")} levels.`]);
  });

  it("reads the same files in the same order whatever the order of the paths", () => {
    const d = dir({
      "a.concord": 'import "c.concord"\nframework a "A" { version "1" }\n',
      "b.concord": 'import "c.concord"\nimport "a.concord"\nframework b "B" { version "1" }\n',
      "c.concord": 'import "b.concord"\nframework c "C" { version "1" }\n',
    });
    const orders = [
      ["a.concord", "b.concord", "c.concord"],
      ["c.concord", "b.concord", "a.concord"],
      ["b.concord", "c.concord", "a.concord"],
    ].map((paths) => {
      const p = loadProgram(paths, { cwd: d });
      return { files: p.files.map((f) => f.path), diagnostics: p.diagnostics.map((x) => `${x.span.file}:${x.span.line}: ${x.message}`) };
    });
    expect(orders[1]).toEqual(orders[0]);
    expect(orders[2]).toEqual(orders[0]);
    expect(orders[0]!.diagnostics.some((m) => /Import cycle/.test(m))).toBe(true);
  });
});
