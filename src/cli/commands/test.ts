// `concordat test [paths…]`: run the agreements' own `test` blocks.
import path from "node:path";
import { Command, Option } from "commander";
import { positiveInteger } from "./check.js";
import { palette } from "../../diagnostics/ansi.js";
import { codeFrame } from "../../diagnostics/frame.js";
import { compareText } from "../../diagnostics/diagnostic.js";
import { escapeControls as safe, escapeControlsOneLine as safeLine } from "../../diagnostics/escape.js";
import type { TestResult } from "../../diagnostics/junit.js";
import { renderPretty } from "../../diagnostics/pretty.js";
import { plural, shownFile, sourceOf, witnessInWords, type RenderOptions } from "../../diagnostics/report.js";
import type { CliContext } from "../context.js";
import { useColor } from "../context.js";
import { writeFileAtomic } from "../write-atomic.js";
import type { Compiled } from "../pipeline.js";
import { tellThreads } from "../debug.js";
import { paragraphs } from "../help-text.js";

export const testFormats = ["pretty", "json", "junit"] as const;
export type TestFormat = (typeof testFormats)[number];

export interface TestOptions {
  format: TestFormat;
  output?: string;
  color?: boolean;
  /** Threads for the tests (default as `check --jobs`). */
  jobs?: number;
}

function counts(results: readonly TestResult[]): { tests: number; passed: number; failed: number } {
  const failed = results.filter((r) => !r.passed).length;
  return { tests: results.length, passed: results.length - failed, failed };
}

export function testSummaryLine(results: readonly TestResult[]): string {
  const c = counts(results);
  if (c.tests === 0) return "no tests found";
  if (c.failed === 0) return `${plural(c.tests, "test")} passed`;
  return `${plural(c.failed, "test")} failed, ${c.passed} passed`;
}

/** The human report: per file, each test passed or FAILED, with the witness and the `expect` of a failure. */
export function renderTestsPretty(results: readonly TestResult[], options: RenderOptions = {}): string {
  const p = palette(options.color);
  const byFile = new Map<string, TestResult[]>();
  for (const r of results) {
    const f = shownFile(r.span.file, options);
    if (!byFile.has(f)) byFile.set(f, []);
    byFile.get(f)!.push(r);
  }
  const out: string[] = [];
  for (const file of [...byFile.keys()].sort(compareText)) {
    out.push(p.bold(safeLine(file)));
    for (const r of byFile.get(file)!) {
      const label = r.passed ? p.green("passed") : p.bold(p.red("FAILED"));
      out.push(`  ${label}  ${safeLine(r.agreement)}: ${safeLine(r.title)} ${p.dim(`(line ${r.span.line})`)}`);
      if (r.passed) continue;
      for (const f of r.failures) {
        out.push(`          ${p.bold(`${safeLine(shownFile(f.span.file, options))}:${f.span.line}:${f.span.column}:`)} ${safe(f.message)}`);
        if (f.witness) out.push(`          ${p.blue("=")} ${p.bold("witness:")} ${safe(witnessInWords(f.witness, options.currencies))}`);
        const src = sourceOf(options.sources, f.span.file, options.cwd);
        if (src !== undefined)
          for (const l of codeFrame(src, f.span, { style: { gutter: p.blue, marker: (s) => p.bold(p.red(s)) } })) out.push(`          ${l}`);
      }
    }
  }
  const c = counts(results);
  const line = testSummaryLine(results);
  out.push("", c.failed > 0 ? p.bold(p.red(line)) : p.bold(p.green(line)));
  return out.join("\n") + "\n";
}

/** `test --format json`: { tests: [...], summary: { tests, passed, failed } }. */
export function renderTestsJson(results: readonly TestResult[], options: RenderOptions = {}): string {
  const tests = results.map((r) => ({
    agreement: r.agreement,
    title: r.title,
    file: shownFile(r.span.file, options),
    line: r.span.line,
    column: r.span.column,
    ...(r.clause !== undefined ? { clause: r.clause } : {}),
    passed: r.passed,
    failures: r.failures.map((f) => ({
      message: f.message,
      file: shownFile(f.span.file, options),
      line: f.span.line,
      column: f.span.column,
      ...(f.witness !== undefined ? { witness: f.witness } : {}),
    })),
  }));
  return JSON.stringify({ tests, summary: counts(results) }, null, 2) + "\n";
}

