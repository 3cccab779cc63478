// `--format github` as the Actions runner takes it, and the job summary.
import { describe, expect, it } from "vitest";
import { annotationPosition, githubAnnotation, renderGithubSummary } from "../../../src/diagnostics/github.js";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import { gap, span, unresolved } from "../fixtures.js";
import { checkProject, EASTMOOR, exampleProject } from "./examples.js";

describe("github annotations", () => {
  it("a span over several lines has line and endLine, no col or endColumn", () => {
    expect(annotationPosition(gap)).toEqual([["endLine", 6]]);
    expect(githubAnnotation(gap)).toMatch(/^::error file=agreements\/demo\.concord,line=4,endLine=6,title=/);
  });

  it("a span on one line: columns from 1, endColumn inclusive as Actions counts it", () => {
    // `hr` at columns 9–10 (our span ends at 11, exclusive).
    expect(githubAnnotation(unresolved)).toMatch(/^::error file=agreements\/demo\.concord,line=8,endLine=8,col=9,endColumn=10,title=/);
    // An empty span still names one column.
    const empty: Diagnostic = { ...unresolved, span: span(8, 9, 8, 9) };
    expect(annotationPosition(empty)).toEqual([["endLine", 8], ["col", 9], ["endColumn", 9]]);
  });

  it("on the eastmoor example: the gap of clause 2.2 (lines 30–33) has no columns, the B7 finding on line 11 has", () => {
    const c = checkProject(exampleProject(), [EASTMOOR]);
    const lines = c.diagnostics.map((d) => githubAnnotation(d, c.options));
    expect(lines.find((l) => l.includes("clause 2.2"))).toMatch(/^::error file=agreements\/eastmoor-mou\.concord,line=30,endLine=33,title=concordat gap \(rule B1\)%2C clause 2\.2::/);
    // `review every 24 months`: 22 characters, columns 3 to 24 inclusive.
    expect(lines.find((l) => l.includes("rule B7"))).toMatch(/^::error file=agreements\/eastmoor-mou\.concord,line=11,endLine=11,col=3,endColumn=24,title=concordat rule B7::/);
  });
});

describe("github job summary", () => {
  it("a table of every finding, with the counts", () => {
    const c = checkProject(exampleProject(), [EASTMOOR]);
    const md = renderGithubSummary(c.diagnostics, c.options);
    const rows = md.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| severity") && !l.startsWith("| ---"));
    expect(rows).toHaveLength(c.diagnostics.length);
    expect(md).toContain("| error | gap | 2.2 | agreements/eastmoor-mou.concord | 30 | Nobody is accountable for procurement");
    expect(md).toContain("| warning | redundant | 9.1 | agreements/eastmoor-mou.concord | 84 |");
    expect(md).toContain("13 errors, 3 warnings in 3 files.");
    // 13 errors: three beyond the ten a step shows.
    expect(md).toContain("GitHub shows 10 annotations of each severity per step: 3 more errors are not annotated on the files");
  });

  it("escapes table cells and says nothing about hidden annotations when there are none", () => {
    const d: Diagnostic = { ...unresolved, message: "a | b\nc `d`" };
    const md = renderGithubSummary([d]);
    expect(md).toContain("| a \\| b c \\`d\\` |");
    expect(md).not.toContain("GitHub shows");
  });
});
