// action.yml: a composite action whose concordat commands exist with the options it passes,
// and which finds its pull-request comment by the marker the markdown diff starts with.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { COMMENT_MARKER } from "../../src/report/diff/markdown.js";
import { concordat, ensureBuilt, repo } from "./helpers.js";

beforeAll(() => ensureBuilt());

const action = readFileSync(path.join(repo, "action.yml"), "utf8");

describe("action.yml", () => {
  it("is a composite action with the inputs the README documents", () => {
    expect(action).toMatch(/^runs:\n {2}using: composite\n/m);
    for (const input of ["paths", "fail-on", "version", "node-version", "sarif", "comment", "github-token"]) {
      expect(action).toMatch(new RegExp(`^ {2}${input}:\\n {4}description: `, "m"));
      expect(readFileSync(path.join(repo, "README.md"), "utf8")).toContain(`\`${input}\``);
    }
  });

  it("runs only options that the CLI has", () => {
    const calls = [...action.matchAll(/\$CONCORDAT (check|diff|"\$\{args\[@\]\}")([^\n]*)/g)];
    expect(calls.length).toBeGreaterThanOrEqual(3);
    const help = { check: concordat(["check", "--help"]).stdout, diff: concordat(["diff", "--help"]).stdout };
    for (const [, command, rest] of calls) {
      const cmd = command!.startsWith("diff") ? "diff" : "check";
      for (const flag of rest!.match(/(?<=\s)--?[a-z][a-z-]*/g) ?? []) expect(help[cmd], `${cmd} ${flag}`).toMatch(new RegExp(`(^|[ ,])${flag}\\b`, "m"));
    }
    expect(action).toContain("args=(check --format github)");
    expect(help.check).toMatch(/--fail-on/);
  });

  it("updates its own comment: the one that starts with the markdown diff's marker", () => {
    expect(action).toContain(`const marker = "${COMMENT_MARKER}";`);
    expect(action).toContain("c.body.startsWith(marker)");
    expect(action).toContain("github.rest.issues.updateComment");
  });
});
