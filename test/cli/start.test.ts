// `npm start`: the whole library checked, in the `brief` format, one screen per agreement
// (issue 10). A screen is taken as 50 rows of 100 columns, long lines counting the rows they wrap to.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { concordat, ensureBuilt, repo } from "./helpers.js";

const SCREEN = { rows: 50, columns: 100 };

function rows(line: string): number {
  return Math.max(1, Math.ceil([...line].length / SCREEN.columns));
}

describe("npm start", () => {
  let stdout = "";
  let status: number | null = null;
  beforeAll(() => {
    ensureBuilt();
    const script = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")).scripts.start as string;
    const args = /node dist\/bin\/main\.js (.*)$/.exec(script)?.[1]?.split(" ");
    expect(args).toEqual(["check", "policies", "--format", "brief", "--fail-on", "none"]);
    const r = concordat(args!, { cwd: repo, env: { NO_COLOR: "1" } });
    stdout = r.stdout;
    status = r.code;
  });

  it("checks the whole library and does not fail the demo", () => {
    expect(status).toBe(0);
    expect(stdout).toMatch(/\n\d+ errors, \d+ warnings in 19 files\n/);
  });

  it("gives every agreement with findings its own section, each within one screen", () => {
    const sections = stdout.split("\n\n").filter((s) => s.startsWith("policies/"));
    const files = sections.map((s) => s.split("\n")[0]);
    expect(files).toEqual([
      "policies/agreements/eastmoor-mou.concord",
      "policies/agreements/england/elective-recovery-draft.concord",
      "policies/agreements/france/ght-draft-faulty.concord",
      "policies/agreements/ireland/shannon-region-draft.concord",
      "policies/agreements/nhs/vale-group-mou-draft.concord",
    ]);
    for (const s of sections) {
      const used = s.split("\n").reduce((n, l) => n + rows(l), 0);
      expect(used, s.split("\n")[0]).toBeLessThanOrEqual(SCREEN.rows);
    }
  });

  it("says where, how bad, which code and which law on every finding's line", () => {
    const findings = stdout.split("\n").filter((l) => /^ +\d+:\d+ /.test(l));
    expect(findings.length).toBeGreaterThan(40);
    for (const l of findings) expect(l).toMatch(/^ +\d+:\d+ {2}(error|warning|note) +\S+( \S+)? +\S/);
    // the drafts of the library cite the instruments
    expect(stdout).toContain("[CSP L6132-3 III]");
    expect(stdout).toContain("[NHS Act 2006 s.65Z5(1)]");
  });
});
