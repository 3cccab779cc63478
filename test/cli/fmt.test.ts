// `concordat fmt`, run as a user runs it (the built binary), and the plugin through Prettier's own CLI.
import { chmodSync, copyFileSync, lstatSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bin, concordat, ensureBuilt, repo, STACK, tempDir } from "./helpers.js";

beforeAll(() => ensureBuilt());

const messy = "agreement a {   party p kind k\n\n\n  clause 1 { assign x { accountable p } } }\n";
const tidy = "agreement a {\n  party p kind k\n\n  clause 1 {\n    assign x {\n      accountable p\n    }\n  }\n}\n";
const broken = "agreement a {\n  party\n}\n";

describe("concordat fmt", () => {
  it("rewrites files in place, keeps their mode, and lists what it rewrote", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "a.concord"), messy);
    writeFileSync(path.join(dir, "b.concord"), tidy);
    chmodSync(path.join(dir, "a.concord"), 0o640);
    const r = concordat(["fmt", "."], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("a.concord\n");
    expect(readFileSync(path.join(dir, "a.concord"), "utf8")).toBe(tidy);
    expect(statSync(path.join(dir, "a.concord")).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(["a.concord", "b.concord"]); // no temporary file left
  });

  it("writes through a symlink (the link stays a link) and formats a file reached twice once", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "real.concord"), messy);
    symlinkSync("real.concord", path.join(dir, "link.concord"));
    const r = concordat(["fmt", "link.concord", "real.concord", "."], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("real.concord\n");
    expect(lstatSync(path.join(dir, "link.concord")).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, "real.concord"), "utf8")).toBe(tidy);
  });

  it("--check lists the files that would change, changes nothing, and exits 1", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "a.concord"), messy);
    writeFileSync(path.join(dir, "b.concord"), tidy);
    const r = concordat(["fmt", "--check", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split("\n").map((l) => path.basename(l))).toEqual(["a.concord"]);
    expect(r.stderr).toMatch(/1 file not in the canonical layout/);
    expect(readFileSync(path.join(dir, "a.concord"), "utf8")).toBe(messy);
  });

  it("--check passes on policies/", () => {
    const r = concordat(["fmt", "--check", "policies"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("reports a file with syntax errors with its position, leaves it untouched, formats the others, and exits 1", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "bad.concord"), broken);
    writeFileSync(path.join(dir, "good.concord"), messy);
    const r = concordat(["fmt", "."], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^bad\.concord:3:1: error\[syntax\]/m);
    expect(r.stderr).toMatch(/1 file not formatted because of syntax errors \(left unchanged\)/);
    expect(r.stderr).not.toMatch(STACK);
    expect(readFileSync(path.join(dir, "bad.concord"), "utf8")).toBe(broken);
    expect(readFileSync(path.join(dir, "good.concord"), "utf8")).toBe(tidy);
  });

  it("leaves a file that is not text alone, says so, and formats the others", () => {
    const dir = tempDir();
    const binary = Buffer.from([0x61, 0x00, 0xff, 0xfe, 0x0a]);
    writeFileSync(path.join(dir, "a.concord"), binary);
    writeFileSync(path.join(dir, "b.concord"), messy);
    const r = concordat(["fmt", "."], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a\.concord is not UTF-8 text; not formatted/);
    expect(readFileSync(path.join(dir, "a.concord")).equals(binary)).toBe(true);
    expect(readFileSync(path.join(dir, "b.concord"), "utf8")).toBe(tidy);
  });

  it("formats a .concord.md file's concord blocks only", () => {
    const dir = tempDir();
    const md = "# Title   here\n\n```concord\nagreement a {   party p kind k }\n```\n";
    writeFileSync(path.join(dir, "x.concord.md"), md);
    expect(concordat(["fmt", "x.concord.md"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(path.join(dir, "x.concord.md"), "utf8")).toBe("# Title   here\n\n```concord\nagreement a {\n  party p kind k\n}\n```\n");
  });

  it("reads printWidth from .prettierrc, as Prettier does", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, ".prettierrc"), JSON.stringify({ printWidth: 30 }));
    writeFileSync(path.join(dir, "a.concord"), "agreement a {\n  assign x {\n    consulted aaaaaa, bbbbbb, cccccc, dddddd\n  }\n}\n");
    expect(concordat(["fmt", "a.concord"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(path.join(dir, "a.concord"), "utf8")).toBe("agreement a {\n  assign x {\n    consulted aaaaaa, bbbbbb,\n      cccccc, dddddd\n  }\n}\n");
  });

  it("`-` formats standard input to standard output", () => {
    const r = spawnSync(process.execPath, [bin, "fmt", "-"], { input: messy, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(tidy);
  });

  it("`-` with a syntax error prints nothing on standard output and exits 1", () => {
    const r = spawnSync(process.execPath, [bin, "fmt", "-"], { input: broken, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/<stdin>:3:1: error\[syntax\]/);
  });

  it("formats a file nested deeper than the main thread's stack takes, from a folder and from standard input, like the others", () => {
    // 1,000 levels: far past the 150 the main thread takes (the command runs again on the worker
    // thread); on the main thread's stack the parser ran out at such a depth.
    const levels = 1000;
    const messyDeep = `agreement deep {\n${Array.from({ length: levels }, (_, i) => `clause ${i + 1} {`).join(" ")}\n${"}".repeat(levels)}\n}\n`;
    const opening = Array.from({ length: levels - 1 }, (_, i) => `${"  ".repeat(i + 1)}clause ${i + 1} {\n`).join("");
    const closing = Array.from({ length: levels - 1 }, (_, i) => `${"  ".repeat(levels - 1 - i)}}\n`).join("");
    const tidyDeep = `agreement deep {\n${opening}${"  ".repeat(levels)}clause ${levels} {}\n${closing}}\n`;
    const dir = tempDir();
    writeFileSync(path.join(dir, "a.concord"), messy);
    writeFileSync(path.join(dir, "deep.concord"), messyDeep);
    const check = concordat(["fmt", "--check", "."], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toBe("a.concord\ndeep.concord\n");
    expect(check.stderr).not.toMatch(/ran out of stack|syntax/);
    const r = concordat(["fmt", "."], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("a.concord\ndeep.concord\n");
    expect(readFileSync(path.join(dir, "a.concord"), "utf8")).toBe(tidy);
    expect(readFileSync(path.join(dir, "deep.concord"), "utf8")).toBe(tidyDeep);
    const piped = spawnSync(process.execPath, [bin, "fmt", "-"], { input: messyDeep, encoding: "utf8", maxBuffer: 1 << 26 });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toBe(tidyDeep);
  });

  it("refuses a file nested past 20,000 levels as check does, without trying to format it", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "deep.concord"), `agreement deep {\n${"clause 1 {".repeat(20_001)}${"}".repeat(20_001)}\n}\n`);
    const r = concordat(["fmt", "deep.concord"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/deep\.concord:1:1: error\[syntax\] The file nests `\{ … \}` 20,002 levels deep; concordat reads at most 20,000 levels\./);
  });

  it("a folder with no .concord files is a usage error (exit 2), not a pass", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "notes.md"), "# nothing\n");
    const r = concordat(["fmt", "--check", "."], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no \.concord or \.concord\.md files in \./);
  });

  it("a path that does not exist is an I/O error (exit 2) naming it", () => {
    const r = concordat(["fmt", "no-such.concord"], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-such\.concord/);
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe("prettier --plugin concordat/prettier", () => {
  const prettierBin = path.join(repo, "node_modules/prettier/bin/prettier.cjs");
  it("checks policies/ as formatted, and formats a file the same way as concordat fmt", () => {
    const ok = spawnSync(process.execPath, [prettierBin, "--plugin", "concordat/prettier", "--check", "policies/**/*.concord"], { cwd: repo, encoding: "utf8" });
    expect(ok.stderr + ok.stdout).toMatch(/All matched files use Prettier code style/);
    expect(ok.status).toBe(0);
    const dir = tempDir();
    copyFileSync(path.join(repo, "package.json"), path.join(dir, "package.json"));
    writeFileSync(path.join(dir, "a.concord"), messy);
    const r = spawnSync(process.execPath, [prettierBin, "--plugin", path.join(repo, "dist/src/format/index.js"), "a.concord"], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(tidy);
  });
});
