// concordat.json (schemas/config.schema.json) and the linter conventions of `check`, on the built CLI.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { applySeverities, levelOf } from "../../src/cli/config.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { gap, ruleWarning } from "../diagnostics/fixtures.js";
import { concordat, ensureBuilt, repo, STACK, tempDir } from "./helpers.js";

beforeAll(() => ensureBuilt());

/** A project with the examples and this concordat.json (an empty one by default: it marks the project root). */
function project(config: unknown = {}): string {
  const dir = tempDir();
  cpSync(path.join(repo, "test/fixtures/examples"), dir, { recursive: true });
  writeFileSync(path.join(dir, "concordat.json"), typeof config === "string" ? config : JSON.stringify(config));
  return dir;
}

const codes = (stdout: string) => stdout.trimEnd().split("\n").filter(Boolean).map((l) => l.split(": ")[1]);

describe("concordat.json", () => {
  it("gives the default paths, failOn, severities per code and per rule", () => {
    const dir = project({ paths: ["agreements/eastmoor-mou.concord"], failOn: "none", severity: { gap: "off", redundant: "error" }, rules: { B8: "info" }, models: { federated: "warning" } });
    const r = concordat(["check", "--format", "plain"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0); // failOn none
    const found = codes(r.stdout);
    expect(found).not.toContain("error gap");
    expect(found).toContain("error redundant");
    expect(found).toContain("info rule/B8");
    expect(found).toContain("warning model/federated");
    expect(found).toContain("error model/direct_outsourcing"); // other models keep theirs
    expect(found).toHaveLength(13);
  });

  it("flags win: --fail-on and an explicit path", () => {
    const dir = project({ paths: ["agreements/eastmoor-mou.concord"], failOn: "none" });
    expect(concordat(["check", "--fail-on", "error"], { cwd: dir }).code).toBe(1);
    expect(concordat(["check", "agreements/northvale-group.concord"], { cwd: dir }).code).toBe(0);
  });

  it("is found from a sub-folder, and --no-config ignores it", () => {
    const dir = project({ failOn: "none" });
    const sub = path.join(dir, "agreements");
    expect(concordat(["check", "eastmoor-mou.concord"], { cwd: sub }).code).toBe(0);
    expect(concordat(["check", "--no-config", "eastmoor-mou.concord"], { cwd: sub }).code).toBe(1);
  });

  it("maxWarnings: more warnings than allowed fail", () => {
    const dir = project({ paths: ["agreements/eastmoor-mou.concord"], failOn: "none", maxWarnings: 2 });
    const r = concordat(["check", "--format", "plain"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("concordat: 3 warnings, more than --max-warnings 2 allows\n");
    expect(concordat(["check", "--max-warnings", "3"], { cwd: dir }).code).toBe(0);
    // --quiet hides the warnings but still counts them.
    const quiet = concordat(["check", "--quiet", "--format", "plain"], { cwd: dir });
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).not.toContain(": warning ");
  });

  it("ignore: files not checked and their findings not reported", () => {
    const dir = project({ ignore: ["agreements/eastmoor-*"] });
    const r = concordat(["check", "--format", "plain", "agreements"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
  });

  it.each([
    [{ failOn: "sometimes" }, `"failOn" must be one of error, warning, info, none`],
    [{ severity: { gapp: "off" } }, `"severity.gapp": there is no diagnostic code "gapp"`],
    [{ severity: { gap: "maybe" } }, `"severity.gap" must be one of off, info, warning, error`],
    [{ rules: { B1: 3 } }, `"rules.B1" must be one of off, info, warning, error`],
    [{ maxWarnings: -1 }, `"maxWarnings" must be >= 0`],
    [{ paths: "policies" }, `"paths" must be array`],
    [{ colour: true }, `unknown key "colour"`],
  ])("an invalid configuration is a usage error naming the key: %j", (config, message) => {
    const dir = project(config);
    const r = concordat(["check"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("concordat: concordat.json is not a valid concordat configuration:");
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(STACK);
  });

  it("JSON that does not parse says so", () => {
    const r = concordat(["check"], { cwd: project("{ failOn: error }") });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^concordat: concordat\.json is not valid JSON: /);
  });

  it("concordat schema config prints its schema", () => {
    const r = concordat(["schema", "config"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(path.join(repo, "schemas/config.schema.json"), "utf8")));
  });

  it("levels: a rule's setting wins over its code's; off drops", () => {
    const b8: Diagnostic = ruleWarning;
    expect(levelOf(b8, { severity: { rule: "error" }, rules: { B8: "info" } })).toBe("info");
    expect(levelOf(b8, { severity: { rule: "error" } })).toBe("error");
    expect(levelOf(gap, { rules: { B1: "off" } })).toBeUndefined(); // a gap is not B1's `rule` finding
    expect(applySeverities([b8, gap], { severity: { gap: "off" } })).toEqual([b8]);
  });
});

describe("linter conventions", () => {
  it("- reads standard input, named by --stdin-filename for messages and imports", () => {
    const dir = project();
    const text = readFileSync(path.join(dir, "agreements/eastmoor-mou.concord"), "utf8");
    const r = concordatWithInput(["check", "-", "--stdin-filename", "agreements/draft.concord", "--format", "plain"], text, dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^agreements\/draft\.concord:6:1: error model\/direct_outsourcing: /);
    // Without a name it is stdin.concord in this folder: the relative import then leaves the project, as it would for such a file.
    const bare = concordatWithInput(["check", "-", "--format", "plain"], text, dir);
    expect(bare.stdout).toMatch(/^stdin\.concord:\d+:\d+: error import: /m);
  });

  it("quoted globs are expanded; one that matches nothing is a usage error", () => {
    const dir = project();
    mkdirSync(path.join(dir, "more"));
    const r = concordat(["check", "--format", "plain", "agreements/*-group.concord", "frameworks/**/*.concord"], { cwd: dir });
    expect(r.code).toBe(0);
    const none = concordat(["check", "drafts/*.concord"], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe("concordat: no .concord or .concord.md files match drafts/*.concord\n");
    const eastmoor = concordat(["check", "--format", "plain", "agreements/e*.concord"], { cwd: dir });
    expect(eastmoor.code).toBe(1);
    expect(eastmoor.stdout.split("\n")[0]).toMatch(/^agreements\/eastmoor-mou\.concord:/);
  });

  it("--quiet reports errors only", () => {
    const r = concordat(["check", "--quiet", "--format", "plain", "policies/agreements/eastmoor-mou.concord"]);
    expect(r.code).toBe(1);
    expect(codes(r.stdout).every((c) => c!.startsWith("error "))).toBe(true);
    expect(codes(r.stdout)).toHaveLength(13);
  });

  it("--max-warnings must be a whole number", () => {
    const r = concordat(["check", "--max-warnings", "lots", "policies/agreements/northvale-group.concord"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("it must be a whole number");
  });

  it("-v prints the version, like -V", () => {
    const version = JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8")).version;
    expect(concordat(["-v"]).stdout.trim()).toBe(version);
    expect(concordat(["-V"]).stdout.trim()).toBe(version);
  });
});

import { spawnSync } from "node:child_process";
import { bin } from "./helpers.js";
function concordatWithInput(args: string[], input: string, cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: "utf8", env: { ...process.env, CI: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
