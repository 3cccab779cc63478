// Files large for the heap are checked on the CLI's worker thread (src/cli/main.ts), where
// running out of memory is a message and exit code 2, never V8's fatal error and a native stack.
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { largeInputBytes, loadProgram } from "../../src/semantics/load.js";
import { LargeInputError } from "../../src/semantics/program.js";
import { DECLARATION_BYTES, flattenedFrameworks, LISTED_ACTIVITY_BYTES } from "../../src/semantics/flattened-size.js";
import { ALWAYS_FLATTENED, checkFlattenedFrameworks } from "../../src/cli/framework-budget.js";
import { agreementText, frameworkText, sizeFor } from "../../bench/generate.js";
import { concordat, ensureBuilt, STACK, tempDir } from "./helpers.js";

beforeAll(() => ensureBuilt());

/** A project with one agreement of `n` generated assignments. */
function project(n: number): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, "concordat.json"), "{}\n");
  const size = sizeFor(n);
  writeFileSync(path.join(dir, "framework.concord"), frameworkText(size));
  writeFileSync(path.join(dir, "agreement.concord"), agreementText(size, "framework.concord"));
  return dir;
}

describe("files large for the heap", () => {
  it("that do not fit: a message, exit code 2, no stack, no output file and no temporary left", () => {
    const dir = project(12_000);
    const r = concordat(["check", ".", "--format", "json", "-o", "report.json"], { cwd: dir, env: { NODE_OPTIONS: "--max-old-space-size=48" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^concordat: these files need more memory than Node gives concordat \(\d[\d,]* MB\); nothing was written\.\nGive it more, for example: NODE_OPTIONS=--max-old-space-size=\d+ concordat/);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toMatch(/FATAL|internal error|JavaScript heap/i);
    expect(existsSync(path.join(dir, "report.json"))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(["agreement.concord", "concordat.json", "framework.concord"]);
  }, 60_000);

  it("that fit: the report of a run on the main thread, byte for byte", () => {
    const dir = project(12_000);
    const main = concordat(["check", ".", "--format", "json", "-o", "main.json"], { cwd: dir });
    // 300 MB of heap: the 2.3 MB of text are past its threshold (largeInputBytes), so the worker checks them.
    const worker = concordat(["check", ".", "--format", "json", "-o", "worker.json"], { cwd: dir, env: { NODE_OPTIONS: "--max-old-space-size=300" } });
    expect(main.code).toBe(1);
    expect(worker.code).toBe(1);
    expect(worker.stderr).toBe(main.stderr.replace("main.json", "worker.json"));
    expect(readFileSync(path.join(dir, "worker.json"), "utf8")).toBe(readFileSync(path.join(dir, "main.json"), "utf8"));
  }, 60_000);
});

/** A small agreement (about 50 KB) whose explanation is large: `n` delegations in a chain, each from its own value band up. */
function delegationChain(n: number): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, "concordat.json"), "{}\n");
  const lines = ["framework f {", "  levels system, place", "  kind trust", "  role member", "  dimension value: money", "  function referral", "}", "", "agreement d {", "  conforms to f"];
  for (let i = 0; i <= n; i++) lines.push(`  party p${i} kind trust role member`);
  lines.push("  clause 1 {", "    assign referral {", "      accountable p0", "      responsible p0", "    }", "  }");
  for (let i = 0; i < n; i++) lines.push(`  clause ${i + 2} {`, `    delegate referral from p${i} to p${i + 1} where value >= £${i * 10}`, "  }");
  lines.push("}");
  writeFileSync(path.join(dir, "d.concord"), lines.join("\n") + "\n");
  return dir;
}

