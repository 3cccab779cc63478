// Loaded with `node --import` into every process the bench measures: at exit, it writes the
// process's own resource usage (CPU time of all its threads, peak RSS) to $BENCH_RUSAGE.
import fs from "node:fs";

const out = process.env.BENCH_RUSAGE;
if (out) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    fs.writeFileSync(out, JSON.stringify({ cpuMicros: u.userCPUTime + u.systemCPUTime, maxRssKb: u.maxRSS }));
  });
}