export async function runTestCommand(ctx: CliContext, paths: string[], opts: TestOptions): Promise<void> {
  const [{ runTests }, { compilePaths }, parallel] = await Promise.all([
    import("../../analysis/index.js"),
    import("../pipeline.js"),
    import("../parallel-analysis.js"),
  ]);
  const given = paths.length > 0 ? paths : ["."];
  // Many files: the whole run on threads, one share of the files each (as `check --jobs`), when that is exactly one thread's.
  const shared = await parallel.checkFilesOnThreads(ctx, given, opts.jobs, "tests");
  let loaded: Omit<Compiled, "ruleSet">;
  let results: TestResult[];
  if (typeof shared !== "string") {
    loaded = shared;
    results = shared.tests;
  } else {
    const compiled = compilePaths(ctx, given, "testing");
    loaded = compiled;
    const threads = parallel.threadsFor(compiled.ruleSet, opts.jobs);
    results = threads > 1 ? await parallel.runTestsOnThreads(compiled.ruleSet, threads) : runTests(compiled.ruleSet);
  }
  tellThreads(ctx, shared);
  const errors = loaded.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    ctx.stderr.write(renderPretty(errors, { sources: loaded.sources, files: loaded.files, cwd: ctx.cwd, color: useColor(opts.color, ctx.stderr, ctx.env) }));
  }
  // Like `check` on a folder without files: a CI job must not pass green on no tests at all.
  if (results.length === 0 && errors.length === 0) {
    ctx.stderr.write(`concordat: no tests in ${loaded.files.length === 1 ? loaded.files[0] : `the ${loaded.files.length} files read`}: an agreement's tests are its \`test "…" { expect … }\` blocks\n`);
    ctx.exitCode = 2;
    return;
  }
  const toFile = opts.output !== undefined;
  const options: RenderOptions = {
    sources: loaded.sources,
    files: loaded.files,
    cwd: ctx.cwd,
    currencies: loaded.currencies,
    color: opts.format === "pretty" && (toFile ? opts.color === true : useColor(opts.color, ctx.stdout, ctx.env)),
  };
  const text = opts.format === "junit" ? (await import("../../diagnostics/junit.js")).renderTestsJunit(results, options) : opts.format === "json" ? renderTestsJson(results, options) : renderTestsPretty(results, options);
  if (toFile) {
    writeFileAtomic(path.resolve(ctx.cwd, opts.output!), text, { shownAs: opts.output!, inputs: loaded.inputs });
    ctx.stderr.write(`${testSummaryLine(results)}; report written to ${opts.output}\n`);
  } else ctx.stdout.write(text);
  ctx.exitCode = errors.length > 0 || results.some((r) => !r.passed) ? 1 : 0;
}

export function testCommand(ctx: CliContext): Command {
  return new Command("test")
    .summary("run the agreements' own tests (their `test` blocks)")
    .description(
      paragraphs([
        "Run every `test \"…\" { expect … }` block of the agreements in the given files and",
        "folders, and say which passed and which failed. A failure shows the point (the",
        "witness) where the expectation does not hold.",
      ]),
    )
    .argument("[paths...]", "files or folders", ["."])
    .addOption(new Option("-f, --format <format>", "how to print the results").choices([...testFormats]).default("pretty"))
    .addOption(
      new Option("-j, --jobs <n>", "run the tests on n threads (default: 1; with 4 cores or more, every core, at most 8, for 400 files or 40,000 assignments or more)").argParser(
        positiveInteger,
      ),
    )
    .option("-o, --output <file>", "write the results to this file instead of the screen")
    .option("--color", "colour the results (default: when printing to a terminal)")
    .option("--no-color", "never colour the results")
    .addHelpText(
      "after",
      `
Exit codes:
  0  every test passed
  1  a test failed, or the input has errors
  2  the command could not run: a wrong option, a file that does not exist or cannot be read

Examples:
  $ concordat test policies/
  $ concordat test --format junit -o test-results.xml policies/`,
    )
    .action(async (paths: string[], opts: TestOptions) => {
      await runTestCommand(ctx, paths, opts);
    });
}
