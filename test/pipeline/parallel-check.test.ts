// `check --jobs N` over many files (src/cli/parallel-check.ts): the shares of the files, each
// loaded, compiled and analysed on its own (`checkShare`, run here on this thread), merged by
// `mergeShares`, are either exactly the single-threaded check (the oracle: loadProgram,
// compileProgram, analyze over the whole folder, as `check` runs them) or refused. Random
// projects of several files, with the shapes that make a share differ from the whole: imports
// of other agreements' files (an agreement read by two shares), frameworks some shares do not
// read, one name declared in two files, import cycles and missing files, syntax errors.
import { linkSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import checkShare from "../../src/cli/check-worker.js";
import { checkShares, mergeShares, threadsForFiles } from "../../src/cli/parallel-check.js";
import { mergeDiagnostics, withoutFollowOns } from "../../src/cli/pipeline.js";
import { analyze, runTests } from "../../src/analysis/index.js";
import { compileProgram } from "../../src/semantics/compile.js";
import { listRoots, loadProgram, type SourceRoot } from "../../src/semantics/load.js";
import { withPlainSpans } from "../../src/syntax/plain-span.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "concordat-shares-"));
  made.push(dir);
  writeFileSync(path.join(dir, "package.json"), "{}\n");
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** What `check` reports for the folder on one thread. */
function singleThreaded(dir: string) {
  const program = loadProgram(["."], { cwd: dir });
  const compiled = compileProgram(program);
  const currencies: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const owner of [...compiled.ruleSet.frameworks, ...compiled.ruleSet.agreements])
    for (const d of owner.dimensions) if (d.type === "money" && d.currency) currencies[d.id] = d.currency;
  return {
    // Plain spans, as a thread returns them (the syntax tree's work out their lines when read).
    diagnostics: mergeDiagnostics(withoutFollowOns(compiled.diagnostics, program.incomplete)).map(withPlainSpans),
    findings: analyze(compiled.ruleSet),
    tests: runTests(compiled.ruleSet),
    files: program.files.map((f) => f.path),
    sources: [...new Map(program.files.map((f) => [f.path, f.text])).entries()],
    inputs: program.files.map((f) => f.absolutePath),
    currencies: { ...currencies },
    frameworks: compiled.ruleSet.frameworks,
  };
}

/** The folder's files cut into consecutive shares at `cuts` (positions, any order). */
function piecesOf(dir: string, cuts: readonly number[]): SourceRoot[][] {
  const { roots, problems } = listRoots(["."], { cwd: dir });
  expect(problems).toBe(0);
  const at = [...new Set(cuts.map((c) => c % (roots.length + 1)))].sort((a, b) => a - b);
  const pieces: SourceRoot[][] = [];
  let from = 0;
  for (const c of [...at, roots.length]) {
    if (c > from) pieces.push(roots.slice(from, c));
    from = Math.max(from, c);
  }
  return pieces;
}

/** Each share checked as a worker checks it, on this thread. */
const inProcess = (dir: string, what: "findings" | "tests") => (roots: SourceRoot[], i: number) => checkShare({ cwd: dir, roots, what, withFrameworks: i === 0 });

/** The shares merged with `checkShares` (run again with the frameworks first where needed): the findings (`check`), and from a second run the tests' outcomes (`test`). */
async function merged(dir: string, cuts: readonly number[]) {
  const pieces = piecesOf(dir, cuts);
  const m = await checkShares(dir, pieces, inProcess(dir, "findings"));
  if (typeof m === "string") return undefined;
  const t = await checkShares(dir, pieces, inProcess(dir, "tests"));
  if (typeof t === "string") throw new Error(`the tests' shares were refused (${t}) where the findings' were not`);
  expect(t.findings).toEqual([]);
  expect(m.tests).toEqual([]);
  return { ...m, tests: t.tests, sources: [...m.sources.entries()], currencies: { ...m.currencies } };
}

const FRAMEWORKS = ["base", "local", "extra"];
const AGREEMENTS = ["a0", "a1", "a2", "a3", "a4", "a5"];

