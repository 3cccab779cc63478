import { beforeAll, describe, expect, it } from "vitest";
import { writeFileSync, readFileSync, existsSync, readdirSync, mkdirSync } from "node:fs";
import path from "node:path";
import { checkDiagnosticsReport } from "../../src/diagnostics/schema.js";
import { concordat, ensureBuilt, ESC, repo, STACK, tempDir } from "./helpers.js";

beforeAll(() => ensureBuilt());

const EASTMOOR = "policies/agreements/eastmoor-mou.concord";
const NORTHVALE = "policies/agreements/northvale-group.concord";

const BROKEN = [
  "agreement broken \"A draft with mistakes\" {",
  "  party a \"A\" kind",
  "  clause 1 {",
  "    assign procurement at system {",
  "      accountable a",
  "    }",
  "  }",
  "}",
  "",
].join("\n");

describe("concordat check", () => {
  it("reports a broken file with file:line:col and a code frame, exit 1, no stack trace", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "broken.concord"), BROKEN);
    const r = concordat(["check", "broken.concord"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^broken\.concord:\d+:\d+: error\[syntax\] /m);
    // a code frame: a numbered source line and a caret line under it
    expect(r.stdout).toMatch(/^ *\d+ \| .+\n *\| +\^+/m);
    expect(r.stdout).toMatch(/\d+ errors? in 1 file\n$/);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    expect(r.stdout).not.toMatch(ESC);
  });

  it("puts the caret under the reported column", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "broken.concord"), BROKEN);
    const r = concordat(["check", "broken.concord"], { cwd: dir });
    const m = /^broken\.concord:(\d+):(\d+): /m.exec(r.stdout)!;
    const [line, column] = [Number(m[1]), Number(m[2])];
    const lines = r.stdout.split("\n");
    const row = lines.findIndex((l) => new RegExp(`^ *${line} \\| `).test(l));
    expect(row).toBeGreaterThan(0);
    const prefix = lines[row]!.indexOf("| ") + 2;
    expect(lines[row]!.slice(prefix)).toBe(BROKEN.split("\n")[line - 1]);
    expect(lines[row + 1]!.indexOf("^")).toBe(prefix + column - 1);
  });

  it("--format json prints one JSON object valid against the schema, files relative to cwd", () => {
    const r = concordat(["check", "--format", "json", EASTMOOR]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(checkDiagnosticsReport(report)).toEqual({ valid: true, errors: [] });
    expect(report.diagnostics.length).toBeGreaterThan(0);
    expect(report.summary.errors).toBeGreaterThan(0);
    for (const d of report.diagnostics) {
      expect(path.isAbsolute(d.file)).toBe(false);
      expect(existsSync(path.join(repo, d.file))).toBe(true);
    }
    expect(report.diagnostics.some((d: { file: string }) => d.file === EASTMOOR)).toBe(true);
    expect(r.stderr).toBe("");
  });

  it("names files relative to the folder it runs in", () => {
    const r = concordat(["check", "--format", "json", "agreements/eastmoor-mou.concord"], { cwd: path.join(repo, "policies") });
    const report = JSON.parse(r.stdout);
    expect(report.diagnostics.some((d: { file: string }) => d.file === "agreements/eastmoor-mou.concord")).toBe(true);
    const abs = concordat(["check", "--format", "json", path.join(repo, EASTMOOR)]);
    expect(JSON.parse(abs.stdout).diagnostics.some((d: { file: string }) => d.file === EASTMOOR)).toBe(true);
  });

  it.each([
    [["check", NORTHVALE], 0],
    [["check", EASTMOOR], 1],
    [["check", "--fail-on", "none", EASTMOOR], 0],
    [["check", "--fail-on", "warning", NORTHVALE], 0],
  ])("exit code: %j → %i", (args, code) => {
    expect(concordat(args as string[]).code).toBe(code);
  });

  it.each([
    ["a missing path", ["check", "no/such/file.concord"]],
    ["an unknown option", ["check", "--no-such-option", NORTHVALE]],
    ["a bad --format", ["check", "--format", "xml", NORTHVALE]],
    ["a bad --fail-on", ["check", "--fail-on", "sometimes", NORTHVALE]],
    ["an unknown command", ["no-such-command"]],
  ])("exit code 2 for %s, with a message and no stack trace", (_what, args) => {
    const r = concordat(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^concordat: /m);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    if (args[1] === "no/such/file.concord") expect(r.stderr).toContain("no/such/file.concord");
  });

  it("a folder with no .concord files is a usage error (exit 2), not a clean pass", () => {
    const dir = tempDir();
    const r = concordat(["check"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^concordat: no \.concord or \.concord\.md files in \.$/m);
  });

  it("checks the current folder by default", () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "sub"));
    writeFileSync(path.join(dir, "sub", "broken.concord"), BROKEN);
    const r = concordat(["check"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^sub\/broken\.concord:\d+:\d+:/m);
  });

  it("-o writes the report to a file (atomically) and keeps stdout empty", () => {
    const dir = tempDir();
    const out = path.join(dir, "report.sarif");
    const r = concordat(["check", "--format", "sarif", "-o", out, EASTMOOR]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/errors?.*report written to/);
    const log = JSON.parse(readFileSync(out, "utf8"));
    expect(log.version).toBe("2.1.0");
    expect(readdirSync(dir)).toEqual(["report.sarif"]);
  });

  it("-o into a folder that does not exist is an I/O error: exit 2", () => {
    const dir = tempDir();
    const r = concordat(["check", "-o", path.join(dir, "missing", "r.txt"), NORTHVALE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^concordat: /);
    expect(r.stderr).not.toMatch(STACK);
  });

  it.each(["pretty", "json", "sarif", "github", "junit", "plain"])("--format %s", (f) => {
    const r = concordat(["check", "--format", f, EASTMOOR]);
    expect(r.code).toBe(1);
    expect(r.stdout.length).toBeGreaterThan(0);
    if (f === "github") expect(r.stdout).toMatch(/^::error file=policies\/agreements\/eastmoor-mou\.concord,line=\d+,endLine=\d+,(col=\d+,)?/m);
    if (f === "plain") expect(r.stdout).toMatch(/^policies\/agreements\/eastmoor-mou\.concord:\d+:\d+: error [a-z/_-]+: /m);
    if (f === "junit") expect(r.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
    if (f === "sarif") expect(JSON.parse(r.stdout).version).toBe("2.1.0");
  });

  it.each([
    ["piped", [], {}, false],
    ["NO_COLOR beats FORCE_COLOR", [], { NO_COLOR: "1", FORCE_COLOR: "1" }, false],
    ["--color", ["--color"], {}, true],
    ["--no-color beats FORCE_COLOR", ["--no-color"], { FORCE_COLOR: "1" }, false],
    ["--color never colours JSON", ["--color", "--format", "json"], {}, false],
  ])("colour: %s", (_what, flags, env, coloured) => {
    const out = concordat(["check", ...(flags as string[]), EASTMOOR], { env: env as Record<string, string> }).stdout;
    if (coloured) expect(out).toMatch(ESC);
    else expect(out).not.toMatch(ESC);
  });

  it("--help reads like a manual, with examples", () => {
    const r = concordat(["check", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Examples:");
    expect(r.stdout).toContain("--fail-on");
    expect(r.stdout).toContain("Exit codes:");
    const top = concordat(["--help"]);
    expect(top.code).toBe(0);
    for (const c of ["check", "compile", "test", "schema"]) expect(top.stdout).toContain(c);
    const v = concordat(["--version"]);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8")).version);
  });

  it("each command's description is wrapped as paragraphs, not broken where its source lines end", () => {
    // Commander wraps at 80 columns off a terminal: a line of a paragraph ends only where the
    // next word would not fit (lines of source longer than that left "so," alone on a line).
    for (const command of [[], ["check"], ["compile"], ["test"], ["diff"], ["explain"], ["matrix"], ["render"], ["fmt"], ["init"], ["schema"]]) {
      const lines = concordat([...command, "--help"]).stdout.split("\n");
      const description = lines.slice(2, lines.findIndex((l, i) => i > 1 && /^[A-Z][a-z ]*:$/.test(l)));
      expect(description.length, command.join(" ")).toBeGreaterThan(1);
      for (let i = 0; i + 1 < description.length; i++) {
        const [line, next] = [description[i]!, description[i + 1]!];
        if (line === "" || next === "" || /^\s/.test(next)) continue;
        expect(line.length, `${command.join(" ") || "concordat"}: "${line}"`).toBeLessThanOrEqual(80);
        expect(line.length + 1 + next.split(" ")[0]!.length, `${command.join(" ") || "concordat"}: "${line}" then "${next}"`).toBeGreaterThan(80);
      }
    }
  });
});
