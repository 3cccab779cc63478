// Issue 8: every input answered — hostile paths, special files, huge and deep files, pasted
// text, terminal escapes. Each defect of the issue has its regression test here, on the
// built CLI (files, exit codes and the terminal are what these are about).
import { beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { checkDiagnosticsReport } from "../../src/diagnostics/schema.js";
import { bin, concordat, ensureBuilt, repo, STACK, tempDir } from "./helpers.js";

beforeAll(() => ensureBuilt());

/** A project folder (root marker) holding a copy of policies/. */
function project(): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, "concordat.json"), "{}\n");
  // The four normative examples: a fixed project, whatever the library in policies/ grows to.
  fs.cpSync(path.join(repo, "test/fixtures/examples"), dir, { recursive: true });
  return dir;
}

const NORTHVALE = "agreements/northvale-group.concord";
const northvale = (): string => fs.readFileSync(path.join(repo, "policies", NORTHVALE), "utf8");

function json(stdout: string): { diagnostics: { code: string; message: string; file: string; line: number; column: number; related?: { line: number; column: number; message: string }[] }[]; summary: { files: number; errors: number } } {
  const report = JSON.parse(stdout);
  expect(checkDiagnosticsReport(report).errors).toEqual([]);
  return report;
}

function noCrash(r: { stdout: string; stderr: string }): void {
  expect(r.stdout + r.stderr).not.toMatch(/internal error/);
  expect(r.stdout + r.stderr).not.toMatch(STACK);
}

