// `npm run bench`: generates agreements of growing size as .concord text, and times parsing,
// compiling and analysing each (and the brute-force oracle where it finishes within a minute).
// Prints a Markdown table on stdout; progress on stderr only when it is a terminal.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { agreementText, frameworkText, sizeFor } from "./generate.js";
import { oracle as oracleFn, countElementaryPoints } from "../test/support/oracle.js";

type Mod = Record<string, unknown>;

async function importOptional(rel: string): Promise<Mod | null> {
  try {
    return (await import(rel)) as Mod;
  } catch (e) {
    process.stderr.write(`bench: cannot load ${rel}: ${(e as Error).message}\n`);
    return null;
  }
}

const SIZES = (process.env.BENCH_SIZES ?? "10,100,1000,2500,5000,10000,20000").split(",").map(Number);
const ORACLE_BUDGET_MS = 60_000;

function progress(msg: string): void {
  if (process.stderr.isTTY) process.stderr.write(msg + "\n");
}

function ms(t: number | null): string {
  return t === null ? "–" : t < 10 ? t.toFixed(1) : Math.round(t).toLocaleString("en-GB");
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

async function main(): Promise<void> {
  const syntax = await importOptional("../src/syntax/index.js");
  const semantics = await importOptional("../src/semantics/index.js");
  const coverage = await importOptional("../src/analysis/coverage/index.js");
  const analysis = await importOptional("../src/analysis/index.js");
  const parse = syntax?.parse as ((text: string, file: string) => { diagnostics: unknown[] }) | undefined;
  const loadProgram = semantics?.loadProgram as ((paths: string[], o: { cwd: string }) => unknown) | undefined;
  const compileProgram = semantics?.compileProgram as ((p: unknown) => { ruleSet: { agreements: unknown[] }; diagnostics: { severity: string; message: string }[] }) | undefined;
  const coverageDiagnostics = coverage?.coverageDiagnostics as ((a: unknown) => unknown[]) | undefined;
  const analyzeAgreement = analysis?.analyzeAgreement as ((rs: unknown, a: unknown) => unknown[]) | undefined;
  const oracle = oracleFn as unknown as (a: unknown) => unknown[];
  const countPoints = countElementaryPoints as unknown as (a: unknown) => number;
  if (!parse || !loadProgram || !compileProgram || !coverageDiagnostics) {
    process.stderr.write("bench: the parser, compiler or analysis is missing; build them first.\n");
    process.exitCode = 2;
    return;
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concordat-bench-"));
  fs.writeFileSync(path.join(dir, "package.json"), "{}\n");
  const rows: string[][] = [];
  // Oracle cost model: ms per (elementary point × assignment), from the last run.
  let oracleRate: number | null = null;
  try {
    // Warm up the JIT on a mid-size agreement, unmeasured.
    {
      const size = sizeFor(1000);
      fs.writeFileSync(path.join(dir, "framework.concord"), frameworkText(size));
      fs.writeFileSync(path.join(dir, "warmup.concord"), agreementText(size, "./framework.concord"));
      const warm = compileProgram(loadProgram([path.join(dir, "warmup.concord")], { cwd: dir }));
      for (const a of warm.ruleSet.agreements) coverageDiagnostics(structuredClone(a));
    }
    for (const n of SIZES) {
      const size = sizeFor(n);
      progress(`bench: ${n} assignments…`);
      const fwText = frameworkText(size);
      const agText = agreementText(size, "./framework.concord");
      const fwFile = path.join(dir, "framework.concord");
      const agFile = path.join(dir, `agreement-${n}.concord`);
      fs.writeFileSync(fwFile, fwText);
      fs.writeFileSync(agFile, agText);

      const [, parseMs] = time(() => {
        parse(fwText, "framework.concord");
        return parse(agText, `agreement-${n}.concord`);
      });
      const program = loadProgram([agFile], { cwd: dir });
      const [compiled, compileMs] = time(() => compileProgram(program));
      const errors = compiled.diagnostics.filter((d) => d.severity === "error");
      if (errors.length > 0) process.stderr.write(`bench: ${n}: ${errors.length} compile errors, first: ${errors[0]!.message}\n`);
      const agreement = compiled.ruleSet.agreements[0];
      if (!agreement) throw new Error(`no agreement compiled for ${n}`);
      const nAsg = (agreement as { assignments: unknown[] }).assignments.length;
      // Coverage on a fresh copy (the engine caches per agreement object), then the full analysis.
      // Median of three runs, each on a fresh copy.
      const runs = [0, 1, 2].map(() => {
        const fresh = structuredClone(agreement);
        return time(() => coverageDiagnostics(fresh));
      });
      const [findings, coverageMs] = runs.sort((a, b) => a[1] - b[1])[1]!;
      let analyseMs: number | null = null;
      let allFindings: number | null = null;
      if (analyzeAgreement) {
        try {
          const runs2 = [0, 1, 2].map(() => {
            const fresh2 = structuredClone(agreement);
            return time(() => analyzeAgreement(compiled.ruleSet, fresh2));
          });
          const [all, t] = runs2.sort((a, b) => a[1] - b[1])[1]!;
          analyseMs = t;
          allFindings = all.length;
        } catch (e) {
          process.stderr.write(`bench: full analysis failed at ${n}: ${(e as Error).message}\n`);
        }
      }
      let oracleMs: number | null = null;
      let oracleNote = "";
      if (oracle && countPoints) {
        const work = countPoints(agreement) * Math.max(1, nAsg);
        const estimate = oracleRate === null ? 0 : oracleRate * work;
        if (estimate <= ORACLE_BUDGET_MS) {
          progress(`bench: oracle for ${n} (estimate ${Math.round(estimate)} ms)…`);
          const [, t] = time(() => oracle(agreement));
          oracleMs = t;
          oracleRate = t / Math.max(1, work);
          if (t > ORACLE_BUDGET_MS) oracleNote = " (over a minute)";
        } else oracleNote = `skipped (~${Math.round(estimate / 1000)} s)`;
      }
      rows.push([
        String(nAsg),
        String(size.activities),
        String(size.places),
        ms(parseMs),
        ms(compileMs),
        ms(coverageMs),
        ms(analyseMs),
        `${findings.length}${allFindings !== null ? ` / ${allFindings}` : ""}`,
        oracleMs !== null ? ms(oracleMs) + oracleNote : oracleNote || "–",
      ]);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const header = ["assignments", "activities", "places", "parse ms", "compile ms", "coverage ms (median of 3)", "analyse ms (all checks, median of 3)", "findings (coverage / all)", "oracle ms"];
  const lines = [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`);
  process.stdout.write(`Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"})\n\n${lines.join("\n")}\n`);
}

await main();
