// `npm run bench`: times whole `concordat check` processes on generated inputs, as CPU time (all
// threads, from the process's own resource usage) and wall time, the median of several runs, each
// also as a ratio to `node -e 0` measured in the same run; with the growth per doubling along each
// series and the peak RSS. Prints one Markdown table on stdout (progress on stderr).
//
// Environment: BENCH_RUNS (runs per figure, default 3), BENCH_QUICK=1 (smaller series),
// BENCH_ONLY=start-up,spread,one-activity,piled,reports,diff,members,enum,fmt,dmn,pretty,many-files,framework,ring,one-line,open-clauses,open-functions,smt (some cases
// only), BENCH_ORACLE=1 (also time the brute-force oracle in-process on the small spread sizes;
// it never runs otherwise), BENCH_TIMEOUT_S (a process running longer is stopped and reported),
// BENCH_MAX_GROWTH=2.5 (exit 1 when a series grows faster per doubling, or a size does not finish).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { smtRows } from "./smt.js";
import { agreementText, frameworkText, type BenchSize } from "./generate.js";
import { dmnTable } from "./dmn.js";
import { median, spreadRuleSet, timeInProcess } from "./in-process.js";
import {
  delegationRing,
  enumCase,
  enumPerValueCase,
  manyFiles,
  manyFindingsCase,
  membersCase,
  oneLineCase,
  openClausesCase,
  openFunctionsCase,
  placePerMemberCase,
  sharedFramework,
} from "./series.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, "../bin/main.js");
const rusageHook = path.join(here, "rusage.js");
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const QUICK = process.env.BENCH_QUICK === "1";
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",")) : null;
const MAX_GROWTH = process.env.BENCH_MAX_GROWTH === undefined ? undefined : Number(process.env.BENCH_MAX_GROWTH);
if (MAX_GROWTH !== undefined && !(MAX_GROWTH > 1)) {
  process.stderr.write(`bench: BENCH_MAX_GROWTH must be a number above 1 (the growth per doubling allowed), not ${process.env.BENCH_MAX_GROWTH}\n`);
  process.exit(2);
}

/** Codes that mean the generated input itself is wrong. */
const INVALID_INPUT = new Set(["syntax", "type", "unresolved", "import", "duplicate-declaration"]);

interface Measure {
  cpuMs: number;
  wallMs: number;
  rssMb: number;
  findings: number | null;
  exit: number | null;
  /** Set when the process did not finish: timed out, or died (out of memory…). */
  failed?: string;
}

/** A process that runs longer than this is stopped and reported as such (BENCH_TIMEOUT_S, default 600). */
const TIMEOUT_MS = Math.max(1, Number(process.env.BENCH_TIMEOUT_S ?? 600)) * 1000;

