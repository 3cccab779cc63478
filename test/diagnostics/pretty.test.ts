import { describe, expect, it } from "vitest";
import { MAX_RELATED_SHOWN, renderPretty, prettyDiagnostic } from "../../src/diagnostics/pretty.js";
import { summaryLine, summarize, witnessInWords, formatValue } from "../../src/diagnostics/report.js";
import { stripAnsi } from "../../src/diagnostics/ansi.js";
import { all, FILE, gap, sources, span, suppressed, unresolved } from "./fixtures.js";

describe("pretty", () => {
  // The frame shows the first line of a multi-line span (the assignment's head, not its block),
  // and the related span of the same file in the same frame, labelled, in line order.
  it("renders a finding like rustc: location, one labelled frame with its related span, notes", () => {
    expect(prettyDiagnostic(gap, { sources }).join("\n")).toBe(
      [
        `${FILE}:4:5: error[gap] Nobody is accountable for procurement where value is exactly £1,000,000.`,
        '2 |   party a "A" kind trust role member',
        "  |   ---------------------------------- party a is the only member",
        "...",
        "4 |     assign procurement at system where value < £1_000_000 {",
        "  |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ clause 2",
        "  = rule: B1: Baseline para 1: clarifying lines of accountability",
        "  = witness: procurement.operations at a on 2025-04-01 where value = 1,000,000 and setting = inpatient",
      ].join("\n"),
    );
  });

  it("writes a rule's cite out once per file; later findings of that rule refer to it", () => {
    const again = { ...gap, span: span(8, 2, 8, 11), clause: undefined, related: undefined };
    const out = renderPretty([gap, again], { sources });
    expect(out.match(/= rule: B1: Baseline para 1/g)).toHaveLength(1);
    expect(out).toContain("  = rule: B1 (cited above)");
    const other = { ...again, span: span(8, 2, 8, 11, "other.concord") };
    expect(renderPretty([gap, other], { sources }).match(/= rule: B1: Baseline para 1/g)).toHaveLength(2);
  });

  it("shows the fix on a help line, once even when the message ends with it", () => {
    const d = { ...unresolved, message: "There is no function named `hr`. Did you mean `hrm`?", help: "Did you mean `hrm`?" };
    const lines = prettyDiagnostic(d, { sources });
    expect(lines[0]).toBe(`${FILE}:8:9: error[unresolved] There is no function named \`hr\`.`);
    expect(lines.at(-1)).toBe("  = help: Did you mean `hrm`?");
    const separate = prettyDiagnostic({ ...unresolved, help: "Add `provision exit \"…\"`." }, { sources });
    expect(separate[0]).toContain("There is no function named `hr`.");
    expect(separate.at(-1)).toBe('  = help: Add `provision exit "…"`.');
  });

  it("frames a related span of another file under `:::`, and one without source as a note", () => {
    const otherSource = "framework base {\n  rule B1 must cover all functions\n}";
    const d = {
      ...unresolved,
      related: [
        { span: span(2, 3, 2, 35, "frameworks/base.concord", otherSource), message: "the rule" },
        { span: span(1, 1, 1, 2, "missing.concord"), message: "not read" },
      ],
    };
    const lines = prettyDiagnostic(d, { sources: new Map([...sources, ["frameworks/base.concord", otherSource]]) });
    expect(lines.slice(3)).toEqual([
      "  ::: frameworks/base.concord:2:3",
      "2 |   rule B1 must cover all functions",
      "  |   -------------------------------- the rule",
      "  = related: missing.concord:1:1: not read",
    ]);
  });

  it("frames at most a few related spans and counts the others", () => {
    const related = Array.from({ length: MAX_RELATED_SHOWN + 3 }, () => ({ span: span(2, 3, 2, 8), message: "here" }));
    const lines = prettyDiagnostic({ ...unresolved, related }, { sources });
    expect(lines.filter((l) => l.endsWith(" here"))).toHaveLength(MAX_RELATED_SHOWN);
    expect(lines.at(-1)).toBe("  = related: 3 more places (every one is in --format json)");
  });

  it("puts two spans of one line on two underline rows", () => {
    const d = { ...unresolved, span: span(2, 11, 2, 16), related: [{ span: span(2, 3, 2, 10), message: "the party" }] };
    expect(prettyDiagnostic(d, { sources }).slice(1)).toEqual([
      '2 |   party a "A" kind trust role member',
      "  |           ^^^^^",
      "  |   ------- the party",
    ]);
  });

  it("puts the caret under the right character on a line with a tab", () => {
    expect(prettyDiagnostic(unresolved, { sources })).toEqual([
      `${FILE}:8:9: error[unresolved] There is no function named \`hr\`.`,
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

describe("pretty, spans outside the source", () => {
  it("keeps the clause as a note when the primary span is not in the frame but a related one is", () => {
    const d = { ...gap, span: span(1, 1, 1, 2), related: [{ span: span(2, 3, 2, 8), message: "here" }] };
    const moved = { ...d, span: { ...d.span, line: 99, endLine: 99 } };
    const lines = prettyDiagnostic(moved, { sources });
    expect(lines.some((l) => l.endsWith(" here"))).toBe(true);
    expect(lines.some((l) => /^ += clause: 2$/.test(l))).toBe(true);
  });
});
