// Findings stay the size of a sentence however large the file (issue 9): a clause overridden by
// thirty others, or thirty clauses making parties accountable at once, names ten of them and
// counts the rest, and lists twenty related locations with the number left out.
import { describe, expect, it } from "vitest";
import { checkSource, dealAgreement } from "../../support/check-source.js";
import { jsonReport } from "../../../src/diagnostics/json.js";
import { checkDiagnosticsReport } from "../../../src/diagnostics/schema.js";
import { list, listSome, MAX_NAMED } from "../../../src/analysis/messages.js";
import { MAX_RELATED } from "../../../src/analysis/finding.js";

const N = 30;
const clauses = (f: (i: number) => string) => Array.from({ length: N }, (_, i) => f(i + 2)).join("\n");
const agreement = (body: string) => dealAgreement("", body);

describe("long lists in findings", () => {
  it("names at most ten items and counts the others", () => {
    const items = Array.from({ length: 13 }, (_, i) => `clause ${i + 1}`);
    expect(listSome(items.slice(0, MAX_NAMED), "clauses")).toBe(list(items.slice(0, MAX_NAMED)));
    expect(listSome(items, "clauses")).toBe("clause 1, clause 2, clause 3, clause 4, clause 5, clause 6, clause 7, clause 8, clause 9, clause 10 and 3 other clauses");
    expect(listSome(Array.from({ length: 1234 + MAX_NAMED }, () => "x"), "clauses", "or")).toMatch(/ or 1,234 other clauses$/);
  });

  it("a clause overridden by thirty: ten named, twenty related, ten counted; the JSON report valid", () => {
    const text = agreement(`  clause 1 { assign hr at system { accountable a responsible a } }
${clauses((i) => `  clause ${i} { assign hr at system overrides clause 1 { accountable b responsible b } }`)}`);
    const { diagnostics } = checkSource(text);
    const shadowed = diagnostics.find((d) => d.code === "shadowed" && d.clause === "1")!;
    expect(shadowed.message).toBe(
      `Clause 1 applies nowhere: ${Array.from({ length: MAX_NAMED }, (_, i) => `clause ${i + 2}`).join(", ")} and ${N - MAX_NAMED} other clauses override it everywhere it would apply.`,
    );
    expect(shadowed.related).toHaveLength(MAX_RELATED);
    expect(shadowed.related![0]!.message).toBe("clause 2 overrides it");
    expect(shadowed.relatedOmitted).toBe(N - MAX_RELATED);
    const report = jsonReport(diagnostics, {});
    expect(checkDiagnosticsReport(report)).toEqual({ valid: true, errors: [] });
    expect(report.diagnostics.find((d) => d.code === "shadowed" && d.clause === "1")).toMatchObject({ relatedOmitted: N - MAX_RELATED });
  });

  it("thirty clauses in one redundancy: the sentence and the related list stay short", () => {
    const text = agreement(clauses((i) => `  clause ${i} { assign hr at system { accountable b responsible b } }`));
    const redundant = checkSource(text).diagnostics.filter((d) => d.code === "redundant");
    expect(redundant).toHaveLength(1);
    expect(redundant[0]!.message).toMatch(/^Clause 2, clause 3, .*, clause 11 and 20 other clauses .* make b accountable for hr/);
    expect(redundant[0]!.related).toHaveLength(MAX_RELATED);
    expect(redundant[0]!.relatedOmitted).toBe(N - 1 - MAX_RELATED);
  });

  it("thirty clauses in one conflict: ten clauses worded, twenty related, the rest counted", () => {
    // Clause i makes a or b accountable in turn: two parties, thirty clauses, one conflict.
    const text = agreement(clauses((i) => `  clause ${i} { assign hr at system { accountable ${i % 2 === 0 ? "a" : "b"} responsible a } }`));
    const conflicts = checkSource(text).diagnostics.filter((d) => d.code === "conflict");
    expect(conflicts).toHaveLength(1);
    const said = Array.from({ length: MAX_NAMED }, (_, k) => `clause ${k + 2} makes ${(k + 2) % 2 === 0 ? "a" : "b"} accountable`).join(", ");
    expect(conflicts[0]!.message).toBe(`More than one party is accountable for hr everywhere: ${said} and ${N - MAX_NAMED} other clauses (a and b).`);
    expect(conflicts[0]!.clause).toBe(String(N + 1));
    expect(conflicts[0]!.related).toHaveLength(MAX_RELATED);
    expect(conflicts[0]!.related![0]!.message).toBe("clause 2 makes a accountable");
    expect(conflicts[0]!.relatedOmitted).toBe(N - 1 - MAX_RELATED);
  });
});
