import { describe, expect, it } from "vitest";
import { renderPretty, prettyDiagnostic } from "../../src/diagnostics/pretty.js";
import { summaryLine, summarize, witnessInWords, formatValue } from "../../src/diagnostics/report.js";
import { stripAnsi } from "../../src/diagnostics/ansi.js";
import { all, FILE, gap, sources, suppressed, unresolved } from "./fixtures.js";

describe("pretty", () => {
  // The frame shows the first line of a multi-line span (the assignment's head, not its block).
  it("renders a finding like a compiler: location, notes, frame, related", () => {
    expect(prettyDiagnostic(gap, { sources }).join("\n")).toBe(
      [
        `${FILE}:4:5: error[gap] Nobody is accountable for procurement where value is exactly £1,000,000.`,
        "  = clause: 2",
        "  = rule: B1: Baseline para 1: clarifying lines of accountability",
        "  = witness: procurement.operations at a on 2025-04-01 where value = 1,000,000 and setting = inpatient",
        "  |",
        "4 |     assign procurement at system where value < £1_000_000 {",
        "  |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
        `  = related: ${FILE}:2:3: party a is the only member`,
        '2 |   party a "A" kind trust role member',
        "  |   ----------------------------------",
      ].join("\n"),
    );
  });

  it("puts the caret under the right character on a line with a tab", () => {
    expect(prettyDiagnostic(unresolved, { sources })).toEqual([
      `${FILE}:8:9: error[unresolved] There is no function named \`hr\`.`,
      "  |",
      "8 |     assign hr {",
      "  |            ^^",
    ]);
  });

  it("shows the reason of a suppression, and info as a note", () => {
    const text = prettyDiagnostic(suppressed, { sources }).join("\n");
    expect(text).toContain(`${FILE}:1:1: note[suppressed] Rule B6 is suppressed`);
    expect(text).toContain("= reason: exit terms are in the master contract");
  });

  it("falls back to file:line:col without the source text", () => {
    expect(prettyDiagnostic(unresolved, {})).toEqual([`${FILE}:8:9: error[unresolved] There is no function named \`hr\`.`]);
  });

  it("ends with a summary line, and sorts by position", () => {
    const out = renderPretty(all, { sources, files: [FILE, "frameworks/base.concord", "x.concord"] });
    expect(out.endsWith("2 errors, 1 warning, 1 note in 3 files\n")).toBe(true);
    const headers = out.split("\n").filter((l) => l.startsWith(FILE));
    expect(headers.map((h) => h.split(" ")[0])).toEqual([`${FILE}:1:1:`, `${FILE}:2:3:`, `${FILE}:4:5:`, `${FILE}:8:9:`]);
  });

  it("has no escape codes without colour, and some with it", () => {
    const plain = renderPretty(all, { sources });
    expect(plain).not.toMatch(/\u001b\[/);
    const coloured = renderPretty(all, { sources, color: true });
    expect(coloured).toMatch(/\u001b\[31m/);
    expect(stripAnsi(coloured)).toBe(plain);
  });

  it("relativises absolute file names against cwd", () => {
    const d = { ...unresolved, span: { ...unresolved.span, file: "/repo/policies/a.concord" } };
    expect(prettyDiagnostic(d, { cwd: "/repo" })[0]).toMatch(/^policies\/a\.concord:8:9:/);
  });
});

describe("summary and witness", () => {
  it("counts and words", () => {
    expect(summaryLine(summarize([], ["a"]))).toBe("no problems in 1 file");
    expect(summaryLine(summarize(all, ["a", "b"]))).toBe("2 errors, 1 warning, 1 note in 2 files");
    expect(summarize([gap, unresolved]).files).toBe(1);
  });

  it("says a witness in words, money with separators", () => {
    expect(witnessInWords({ activities: ["a.x", "a.y"], dimensions: { value: 999999.5 } })).toBe("a.x, a.y where value = 999,999.5");
    expect(witnessInWords({ dimensions: {} })).toBe("everywhere");
    expect(witnessInWords({ activity: "a", dimensions: { value: 999999.5, setting: "inpatient" } }, { value: "£" })).toBe(
      "a where value = £999,999.50 and setting = inpatient",
    );
    expect(witnessInWords({ activity: "a", dimensions: { value: 1000000 } }, { value: "€" })).toBe("a where value = €1,000,000");
    expect(formatValue(1234567)).toBe("1,234,567");
    expect(formatValue(-1000)).toBe("-1,000");
    expect(formatValue(0.01)).toBe("0.01");
  });
});