function frameworkText(name: string, variant: number, extendsName: string | undefined): string {
  return `framework ${name} "Framework ${name}" {
${extendsName ? `  extends ${extendsName}\n` : ""}  levels system, place
  kind trust "Trust ${variant}"
  role member "Member"
  category care "Care"
  dimension value: money
  function referral "Referral" in care
  function records "Records" in care
  model mutual "Mutual ${variant}" {
    step 1
    accountable must be member
  }
  rule R1 "Cover" {
    must cover all functions
    cite "Section ${variant}"
  }
}
`;
}

interface GenClause {
  activity: "referral" | "records";
  op: "<" | ">" | "<=" | ">=" | null;
  amount: number;
  party: "p" | "q";
}

function agreementText(name: string, conformsTo: string, currency: string, clauses: GenClause[], broken: boolean, tested = false): string {
  const body = clauses
    .map(
      (c, i) =>
        `  clause ${i + 1} {\n    assign ${c.activity}${c.op ? ` where value ${c.op} ${currency}${c.amount}` : ""} {\n      accountable ${c.party}\n    }\n  }\n`,
    )
    .join("");
  return `agreement ${name} "Agreement ${name}" {
  conforms to ${conformsTo}
  party p "Party P" kind trust role member
  party q "Party Q" kind trust role member
  scope all functions
${body}${tested ? `  test "referral below ${currency}1000 is p's" {\n    expect accountable for referral where value = ${currency}999 is p\n  }\n` : ""}${broken ? "  clause {\n" : ""}}
`;
}

const clauseArb: fc.Arbitrary<GenClause> = fc.record({
  activity: fc.constantFrom("referral" as const, "records" as const),
  op: fc.constantFrom("<" as const, ">" as const, "<=" as const, ">=" as const, null),
  amount: fc.constantFrom(500, 1000, 2000),
  party: fc.constantFrom("p" as const, "q" as const),
});

interface GenProject {
  files: Record<string, string>;
}

/**
 * Framework files fw0…fw2 (fw1 and fw2 may import fw0) and agreement files ag0…ag5, which may
 * import each other. Half the projects are "uniform" (every agreement file imports every
 * framework file, in one order, and names its agreements apart): the shape of a folder of
 * agreements, whose shares are used. The rest import anything, name anything and miss files.
 */