/** Runs `node args…` RUNS times; the median CPU, wall and peak RSS, and the findings of `--format json`. */
function measure(args: string[], cwd: string, runs = RUNS): Measure {
  const usage = path.join(cwd, ".rusage.json");
  const cpu: number[] = [];
  const wall: number[] = [];
  const rss: number[] = [];
  let findings: number | null = null;
  let exit: number | null = null;
  for (let i = 0; i < runs; i++) {
    fs.rmSync(usage, { force: true });
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ["--import", rusageHook, ...args], {
      cwd,
      env: { ...process.env, BENCH_RUSAGE: usage, NO_COLOR: "1" },
      maxBuffer: 1 << 30,
      encoding: "utf8",
      timeout: TIMEOUT_MS,
    });
    wall.push(performance.now() - t0);
    exit = r.status;
    if (r.error !== undefined || r.signal !== null || !fs.existsSync(usage)) {
      // One failed run is the answer for this size: do not repeat it.
      const why = r.error && (r.error as NodeJS.ErrnoException).code === "ETIMEDOUT" ? `timed out after ${TIMEOUT_MS / 1000} s` : `died (${r.signal ?? `exit ${r.status}`}${/heap out of memory/i.test(r.stderr ?? "") ? ", out of memory" : ""})`;
      return { cpuMs: Number.NaN, wallMs: wall[wall.length - 1]!, rssMb: Number.NaN, findings: null, exit, failed: why };
    }
    const u = JSON.parse(fs.readFileSync(usage, "utf8")) as { cpuMicros: number; maxRssKb: number };
    cpu.push(u.cpuMicros / 1000);
    rss.push(u.maxRssKb / 1024);
    // The findings of `check --format json` (the report commands print other JSON, or none).
    if (i === 0 && args[1] === "check" && args.includes("json")) {
      let diagnostics: { code: string; message: string; line?: number }[] | undefined;
      try {
        diagnostics = (JSON.parse(r.stdout) as { diagnostics: { code: string; message: string; line?: number }[] }).diagnostics;
        findings = diagnostics.length;
      } catch {
        process.stderr.write(`bench: no JSON report from ${args.join(" ")} (exit ${r.status}): ${r.stderr.slice(0, 300)}\n`);
      }
      // A generated input that does not compile measures the error path, not the analysis.
      const invalid = diagnostics?.find((d) => INVALID_INPUT.has(d.code));
      if (invalid) throw new Error(`bench: the generated input in ${cwd} is not a valid agreement (${invalid.code} at line ${invalid.line}: ${invalid.message})`);
    }
  }
  return { cpuMs: median(cpu), wallMs: median(wall), rssMb: median(rss), findings, exit };
}

