import { describe, expect, it } from "vitest";
import { citeReference, renderBrief } from "../../src/diagnostics/brief.js";
import { stripAnsi } from "../../src/diagnostics/ansi.js";
import { all, FILE, gap, ruleWarning, span, unresolved } from "./fixtures.js";

describe("brief", () => {
  it("prints a heading per file and one aligned line per finding, with the cite's reference", () => {
    const other = { ...unresolved, span: span(3, 1, 3, 4, "b.concord") };
    expect(renderBrief([unresolved, gap, ruleWarning, other], { files: [FILE, "b.concord"] })).toBe(
      [
        FILE,
        "  2:3  warning  rule B8     The term is longer than 5 years. [Baseline para 8]",
        "  4:5  error    gap         Nobody is accountable for procurement where value is exactly £1,000,000. [Baseline para 1]",
        "  8:9  error    unresolved  There is no function named `hr`.",
        "",
        "b.concord",
        "  3:1  error  unresolved  There is no function named `hr`.",
        "",
        "3 errors, 1 warning in 2 files",
        "Each finding in full, with its code frame, witness, citation and fix: concordat check FILE",
        "",
      ].join("\n"),
    );
  });

  it("says only the summary when there is nothing to report", () => {
    expect(renderBrief([], { files: ["a.concord"] })).toBe("no problems in 1 file\n");
  });

  it("takes the reference before the first `: ` of a cite", () => {
    expect(citeReference("CSP L6132-3 III: the parties organise in common …")).toBe("CSP L6132-3 III");
    expect(citeReference("NHS Act 2006 s.65Z5(1)")).toBe("NHS Act 2006 s.65Z5(1)");
    expect(citeReference("Step model: federated: x")).toBe("Step model");
  });

  it("escapes control characters from the files, and colours only when asked", () => {
    const hostile = { ...unresolved, message: "There is no function named `\u001b[2Jx`.\nfake line", span: span(8, 9, 8, 11, "a\u001b]0;t\u0007.concord") };
    const out = renderBrief([hostile]);
    expect(out).not.toMatch(/\u001b/);
    expect(out).toContain("\\u001b[2Jx");
    expect(out.split("\n").filter((l) => l.includes("fake line"))).toHaveLength(1);
    const coloured = renderBrief(all, { color: true });
    expect(coloured).toMatch(/\u001b\[31m/);
    expect(stripAnsi(coloured)).toBe(renderBrief(all));
  });
});
