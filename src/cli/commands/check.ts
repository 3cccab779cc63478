// `concordat check [paths…]`: load, compile, analyse, report.
import path from "node:path";
import { Command, Option } from "commander";
import { compareDiagnostics, severityRank, type Diagnostic, type Severity } from "../../diagnostics/diagnostic.js";
import { formats, type Format } from "../../diagnostics/formats.js";
import { summarize, summaryLine } from "../../diagnostics/report.js";
import { palette } from "../../diagnostics/ansi.js";
import type { CliContext } from "../context.js";
import { useColor } from "../context.js";
import { progress } from "../progress.js";
import { writeFileAtomic } from "../write-atomic.js";

export const failOnLevels = ["error", "warning", "info", "none"] as const;
export type FailOn = (typeof failOnLevels)[number];

export interface CheckOptions {
  format: Format;
  failOn: FailOn;
  output?: string;
  color?: boolean;
}

/** Whether any finding is at or above the fail-on level. */
export function failing(diagnostics: readonly Diagnostic[], failOn: FailOn): boolean {
  if (failOn === "none") return false;
  return diagnostics.some((d) => severityRank[d.severity] >= severityRank[failOn as Severity]);
}

export async function runCheck(ctx: CliContext, paths: string[], opts: CheckOptions): Promise<void> {
  // The stages are loaded only when a check runs, so that `--help` and `--version` start fast.
  const [{ analyze }, { renderers }, { loadAndCompile, mergeDiagnostics }] = await Promise.all([
    import("../../analysis/index.js"),
    import("../../diagnostics/index.js"),
    import("../pipeline.js"),
  ]);
  const loaded = loadAndCompile(ctx, paths.length > 0 ? paths : ["."]);
  const p = progress(ctx);
  let findings: Diagnostic[];
  try {
    p.step(`checking ${loaded.files.length} ${loaded.files.length === 1 ? "file" : "files"}: analysing…`, loaded.files.length >= 100);
    findings = analyze(loaded.ruleSet);
  } finally {
    p.done();
  }
  // The load diagnostics are deduplicated already; the analysis findings must not be: two
  // obligations of one rule failing alike are two findings (DESIGN.md section 2), even when
  // their words are the same.
  const diagnostics = [...mergeDiagnostics(loaded.diagnostics), ...findings].sort(compareDiagnostics);
  const toFile = opts.output !== undefined;
  const color = opts.format === "pretty" && (toFile ? opts.color === true : useColor(opts.color, ctx.stdout, ctx.env));
  const text = renderers[opts.format](diagnostics, {
    sources: loaded.sources,
    files: loaded.files,
    cwd: ctx.cwd,
    color,
    failOn: opts.failOn,
    currencies: loaded.currencies,
  });
  if (toFile) {
    writeFileAtomic(resolveOut(ctx, opts.output!), text);
    const pal = palette(useColor(opts.color, ctx.stderr, ctx.env));
    ctx.stderr.write(`${pal.bold(summaryLine(summarize(diagnostics, loaded.files)))}; report written to ${opts.output}\n`);
  } else {
    ctx.stdout.write(text);
  }
  ctx.exitCode = failing(diagnostics, opts.failOn) ? 1 : 0;
}

function resolveOut(ctx: CliContext, file: string): string {
  return path.resolve(ctx.cwd, file);
}

export function checkCommand(ctx: CliContext): Command {
  return new Command("check")
    .summary("check agreements and frameworks: gaps, conflicts, framework rules, models, tests")
    .description(
      [
        "Check every .concord (and .concord.md) file in the given files and folders, with",
        "everything they import: the language, every name, and then the agreements",
        "themselves — exactly one party accountable everywhere, the framework's rules,",
        "the collaboration models' constraints, delegations and the agreements' own tests.",
        "Every finding names the clause, the rule and its source, and a concrete example",
        "(the witness) of where it happens.",
      ].join("\n"),
    )
    .argument("[paths...]", "files or folders to check", ["."])
    .addOption(new Option("-f, --format <format>", "how to print the report").choices([...formats]).default("pretty"))
    .addOption(
      new Option("--fail-on <severity>", "the lowest severity that makes the check fail (exit code 1)").choices([...failOnLevels]).default("error"),
    )
    .option("-o, --output <file>", "write the report to this file instead of the screen")
    .option("--color", "colour the report (default: when printing to a terminal)")
    .option("--no-color", "never colour the report (the NO_COLOR variable does the same)")
    .addHelpText(
      "after",
      `
Formats:
  pretty   for people: each finding with the clause it is about, underlined (default)
  json     one JSON object (see \`concordat schema diagnostics\`)
  sarif    SARIF 2.1.0, for GitHub code scanning
  github   GitHub Actions annotations on the pull request's lines
  junit    JUnit XML, for CI dashboards

Exit codes:
  0  nothing at or above --fail-on
  1  something at or above --fail-on (by default: an error)
  2  the command could not run: a wrong option, a file that does not exist or cannot be read

Examples:
  $ concordat check                                  check everything under this folder
  $ concordat check policies/agreements/eastmoor-mou.concord
  $ concordat check --fail-on warning policies/      warnings fail too (before a board signs)
  $ concordat check --format json policies/ > report.json
  $ concordat check --format sarif -o concordat.sarif policies/
  $ concordat check --format github policies/        in a GitHub Actions workflow`,
    )
    .action(async (paths: string[], opts: { format: Format; failOn: FailOn; output?: string; color?: boolean }) => {
      await runCheck(ctx, paths, opts);
    });
}
