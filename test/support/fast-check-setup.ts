// Every property test runs with a fixed seed in CI (FC_SEED overrides it locally),
// so a failure replays; fast-check prints the seed and path of a failing case.
import fc from "fast-check";

const seed = Number(process.env.FC_SEED ?? 20261123);
const numRuns = Number(process.env.FC_RUNS ?? (process.env.CI ? 100 : 100));
fc.configureGlobal({ seed, numRuns, endOnFailure: true, interruptAfterTimeLimit: 45_000, markInterruptAsFailure: false });
