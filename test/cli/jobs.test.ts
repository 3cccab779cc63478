// `check --jobs N`: the analysis on worker threads gives the report of a single-threaded run,
// byte for byte, and a wrong N is a usage error.
import { beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { split } from "../../src/cli/parallel-analysis.js";
import { manyFiles } from "../../bench/series.js";
import { concordat, ensureBuilt, repo, STACK, tempDir } from "./helpers.js";

beforeAll(() => ensureBuilt());

/**
 * A project of about 50 agreements: the frameworks of policies/, and five renamed copies of
 * each of its agreements (each in its own folder, so that relative imports still resolve).
 */
function manyAgreements(): { dir: string; agreements: number } {
  const dir = tempDir();
  writeFileSync(path.join(dir, "concordat.json"), "{}\n");
  cpSync(path.join(repo, "policies/frameworks"), path.join(dir, "frameworks"), { recursive: true });
  let agreements = 0;
  const source = path.join(repo, "policies/agreements");
  for (const entry of readdirSync(source, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.concord(\.md)?$/.test(entry.name)) continue;
    const relative = path.relative(source, path.join(entry.parentPath, entry.name));
    const text = readFileSync(path.join(source, relative), "utf8");
    for (let k = 1; k <= 5; k++) {
      const target = path.join(dir, "agreements", path.dirname(relative), k === 1 ? "" : `copy${k}`, path.basename(relative));
      mkdirSync(path.dirname(target), { recursive: true });
      // One level deeper for the copies: their imports go one more folder up.
      const moved = k === 1 ? text : text.replace(/import "\.\.\//g, 'import "../../');
      writeFileSync(target, moved.replace(/^(\s*)agreement (\w+)/gm, (_, indent: string, id: string) => `${indent}agreement ${id}_${k}`));
      agreements++;
    }
  }
  return { dir, agreements };
}

describe("concordat check --jobs", () => {
  let project: { dir: string; agreements: number };
  beforeAll(() => {
    project = manyAgreements();
  });

  it("the generated project has about 50 agreements and findings in most of them", () => {
    expect(project.agreements).toBeGreaterThanOrEqual(45);
    const r = concordat(["check", "--jobs", "1", "--format", "json", "."], { cwd: project.dir });
    expect(r.stderr).toBe("");
    const files = new Set((JSON.parse(r.stdout) as { diagnostics: { file: string }[] }).diagnostics.map((d) => d.file));
    expect(files.size).toBeGreaterThanOrEqual(20);
    // The copies are renamed: no finding says an agreement is declared twice.
    expect(r.stdout).not.toMatch(/duplicate-declaration/);
  });

  for (const format of ["json", "pretty"]) {
    it(`--jobs 2 prints the --jobs 1 report byte for byte (${format}, the generated project)`, () => {
      const one = concordat(["check", "--jobs", "1", "--format", format, "."], { cwd: project.dir });
      const two = concordat(["check", "--jobs", "2", "--format", format, "."], { cwd: project.dir });
      expect(one.code).toBe(1);
      expect(one.stdout.length).toBeGreaterThan(1000);
      expect(two).toEqual(one);
    });

    it(`--jobs 2 prints the --jobs 1 report byte for byte (${format}, policies/)`, () => {
      const one = concordat(["check", "--jobs", "1", "--format", format, "policies"]);
      const two = concordat(["check", "--jobs", "2", "--format", format, "policies"]);
      expect(one.code).toBe(1);
      expect(two).toEqual(one);
    });
  }

  it("-j 3 and the default (no --jobs) give the same report too", () => {
    const one = concordat(["check", "--jobs", "1", "--format", "json", "."], { cwd: project.dir });
    expect(concordat(["check", "-j", "3", "--format", "json", "."], { cwd: project.dir })).toEqual(one);
    expect(concordat(["check", "--format", "json", "."], { cwd: project.dir })).toEqual(one);
  });

  for (const bad of ["0", "x", "-1", "1.5", ""]) {
    it(`--jobs ${JSON.stringify(bad)} is a usage error (exit 2)`, () => {
      const r = concordat(["check", "--jobs", bad, "policies"]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/--jobs/);
      expect(r.stderr).toMatch(/whole number, 1 or more/);
      expect(r.stderr).not.toMatch(STACK);
    });
  }
});

/**
 * A folder of agreements that each import one framework (the bench's many-files shape), with a
 * literate agreement, a file of syntax errors, a suppression and an agreement file imported by
 * another: the whole check runs on threads, a share of the files each.
 */
function folderOfAgreements(): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, "concordat.json"), "{}\n");
  const files = manyFiles(60);
  files.set("agreements/b-broken.concord", `import "../framework.concord"\n\nagreement broken "Broken" {\n  conforms to many_fw\n  clause 1 {\n    assign referral {\n      accountable\n    }\n  }\n}\n`);
  files.set("agreements/c-literate.concord.md", "# A literate agreement\n\nIts clauses:\n\n```concord\nimport \"../framework.concord\"\nimport \"a00007.concord\"\n\nagreement literate \"Literate\" {\n  conforms to many_fw\n  party p \"Party P\" kind trust role member\n  scope all functions\n  clause 1 {\n    assign records {\n      accountable p\n    }\n  }\n}\n```\n");
  for (const [name, text] of files) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe("concordat check --jobs over a folder of many files", () => {
  let dir: string;
  const threads = { CONCORDAT_DEBUG: "threads" };
  beforeAll(() => {
    dir = folderOfAgreements();
  });

  for (const format of ["json", "pretty", "sarif", "brief"]) {
    it(`--jobs 2 checks on 2 threads and prints the --jobs 1 report byte for byte (${format})`, () => {
      const one = concordat(["check", "--jobs", "1", "--format", format, "."], { cwd: dir, env: threads });
      const two = concordat(["check", "--jobs", "2", "--format", format, "."], { cwd: dir, env: threads });
      expect(one.stderr).toBe("concordat: checked on this thread: --jobs 1\n");
      expect(two.stderr).toBe("concordat: checked on 2 threads\n");
      expect(one.code).toBe(1);
      expect(one.stdout.length).toBeGreaterThan(1000);
      expect(two.stdout).toBe(one.stdout);
      expect(two.code).toBe(one.code);
    });
  }

  it("the report has the findings of every file, each once", () => {
    const r = concordat(["check", "--jobs", "3", "--format", "json", "."], { cwd: dir, env: threads });
    expect(r.stderr).toBe("concordat: checked on 3 threads\n");
    const diagnostics = (JSON.parse(r.stdout) as { diagnostics: { file: string; code: string; message: string; line: number }[] }).diagnostics;
    expect(diagnostics.filter((d) => d.code === "syntax").map((d) => d.file)).toEqual(["agreements/b-broken.concord"]);
    expect(new Set(diagnostics.filter((d) => d.code === "gap").map((d) => d.file)).size).toBe(62); // every agreement has a gap
    const keys = diagnostics.map((d) => JSON.stringify(d));
    expect(new Set(keys).size).toBe(keys.length);
  });

  for (const format of ["pretty", "json", "junit"]) {
    it(`test --jobs 2 runs on 2 threads and prints the --jobs 1 results byte for byte (${format})`, () => {
      const tested = folderOfAgreements();
      for (let i = 0; i < 12; i++) {
        const file = path.join(tested, `agreements/a${String(i * 5).padStart(5, "0")}.concord`);
        // Clause 1 gives referral below £(1000 + n) to p: the first test passes, the second fails.
        const text = readFileSync(file, "utf8").replace(/\n}\n$/, `\n  test "low referrals" {\n    expect accountable for referral where value = £999 is p\n  }\n  test "high referrals" {\n    expect accountable for referral where value = £5000 is p\n  }\n}\n`);
        writeFileSync(file, text);
      }
      const one = concordat(["test", "--jobs", "1", "--format", format, "."], { cwd: tested, env: threads });
      const two = concordat(["test", "--jobs", "2", "--format", format, "."], { cwd: tested, env: threads });
      expect(two.stderr.startsWith("concordat: checked on 2 threads\n")).toBe(true);
      expect(one.stderr.startsWith("concordat: checked on this thread: --jobs 1\n")).toBe(true);
      expect(one.code).toBe(1);
      expect(one.stdout.match(/high referrals/g)?.length).toBeGreaterThanOrEqual(12);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr.slice(two.stderr.indexOf("\n"))).toBe(one.stderr.slice(one.stderr.indexOf("\n")));
      expect(two.code).toBe(one.code);
    });
  }

  for (const format of ["json", "pretty", "sarif"]) {
    it(`policies/, whose agreements import different frameworks, is checked on threads (every framework read first), with the same report (${format})`, () => {
      const one = concordat(["check", "--jobs", "1", "--format", format, "policies"]);
      const two = concordat(["check", "--jobs", "2", "--format", format, "policies"], { env: threads });
      expect(two.stderr).toBe("concordat: checked on 2 threads\n");
      expect(one.code).toBe(1);
      expect(two.stdout).toBe(one.stdout);
    });
  }

  it("an import cycle sends the check back to this thread, which names the cycle once", () => {
    const cyclic = folderOfAgreements();
    writeFileSync(path.join(cyclic, "agreements/d-cycle.concord"), `import "d-cycle2.concord"\n`);
    writeFileSync(path.join(cyclic, "agreements/d-cycle2.concord"), `import "d-cycle.concord"\n`);
    const one = concordat(["check", "--jobs", "1", "--format", "json", "."], { cwd: cyclic });
    const two = concordat(["check", "--jobs", "2", "--format", "json", "."], { cwd: cyclic, env: threads });
    expect(two.stderr).toBe("concordat: checked on this thread: a share cannot be read on its own (an import is missing, or a cycle)\n");
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout.match(/Import cycle/g)).toHaveLength(1);
  });

  it("frameworks that flatten large send the check back to this thread, which says whether they fit, with the same report", () => {
    const dir = folderOfAgreements();
    // A chain of 300 frameworks, each extending the one before: past ALWAYS_FLATTENED, well within the heap.
    const chain: string[] = [];
    for (let i = 0; i < 300; i++) chain.push(`framework f${i} {`, ...(i > 0 ? [`  extends f${i - 1}`] : []), `  category c${i}`, `  function x${i} in c${i}`, "}");
    writeFileSync(path.join(dir, "chain.concord"), chain.join("\n") + "\n");
    const one = concordat(["check", "--jobs", "1", "--format", "json", "."], { cwd: dir });
    const two = concordat(["check", "--jobs", "2", "--format", "json", "."], { cwd: dir, env: threads });
    expect(two.stderr).toBe("concordat: checked on this thread: a share cannot be read on its own (frameworks that flatten large)\n");
    expect(one.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(one.code);
  }, 60_000);
});