describe("1. symlinks do not leave the project", () => {
  it("an import through a symlink to a file outside the project is refused, its lines never shown", () => {
    const dir = project();
    fs.symlinkSync("/etc/passwd", path.join(dir, "frameworks/passwd.concord"));
    fs.writeFileSync(path.join(dir, "agreements/a.concord"), 'import "../frameworks/passwd.concord"\n');
    const r = concordat(["check", "--format", "json", "agreements/a.concord"], { cwd: dir });
    noCrash(r);
    const report = json(r.stdout);
    expect(report.diagnostics.map((d) => d.code)).toEqual(["import"]);
    expect(report.diagnostics[0]!.message).toMatch(/leads outside the project root .* through a symbolic link/);
    expect(r.stdout).not.toMatch(/root:/);
  });

  it("a symlinked folder leading outside the project is not read when its folder is checked", () => {
    const dir = project();
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, "secret.concord"), "SECRET-LINE\n");
    fs.symlinkSync(outside, path.join(dir, "agreements/elsewhere"));
    const r = concordat(["check", "--no-color", "."], { cwd: dir });
    noCrash(r);
    expect(r.stdout).not.toMatch(/SECRET-LINE/);
    expect(r.stdout).toMatch(/outside the project/);
  });

  it("one file reached by two paths (symlink, hard link) is read once", () => {
    const dir = project();
    fs.symlinkSync("northvale-group.concord", path.join(dir, "agreements/alias.concord"));
    fs.linkSync(path.join(dir, NORTHVALE), path.join(dir, "agreements/hard.concord"));
    const r = concordat(["check", "--format", "json", "agreements/alias.concord", NORTHVALE, "agreements/hard.concord"], { cwd: dir });
    noCrash(r);
    const report = json(r.stdout);
    expect(report.summary.files).toBe(3); // northvale and the two frameworks it imports
    expect(report.diagnostics.filter((d) => d.code === "duplicate-declaration")).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe("2. -o writes only regular files", () => {
  const refused = (dir: string, out: string, args: string[] = ["check", "--format", "json", NORTHVALE]) => {
    const r = concordat([...args, "-o", out], { cwd: dir });
    noCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${out}`);
    expect(r.stderr).not.toMatch(/\.tmp/);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    return r;
  };

  it("refuses a device (/dev/null stays a device, even as root)", () => {
    const dir = project();
    refused(dir, "/dev/null");
    expect(fs.statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("refuses a FIFO, a folder, and a symlink to /proc/self/fd/1", () => {
    const dir = project();
    const fifo = spawnSync("mkfifo", [path.join(dir, "pipe.json")]);
    if (fifo.status === 0) {
      expect(refused(dir, "pipe.json").stderr).toMatch(/not a regular file/);
      expect(fs.lstatSync(path.join(dir, "pipe.json")).isFIFO()).toBe(true);
    }
    fs.mkdirSync(path.join(dir, "out"));
    expect(refused(dir, "out").stderr).toMatch(/folder/);
    fs.symlinkSync("/proc/self/fd/1", path.join(dir, "stdout.json"));
    expect(refused(dir, "stdout.json").stderr).toMatch(/symbolic link/);
    expect(fs.lstatSync(path.join(dir, "stdout.json")).isSymbolicLink()).toBe(true);
  });

  it("compile -o onto one of its own inputs is refused, and the input is unchanged", () => {
    const dir = project();
    const before = fs.readFileSync(path.join(dir, "frameworks/nhs-baseline.concord"), "utf8");
    refused(dir, "frameworks/nhs-baseline.concord", ["compile", NORTHVALE]);
    expect(fs.readFileSync(path.join(dir, "frameworks/nhs-baseline.concord"), "utf8")).toBe(before);
  });

  it("SIGTERM while a deep file is checked with -o (on the large-stack thread) leaves no temporary file", async () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, "agreements/deep.concord"), deepClauses(400));
    for (const delay of [300, 1500, 3000]) {
      const child = spawn(process.execPath, [bin, "check", "--format", "json", "-o", "report.json", "agreements/deep.concord"], { cwd: dir, stdio: "ignore" });
      // Listen before waiting: a run that ends before the signal must not leave the test waiting forever.
      const exited = new Promise((r) => child.on("exit", r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill("SIGTERM");
      await exited;
      expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
      // Either the report was written whole, or not at all.
      if (fs.existsSync(path.join(dir, "report.json"))) json(fs.readFileSync(path.join(dir, "report.json"), "utf8"));
    }
  }, 120_000);

  it("an error names the path the user gave, not the temporary file", () => {
    const dir = project();
    const r = concordat(["compile", NORTHVALE, "-o", "missing-folder/rules.json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write missing-folder\/rules\.json: its folder does not exist/);
    expect(r.stderr).not.toMatch(/\.tmp/);
  });
});

describe("3. one-token typos never kill the report", () => {
  it("`clause 1_0` leaves the JSON report valid, with the other files' findings", () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, "agreements/typo.concord"), northvale().replace('clause 4 "Engagement', 'clause 1_0 "Engagement').replace("northvale_group", "typo_group"));
    const r = concordat(["check", "--format", "json", "."], { cwd: dir });
    noCrash(r);
    expect([0, 1]).toContain(r.code);
    const report = json(r.stdout);
    expect(report.diagnostics.some((d) => d.file === "agreements/eastmoor-mou.concord")).toBe(true);
  });

  it("a dimension named `__proto__` compiles, and witnesses keep it", () => {
    const dir = project();
    const fw = path.join(dir, "frameworks/nhs-baseline.concord");
    fs.writeFileSync(fw, fs.readFileSync(fw, "utf8").replace("dimension value: money", "dimension __proto__: money"));
    const mou = path.join(dir, "agreements/eastmoor-mou.concord");
    fs.writeFileSync(mou, fs.readFileSync(mou, "utf8").replace(/\bvalue\b/g, "__proto__"));
    const c = concordat(["compile", "agreements/eastmoor-mou.concord"], { cwd: dir });
    noCrash(c);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.stdout).agreements[0].dimensions.map((d: { id: string }) => d.id)).toContain("__proto__");
    const r = concordat(["check", "--format", "json", "agreements/eastmoor-mou.concord"], { cwd: dir });
    const gap = json(r.stdout).diagnostics.find((d) => d.code === "gap") as unknown as { witness: { dimensions: Record<string, unknown> } };
    expect(Object.keys(gap.witness.dimensions)).toContain("__proto__");
  });
});

/** Northvale with clause 4 wrapped in `depth` nested clauses. */
function deepClauses(depth: number): string {
  const src = northvale();
  const i = src.indexOf('  clause 4 "Engagement');
  const j = src.indexOf('  clause 5 "Clinical');
  let open = "";
  for (let k = 0; k < depth; k++) open += `clause ${k + 10} "level ${k}" {\n`;
  return src.slice(0, i) + open + src.slice(i, j) + "}\n".repeat(depth) + src.slice(j);
}

describe("4. depth", () => {
  it("10,000 nested clauses parse and check", () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, "agreements/deep.concord"), deepClauses(10_000));
    const r = concordat(["check", "--format", "json", "agreements/deep.concord"], { cwd: dir });
    noCrash(r);
    expect(json(r.stdout).diagnostics).toEqual([]);
    expect(r.code).toBe(0);
  }, 300_000);

  it("10,000 nested functions parse and check", () => {
    const dir = project();
    const fw = path.join(dir, "frameworks/nhs-baseline.concord");
    let open = "";
    for (let k = 0; k < 10_000; k++) open += `  function d${k} "D${k}" {\n`;
    fs.writeFileSync(fw, fs.readFileSync(fw, "utf8").replace('  function hr "Human resources" in support\n', `${open}  function leaf "Leaf"\n${"  }\n".repeat(10_000)}  function hr "Human resources" in support\n`));
    const r = concordat(["check", "--format", "json", "frameworks/nhs-baseline.concord"], { cwd: dir });
    noCrash(r);
    expect(json(r.stdout).diagnostics).toEqual([]);
  }, 300_000);

  it("past the documented limit, one clear diagnostic", () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, "agreements/deeper.concord"), `agreement x "X" {\n${"clause 1 {\n".repeat(20_001)}`);
    const r = concordat(["check", "--format", "json", "agreements/deeper.concord"], { cwd: dir });
    noCrash(r);
    const report = json(r.stdout);
    expect(report.diagnostics).toHaveLength(1);
    expect(report.diagnostics[0]!.message).toMatch(/20,002 levels deep; concordat reads at most 20,000 levels/);
  }, 120_000);
});

describe("5. counts", () => {
  it("130,000 stray characters: the first 100 syntax errors and one 'and N more'", () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, "agreements/stray.concord"), `agreement x "X" {\n  clause 1 "a" {${" ~".repeat(130_000)}}\n}\n`);
    const r = concordat(["check", "--format", "json", "agreements/stray.concord"], { cwd: dir });
    noCrash(r);
    const ds = json(r.stdout).diagnostics.filter((d) => d.code === "syntax");
    expect(ds).toHaveLength(101);
    expect(ds.filter((d) => /unexpected character `~`/.test(d.message))).toHaveLength(100);
    expect(ds[100]!.message).toMatch(/^and 129,900 more syntax errors in this file/);
  }, 120_000);

  it("4,000 lines of one mistake in a row: the first 100, a count, and where the parser stopped", () => {
    // Each line is a syntax error the parser recovers from inside the agreement's repetition:
    // thousands in a row ran Node out of stack ("internal error") and took the square of the file.
    const dir = project();
    const lines = Array.from({ length: 4_000 }, (_, i) => `  allow R1 for function f${i} because "reason"\n`).join("");
    fs.writeFileSync(path.join(dir, "agreements/allows.concord"), `agreement x "X" {\n${lines}}\n`);
    const r = concordat(["check", "--format", "json", "agreements/allows.concord"], { cwd: dir });
    noCrash(r);
    const ds = json(r.stdout).diagnostics.filter((d) => d.code === "syntax");
    expect(ds.some((d) => /internal error|call stack/i.test(d.message))).toBe(false);
    expect(ds.slice(0, 100).every((d) => /^expected|^unexpected/.test(d.message))).toBe(true);
    expect(ds[100]!.message).toMatch(/^and [\d,]+ more syntax errors in this file/);
    const stop = ds[ds.length - 1]!;
    expect(stop.message).toBe("concordat stopped reading this file here, after 300 syntax errors: what follows is not checked. Correct the first errors and check it again.");
    expect(stop.line).toBeGreaterThan(ds[99]!.line);
    expect(stop.line).toBeLessThan(4_000);
  }, 120_000);

  it("a 20,000-file import chain is read to the end", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "concordat.json"), "{}\n");
    const n = 20_000;
    for (let i = 0; i < n; i++)
      fs.writeFileSync(path.join(dir, `f${i}.concord`), `${i + 1 < n ? `import "f${i + 1}.concord"\n` : "framework broken {\n"}framework f${i} "F${i}" {\n  version "1"\n}\n`);
    const r = concordat(["check", "--format", "json", "f0.concord"], { cwd: dir });
    noCrash(r);
    const report = json(r.stdout);
    expect(report.summary.files).toBe(n);
    // The last file of the chain has a syntax error: it was read and reported.
    expect(report.diagnostics.some((d) => d.file === `f${n - 1}.concord` && d.code === "syntax")).toBe(true);
  }, 300_000);
});

describe("6. terminal escapes from files are escaped in every human format", () => {
  const evil = () =>
    northvale()
      .replace('test "large procurements go to the group board"', 'test "x\\u001b[2J\\u001b[Hall tests passed"')
      .replace('"Northvale Hospital Group collaboration agreement"', '"Northvale \\u001b]0;pwned\\u0007"')
      .replace("party westbridge", "party westbridge_typo");
  for (const [name, args] of [
    ["test", ["test", "--no-color"]],
    ["test junit", ["test", "--format", "junit"]],
    ["pretty", ["check", "--no-color"]],
    ["github", ["check", "--format", "github"]],
    ["junit", ["check", "--format", "junit"]],
  ] as [string, string[]][]) {
    it(name, () => {
      const dir = project();
      fs.writeFileSync(path.join(dir, NORTHVALE), evil());
      const r = concordat([...args, NORTHVALE], { cwd: dir });
      noCrash(r);
      expect(r.stdout + r.stderr).not.toMatch(/\u001b/);
      expect(r.stdout + r.stderr).not.toMatch(/\u0007/);
      if (name === "test") expect(r.stdout).toContain("x\\u001b[2J\\u001b[Hall tests passed");
    });
  }
});

describe("7–8. characters that are not what they look like", () => {
  const one = (text: string | Buffer, name = "agreements/x.concord") => {
    const dir = project();
    fs.writeFileSync(path.join(dir, name), text);
    const r = concordat(["check", "--format", "json", name], { cwd: dir });
    noCrash(r);
    return json(r.stdout).diagnostics;
  };

  it("a bidirectional control in a comment or string is an error naming it, its line and column", () => {
    const ds = one(northvale().replace("// A federated", "// A fed\u202eerated").replace('"Committee in common"', '"Committee \u2066in common"'));
    const bidi = ds.filter((d) => /bidirectional/.test(d.message));
    expect(bidi.map((d) => [d.line, d.column])).toEqual([
      [1, 9],
      [17, 29],
    ]);
    expect(bidi[0]!.message).toMatch(/U\+202E right-to-left override.*line 1, column 9/);
    expect(bidi[1]!.message).toMatch(/U\+2066 left-to-right isolate/);
  });

  it("pasted characters are named with the plain character to type", () => {
    const ds = one(
      northvale()
        .replace("  model federated", "  model\u00a0federated")
        .replace("  review every", "  review\u200b every")
        .replace('"Committee in common"', "\u201cCommittee in common\u201d")
        .replace("party eastmoor", "party e\u0430stmoor"),
    );
    const msgs = ds.map((d) => d.message);
    expect(msgs).toContain("unexpected character U+00A0 no-break space; type a plain space instead");
    expect(msgs).toContain("unexpected character U+200B zero-width space; delete it");
    expect(msgs).toContain('unexpected character U+201C left double quotation mark; type `"` instead');
    expect(msgs).toContain("unexpected character U+0430, a Cyrillic letter that looks like the Latin `a`; type `a` instead");
  });

  it("a cp1252 £, a NUL, a ZIP (.docx) and a PDF each get one 'not a text file'", () => {
    const cases: [Buffer, RegExp][] = [
      [Buffer.from(northvale().replace("£1_000_000", "\u0000"), "utf8"), /NUL/],
      [Buffer.concat([Buffer.from("agreement a \"x\" { provision exit \""), Buffer.from([0xa3]), Buffer.from('5" }\n')]), /byte 0xA3 \(a `£` saved as Windows-1252/],
      [Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 0x41)]), /ZIP archive/],
      [Buffer.from("%PDF-1.7\n" + "stream {{{ \u00ff ".repeat(300)), /PDF document/],
    ];
    for (const [bytes, why] of cases) {
      const ds = one(bytes);
      expect(ds).toHaveLength(1);
      expect(ds[0]!.message).toMatch(/is not a text file/);
      expect(ds[0]!.message).toMatch(why);
    }
  });
});

describe("9. folders", () => {
  it("a symlink loop and a symlinked folder named *.concord are reported; the rest is checked", () => {
    const dir = project();
    fs.symlinkSync("loop.concord", path.join(dir, "agreements/loop.concord"));
    fs.symlinkSync("../frameworks", path.join(dir, "agreements/folder.concord"));
    const r = concordat(["check", "--format", "json", "."], { cwd: dir });
    noCrash(r);
    const report = json(r.stdout);
    expect(report.diagnostics.find((d) => d.file === "agreements/loop.concord")?.message).toMatch(/loop/);
    expect(report.diagnostics.some((d) => d.file === "agreements/eastmoor-mou.concord")).toBe(true);
    expect(report.summary.files).toBe(4);
  });

  it("a loop named directly is called a loop, not 'No such file'", () => {
    const dir = project();
    fs.symlinkSync("loop.concord", path.join(dir, "loop.concord"));
    const r = concordat(["check", "loop.concord"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/loop/);
    expect(r.stderr).not.toMatch(/No such file/);
  });
});

describe("10. order", () => {
  it("swapping the paths changes neither the report nor the rule set", () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, "agreements/twin.concord"), northvale().replace("// A federated", "// The twin of a federated"));
    const a = ["agreements/twin.concord", NORTHVALE, "agreements/eastmoor-mou.concord"];
    const b = [...a].reverse();
    const ra = concordat(["check", "--format", "json", ...a], { cwd: dir });
    const rb = concordat(["check", "--format", "json", ...b], { cwd: dir });
    expect(json(ra.stdout).diagnostics.some((d) => d.code === "duplicate-declaration")).toBe(true);
    expect(rb.stdout).toBe(ra.stdout);
    const ca = concordat(["compile", ...a.slice(1)], { cwd: dir });
    const cb = concordat(["compile", ...a.slice(1).reverse()], { cwd: dir });
    expect(cb.stdout).toBe(ca.stdout);
  });
});