const projectArb: fc.Arbitrary<GenProject> = fc
  .record({
    frameworkFiles: fc.array(
      fc.record({
        names: fc.subarray(FRAMEWORKS, { minLength: 1, maxLength: 2 }),
        variant: fc.nat(3),
        extendsName: fc.option(fc.constantFrom(...FRAMEWORKS, "missing_fw"), { freq: 4 }),
        importsFirst: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    uniform: fc.boolean(),
    agreementFiles: fc.array(
      fc.record({
        frameworkImports: fc.subarray([0, 1, 2]),
        otherImports: fc.subarray([0, 1, 2, 3, 4, 5], { maxLength: 2 }),
        missingImport: fc.boolean(),
        agreements: fc.array(
          fc.record({
            name: fc.constantFrom(...AGREEMENTS),
            conformsTo: fc.constantFrom(...FRAMEWORKS, "bsae"),
            currency: fc.constantFrom("£", "£", "€"),
            clauses: fc.array(clauseArb, { minLength: 1, maxLength: 4 }),
            broken: fc.boolean(),
            tested: fc.boolean(),
          }),
          { minLength: 1, maxLength: 2 },
        ),
      }),
      { minLength: 2, maxLength: 6 },
    ),
  })
  .map((g) => {
    const files: Record<string, string> = {};
    const fwCount = g.frameworkFiles.length;
    g.frameworkFiles.forEach((f, i) => {
      const imports = i > 0 && f.importsFirst ? `import "fw0.concord"\n\n` : "";
      files[`fw${i}.concord`] = imports + f.names.map((n) => frameworkText(n, f.variant, f.extendsName ?? undefined)).join("\n");
    });
    g.agreementFiles.forEach((a, i) => {
      // Uniform: every framework file, in one order (as a folder of agreements imports its baseline).
      const frameworks = g.uniform ? g.frameworkFiles.map((_, k) => k) : a.frameworkImports.filter((k) => k < fwCount);
      const others = a.otherImports.filter((k) => k !== i && k < g.agreementFiles.length);
      const imports = [
        ...frameworks.map((k) => `fw${k}.concord`),
        ...others.map((k) => `ag${k}.concord`),
        ...(!g.uniform && a.missingImport ? ["gone.concord"] : []),
      ];
      const agreements = a.agreements.map((x, j) =>
        agreementText(g.uniform ? `${x.name}_${i}_${j}` : x.name, g.uniform ? "base" : x.conformsTo, x.currency, x.clauses, x.broken, x.tested),
      );
      files[`ag${i}.concord`] = imports.map((p) => `import "${p}"\n`).join("") + "\n" + agreements.join("\n");
    });
    return { files };
  });

describe("check on threads: the shares of a folder", () => {
  it("are the single-threaded check, or are refused (random projects, random shares)", async () => {
    let used = 0;
    let agreementImportsUsed = 0;
    let testsRun = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(projectArb, fc.array(fc.nat(12), { minLength: 1, maxLength: 4 }), async (p, cuts) => {
        runs++;
        const dir = project(p.files);
        const shared = await merged(dir, cuts);
        if (shared === undefined) return;
        used++;
        if (Object.values(p.files).some((t) => /import "ag/.test(t))) agreementImportsUsed++;
        expect(shared).toEqual(singleThreaded(dir));
        if (shared.tests.some((t) => t.passed) && shared.tests.some((t) => !t.passed)) testsRun++;
      }),
      { numRuns: Math.max(20, Math.floor(fc.readConfigureGlobal().numRuns! / 2)) },
    );
    // The property must not pass by refusing everything.
    expect(used).toBeGreaterThan(runs / 4);
    expect(agreementImportsUsed).toBeGreaterThan(0);
    expect(testsRun).toBeGreaterThan(0); // some merged runs hold passing and failing tests
  }, 120_000);

  it("a folder of agreements importing one framework is shared, and its findings counted once each", async () => {
    const files: Record<string, string> = { "framework.concord": frameworkText("base", 1, undefined) };
    for (let i = 0; i < 12; i++)
      files[`agreement${String(i).padStart(2, "0")}.concord`] = `import "framework.concord"\n\n` + agreementText(`a${i}`, "base", "£", [{ activity: "referral", op: "<", amount: 1000 + i, party: "p" }], false);
    const dir = project(files);
    const shared = await merged(dir, [3, 7, 10]);
    expect(shared).toBeDefined();
    expect(shared).toEqual(singleThreaded(dir));
    // Each agreement leaves records and part of referral without anyone accountable.
    expect(shared!.findings.filter((d) => d.code === "gap").length).toBeGreaterThanOrEqual(12);
  });

  it("an agreement file that two shares read is analysed once", async () => {
    const dir = project({
      "fw.concord": frameworkText("base", 1, undefined),
      "a.concord": `import "fw.concord"\nimport "z.concord"\n\n` + agreementText("a", "base", "£", [{ activity: "records", op: null, amount: 0, party: "p" }], false),
      "z.concord": `import "fw.concord"\n\n` + agreementText("z", "base", "£", [{ activity: "records", op: null, amount: 0, party: "q" }], false),
    });
    // Shares: [a.concord] (which reads z.concord too), [fw.concord, z.concord].
    const shared = await merged(dir, [1]);
    expect(shared).toBeDefined();
    const single = singleThreaded(dir);
    expect(shared).toEqual(single);
    expect(single.findings.filter((d) => d.span.file === "z.concord").length).toBeGreaterThan(0);
  });

  it("where agreements import different frameworks: run again with every framework first, then merged", async () => {
    const dir = project({
      "fw.concord": frameworkText("base", 1, undefined),
      // `local` is declared without its kind's title: a message about `trust` may take the title from `base`.
      "other.concord": frameworkText("local", 2, undefined).replace('kind trust "Trust 2"', "kind trust"),
      "a.concord": `import "fw.concord"\n\n` + agreementText("a", "base", "£", [{ activity: "records", op: null, amount: 0, party: "p" }], false),
      "b.concord": `import "other.concord"\n\n` + agreementText("b", "local", "€", [{ activity: "referral", op: "<", amount: 5, party: "q" }], false),
    });
    const pieces = piecesOf(dir, [1, 2]);
    const once = mergeShares(await Promise.all(pieces.map(inProcess(dir, "findings"))));
    expect(once).toBe("some shares do not read every framework");
    expect(await merged(dir, [1, 2])).toEqual(singleThreaded(dir));
  });

  it("run again with the frameworks first, keep the program's order of agreements (a file with a framework and an agreement)", async () => {
    const tested = (name: string, conformsTo: string) =>
      agreementText(name, conformsTo, "£", [{ activity: "referral", op: "<", amount: 1000, party: "p" }], false, true);
    const dir = project({
      "a.concord": `import "fw.concord"\n\n` + tested("a", "base"),
      "fw.concord": frameworkText("base", 1, undefined),
      "m.concord": frameworkText("local", 2, undefined) + "\n" + tested("m", "local"),
      "z.concord": `import "m.concord"\n\n` + tested("z", "local"),
    });
    // Shares [a, fw, m] and [z]: the second reads no `base`; run again, the first reads m before a.
    const shared = await merged(dir, [3]);
    const single = singleThreaded(dir);
    expect(single.tests.map((t) => t.agreement)).toEqual(["a", "m", "z"]);
    expect(shared).toEqual(single);
  });

  it.each([
    [
      "an agreement named in two shares' files",
      {
        "fw.concord": frameworkText("base", 1, undefined),
        "a.concord": `import "fw.concord"\n\n` + agreementText("same", "base", "£", [{ activity: "records", op: null, amount: 0, party: "p" }], false),
        "b.concord": `import "fw.concord"\n\n` + agreementText("same", "base", "£", [{ activity: "records", op: null, amount: 0, party: "p" }], false),
      },
    ],
    [
      "an import cycle",
      {
        "fw.concord": frameworkText("base", 1, undefined),
        "a.concord": `import "fw.concord"\nimport "b.concord"\n\n` + agreementText("a", "base", "£", [{ activity: "records", op: null, amount: 0, party: "p" }], false),
        "b.concord": `import "a.concord"\n\n` + agreementText("b", "base", "£", [{ activity: "records", op: null, amount: 0, party: "p" }], false),
      },
    ],
  ])("are refused for %s", async (_what, files) => {
    expect(await merged(project(files), [1])).toBeUndefined();
    const pieces = piecesOf(project(files), [1]);
    expect(pieces.length).toBeGreaterThan(1);
  });

  it("are refused for one file reached by two paths (a hard link), which one thread reads once", async () => {
    const dir = project({
      "fw.concord": frameworkText("base", 1, undefined),
      "a.concord": `import "fw.concord"\n\n` + agreementText("a", "base", "£", [{ activity: "records", op: null, amount: 0, party: "p" }], false),
      // Every share reads the framework, so that only the second path can tell the shares from the whole.
      "notes.concord": `import "fw.concord"\n\n// Notes for the board, not yet concordat:\nnotes for the board\n`,
    });
    linkSync(path.join(dir, "notes.concord"), path.join(dir, "notes2.concord"));
    expect(singleThreaded(dir).files).toEqual(["fw.concord", "a.concord", "notes.concord"]);
    expect(await merged(dir, [3])).toBeUndefined();
    expect(await merged(dir, [1])).toEqual(singleThreaded(dir)); // both paths in one share: read once there
  });

  it("every core is used by default only with 4 cores and 400 files or more; --jobs wins", () => {
    expect(threadsForFiles(10_000, undefined, 2)).toBe(1);
    expect(threadsForFiles(399, undefined, 8)).toBe(1);
    expect(threadsForFiles(400, undefined, 4)).toBe(4);
    expect(threadsForFiles(10_000, undefined, 32)).toBe(8);
    expect(threadsForFiles(10_000, 2, 1)).toBe(2);
    expect(threadsForFiles(3, 8, 8)).toBe(3);
  });
});
