// `concordat check [paths…]`: load, compile, analyse, report.
import { appendFileSync } from "node:fs";
import path from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import { compareDiagnostics, severityRank, type Diagnostic, type Severity } from "../../diagnostics/diagnostic.js";
import { formats, type Format } from "../../diagnostics/formats.js";
import { summarize, summaryLine } from "../../diagnostics/report.js";
import { palette } from "../../diagnostics/ansi.js";
import type { CliContext } from "../context.js";
import type { Compiled, RuleSet } from "../pipeline.js";
import { readStandardInput, UsageError, useColor } from "../context.js";
import { progress } from "../progress.js";
import { tellThreads } from "../debug.js";
import { writeFileAtomic } from "../write-atomic.js";
import { paragraphs } from "../help-text.js";

export const failOnLevels = ["error", "warning", "info", "none"] as const;
export type FailOn = (typeof failOnLevels)[number];

export interface CheckOptions {
  format: Format;
  failOn?: FailOn;
  output?: string;
  color?: boolean;
  /** Only errors are reported (and counted). */
  quiet?: boolean;
  /** Fail (exit 1) when there are more warnings than this. */
  maxWarnings?: number;
  /** The name standard input (`-`) is checked as: for messages and for its imports and project root. */
  stdinFilename?: string;
  /** A concordat.json to use instead of the nearest one; `false` for none. */
  config?: string | false;
  /** Threads (default: 1; with 4 cores or more, every core, at most 8, for 400 files or 40,000 assignments or more). */
  jobs?: number;
}

/** Whether any finding is at or above the fail-on level. */
export function failing(diagnostics: readonly Diagnostic[], failOn: FailOn): boolean {
  if (failOn === "none") return false;
  return diagnostics.some((d) => severityRank[d.severity] >= severityRank[failOn as Severity]);
}

export async function runCheck(ctx: CliContext, paths: string[], opts: CheckOptions, readInput: () => string = () => Buffer.from(readStandardInput(ctx)).toString("utf8")): Promise<void> {
  // The stages are loaded only when a check runs, so that `--help` and `--version` start fast.
  const [{ analyze }, render, { compilePaths, mergeDiagnostics }, { projectRoot }, config, expand, parallel] = await Promise.all([
    import("../../analysis/index.js"),
    import("../../diagnostics/load-renderer.js").then((m) => m.loadRenderer(opts.format)),
    import("../pipeline.js"),
    import("../../semantics/load.js"),
    import("../config.js"),
    import("../expand-paths.js"),
    import("../parallel-analysis.js"),
  ]);
  // The project's concordat.json (the nearest at or above the working folder), unless told otherwise.
  const configFile = opts.config === false ? undefined : opts.config !== undefined ? path.resolve(ctx.cwd, opts.config) : config.findConfig(ctx.cwd);
  const project = configFile ? await config.readConfig(configFile, path.relative(ctx.cwd, configFile) || configFile) : undefined;
  const settings = project?.config ?? {};
  const failOn: FailOn = opts.failOn ?? settings.failOn ?? "error";
  const maxWarnings = opts.maxWarnings ?? settings.maxWarnings;
  const ignored = expand.ignoredFiles(settings.ignore, project?.dir ?? ctx.cwd);

  // `-` is standard input, checked as --stdin-filename (default: stdin.concord in this folder).
  let texts: Map<string, string> | undefined;
  const given = paths.length > 0 ? paths : (settings.paths?.map((p) => path.relative(ctx.cwd, path.resolve(project!.dir, p)) || ".") ?? ["."]);
  const args = given.map((p) => {
    if (p !== "-") return p;
    const name = opts.stdinFilename ?? "stdin.concord";
    texts ??= new Map();
    texts.set(path.resolve(ctx.cwd, name), readInput());
    return name;
  });
  if (opts.stdinFilename !== undefined && texts === undefined) throw new UsageError("--stdin-filename names standard input, so it needs `-` among the paths");
  const expanded = expand.expandPaths(args, ctx.cwd, ignored);
  // Many files: the whole check on threads, one share of the files each, when that is exactly the report of one thread.
  const shared = texts !== undefined ? "standard input" : await parallel.checkFilesOnThreads(ctx, expanded, opts.jobs, "findings");
  let loaded: Omit<Compiled, "ruleSet">;
  let frameworks: RuleSet["frameworks"];
  let findings: Diagnostic[];
  if (typeof shared !== "string") {
    ({ findings, frameworks } = shared);
    loaded = shared;
  } else {
    const compiled = compilePaths(ctx, expanded, "checking", texts);
    ({ frameworks } = compiled.ruleSet);
    loaded = compiled;
    const p = progress(ctx);
    try {
      p.step(`checking ${loaded.files.length} ${loaded.files.length === 1 ? "file" : "files"}: analysing…`, loaded.files.length >= 100);
      const threads = parallel.threadsFor(compiled.ruleSet, opts.jobs);
      findings = threads > 1 ? await parallel.analyzeOnThreads(compiled.ruleSet, threads) : analyze(compiled.ruleSet, { keepCells: false });
    } finally {
      p.done();
    }
  }
  tellThreads(ctx, shared);
  // The load diagnostics are deduplicated already; the analysis findings must not be: two
  // obligations of one rule failing alike are two findings (DESIGN.md section 2), even when
  // their words are the same.
  let diagnostics = config.applySeverities([...mergeDiagnostics(loaded.diagnostics), ...findings].sort(compareDiagnostics), settings);
  if (ignored.size > 0) diagnostics = diagnostics.filter((d) => !ignored.has(path.resolve(ctx.cwd, d.span.file)));
  // --max-warnings counts the warnings that --quiet does not print: quiet changes the report, not the verdict.
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  if (opts.quiet) diagnostics = diagnostics.filter((d) => d.severity === "error");
  const toFile = opts.output !== undefined;
  const color = opts.format === "pretty" && (toFile ? opts.color === true : useColor(opts.color, ctx.stdout, ctx.env));
  const first = loaded.inputs[0];
  const renderOptions = {
    sources: loaded.sources,
    files: loaded.files,
    cwd: ctx.cwd,
    color,
    failOn,
    currencies: loaded.currencies,
    root: project?.dir ?? (first ? projectRoot(first) : ctx.cwd),
    ruleHelp: opts.format === "sarif" ? (await import("../../diagnostics/rule-help.js")).ruleHelpIndex({ frameworks }, loaded.sources) : undefined,
  };
  const text = render(diagnostics, renderOptions);
  // In a GitHub Actions step, the job summary gets every finding (annotations stop at ten per severity).
  const stepSummary = ctx.env.GITHUB_STEP_SUMMARY;
  if (opts.format === "github" && stepSummary) {
    const { renderGithubSummary } = await import("../../diagnostics/github.js");
    appendFileSync(path.resolve(ctx.cwd, stepSummary), renderGithubSummary(diagnostics, renderOptions));
  }
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  if (toFile) {
    writeFileAtomic(resolveOut(ctx, opts.output!), text, { shownAs: opts.output!, inputs: loaded.inputs });
    const pal = palette(useColor(opts.color, ctx.stderr, ctx.env));
    ctx.stderr.write(`${pal.bold(summaryLine(summarize(diagnostics, loaded.files)))}; report written to ${opts.output}\n`);
  } else {
    ctx.stdout.write(text);
  }
  if (tooManyWarnings) ctx.stderr.write(`concordat: ${warnings} warnings, more than --max-warnings ${maxWarnings} allows\n`);
  ctx.exitCode = failing(diagnostics, failOn) || tooManyWarnings ? 1 : 0;
}

