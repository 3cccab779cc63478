// compileProgram(program, { consumeTrees: true }) lets each agreement's items go as they are
// compiled (for `check`, which drops the trees). It must compile exactly what the plain compile
// does: the same rule set and the same diagnostics, on the policies, on agreements with every
// kind of error, and on random agreements; and it must really take the items.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileProgram, loadProgram, serializeRuleSet } from "../../src/semantics/index.js";
import type { Agreement } from "../../src/syntax/ast.js";
import { arbitraryAgreement } from "../support/arbitrary-agreement.js";
import { agreement, FRAMEWORK, project, repoRoot } from "./helpers.js";

function bothWays(paths: string[], cwd: string) {
  const plain = compileProgram(loadProgram(paths, { cwd }));
  const program = loadProgram(paths, { cwd });
  const consumed = compileProgram(program, { consumeTrees: true });
  expect(serializeRuleSet(consumed.ruleSet)).toBe(serializeRuleSet(plain.ruleSet));
  expect(consumed.diagnostics).toEqual(plain.diagnostics);
  return program;
}

function agreementsOf(program: ReturnType<typeof loadProgram>): Agreement[] {
  return program.files.flatMap((f) => (f.ast?.declarations ?? []).filter((d): d is Agreement => d?.kind === "Agreement"));
}

describe("compiling while letting the syntax trees go", () => {
  it("gives the plain compile's rule set and diagnostics on every agreement of policies/, and takes the items", () => {
    const folder = path.join(repoRoot, "policies/agreements");
    const files = fs.readdirSync(folder).filter((f) => f.endsWith(".concord"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const program = bothWays([path.join("policies/agreements", f)], repoRoot);
      const decls = agreementsOf(program);
      expect(decls.length).toBeGreaterThan(0);
      for (const d of decls) expect(d.items).toEqual([]);
    }
  });

  it("gives the same errors, with their clauses and spans, on an agreement full of mistakes", () => {
    const body = `
  clause 1 {
    assign procurement.strategy at place north, nowhere where value > £10 and colour = red {
      accountable north, ghost
      responsible each member
    }
  }
  clause 1 {
    assign hr overrides 9 {
      accountable board
    }
  }
  clause 2 {
    clause 2.1 {
      assign surgery where setting in { inpatient, elsewhere } from 2026-02-30 {
        accountable south
      }
    }
    delegate hr from north to nobody
    test "who" {
      expect accountable for hr at place north is north
    }
    allow R9 "no such rule"
  }`;
    const dir = project({ "base.concord": FRAMEWORK, "main.concord": agreement(body) });
    const program = bothWays(["main.concord"], dir);
    expect(agreementsOf(program)[0]!.items).toEqual([]);
    const plain = compileProgram(loadProgram(["main.concord"], { cwd: dir }));
    expect(plain.diagnostics.filter((d) => d.severity === "error").length).toBeGreaterThan(5);
  });

  it("gives the same rule set on random agreements", () => {
    const dir = project({});
    fc.assert(
      fc.property(arbitraryAgreement, (g) => {
        fs.writeFileSync(path.join(dir, "gen.concord"), g.text);
        bothWays(["gen.concord"], dir);
      }),
      { numRuns: 60 },
    );
  });
});
