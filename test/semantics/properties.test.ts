// Properties: random valid agreements compile with no errors to rule sets ajv accepts;
// random text and mutations of the examples never make loading or compiling throw.
import fc from "fast-check";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileProgram, loadProgram, serializeRuleSet, validateRuleSet } from "../../src/semantics/index.js";
import { arbitraryAgreement } from "../support/arbitrary-agreement.js";
import { project, repoRoot } from "./helpers.js";

const dir = project({});
const file = path.join(dir, "gen.concord");
function compileText(text: string, name = "gen.concord") {
  fs.writeFileSync(path.join(dir, name), text);
  return compileProgram(loadProgram([name], { cwd: dir }));
}

describe("random valid agreements", () => {
  it("compile with no errors to a rule set ajv accepts", () => {
    fc.assert(
      fc.property(arbitraryAgreement, (g) => {
        const { ruleSet, diagnostics } = compileText(g.text);
        const errors = diagnostics.filter((d) => d.severity === "error").map((d) => `${d.span.line}:${d.span.column} ${d.code} ${d.message}`);
        expect(errors, g.text).toEqual([]);
        expect(validateRuleSet(ruleSet)).toEqual({ valid: true });
        const a = ruleSet.agreements[0];
        expect(a.assignments).toHaveLength(g.assignments);
        expect(a.delegations).toHaveLength(g.delegations);
        expect(a.places).toEqual(g.places);
        for (const x of a.assignments) {
          expect(x.overrides).not.toContain(x.id);
          expect(Object.keys(x.dimensions)).toEqual(["value", "setting"]);
          if (x.days.from !== null && x.days.to !== null && a.term) {
            expect(x.days.from >= a.term.from).toBe(true);
            expect(x.days.to <= a.term.to).toBe(true);
          }
        }
        // Deterministic: compiling again gives the same bytes.
        expect(serializeRuleSet(compileText(g.text).ruleSet)).toBe(serializeRuleSet(ruleSet));
      }),
    );
  });
});

const examples = [
  "policies/frameworks/collaboration-models.concord",
  "policies/frameworks/nhs-baseline.concord",
  "policies/agreements/eastmoor-mou.concord",
  "policies/agreements/northvale-group.concord",
].map((f) => fs.readFileSync(path.join(repoRoot, f), "utf8"));

const tokens = (text: string) => text.split(/(\s+)/);
const mutation = fc
  .record({
    example: fc.nat(examples.length - 1),
    edits: fc.array(fc.record({ kind: fc.constantFrom("delete", "duplicate", "swap"), at: fc.nat(), to: fc.nat() }), { minLength: 1, maxLength: 6 }),
  })
  .map(({ example, edits }) => {
    const ts = tokens(examples[example]);
    for (const e of edits) {
      const i = e.at % ts.length;
      const j = e.to % ts.length;
      if (e.kind === "delete") ts.splice(i, 1);
      else if (e.kind === "duplicate") ts.splice(i, 0, ts[i]);
      else [ts[i], ts[j]] = [ts[j], ts[i]];
      if (ts.length === 0) ts.push("");
    }
    return ts.join("");
  });

const soup = fc
  .array(
    fc.oneof(
      fc.constantFrom("framework", "agreement", "assign", "at", "place", "system", "where", "value", "{", "}", "clause", "1", "1.1", "overrides", "accountable", "each", "member", "£5", "2025-02-30", '"x"', "import", '"./gen.concord"', "in", "kind", "role", "levels", ",", "=", "<", "from", "until", "extends", "conforms", "to", "function", "a", "b", "\n"),
      fc.string({ maxLength: 5 }),
    ),
    { maxLength: 60 },
  )
  .map((xs) => xs.join(" "));

/** Every diagnostic of bad input is one a reader can act on: a known code, a real position, no internal error. */
function expectWellFormed(ds: readonly { code: string; message: string; span: { line: number; column: number } }[]): void {
  for (const d of ds) {
    expect(["syntax", "unresolved", "duplicate-declaration", "import", "type"]).toContain(d.code);
    expect(d.message).not.toMatch(/internal error|undefined|NaN/);
    expect(d.span.line).toBeGreaterThanOrEqual(1);
    expect(d.span.column).toBeGreaterThanOrEqual(1);
  }
}

describe("bad input never throws", () => {
  it("mutated examples", () => {
    fc.assert(
      fc.property(mutation, (text) => {
        // The examples import each other: keep them beside the mutation.
        const r = compileText(text);
        expectWellFormed(r.diagnostics);
      }),
    );
  });
  it("token soup and random strings, imports of themselves included", () => {
    fc.assert(
      fc.property(fc.oneof(soup, fc.string({ maxLength: 200 })), (text) => {
        const r = compileText(text);
        expectWellFormed(r.diagnostics);
      }),
    );
  });
});
void file;
