// Start-up: `check` loads what the check needs and nothing else (issue 9). Each of these is
// tens of milliseconds at every start: the globber for a plain path, the six renderers that
// are not asked for, the EBNF reference, the Markdown parser, the report libraries.
import fs from "node:fs";
import module from "node:module";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { bin, ensureBuilt, repo } from "./helpers.js";

const recorder = path.join(repo, "test/support/record-loads.mjs");
// The modules as tsc emits them, one file per module: what is loaded shows module by module.
// `bin` is their bundle, split at the same dynamic imports (checked at the end).
const modules = path.join(repo, "dist/src/cli/main.js");

function loads(args: string[], entry = modules): string[] {
  const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "concordat-loads-")), "loads.txt");
  const r = spawnSync(process.execPath, ["--import", recorder, entry, ...args], { cwd: repo, env: { ...process.env, CONCORDAT_LOAD_LOG: log, NO_COLOR: "1" }, encoding: "utf8" });
  expect(r.status, r.stderr).not.toBe(2);
  return fs.readFileSync(log, "utf8").trim().split("\n");
}

const NOT_FOR_A_PRETTY_CHECK = [/tinyglobby|fdir|picomatch/, /diagnostics\/(sarif|json|junit|github|plain|brief|rule-help)\.js$/, /validate-/, /grammar-ebnf/, /mdast|micromark/, /exceljs|docx|prettier|playwright/];

describe("check loads only what it uses", () => {
  beforeAll(() => ensureBuilt());

  it("a pretty check of one file: no globber, no other renderer, no EBNF, no Markdown, no report library", () => {
    const urls = loads(["check", "policies/agreements/northvale-group.concord"]);
    expect(urls.some((u) => u.endsWith("/diagnostics/pretty.js"))).toBe(true);
    for (const pattern of NOT_FOR_A_PRETTY_CHECK) expect(urls.filter((u) => pattern.test(u)), String(pattern)).toEqual([]);
  });

  it("loads the renderer and the globber when they are asked for", () => {
    const urls = loads(["check", "--format", "sarif", "policies/agreements/*.concord"]);
    expect(urls.some((u) => u.endsWith("/diagnostics/sarif.js"))).toBe(true);
    expect(urls.some((u) => /tinyglobby/.test(u))).toBe(true);
  });

  it("the bundle keeps the same lazy parts: a pretty check loads the pretty chunk and no other renderer's", () => {
    const urls = loads(["check", "policies/agreements/northvale-group.concord"], bin);
    const chunk = (name: string) => new RegExp(`/dist/bin/${name}-[A-Z0-9]+\\.js$`);
    expect(urls.some((u) => chunk("pretty").test(u))).toBe(true);
    for (const other of ["sarif", "json", "junit", "github", "plain", "brief", "rule-help", "docx", "xlsx", "format", "literate", "matrix", "document"])
      expect(urls.filter((u) => chunk(other).test(u)), other).toEqual([]);
    expect(urls.filter((u) => /tinyglobby|mdast|exceljs|docx\/|prettier/.test(u))).toEqual([]);
  });
});

/** Node's own modules that a command has loaded when it ends (process.moduleLoadList). */
function builtinsLoaded(args: string[], env: Record<string, string> = {}): { builtins: string[]; stdout: string; status: number | null } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concordat-builtins-"));
  const preload = path.join(dir, "list.mjs");
  const log = path.join(dir, "builtins.txt");
  fs.writeFileSync(preload, `import fs from "node:fs";\nprocess.on("exit", () => fs.writeFileSync(${JSON.stringify(log)}, process.moduleLoadList.join("\\n")));\n`);
  const r = spawnSync(process.execPath, ["--import", preload, bin, ...args], { cwd: repo, env: { ...process.env, NO_COLOR: "1", ...env }, encoding: "utf8" });
  return { builtins: fs.readFileSync(log, "utf8").split("\n"), stdout: r.stdout, status: r.status };
}

describe("Node's own modules", () => {
  beforeAll(() => ensureBuilt());
  const check = ["check", "--format", "json", "--fail-on", "none", "policies/agreements/northvale-group.concord"];

  // Each is a millisecond or two of every start: commander's child_process (for subcommands that
  // are programs), the thread a deep file is read on, the heap's size (asked for large inputs).
  it("a check of a small file loads neither child_process, worker_threads nor v8", () => {
    const { builtins, status } = builtinsLoaded(check);
    expect(status).toBe(0);
    expect(builtins.filter((m) => /^NativeModule (child_process|worker_threads|v8)$/.test(m))).toEqual([]);
  });

  it("the large-stack thread's mark, set by hand, changes nothing on the main thread", () => {
    const plain = builtinsLoaded(check);
    const marked = builtinsLoaded(check, { CONCORDAT_LARGE_STACK_THREAD: "1" });
    expect(marked.status).toBe(0);
    expect(marked.stdout).toBe(plain.stdout);
  });
});

describe("Node's compile cache", () => {
  beforeAll(() => ensureBuilt());

  // Node 22.1 and later have module.enableCompileCache; Node 20 has none, and nothing is written.
  const hasCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === "function";

  it(`is ${hasCache ? "written in the temporary folder" : "not written (this Node has none)"}, and the report is the same with and without it`, () => {
    // Not NODE_COMPILE_CACHE, which turns the cache on by itself: the default folder, under TMPDIR.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "concordat-cache-"));
    const args = ["check", "--format", "json", "policies/agreements/northvale-group.concord"];
    const env = { ...process.env, NODE_COMPILE_CACHE: undefined, TMPDIR: tmp, NO_COLOR: "1" };
    const plain = spawnSync(process.execPath, [bin, ...args], { cwd: repo, env: { ...env, NODE_DISABLE_COMPILE_CACHE: "1" }, encoding: "utf8" });
    expect(fs.readdirSync(tmp)).toEqual([]);
    const cached = [1, 2].map(() => spawnSync(process.execPath, [bin, ...args], { cwd: repo, env, encoding: "utf8" }));
    for (const r of cached) {
      expect(r.stdout).toBe(plain.stdout);
      expect(r.stderr).toBe(plain.stderr);
      expect(r.status).toBe(plain.status);
    }
    const dir = path.join(tmp, "node-compile-cache");
    expect(fs.existsSync(dir) && fs.readdirSync(dir, { recursive: true }).length > 0).toBe(hasCache);
  });
});
