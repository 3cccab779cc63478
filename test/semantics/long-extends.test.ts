// A chain of 1,500 frameworks, each extending the next: every framework is compiled with its
// bases, and each compile worked out what every framework of its closure extends (cubic: 800
// frameworks took 9 s, 3,000 minutes), through recursions as deep as the chain.
import { describe, expect, it } from "vitest";
import { checkSource } from "../support/check-source.js";

const N = 1_500;

function chain(n: number, closed: boolean): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = i + 1 < n ? `fw${i + 1}` : closed ? "fw0" : null;
    const body = i + 1 === n ? `  levels system\n  kind trust "Trust"\n  role member "Member"\n  category c "C"\n  function f "F" in c\n` : "";
    out.push(`framework fw${i} "F${i}" {\n${base ? `  extends ${base}\n` : ""}${body}}`);
  }
  out.push(`agreement a "A" {
  conforms to fw0
  party p "P" kind trust role member
  scope all functions
  clause 1 {
    assign f at system {
      accountable p
    }
  }
}`);
  return out.join("\n") + "\n";
}

describe(`extends: a chain of ${N.toLocaleString("en-GB")} frameworks`, () => {
  it("compiles, the agreement seeing the last one's vocabulary", { timeout: 60_000 }, () => {
    const { ruleSet, diagnostics } = checkSource(chain(N, false));
    expect(diagnostics).toEqual([]);
    expect(ruleSet.agreements[0]!.frameworks).toHaveLength(N);
  });

  it("closed into a ring, is one cycle, reported once", { timeout: 60_000 }, () => {
    const { diagnostics } = checkSource(chain(N, true));
    const cycles = diagnostics.filter((d) => d.code === "unresolved" && d.message.includes("extends itself"));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.message).toContain("fw0 → fw1 → fw2 → ");
    expect(cycles[0]!.message).toContain(`fw${N - 1} → fw0.`);
  });
});
