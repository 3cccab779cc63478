// The Markdown parser is loaded only when a literate file is read (it is a fifth of the
// start-up): a check of .concord files never loads it, and a check that meets a .concord.md
// file — named, in a folder, or only through an import — loads it and gives the full report.
import { describe, expect, it } from "vitest";
import type { CliContext } from "../../src/cli/context.js";
import { run } from "../../src/cli/program.js";
import { markdownParserLoaded } from "../../src/semantics/literate.js";
import { project } from "../support/project.js";

function context(cwd: string): CliContext & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: { isTTY: false, write: (s) => void out.push(s) }, stderr: { isTTY: false, write: (s) => void err.push(s) }, cwd, env: { CI: "1" }, exitCode: 0 };
}

const framework = `framework fw "F" {
  levels system, place
  kind trust "Trust"
  role member "Member"
  category care "Care"
  function triage "Triage" in care
  rule R1 "Cover" {
    must cover all functions
  }
}
`;
const agreement = (imp: string) => `import "${imp}"

agreement a "A" {
  conforms to fw
  party p "P" kind trust role member
  scope all functions
}
`;


describe("the Markdown parser, loaded only for literate files", () => {
  // One order: the first check reads no literate file, the second reads one only through an import.
  it("is not loaded by a check of .concord files", async () => {
    const dir = project({ "fw.concord": framework, "a.concord": agreement("fw.concord") });
    const ctx = context(dir);
    expect(await run(["check", "--format", "json", "a.concord"], ctx)).toBe(1);
    expect(markdownParserLoaded()).toBe(false);
    const report = JSON.parse(ctx.out.join("")) as { diagnostics: { code: string }[] };
    expect(report.diagnostics.map((d) => d.code)).toEqual(["gap"]);
  });

  it("is loaded when an import leads to a .concord.md file, and the report is whole and printed once", async () => {
    const dir = project({ "fw.concord.md": "# The framework\n\n```concord\n" + framework + "```\n", "a.concord": agreement("fw.concord.md") });
    const ctx = context(dir);
    expect(await run(["check", "--format", "json", "a.concord"], ctx)).toBe(1);
    expect(markdownParserLoaded()).toBe(true);
    expect(ctx.out).toHaveLength(1);
    const report = JSON.parse(ctx.out.join("")) as { diagnostics: { code: string; file: string }[] };
    expect(report.diagnostics.map((d) => [d.code, d.file])).toEqual([["gap", "a.concord"]]);
    expect(ctx.err.join("")).toBe("");
  });
});
