// `responsibleBy`: per assignment (after overrides), the parties it makes responsible at a place
// after delegations (DESIGN.md section 2: `delegate … from P to Q` replaces P by Q where P is
// responsible; every live delegation applies at once to the parties named).
import { describe, expect, it } from "vitest";
import type { Agreement } from "../../../src/generated/ruleset.js";
import { partition, responsibleAt, responsibleBy, type Cell } from "../../../src/analysis/space/index.js";
import { responsibleHoldings, describeHoldings } from "../../../src/analysis/rules/holdings.js";
import { buildAgreement, eastmoorAgreement } from "../../support/arbitrary-ruleset.js";

function cellOf(ag: Agreement, activity: string): Cell {
  return partition(ag, activity).cells[0]!;
}

/** responsibleBy in a compact form: clause → "party (named via delegation)" list. */
function summary(ag: Agreement, cell: Cell, place: number): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const b of responsibleBy(cell, place, ag))
    out[b.assignment.clause ?? b.assignment.id] = b.parties.map((r) => (r.via ? `${r.party} (${r.named} via ${r.via.id})` : r.party));
  return out;
}

describe("responsibleBy", () => {
  it("eastmoor hr: the cycle eastmoor → westbridge → eastmoor swaps the two, per assignment", () => {
    const ag = eastmoorAgreement();
    const cell = cellOf(ag, "hr");
    const eastmoor = ag.places.indexOf("eastmoor");
    const westbridge = ag.places.indexOf("westbridge");
    // Clause 3 names westbridge (→ eastmoor); clause 4 names each member at its place.
    expect(summary(ag, cell, eastmoor)).toEqual({ "3": ["eastmoor (westbridge via d2)"], "4": ["westbridge (eastmoor via d1)"] });
    expect(summary(ag, cell, westbridge)).toEqual({ "3": ["eastmoor (westbridge via d2)"], "4": ["eastmoor (westbridge via d2)"] });
    expect(responsibleAt(cell, eastmoor, ag)).toEqual(["eastmoor", "westbridge"]);
    expect(responsibleAt(cell, westbridge, ag)).toEqual(["eastmoor"]);
  });

  it("a party delegated to two others makes both responsible; chains compose; duplicates count once", () => {
    const ag = buildAgreement({
      activities: ["x"],
      parties: [{ id: "p" }, { id: "q" }, { id: "r" }, { id: "s" }],
      assignments: [
        { clause: "1", activities: ["x"], accountable: ["p"], responsible: ["p", "s"] },
        { clause: "2", activities: ["x"], accountable: ["p"] },
      ],
      delegations: [
        { activities: ["x"], from: "p", to: "q" },
        { activities: ["x"], from: "p", to: "r" },
        { activities: ["x"], from: "p", to: "q" },
        { activities: ["x"], from: "q", to: "s" },
      ],
    });
    const cell = cellOf(ag, "x");
    // Delegations compose (DESIGN.md §7): p → q → s hands p's work on to s. Clause 2 names nobody.
    expect(summary(ag, cell, 0)).toEqual({ "1": ["s (p via d1)", "r (p via d2)", "s"] });
    expect(responsibleAt(cell, 0, ag)).toEqual(["s", "r"]);
  });

  it("only delegations live at the cell apply", () => {
    const ag = buildAgreement({
      activities: ["x"],
      parties: [{ id: "p" }, { id: "q" }],
      assignments: [{ clause: "1", activities: ["x"], accountable: ["p"], responsible: ["p"] }],
      delegations: [{ activities: ["x"], from: "p", to: "q", since: "2026-04-01" }],
    });
    const [before, after] = partition(ag, "x").cells;
    expect(summary(ag, before!, 0)).toEqual({ "1": ["p"] });
    expect(summary(ag, after!, 0)).toEqual({ "1": ["q (p via d1)"] });
  });

  it("holdings are built from it: the delegation is named, the places kept", () => {
    const ag = eastmoorAgreement();
    const hs = responsibleHoldings(ag, ["hr"]);
    expect(hs.map((h) => `${h.assignment.clause}:${h.party}@${h.places.join(",")}${h.via ? ` via ${h.via.id}` : ""}`)).toEqual([
      "3:eastmoor@0,1 via d2",
      "4:westbridge@0 via d1",
      "4:eastmoor@1 via d2",
    ]);
    expect(describeHoldings(ag, hs.filter((h) => h.assignment.clause === "4")).text).toBe(
      "westbridge at eastmoor's place (by delegation from eastmoor) and eastmoor at westbridge's place (by delegation from westbridge)",
    );
  });
});
