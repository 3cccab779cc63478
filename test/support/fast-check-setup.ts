// Every property test runs with a fixed seed (FC_SEED overrides it), so a failure replays;
// fast-check prints the seed and the path of a failing case, and shrinks it first (no
// `endOnFailure`). No time limit: an interrupted property would pass without having run.
// FC_RUNS sets the number of runs of every property (default 200, the CI minimum); a property
// that needs fewer or more derives its count from `fc.readConfigureGlobal().numRuns`, so that
// FC_RUNS still scales it.
import fc from "fast-check";

const seed = Number(process.env.FC_SEED ?? 20261123);
const numRuns = Number(process.env.FC_RUNS ?? 200);
if (!Number.isInteger(numRuns) || numRuns < 1) throw new Error(`FC_RUNS must be a positive whole number, not ${process.env.FC_RUNS}`);
if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be a whole number, not ${process.env.FC_SEED}`);
fc.configureGlobal({ seed, numRuns });
