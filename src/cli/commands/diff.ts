// `concordat diff OLD NEW` and `concordat diff --git REV [paths…]`: what changed in
// accountability between two versions, and the findings introduced and fixed.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command, Option } from "commander";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { CliContext } from "../context.js";
import { UsageError, useColor } from "../context.js";
import { writeFileAtomic } from "../write-atomic.js";

export const diffFormats = ["pretty", "markdown", "json"] as const;
export type DiffFormat = (typeof diffFormats)[number];

export interface DiffOptions {
  format: DiffFormat;
  git?: string;
  exitZero?: boolean;
  output?: string;
  color?: boolean;
}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const err = e as { stderr?: string; code?: string };
    if (err.code === "ENOENT") throw new UsageError("diff --git needs git, which is not installed (or not on the PATH)");
    const why = (err.stderr ?? "").trim().split("\n")[0] || "git failed";
    throw new UsageError(`git ${args[0]}: ${why}`);
  }
}

const SOURCE = /\.concord(\.md)?$/;
const ROOT_MARKERS = new Set(["concordat.json", "package.json"]);

/**
 * The source files of revision `rev`, written to a temporary folder laid out as the repository
 * (with its project-root markers), so that the old version loads, imports and is named exactly
 * as the working tree is. Returns the folder that corresponds to `cwd`.
 */
function checkoutSources(cwd: string, rev: string): { dir: string; cleanup: () => void } {
  const top = git(cwd, ["rev-parse", "--show-toplevel"]).trim();
  const prefix = git(cwd, ["rev-parse", "--show-prefix"]).trim();
  git(top, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
  const files = git(top, ["ls-tree", "-r", "-z", "--full-tree", "--name-only", rev])
    .split("\0")
    .filter((f) => f !== "" && (SOURCE.test(f) || ROOT_MARKERS.has(path.posix.basename(f))));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "concordat-diff-"));
  const cleanup = () => fs.rmSync(tmp, { recursive: true, force: true });
  try {
    fs.mkdirSync(path.join(tmp, ".git")); // the repository root is a project root, as in the working tree
    for (const f of files) {
      const target = path.join(tmp, f);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, git(top, ["show", `${rev}:${f}`]));
    }
    const dir = path.join(tmp, prefix);
    fs.mkdirSync(dir, { recursive: true });
    return { dir, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

export async function runDiff(ctx: CliContext, args: string[], opts: DiffOptions): Promise<void> {
  const [{ analyze }, { loadAndCompile, mergeDiagnostics }, diff] = await Promise.all([
    import("../../analysis/index.js"),
    import("../pipeline.js"),
    import("../../report/diff/index.js"),
  ]);
  const side = (c: CliContext, paths: string[], label: string) => {
    const loaded = loadAndCompile(c, paths, "comparing");
    const diagnostics: Diagnostic[] = mergeDiagnostics(loaded.diagnostics, analyze(loaded.ruleSet));
    return { label, ruleSet: loaded.ruleSet, diagnostics, currencies: loaded.currencies };
  };
  let before: ReturnType<typeof side>;
  let after: ReturnType<typeof side>;
  if (opts.git !== undefined) {
    const paths = args.length > 0 ? args : ["."];
    const old = checkoutSources(ctx.cwd, opts.git);
    try {
      // Paths that did not exist at the revision: the old version simply has fewer files.
      const present = paths.filter((p) => fs.existsSync(path.resolve(old.dir, p)));
      before = present.length > 0 ? side({ ...ctx, cwd: old.dir }, present, opts.git) : { label: opts.git, ruleSet: { format: "concordat-ruleset/1", files: [], frameworks: [], agreements: [] } as never, diagnostics: [], currencies: {} };
    } finally {
      old.cleanup();
    }
    after = side(ctx, paths, "the working tree");
  } else {
    if (args.length !== 2) throw new UsageError("diff needs two versions: concordat diff OLD NEW (files or folders), or concordat diff --git REV [paths…]");
    before = side(ctx, [args[0]!], args[0]!);
    after = side(ctx, [args[1]!], args[1]!);
  }
  const report = diff.diffRuleSets(before, after);
  const toFile = opts.output !== undefined;
  const options = {
    cwd: ctx.cwd,
    color: opts.format === "pretty" && (toFile ? opts.color === true : useColor(opts.color, ctx.stdout, ctx.env)),
    currencies: { ...before.currencies, ...after.currencies },
  };
  const text =
    opts.format === "json" ? diff.renderDiffJson(report, options) : opts.format === "markdown" ? diff.renderDiffMarkdown(report, options) : diff.renderDiffPretty(report, options);
  if (toFile) writeFileAtomic(path.resolve(ctx.cwd, opts.output!), text);
  else ctx.stdout.write(text);
  ctx.exitCode = diff.accountabilityChanged(report) && !opts.exitZero ? 1 : 0;
}

export function diffCommand(ctx: CliContext): Command {
  return new Command("diff")
    .summary("what changed in accountability between two versions")
    .description(
      [
        "Compare two versions of agreements: who gained or lost accountability or",
        "responsibility for which activities, places, dates and value bands (computed",
        "exactly on the two compiled rule sets, merged into regions in words), and the",
        "findings introduced and fixed. OLD and NEW are files or folders; with --git REV,",
        "the working tree is compared with that revision (read through git show).",
      ].join("\n"),
    )
    .argument("[paths...]", "OLD NEW, or with --git the paths to compare (default: .)")
    .option("--git <rev>", "compare the working tree with this revision (a commit, branch or tag)")
    .addOption(new Option("-f, --format <format>", "how to print the diff").choices([...diffFormats]).default("pretty"))
    .option("--exit-zero", "exit 0 even when accountability changed (for comment bots)")
    .option("-o, --output <file>", "write the diff to this file instead of the screen")
    .option("--color", "colour the diff (default: when printing to a terminal)")
    .option("--no-color", "never colour the diff")
    .addHelpText(
      "after",
      `
Formats:
  pretty    for people (default)
  markdown  a pull-request comment: one table per agreement that changed
  json      one object (see \`concordat schema diff\`)

Exit codes:
  0  nothing changed in accountability or responsibility (or --exit-zero)
  1  something did
  2  the command could not run

Examples:
  $ concordat diff old/eastmoor-mou.concord policies/agreements/eastmoor-mou.concord
  $ concordat diff --git origin/main policies/
  $ concordat diff --git HEAD~1 --format markdown --exit-zero policies/ > comment.md`,
    )
    .action(async (paths: string[], opts: DiffOptions) => {
      await runDiff(ctx, paths, opts);
    });
}
