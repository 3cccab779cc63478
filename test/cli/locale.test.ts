// The report's order is the same on every machine: findings were sorted with `localeCompare`,
// which follows the user's locale (under sv_SE "ä" sorts after "z", under en_US before it).
// Files, codes and messages are compared in code-unit order now.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { concordat, ensureBuilt, tempDir } from "./helpers.js";

beforeAll(ensureBuilt);

describe("the report's order does not depend on the locale", () => {
  it("json, brief and junit are byte for byte the same under en_US, sv_SE and C", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "package.json"), "{}\n");
    // One syntax error in each, in files whose names the two locales order differently.
    for (const name of ["z.concord", "ä.concord", "a.concord", "B.concord"]) writeFileSync(path.join(dir, name), "agreement x {\n");
    for (const format of ["json", "brief", "junit"]) {
      const runs = ["en_US.UTF-8", "sv_SE.UTF-8", "C.UTF-8"].map((l) => concordat(["check", "--format", format, "."], { cwd: dir, env: { LC_ALL: l, LANG: l } }));
      for (const r of runs) expect(r.code).toBe(1);
      expect(runs[1]!.stdout).toBe(runs[0]!.stdout);
      expect(runs[2]!.stdout).toBe(runs[0]!.stdout);
    }
    const order = JSON.parse(concordat(["check", "--format", "json", "."], { cwd: dir, env: { LC_ALL: "sv_SE.UTF-8", LANG: "sv_SE.UTF-8" } }).stdout).diagnostics.map((d: { file: string }) => d.file);
    expect([...new Set(order)]).toEqual(["B.concord", "a.concord", "z.concord", "ä.concord"]);
  });
});
