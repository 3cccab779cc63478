import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, githubAnnotation, renderGithub } from "../../src/diagnostics/github.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { all, FILE, gap, suppressed, unresolved } from "./fixtures.js";

describe("github", () => {
  it("escapes data and properties", () => {
    expect(escapeData("100% sure\r\nnext")).toBe("100%25 sure%0D%0Anext");
    expect(escapeProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
    expect(escapeData("fake\u001b[2J\u009b1m")).toBe("fake\\u001b[2J\\u009b1m");
  });

  it("writes one workflow command per finding", () => {
    expect(githubAnnotation(unresolved)).toBe(
      `::error file=${FILE},line=8,endLine=8,col=9,endColumn=10,title=concordat unresolved::There is no function named \`hr\`.`,
    );
  });

  it("puts clause, rule, cite, witness and related lines in the message, escaped", () => {
    const line = githubAnnotation(gap);
    expect(line.startsWith(`::error file=${FILE},line=4,endLine=6,title=concordat gap (rule B1)%2C clause 2::`)).toBe(true);
    expect(line).not.toMatch(/\n/);
    const message = line.slice(line.indexOf("::", 2) + 2);
    expect(message.split("%0A")).toEqual([
      gap.message,
      "Rule B1: Baseline para 1: clarifying lines of accountability",
      "Witness: procurement.operations at a on 2025-04-01 where value = 1,000,000 and setting = inpatient",
      `Related: ${FILE}:2:3: party a is the only member`,
    ]);
  });

  it("escapes a file name with a comma or colon", () => {
    const d: Diagnostic = { ...unresolved, span: { ...unresolved.span, file: "a,b:c.concord" } };
    expect(githubAnnotation(d)).toContain("file=a%2Cb%3Ac.concord,");
  });

  it("maps severities to error, warning, notice and ends with the summary", () => {
    const out = renderGithub(all, { files: [FILE] }).trimEnd().split("\n");
    expect(out.map((l) => l.split(" ")[0])).toEqual(["::notice", "::warning", "::error", "::error", "concordat:"]);
    expect(out.at(-1)).toBe("concordat: 2 errors, 1 warning, 1 note in 1 file");
    expect(githubAnnotation(suppressed)).toContain("Reason: exit terms are in the master contract");
  });
});