describe("a report larger than the heap, from a small file", () => {
  it.each([
    ["explain", ["explain", "d.concord", "--activity", "referral"]],
    ["matrix", ["matrix", "d.concord", "--format", "html", "-o", "matrix.html"]],
  ])("%s: a message, exit code 2, no stack and no output", (_command, args) => {
    const dir = delegationChain(1_000);
    const r = concordat(args, { cwd: dir, env: { NODE_OPTIONS: "--max-old-space-size=64" } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^concordat: these files need more memory than Node gives concordat \(\d[\d,]* MB\); nothing was written\./);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toMatch(/FATAL|internal error|JavaScript heap/i);
    expect(readdirSync(dir).sort()).toEqual(["concordat.json", "d.concord"]);
    // On the main thread (the build before this change), the same run died with V8's fatal error.
  }, 60_000);

  it("with the memory it needs, the whole explanation (the chain of delegations in each band)", () => {
    const dir = delegationChain(60);
    const r = concordat(["explain", "d.concord", "--activity", "referral"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("where value is at least £590:\n  accountable  p0");
    expect(r.stdout.match(/ p59 to p60 — clause 61/g)).toHaveLength(1);
  });
});

describe("the loader", () => {
  it("asks for the worker thread past the threshold, and reads on when it is on that thread", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "concordat.json"), "{}\n");
    // One comment past the threshold: what counts is the text read, before any parsing.
    writeFileSync(path.join(dir, "big.concord"), "// " + "x".repeat(largeInputBytes()) + "\n");
    expect(() => loadProgram(["."], { cwd: dir })).toThrow(LargeInputError);
    const program = loadProgram(["."], { cwd: dir, deepStack: true });
    expect(program.files.map((f) => f.path)).toEqual(["big.concord"]);
    expect(program.diagnostics).toEqual([]);
  });
});

describe("standard input, when the command runs again on the worker thread", () => {
  it("is handed over (it can be read once): a deep file and a large one get the report of the same file named", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "concordat.json"), "{}\n");
    // 400 levels (past the main thread's 150), and at the bottom a clause naming a party nobody declared.
    const deep = Array.from({ length: 400 }, (_, i) => `clause ${i + 1} {`).join("\n") + "\nassign procurement { accountable nobody_declared }\n" + "}\n".repeat(400);
    writeFileSync(path.join(dir, "deep.concord"), `agreement deep "Deep" {\n${deep}}\n`);
    const named = concordat(["check", "deep.concord", "--format", "json"], { cwd: dir });
    const piped = concordat(["check", "-", "--stdin-filename", "deep.concord", "--format", "json"], { cwd: dir, input: readFileSync(path.join(dir, "deep.concord"), "utf8") });
    expect(named.code).toBe(1);
    expect(named.stdout).toMatch(/nobody_declared/);
    expect(piped.code).toBe(named.code);
    expect(piped.stdout).toBe(named.stdout);

    const large = project(12_000);
    const env = { NODE_OPTIONS: "--max-old-space-size=300" };
    const file = concordat(["check", "agreement.concord", "--format", "json", "-o", "named.json"], { cwd: large, env });
    const stdin = concordat(["check", "-", "--stdin-filename", "agreement.concord", "--format", "json", "-o", "piped.json"], { cwd: large, env, input: readFileSync(path.join(large, "agreement.concord"), "utf8") });
    expect(stdin.code).toBe(file.code);
    expect(readFileSync(path.join(large, "piped.json"), "utf8")).toBe(readFileSync(path.join(large, "named.json"), "utf8"));
  }, 60_000);
});

/** `n` frameworks, each extending the one before and declaring a category and a function (with `rules`, a rule over all functions too). */
function frameworkChain(n: number, rules = false): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(`framework f${i} {`);
    if (i > 0) out.push(`  extends f${i - 1}`);
    out.push(`  category c${i}`, `  function x${i} in c${i}`);
    if (rules) out.push(`  rule R${i} {`, "    must cover all functions", "  }");
    out.push("}");
  }
  return out.join("\n") + "\n";
}

function programOf(text: string): ReturnType<typeof loadProgram> {
  const dir = tempDir();
  writeFileSync(path.join(dir, "concordat.json"), "{}\n");
  writeFileSync(path.join(dir, "fw.concord"), text);
  return loadProgram(["."], { cwd: dir });
}

