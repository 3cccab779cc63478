import { beforeAll, describe, expect, it, vi } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { COLLECT_AFTER_BYTES, collectDeadSyntaxTrees, fullCollector } from "../../src/cli/collect.js";
import { loadProgram } from "../../src/semantics/load.js";
import { compileProgram } from "../../src/semantics/compile.js";
import { analyze } from "../../src/analysis/index.js";
import { agreementText, frameworkText, sizeFor } from "../../bench/generate.js";
import { concordat, ensureBuilt, STACK, tempDir } from "./helpers.js";

describe("the full collection after a large input's syntax trees die", () => {
  it("runs only past the threshold, counting every source text, once", () => {
    const gc = vi.fn();
    collectDeadSyntaxTrees(["x".repeat(COLLECT_AFTER_BYTES / 2), "x".repeat(COLLECT_AFTER_BYTES / 2 - 1)], () => gc);
    expect(gc).not.toHaveBeenCalled();
    collectDeadSyntaxTrees(["x".repeat(COLLECT_AFTER_BYTES / 2), "x".repeat(COLLECT_AFTER_BYTES / 2)], () => gc);
    expect(gc).toHaveBeenCalledTimes(1);
  });

  it("does nothing, and does not throw, when no collector can be had", () => {
    expect(() => collectDeadSyntaxTrees(["x".repeat(COLLECT_AFTER_BYTES * 2)], () => null)).not.toThrow();
  });

  it("has V8's collector on this Node, and it frees what is no longer reachable", () => {
    const gc = fullCollector();
    expect(typeof gc).toBe("function");
    let garbage: number[][] | null = Array.from({ length: 2000 }, (_, i) => Array.from({ length: 2000 }, () => i));
    const before = process.memoryUsage().heapUsed;
    expect(garbage.length).toBe(2000);
    garbage = null;
    gc!();
    // 2,000 × 2,000 numbers are at least 16 MB; most of them must be gone.
    expect(before - process.memoryUsage().heapUsed).toBeGreaterThan(12_000_000);
  });
});

describe("check on an input past the threshold", () => {
  beforeAll(() => ensureBuilt());

  it("reports what the analysis finds in-process, the collection having run between compile and analysis", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "concordat.json"), "{}\n");
    const size = sizeFor(27_000);
    writeFileSync(path.join(dir, "framework.concord"), frameworkText(size));
    const agreement = agreementText(size, "framework.concord");
    expect(agreement.length).toBeGreaterThan(COLLECT_AFTER_BYTES);
    writeFileSync(path.join(dir, "agreement.concord"), agreement);
    const r = concordat(["check", ".", "--format", "json", "--fail-on", "none", "-o", "report.json"], { cwd: dir });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(0);
    const printed = (JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8")) as { diagnostics: { code: string; message: string }[] }).diagnostics;
    const program = loadProgram(["."], { cwd: dir, deepStack: false });
    const compiled = compileProgram(program);
    const findings = analyze(compiled.ruleSet);
    expect(findings.length).toBeGreaterThan(100);
    for (const f of findings) expect(printed.some((d) => d.code === f.code && d.message === f.message)).toBe(true);
  }, 60_000);
});
