// The test run's temporary folders: an interrupted run's folder is removed by the next run,
// never a folder of a run still going, nor anything else in the temporary directory.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { removeAbandonedRuns } from "../support/temp-setup.js";
import { tempDir } from "../cli/helpers.js";

describe("the temporary folders of test runs", () => {
  it("are removed when their run has ended (or, without an owner, after a day), and kept while it runs", () => {
    const base = tempDir();
    const ended = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const deadPid = Number(ended.stdout);
    expect(deadPid).toBeGreaterThan(0);
    const folder = (name: string, owner?: number): string => {
      const dir = path.join(base, name);
      mkdirSync(dir);
      writeFileSync(path.join(dir, "file"), "x");
      if (owner !== undefined) writeFileSync(path.join(dir, ".owner-pid"), String(owner));
      return dir;
    };
    folder("concordat-tests-ended", deadPid);
    folder("concordat-tests-running", process.pid);
    const old = folder("concordat-tests-old");
    const yesterday = new Date(Date.now() - 25 * 60 * 60 * 1000);
    utimesSync(old, yesterday, yesterday);
    folder("concordat-tests-fresh");
    const other = folder("something-else", deadPid);
    utimesSync(other, yesterday, yesterday);

    expect(removeAbandonedRuns(base).sort()).toEqual(["concordat-tests-ended", "concordat-tests-old"]);
    expect(readdirSync(base).sort()).toEqual(["concordat-tests-fresh", "concordat-tests-running", "something-else"]);
    expect(existsSync(path.join(base, "concordat-tests-running", "file"))).toBe(true);
  });

  it("a base that cannot be read removes nothing and does not throw", () => {
    expect(removeAbandonedRuns(path.join(tempDir(), "missing"))).toEqual([]);
  });
});