describe("12–14. files named, cascades, no tests", () => {
  it("a file that is not .concord, named on the command line: not a concordat file, exit 2", () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, "README.md"), "# Read me\n\nNot an agreement.\n");
    const r = concordat(["check", "README.md"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("concordat: README.md is not a concordat file: concordat reads .concord and .concord.md files\n");
    expect(r.stdout).toBe("");
  });

  it("a missing import is one error; its follow-on unresolved names are not reported", () => {
    const dir = project();
    fs.writeFileSync(path.join(dir, NORTHVALE), northvale().replace("nhs-baseline.concord", "nhs-baselin.concord"));
    const r = concordat(["check", "--format", "json", NORTHVALE], { cwd: dir });
    const ds = json(r.stdout).diagnostics;
    expect(ds.map((d) => d.code)).toEqual(["import"]);
    expect(ds[0]!.message).toMatch(/there is no such file .* \(35 follow-on errors not shown\)/);
    expect(r.stdout).not.toMatch(/declare no levels/);
  });

  it("an unclosed `clause {` points at its opening brace too", () => {
    const dir = project();
    const src = northvale().replace(/(clause 5 "Clinical services stay with each trust" \{\n(?:.*\n){4})  \}\n/, "$1");
    fs.writeFileSync(path.join(dir, NORTHVALE), src);
    const r = concordat(["check", "--format", "json", NORTHVALE], { cwd: dir });
    const end = json(r.stdout).diagnostics.find((d) => /ends too early/.test(d.message));
    expect(end?.related?.map((x) => x.line)).toEqual([57]);
    expect(end?.related?.[0]?.message).toMatch(/is opened here and never closed/);
  });

  it("`test` on files with no tests says so and exits 2, as `check` does on a folder without files", () => {
    const dir = project();
    const r = concordat(["test", "frameworks/"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^concordat: no tests in the 2 files read/);
    expect(r.stdout).toBe("");
  });
});
