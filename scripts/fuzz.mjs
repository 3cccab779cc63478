// `npm run fuzz -- --runs N [--seed S]`: a long fuzz campaign (test/fuzz/pipeline.fuzz.test.ts)
// with N inputs (the three generators interleaved). A failing input is saved under test/fuzz/fixtures/ (replayed by
// `npm test` from then on); each generator's count of inputs is printed at the end.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const value = (flag, fallback) => {
  const i = args.indexOf(flag);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const runs = Number(value("--runs", "10000"));
if (!Number.isInteger(runs) || runs < 1) {
  console.error("usage: npm run fuzz -- --runs N [--seed S]");
  process.exit(2);
}
const seed = value("--seed", String(Date.now() % 2 ** 31));
console.log(`fuzz campaign: ${runs} inputs, seed ${seed}`);
const r = spawnSync(process.execPath, [path.join(root, "node_modules/vitest/vitest.mjs"), "run", "test/fuzz/"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_CAMPAIGN: "1", FC_SEED: seed },
});
process.exit(r.status ?? 2);
