// Messages that used to state something false (issue 7): each on its exact words.
import { describe, expect, it } from "vitest";
import { checkSource, dealAgreement as agreement, lineOf, short } from "../../support/check-source.js";

describe("false messages, fixed", () => {
  it("two `each member` clauses: each member at its own place, not one party everywhere", () => {
    const text = agreement("", `  clause 1 { assign hr at place { accountable each member responsible each member } }
  clause 2 { assign hr at place { accountable each member responsible each member } }`);
    const { diagnostics } = checkSource(text);
    expect(diagnostics.map(short)).toEqual([
      { code: "redundant", severity: "warning", clause: "2", line: lineOf(text, "  clause 2 {"), message: "Clause 1 and clause 2 both make each member accountable for hr at its own place." },
    ]);
    expect(diagnostics[0]!.related?.map((r) => r.message)).toEqual(["clause 1 also makes each member accountable"]);
  });

  it("a system-level conflict names the parties without a place", () => {
    const text = agreement("", `  clause 3 { assign hr at system { accountable a responsible a } }
  clause 4 { assign hr at system { accountable b responsible b } }`);
    const { diagnostics } = checkSource(text);
    expect(diagnostics.map(short)).toEqual([
      {
        code: "conflict",
        severity: "error",
        clause: "4",
        line: lineOf(text, "clause 4"),
        message: "More than one party is accountable for hr everywhere: clause 3 makes a accountable and clause 4 makes b accountable (a and b).",
      },
    ]);
  });

  it("an override cycle: the clauses cancel each other, and no shadowed warning for its members", () => {
    const text = agreement("", `  clause 1 { assign surgery at system overrides clause 2 { accountable a responsible a } }
  clause 2 { assign surgery at system overrides clause 1 { accountable b responsible b } }`);
    const { diagnostics } = checkSource(text);
    expect(diagnostics.map(short)).toEqual([
      {
        code: "override-cycle",
        severity: "error",
        clause: "1",
        line: lineOf(text, "  clause 1 {"),
        message: "Overrides form a cycle: clause 1 overrides clause 2 overrides clause 1; none of them can take precedence.",
      },
      {
        code: "gap",
        severity: "error",
        clause: "2",
        line: lineOf(text, "  clause 2 {"),
        message: "Nobody is accountable for surgery anywhere: clause 1 and clause 2 override each other in a cycle, so they cancel each other.",
      },
    ]);
    expect(diagnostics[1]!.related?.map((r) => r.message)).toEqual(["clause 1 is cancelled by the cycle of overrides it is part of"]);
  });

  it("an override cycle's witness gives a value for every dimension, even where its first clause's condition is empty", () => {
    const text = agreement("", `  clause 1 { assign surgery at system where value < £0 overrides clause 2 { accountable a responsible a } }
  clause 2 { assign surgery at system overrides clause 1 { accountable b responsible b } }`);
    const cycle = checkSource(text).diagnostics.find((d) => d.code === "override-cycle")!;
    // The first point of surgery: the first member's place, the term's first day, each dimension's lowest value.
    expect(cycle.witness).toEqual({ activity: "surgery", place: "a", date: "2025-01-01", dimensions: { value: 0, beds: 0, setting: "inpatient" } });
  });

  it("make accountable on an `each member` clause says which party, for what, where", () => {
    const text = agreement(
      `  rule R2 "Trusts hold" {\n    should make accountable kind trust for hr, it\n  }\n`,
      `  party c "C" kind company role member
  clause 1 { assign hr, it at place { accountable each member responsible each member } }
  clause 2 { assign it at place b overrides clause 1 { accountable a responsible a } }`,
    );
    const { diagnostics } = checkSource(text);
    expect(diagnostics.map(short)).toEqual([
      {
        code: "rule",
        severity: "warning",
        clause: "1",
        line: lineOf(text, "  clause 1 {"),
        message:
          "Clause 1 makes b at b's place accountable for hr and c at c's place accountable for hr and it, but rule R2 requires the accountable party for hr and it to be an NHS trust; b is a company and c is a company.",
      },
    ]);
  });

  it("a forbidden kind names only what the rule speaks of, not the party's other roles", () => {
    const text = agreement(
      `  rule R4 "No companies" {\n    must not make accountable kind company, group for surgery\n  }\n`,
      `  clause 3 { assign surgery at system { accountable b responsible b } }`,
    );
    const { diagnostics } = checkSource(text);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "Clause 3 makes b accountable for surgery, but rule R4 forbids making a group or a company accountable for surgery: b is a company.",
    ]);
  });

  it("a model's `responsible must be`: `makes g responsible`, not `leaves`, when no delegation is involved", () => {
    const text = agreement(
      `  model M1 "Federated" {\n    step 2\n    responsible must be member\n  }\n`,
      `  model M1\n  party g "G" kind board role group
  clause 1 { assign hr at system { accountable a responsible g } }`,
    );
    const { diagnostics } = checkSource(text);
    expect(diagnostics.map(short)).toEqual([
      {
        code: "model",
        severity: "error",
        clause: "1",
        line: lineOf(text, "  clause 1 {"),
        message: "Clause 1 makes g responsible for hr. Under the federated model, the responsible party must be a member; g is a group.",
      },
    ]);
  });

  it("a failed test with no place, day or dimension to name has no stray space", () => {
    const text = `framework bare {
  kind trust "NHS trust"
  function hr "HR"
}
agreement ag {
  conforms to bare
  party a "A" kind trust
  scope hr
  test "who" {
    expect accountable for hr is a
  }
}
`;
    const { tests } = checkSource(text);
    expect(tests[0]!.failures.map((f) => f.message)).toEqual(["Expected a to be accountable for hr, but nobody is accountable."]);
  });

  it("models by their titles, not their ids", () => {
    const text = agreement(
      `  model M1 "Federated" {
    step 2
  }
  model M2 "Lead provider model" {
    step 3
  }
  rule R9 "Models" {
    must use model M1
  }
`,
      `  model M2
  clause 1 { assign hr at system { accountable a responsible a } }`,
    );
    const { diagnostics } = checkSource(text);
    expect(diagnostics.map((d) => d.message)).toEqual(["The agreement uses the lead provider model, but rule R9 allows only the federated model."]);
  });

  it("a gap whose only assigning clause has an error says that clause would, but has an error", () => {
    const text = agreement("", `  scope hr, it
  clause 1 { assign it at system { accountable a responsible a } }
  clause 3 { assign hr at system where setting < inpatient { accountable a responsible a } }`);
    const { diagnostics } = checkSource(text);
    expect(diagnostics.map(short)).toEqual([
      { code: "gap", severity: "error", clause: undefined, line: lineOf(text, "scope hr"), message: "Nobody is accountable for hr: clause 3 would assign it, but has an error." },
      {
        code: "type",
        severity: "error",
        clause: "3",
        line: lineOf(text, "clause 3"),
        message: "`setting` has named values, which have no order: compare it with `=`, `!=` or `in { … }`, not `<`.",
      },
    ]);
  });
});