describe("concordat test --jobs", () => {
  for (const format of ["pretty", "json", "junit"]) {
    it(`--jobs 2 prints the --jobs 1 results byte for byte (${format}, the generated project)`, () => {
      const { dir } = manyAgreements();
      const one = concordat(["test", "--jobs", "1", "--format", format, "."], { cwd: dir });
      const two = concordat(["test", "--jobs", "2", "--format", format, "."], { cwd: dir });
      expect(one.code).toBe(1); // policies/ has failing tests on purpose
      expect(one.stdout.length).toBeGreaterThan(1000);
      expect(two).toEqual(one);
    });
  }

  it("--jobs 0 is a usage error (exit 2)", () => {
    const r = concordat(["test", "--jobs", "0", "policies"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/whole number, 1 or more/);
  });
});

describe("the analysis on threads (the built modules: the worker is dist's)", () => {
  it("gives analyze()'s findings, in its order, and --jobs chooses the threads", async () => {
    const dist = (p: string) => pathToFileURL(path.join(repo, "dist/src", p)).href;
    const [{ loadAndCompile }, { analyze }, parallel, literate] = await Promise.all([
      import(dist("cli/pipeline.js")) as Promise<typeof import("../../src/cli/pipeline.js")>,
      import(dist("analysis/index.js")) as Promise<typeof import("../../src/analysis/index.js")>,
      import(dist("cli/parallel-analysis.js")) as Promise<typeof import("../../src/cli/parallel-analysis.js")>,
      import(dist("semantics/literate.js")) as Promise<typeof import("../../src/semantics/literate.js")>,
    ]);
    // The folder holds a .concord.md file: outside `run`, the caller loads the Markdown parser.
    await literate.loadMarkdownParser();
    const { dir, agreements } = manyAgreements();
    const sink = { write: () => true } as unknown as NodeJS.WritableStream;
    const loaded = loadAndCompile({ cwd: dir, stdout: sink, stderr: sink, env: {} } as never, ["."]);
    expect(loaded.ruleSet.agreements.length).toBe(agreements);
    expect(parallel.threadsFor(loaded.ruleSet, 3)).toBe(3);
    expect(parallel.threadsFor(loaded.ruleSet, undefined)).toBe(1); // a few thousand assignments: threads would not pay
    // Every core (at most 8) by default only with 4 cores or more and 40,000 assignments or more.
    const large = { ...loaded.ruleSet, agreements: loaded.ruleSet.agreements.map((a) => ({ ...a, assignments: Array.from({ length: 1_000 }, () => a.assignments[0]!) })) };
    expect(parallel.threadsFor(large, undefined, 2)).toBe(1);
    expect(parallel.threadsFor(large, undefined, 4)).toBe(4);
    expect(parallel.threadsFor(large, undefined, 16)).toBe(8);
    expect(parallel.threadsFor({ ...large, agreements: large.agreements.slice(0, 1) }, undefined, 16)).toBe(1);
    expect(parallel.threadsFor({ ...loaded.ruleSet, agreements: loaded.ruleSet.agreements.slice(0, 2) }, 8)).toBe(2);
    const single = analyze(loaded.ruleSet);
    expect(single.length).toBeGreaterThan(100);
    expect(await parallel.analyzeOnThreads(loaded.ruleSet, 2)).toEqual(single);
  });

  it("splits the agreements into consecutive shares of nearly equal length", () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    expect(split(items, 4)).toEqual([[0, 1], [2, 3, 4], [5, 6], [7, 8, 9]]);
    expect(split(items, 20)).toHaveLength(10);
    expect(split([1], 4)).toEqual([[1]]);
    expect(split(items, 3).flat()).toEqual(items);
  });
});