function resolveOut(ctx: CliContext, file: string): string {
  return path.resolve(ctx.cwd, file);
}

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("it must be a whole number, 0 or more.");
  return Number(value);
}

export function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError("it must be a whole number, 1 or more.");
  return Number(value);
}

export function checkCommand(ctx: CliContext): Command {
  return new Command("check")
    .summary("check agreements and frameworks: gaps, conflicts, framework rules, models, tests")
    .description(
      paragraphs([
        "Check every .concord (and .concord.md) file in the given files and folders, with",
        "everything they import: the language, every name, and then the agreements",
        "themselves — exactly one party accountable everywhere, the framework's rules,",
        "the collaboration models' constraints, delegations and the agreements' own tests.",
        "Every finding names the clause, the rule and its source, and a concrete example",
        "(the witness) of where it happens.",
      ]),
    )
    .argument("[paths...]", "files, folders or quoted globs to check; - reads standard input (default: concordat.json's paths, or .)")
    .addOption(new Option("-f, --format <format>", "how to print the report").choices([...formats]).default("pretty"))
    .addOption(
      new Option("--fail-on <severity>", "the lowest severity that makes the check fail (exit code 1; default: error)").choices([...failOnLevels]),
    )
    .option("-q, --quiet", "report errors only")
    .addOption(new Option("--max-warnings <n>", "fail (exit code 1) when there are more than n warnings").argParser(nonNegativeInteger))
    .option("--stdin-filename <file>", "the name to check standard input (-) as: for messages, imports and the project root")
    .option("-c, --config <file>", "use this concordat.json instead of the nearest one")
    .option("--no-config", "ignore concordat.json")
    .addOption(
      new Option("-j, --jobs <n>", "check on n threads (default: 1; with 4 cores or more, every core, at most 8, for 400 files or 40,000 assignments or more)").argParser(
        positiveInteger,
      ),
    )
    .option("-o, --output <file>", "write the report to this file instead of the screen")
    .option("--color", "colour the report (default: when printing to a terminal)")
    .option("--no-color", "never colour the report (the NO_COLOR variable does the same)")
    .addHelpText(
      "after",
      `
Formats:
  pretty   for people: each finding with the clause it is about, underlined (default)
  brief    for reading a whole library: a heading per file, a line per finding
  json     one JSON object (see \`concordat schema diagnostics\`)
  sarif    SARIF 2.1.0, for GitHub code scanning
  github   GitHub Actions annotations on the pull request's lines (and, when
           GITHUB_STEP_SUMMARY is set, a table of every finding in the job summary)
  junit    JUnit XML, for CI dashboards
  plain    one line per finding: file:line:col: severity code: message

Exit codes:
  0  nothing at or above --fail-on
  1  something at or above --fail-on (by default: an error)
  2  the command could not run: a wrong option, a file that does not exist or cannot be read

Configuration:
  concordat.json in this folder or the nearest one above it gives the defaults:
  paths, failOn, maxWarnings, severity (per code), rules and models (per id),
  ignore (see \`concordat schema config\`). Flags win.

Examples:
  $ concordat check                                  check everything under this folder
  $ concordat check 'policies/**/*.concord'          a glob, expanded by concordat
  $ cat draft.concord | concordat check - --stdin-filename policies/draft.concord
  $ concordat check --quiet --max-warnings 0 policies/
  $ concordat check policies/agreements/eastmoor-mou.concord
  $ concordat check --fail-on warning policies/      warnings fail too (before a board signs)
  $ concordat check --format json policies/ > report.json
  $ concordat check --jobs 4 policies/              check on 4 threads (the same report)
  $ concordat check --format sarif -o concordat.sarif policies/
  $ concordat check --format github policies/        in a GitHub Actions workflow`,
    )
    .action(async (paths: string[], opts: CheckOptions) => {
      await runCheck(ctx, paths, opts);
    });
}
