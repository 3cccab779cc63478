// `npm run fuzz -- --runs N [--seed S] [--jobs J]`: a long fuzz campaign (test/fuzz/pipeline.fuzz.test.ts)
// with N inputs (the three generators interleaved), split over J processes (default: one per core),
// each with its own seed (S, S+1, …). A failing input is saved under test/fuzz/fixtures/ (replayed
// by `npm test` from then on). Each process appends its count every 1,000 inputs to
// FUZZ_LOG.<k> when FUZZ_LOG is set.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const value = (flag, fallback) => {
  const i = args.indexOf(flag);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const runs = Number(value("--runs", "10000"));
const jobs = Number(value("--jobs", String(Math.max(1, os.availableParallelism()))));
const seed = Number(value("--seed", String(Date.now() % 2 ** 31)));
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(jobs) || jobs < 1 || !Number.isInteger(seed)) {
  console.error("usage: npm run fuzz -- --runs N [--seed S] [--jobs J]");
  process.exit(2);
}
console.log(`fuzz campaign: ${runs} inputs over ${jobs} process(es), seeds ${seed}…${seed + jobs - 1}`);
const codes = await Promise.all(
  Array.from({ length: jobs }, (_, k) => {
    const share = Math.floor(runs / jobs) + (k < runs % jobs ? 1 : 0);
    const env = { ...process.env, FUZZ_RUNS: String(share), FUZZ_CAMPAIGN: "1", FC_SEED: String(seed + k) };
    if (process.env.FUZZ_LOG) env.FUZZ_LOG = `${process.env.FUZZ_LOG}.${k}`;
    const child = spawn(process.execPath, [path.join(root, "node_modules/vitest/vitest.mjs"), "run", "test/fuzz/"], { cwd: root, stdio: "inherit", env });
    return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 2)));
  }),
);
const failed = codes.filter((c) => c !== 0).length;
console.log(failed === 0 ? `fuzz campaign: ${runs} inputs, no failing input` : `fuzz campaign: ${failed} of ${jobs} process(es) found a failing input (see above)`);
process.exit(failed === 0 ? 0 : 1);