describe("frameworks that flatten large (each compiled with everything it extends)", () => {
  it("are sized by every framework's closure: a chain grows with the square, rules over all functions with the cube", () => {
    // f0 is itself, its category and its function; each later one adds its `extends`.
    const n = 50;
    let declarations = 0;
    for (let i = 0; i < n; i++) declarations += 3 + 4 * i;
    expect(flattenedFrameworks(programOf(frameworkChain(n)), Infinity)).toEqual({ bytes: declarations * DECLARATION_BYTES, frameworks: n, last: { id: "f49", extended: 49 } });
    // With a rule (and its obligation) each: framework i lists its i + 1 rules over its i + 1 functions.
    let withRules = 0;
    for (let i = 0; i < n; i++) withRules += (5 + 6 * i) * DECLARATION_BYTES + (i + 1) * (i + 1) * LISTED_ACTIVITY_BYTES;
    expect(flattenedFrameworks(programOf(frameworkChain(n, true)), Infinity).bytes).toBe(withRules);
  });

  it("count a framework reached twice (a diamond) once, get through a cycle, and stop once past the limit", () => {
    const diamond = programOf("framework b {\n  kind k\n}\nframework l {\n  extends b\n}\nframework r {\n  extends b\n}\nframework t {\n  extends l, r\n}\n");
    // b: 2; l and r: 2 each with b; t: 2 + the three others.
    expect(flattenedFrameworks(diamond, Infinity).bytes).toBe((2 + 4 + 4 + 8) * DECLARATION_BYTES);
    const cycle = programOf("framework a {\n  extends b\n}\nframework b {\n  extends a\n}\n");
    expect(flattenedFrameworks(cycle, Infinity)).toEqual({ bytes: 8 * DECLARATION_BYTES, frameworks: 2, last: { id: "b", extended: 1 } });
    const chain = programOf(frameworkChain(200));
    const whole = flattenedFrameworks(chain, Infinity).bytes;
    const stopped = flattenedFrameworks(chain, whole / 10).bytes;
    expect(stopped).toBeGreaterThan(whole / 10);
    expect(stopped).toBeLessThan(whole / 5);
  });

  it("are refused before compiling when they cannot fit, and sent to the worker thread past a quarter of the heap", () => {
    const program = programOf(frameworkChain(300));
    const bytes = flattenedFrameworks(program, Infinity).bytes;
    expect(bytes).toBeGreaterThan(ALWAYS_FLATTENED);
    expect(() => checkFlattenedFrameworks(program, false, () => bytes - 1)).toThrow(
      /^the frameworks of these files are too large to flatten in the memory Node gives concordat \(\d+ MB\); nothing was written\.\nEvery framework is compiled with everything it extends, and these 300 frameworks would take more than that: by `f\d+` \(which extends \d+ others\) they already do\./,
    );
    expect(() => checkFlattenedFrameworks(program, false, () => 2 * bytes)).toThrow(LargeInputError);
    expect(() => checkFlattenedFrameworks(program, true, () => 2 * bytes)).not.toThrow();
    expect(() => checkFlattenedFrameworks(program, false, () => 4 * bytes)).not.toThrow();
    // Small ones never ask for the heap's size.
    const never = (): number => {
      throw new Error("asked for the heap");
    };
    expect(() => checkFlattenedFrameworks(programOf(frameworkChain(100)), false, never)).not.toThrow();
  });

  it("too large for the heap: a message at once, exit code 2, no stack and no output file (it was V8's fatal error after a minute)", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "concordat.json"), "{}\n");
    writeFileSync(path.join(dir, "chain.concord"), frameworkChain(1_000));
    for (const command of [["check", "chain.concord", "-o", "report.txt"], ["compile", "chain.concord", "-o", "rules.json"]]) {
      const r = concordat(command, { cwd: dir, env: { NODE_OPTIONS: "--max-old-space-size=64" } });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^concordat: the frameworks of these files are too large to flatten in the memory Node gives concordat \(\d[\d,]* MB\); nothing was written\.\n.*these 1,000 frameworks would take more than that: by `f(\d+)` \(which extends \1 others\) they already do\..*NODE_OPTIONS=--max-old-space-size=\d+ concordat …\n$/);
      expect(r.stderr).not.toMatch(STACK);
      expect(readdirSync(dir).sort()).toEqual(["chain.concord", "concordat.json"]);
    }
  }, 60_000);

  it("that fit, past a quarter of the heap: the report of a run with all the memory it wants, byte for byte", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "concordat.json"), "{}\n");
    // A framework with a gap-free agreement would report nothing: an unknown name gives the report a finding.
    writeFileSync(path.join(dir, "chain.concord"), frameworkChain(450) + "agreement a {\n  conforms to f449\n  party p kind nobody role member\n}\n");
    const roomy = concordat(["check", "chain.concord", "--format", "json"], { cwd: dir });
    const tight = concordat(["check", "chain.concord", "--format", "json"], { cwd: dir, env: { NODE_OPTIONS: "--max-old-space-size=128" } });
    expect(roomy.code).toBe(1);
    expect(roomy.stdout).toMatch(/There is no kind named `nobody`/);
    expect(tight.code).toBe(1);
    expect(tight.stderr).toBe(roomy.stderr);
    expect(tight.stdout).toBe(roomy.stdout);
  }, 60_000);
});