function write(dir: string, files: Map<string, string> | Record<string, string>): void {
  for (const [name, text] of files instanceof Map ? files : Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

function fmt(n: number): string {
  return n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString("en-GB");
}

interface Row {
  series: string;
  size: string;
  m: Measure;
  growth: string;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concordat-bench-"));
  fs.writeFileSync(path.join(dir, "package.json"), "{}\n");
  const rows: Row[] = [];
  const want = (name: string) => ONLY === null || ONLY.has(name);
  const say = (s: string) => process.stderr.write(`bench: ${s}\n`);
  try {
    // The baseline, measured in the same run as everything else.
    const node = measure(["-e", "0"], dir, Math.max(RUNS, 5));
    rows.push({ series: "node -e 0", size: "", m: node, growth: "" });
    const check = (args: string[], cwd: string) => measure([cli, "check", "--format", "json", "--fail-on", "none", ...args], cwd);

    if (want("start-up")) {
      write(path.join(dir, "small"), { "package.json": "{}\n" });
      const small = manyFiles(1);
      write(path.join(dir, "small"), small);
      say("start-up");
      rows.push({ series: "start-up: check one small file", size: "1 file", m: check(["agreements/a00000.concord"], path.join(dir, "small")), growth: "" });
      rows.push({ series: "start-up: --version", size: "", m: measure([cli, "--version"], dir), growth: "" });
    }

    /** One series: sizes, a writer per size; growth per doubling against the previous size. */
    const series = (name: string, sizes: number[], make: (n: number, at: string) => string[], run: (args: string[], cwd: string) => Measure = check) => {
      let prev: { n: number; cpu: number } | null = null;
      for (const n of sizes) {
        if (rows.some((r) => r.series === name && r.m.failed !== undefined)) {
          rows.push({ series: name, size: n.toLocaleString("en-GB"), m: { cpuMs: Number.NaN, wallMs: Number.NaN, rssMb: Number.NaN, findings: null, exit: null, failed: "skipped: a smaller size did not finish" }, growth: "" });
          continue;
        }
        const at = path.join(dir, `${name}-${n}`);
        fs.mkdirSync(at, { recursive: true });
        fs.writeFileSync(path.join(at, "package.json"), "{}\n");
        const args = make(n, at);
        say(`${name} ${n}`);
        const m = run(args, at);
        const growth = prev && m.failed === undefined ? Math.pow(m.cpuMs / prev.cpu, 1 / Math.log2(n / prev.n)).toFixed(2) + "×" : "";
        rows.push({ series: name, size: n.toLocaleString("en-GB"), m, growth });
        prev = { n, cpu: m.cpuMs };
        fs.rmSync(at, { recursive: true, force: true });
      }
    };
    const assignmentSizes = QUICK ? [10_000, 20_000, 40_000] : [10_000, 20_000, 40_000, 80_000, 160_000];
    const assignments = (shape: (n: number) => BenchSize) => (n: number, at: string) => {
      const size = shape(n);
      write(at, { "framework.concord": frameworkText(size), "agreement.concord": agreementText(size, "./framework.concord") });
      return ["agreement.concord"];
    };
    if (want("spread"))
      series("assignments, spread over activities", assignmentSizes, assignments((n) => ({ assignments: n, activities: Math.ceil(n / 8), places: 20 })));
    if (want("one-activity"))
      series("assignments, all on one activity", assignmentSizes, assignments((n) => ({ assignments: n, activities: 1, places: 50, exceptions: "banded" })));
    // The same activity with the spread series' chains of exceptions: at 200 and more per place
    // they pile up, and the findings (conflicts of dozens of clauses) grow faster than the input.
    if (want("piled"))
      series("one activity, exceptions piling up at each place", QUICK ? [10_000] : [10_000, 20_000, 40_000], assignments((n) => ({ assignments: n, activities: 1, places: 50 })));
    // The report commands on the spread series' agreements (20 places, so the matrix's columns
    // stay the same and its rows grow with the assignments): the matrix and the signed document.
    if (want("reports"))
      for (const [label, command, sizes] of [
        ["matrix --format html", ["matrix", "--format", "html", "-o", "out.html"], [5_000, 10_000, 20_000, 40_000]],
        ["render --format html", ["render", "--format", "html", "-o", "out.html"], [5_000, 10_000, 20_000, 40_000]],
        // The docx library builds every XML element of the document as an object first.
        ["render --format docx", ["render", "--format", "docx", "-o", "out.docx"], [2_500, 5_000, 10_000]],
      ] as const)
        series(
          `${label}, assignments spread over activities`,
          QUICK ? sizes.slice(0, 2) : [...sizes],
          assignments((n) => ({ assignments: n, activities: Math.ceil(n / 8), places: 20 })),
          (args, cwd) => measure([cli, ...command, ...args], cwd),
        );
    // `diff` of two versions of one activity's schedule (one clause changed): the join of two
    // partitions of a few cells per assignment each.
    if (want("diff"))
      series(
        "diff of two versions, all on one activity",
        QUICK ? [4_000, 8_000] : [4_000, 8_000, 16_000, 32_000],
        (n, at) => {
          const size: BenchSize = { assignments: n, activities: 1, places: 50, exceptions: "banded" };
          const agreement = agreementText(size, "./framework.concord");
          const framework = frameworkText(size);
          write(at, { "old/framework.concord": framework, "old/agreement.concord": agreement, "new/framework.concord": framework, "new/agreement.concord": agreement.replace("responsible m0", "responsible m1") });
          return ["old", "new"];
        },
        (args, cwd) => measure([cli, "diff", "--format", "json", "--exit-zero", ...args], cwd),
      );
    /** A series of one framework and one agreement made by `make` at each size (bench/series.ts). */
    const caseOf = (make: (n: number) => { framework: string; agreement: string }) => (n: number, at: string) => {
      const c = make(n);
      write(at, { "framework.concord": c.framework, "agreement.concord": c.agreement });
      return ["agreement.concord"];
    };
    const upTo100k = QUICK ? [1_000, 4_000, 16_000] : [1_000, 4_000, 16_000, 64_000, 100_000];
    if (want("members")) series("`each member`, members", QUICK ? [12_500, 25_000] : [12_500, 25_000, 50_000, 100_000], caseOf(membersCase));
    if (want("enum")) series("enum values", upTo100k, caseOf(enumCase));
    // `fmt --check` of the spread agreement (the generator's layout is not the canonical one, so
    // the whole file is reprinted, parsed again and compared with the original's parse).
    if (want("fmt"))
      series(
        "fmt --check, assignments spread over activities",
        QUICK ? [10_000, 20_000] : [10_000, 20_000, 40_000, 80_000],
        assignments((n) => ({ assignments: n, activities: Math.ceil(n / 8), places: 20 })),
        (args, cwd) => measure([cli, "fmt", "--check", ...args], cwd),
      );
    // A clause per value of an enum, and per member's place: each box takes one value of n.
    if (want("enum")) series("enum values, a clause per value", upTo100k, caseOf(enumPerValueCase));
    if (want("members")) series("members, a clause per member's place", upTo100k, caseOf(placePerMemberCase));
    if (want("dmn"))
      for (const columns of [7, 15]) {
        const at = path.join(dir, `dmn-${columns}`);
        const t = dmnTable(1500, columns, "framework.concord");
        write(at, { "package.json": "{}\n", "framework.concord": t.framework, "agreement.concord": t.agreement });
        say(`DMN 1,500 × ${columns}`);
        rows.push({ series: `DMN-shaped table, ${columns} number columns`, size: `${t.rules.toLocaleString("en-GB")} rules`, m: check(["agreement.concord"], at), growth: "" });
        rows.push({ series: `DMN-shaped table, ${columns} columns: analysis only (in-process, warm)`, size: `${t.rules.toLocaleString("en-GB")} rules`, m: await analysisOnly(path.join(at, "agreement.concord")), growth: "" });
      }
    if (want("pretty")) {
      // The same 40,000 findings rendered as JSON and as pretty text (code frames): the renderer's cost.
      const at = path.join(dir, "pretty");
      const c = manyFindingsCase(40_000);
      write(at, { "package.json": "{}\n", "framework.concord": c.framework, "agreement.concord": c.agreement });
      say("40,000 findings, json and pretty");
      const json = check(["agreement.concord"], at);
      rows.push({ series: "40,000 findings: --format json", size: "40,000", m: json, growth: "" });
      const pretty = measure([cli, "check", "--format", "pretty", "--fail-on", "none", "agreement.concord"], at);
      rows.push({ series: "40,000 findings: --format pretty", size: "40,000", m: { ...pretty, findings: json.findings }, growth: `${(pretty.cpuMs / json.cpuMs).toFixed(2)}× json` });
    }
    if (want("many-files")) {
      const n = QUICK ? 200 : 10_000;
      const at = path.join(dir, "many");
      write(at, { "package.json": "{}\n" });
      write(at, manyFiles(n));
      say(`many files ${n}`);
      const cores = os.availableParallelism();
      rows.push({ series: `many files (a folder), every core (--jobs ${cores})`, size: `${n.toLocaleString("en-GB")} files`, m: check(["--jobs", String(cores), "."], at), growth: "" });
      rows.push({ series: "many files (a folder), --jobs 1", size: `${n.toLocaleString("en-GB")} files`, m: check(["--jobs", "1", "."], at), growth: "" });
    }
    // Many agreements under one large framework: each used to rebuild and copy the framework's
    // 2,000 functions (O(agreements × functions) in objects, the collector a third of the run).
    if (want("framework"))
      series("agreements under one framework of 2,000 functions", QUICK ? [250, 500] : [250, 500, 1_000, 2_000], (n, at) => {
        write(at, sharedFramework(n, 2_000));
        return ["."];
      });
    if (want("ring"))
      series("a ring of delegations (one activity)", QUICK ? [2_500, 5_000] : [2_500, 5_000, 10_000, 20_000], (n, at) => {
        const c = delegationRing(n);
        write(at, { "framework.concord": c.framework, "agreement.concord": c.agreement });
        return ["agreement.concord"];
      });
    const checkPretty = (args: string[], cwd: string) => measure([cli, "check", "--format", "pretty", "--fail-on", "none", ...args], cwd);
    if (want("one-line"))
      series(
        "findings on one line of clauses, --format pretty",
        QUICK ? [2_000, 4_000] : [2_000, 4_000, 8_000, 16_000],
        (n, at) => {
          const c = oneLineCase(n);
          write(at, { "framework.concord": c.framework, "agreement.concord": c.agreement });
          return ["agreement.concord"];
        },
        checkPretty,
      );
    /** A series of one file, written by `text`, checked as pretty text. */
    const oneFile = (label: string, file: string, text: (n: number) => string) =>
      series(
        label,
        QUICK ? [1_000, 2_000] : [2_000, 4_000, 8_000, 16_000],
        (n, at) => {
          write(at, { [file]: text(n) });
          return [file];
        },
        checkPretty,
      );
    if (want("open-clauses")) oneFile("clauses opened and never closed, --format pretty", "agreement.concord", openClausesCase);
    if (want("open-functions")) oneFile("framework functions opened and never closed, --format pretty", "framework.concord", openFunctionsCase);
    if (process.env.BENCH_ORACLE === "1") await oracleRows(dir, rows);
    // The SMT peer (bench/smt.ts), only when z3-solver is installed: never a dependency.
    if (want("smt")) await smtRows(dir, rows, say);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const base = rows[0]!.m;
  const header = ["case", "size", "CPU ms", "wall ms", "CPU × node -e 0", "wall × node -e 0", "growth per doubling (CPU)", "peak RSS MB", "findings"];
  const body = rows.map((r) => r.m.failed !== undefined ? [r.series, r.size, r.m.failed, "", "", "", "", "", ""] : [
    r.series,
    r.size,
    fmt(r.m.cpuMs),
    fmt(r.m.wallMs),
    (r.m.cpuMs / base.cpuMs).toFixed(1),
    (r.m.wallMs / base.wallMs).toFixed(1),
    r.growth,
    fmt(r.m.rssMb),
    r.m.findings === null ? "" : r.m.findings.toLocaleString("en-GB"),
  ]);
  const lines = [header, header.map(() => "---"), ...body].map((r) => `| ${r.join(" | ")} |`);
  const cpus = os.cpus();
  process.stdout.write(
    `Node ${process.version}, ${cpus.length} CPUs (${cpus[0]?.model ?? "?"}), load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}; medians of ${RUNS} runs\n\n${lines.join("\n")}\n`,
  );
  // The bench as a guard against a quadratic walk (npm test has no timing assertion): with
  // BENCH_MAX_GROWTH, a series that grows faster per doubling, or a size that did not finish,
  // is named on stderr and the bench exits 1.
  if (MAX_GROWTH !== undefined) {
    const over = rows.filter((r) => r.m.failed !== undefined || (/^\d+(\.\d+)?×$/.test(r.growth) && Number.parseFloat(r.growth) > MAX_GROWTH));
    for (const r of over) process.stderr.write(`bench: ${r.series} at ${r.size}: ${r.m.failed ?? `${r.growth} per doubling, more than BENCH_MAX_GROWTH=${MAX_GROWTH}`}\n`);
    if (over.length > 0) process.exitCode = 1;
  }
}

/**
 * The analysis alone, in-process, as the published DMN verifiers report it: the rule set compiled
 * once, then `analyze` on fresh copies (its caches are per rule-set object), two warm-up runs,
 * the median of RUNS + 2 after them.
 */
async function analysisOnly(file: string): Promise<Measure> {
  const { loadProgram, compileProgram } = await import("../src/semantics/index.js");
  const { analyze } = await import("../src/analysis/index.js");
  const text = JSON.stringify(compileProgram(loadProgram([file], { cwd: path.dirname(file) })).ruleSet);
  return timeInProcess(() => JSON.parse(text) as Parameters<typeof analyze>[0], (ruleSet) => analyze(ruleSet, { keepCells: false }).length, RUNS + 2, 2);
}

/** The brute-force oracle, in-process, on small spread agreements (only with BENCH_ORACLE=1). */
async function oracleRows(dir: string, rows: Row[]): Promise<void> {
  const { oracle } = await import("../test/support/oracle.js");
  for (const n of [100, 1_000]) {
    const ruleSet = spreadRuleSet(dir, n);
    const m = timeInProcess(() => ruleSet, (rs) => (rs.agreements.forEach((a) => oracle(a)), null), 1);
    rows.push({ series: "oracle (in-process, brute force)", size: n.toLocaleString("en-GB"), m, growth: "" });
  }
}

await main();
