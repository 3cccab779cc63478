// Every diagnostic `analyze()` gives for random agreements (with money, enum and `number`
// dimensions: unbounded, half-bounded, `!=`, points) is well formed: its witness names a real
// point of the finding's region, its words never leak NaN/Infinity/undefined/null, and the JSON
// report it makes passes its schema.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Agreement, RuleSet } from "../../../src/generated/ruleset.js";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import { analyze } from "../../../src/analysis/index.js";
import { renderers } from "../../../src/diagnostics/index.js";
import { agreementArb } from "../../support/arbitrary-ruleset.js";
import { analysedActivities, classify, elementaryPoints, inDomain, witnessPoint, type OracleCell } from "../../support/oracle.js";

function ruleSetOf(ag: Agreement): RuleSet {
  return { format: "concordat-ruleset/1", files: ["test.concord"], frameworks: [], agreements: [ag] };
}

/** The assignment or delegation a diagnostic (or one of its related spans) sits on, by line. */
function byLine<T extends { span: { line: number } }>(items: readonly T[], line: number): T | undefined {
  return items.find((x) => x.span.line === line);
}

/** Whether the oracle's classification of the witness point is what the finding says holds there. */
/** Whether an assignment applies after overrides at some point of the oracle's space. */
function remainsAnywhere(ag: Agreement, id: string, list: "remaining" | "applicable"): boolean {
  return analysedActivities(ag).some((act) => elementaryPoints(ag, act).some((p) => classify(ag, p)[list].includes(id)));
}

function holdsAt(ag: Agreement, d: Diagnostic, c: OracleCell, activity: string): boolean {
  const asg = byLine(ag.assignments, d.span.line);
  const del = byLine(ag.delegations, d.span.line);
  switch (d.code) {
    case "gap":
      return c.kind === "gap";
    case "conflict":
      return c.kind === "conflict" && asg !== undefined && c.involved.includes(asg.id);
    case "redundant":
      return c.kind === "redundant" && asg !== undefined && c.involved.includes(asg.id);
    case "no-responsible":
      return c.accountable.length > 0 && c.responsible.length === 0 && asg !== undefined && c.involved.includes(asg.id);
    case "shadowed":
      // Overridden where it would apply.
      return asg !== undefined && c.applicable.includes(asg.id) && !c.remaining.includes(asg.id);
    case "override-cycle":
      // Where it applies after overrides; one that applies nowhere (it overrides itself), where its box lies.
      // One whose own box is empty lies nowhere: any point of its activity.
      if (asg === undefined) return false;
      if (c.remaining.includes(asg.id)) return true;
      if (remainsAnywhere(ag, asg.id, "remaining")) return false;
      return c.applicable.includes(asg.id) || !remainsAnywhere(ag, asg.id, "applicable");
    case "delegation":
      // Live there, and its `from` party is not responsible there (or the activity is outside the
      // space); or, for a delegation live nowhere, any point of the activity.
      if (del === undefined) return false;
      if (!c.delegations.includes(del.id)) return !elementaryPoints(ag, activity).some((p) => classify(ag, p).delegations.includes(del.id));
      return !analysedActivities(ag).includes(activity) || !c.named.includes(del.from);
    case "delegation-cycle": {
      const chain = [d.span.line, ...(d.related ?? []).map((r) => r.span.line)].map((l) => byLine(ag.delegations, l));
      return chain.every((x) => x !== undefined && c.delegations.includes(x.id));
    }
    case "rule":
      // A rule finding names an activity one of that rule's obligations selects.
      return ag.rules.some((r) => r.id === d.rule && r.obligations.some((o) => (o.activities ?? []).includes(activity)));
    default:
      // Every other code is judged elsewhere; a finding this checker does not know is a failure.
      return ["model", "test-failed", "suppressed"].includes(d.code);
  }
}

const LEAKS = /NaN|Infinity|undefined|null/;

describe("diagnostics of random agreements", () => {
  it("every witness value is a finite number or an enum value, in the domain and in the finding's region", () => {
    fc.assert(
      fc.property(agreementArb, (ag) => {
        for (const d of analyze(ruleSetOf(ag))) {
          const w = d.witness;
          // Every analysis finding but `suppressed` carries a witness.
          if (d.code === "suppressed") continue;
          expect(w, `${d.code} "${d.message}" has no witness`).toBeDefined();
          if (!w) continue;
          const acts = w.activities ?? (w.activity !== undefined ? [w.activity] : []);
          const given = Object.keys(w.dimensions);
          // A witness names every dimension, or none at all (a finding that holds at no point).
          if (given.length === 0) continue;
          expect(given.sort()).toEqual(ag.dimensions.map((x) => x.id).sort());
          for (const dim of ag.dimensions) {
            const v = w.dimensions[dim.id];
            if (dim.type === "enum") expect(dim.values).toContain(v);
            // Past what a double holds to the penny, money is its exact decimal (DESIGN.md §7).
            else if (dim.type === "money" && typeof v === "string") expect(v).toMatch(/^\d{14,}\.\d{1,2}$/);
            else {
              expect(typeof v).toBe("number");
              expect(Number.isFinite(v)).toBe(true);
            }
          }
          expect(acts.length).toBeGreaterThan(0);
          const holds = acts.map((activity) => {
            const pt = witnessPoint(ag, w, activity);
            expect(inDomain(ag, pt), `${d.code} witness ${JSON.stringify(w)} outside the space`).toBe(true);
            return holdsAt(ag, d, classify(ag, { ...pt, piece: [] }), activity);
          });
          // A finding over several activities holds at its witness for one of them at least (the
          // first point of their union); a gap groups only activities with the same gap: for all.
          const ok = d.code === "gap" ? holds.every(Boolean) : holds.some(Boolean);
          expect(ok, `${d.code} "${d.message}" does not hold at ${JSON.stringify(w)}`).toBe(true);
        }
      }),
    );
  });

  it("no message says NaN, Infinity, undefined or null", () => {
    fc.assert(
      fc.property(agreementArb, (ag) => {
        for (const d of analyze(ruleSetOf(ag))) {
          expect(d.message).not.toMatch(LEAKS);
          for (const r of d.related ?? []) expect(r.message).not.toMatch(LEAKS);
        }
      }),
    );
  });

  it("the JSON report validates against its schema (and the other formats render)", () => {
    fc.assert(
      fc.property(agreementArb, (ag) => {
        const ds = analyze(ruleSetOf(ag));
        const options = { files: ["test.concord"], currencies: { value: "£" } };
        const json = renderers.json(ds, options);
        expect(JSON.parse(json).diagnostics).toHaveLength(ds.length);
        const pretty = renderers.pretty(ds, options);
        expect(pretty).not.toMatch(LEAKS);
        const sarif = JSON.parse(renderers.sarif(ds, options));
        expect(sarif.version).toBe("2.1.0");
        expect(sarif.runs[0].results).toHaveLength(ds.length);
      }),
    );
  });
});
