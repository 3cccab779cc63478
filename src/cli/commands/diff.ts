// `concordat diff OLD NEW` and `concordat diff --git REV [paths…]`: what changed in
// accountability between two versions, and the findings introduced and fixed.
import fs from "node:fs";
import path from "node:path";
import { Command, Option } from "commander";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { CliContext } from "../context.js";
import { UsageError, useColor } from "../context.js";
import { writeFileAtomic } from "../write-atomic.js";
import { paragraphs } from "../help-text.js";

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
  return gitBytes(cwd, args).toString("utf8");
}

/** What git prints, as bytes (file contents are written back as they are), `input` on its standard input. */
function gitBytes(cwd: string, args: string[], input?: string): Buffer {
  try {
    // Loaded here: child_process (with net, streams, dgram) is a tenth of `check`'s start-up on Node 22, and only `diff --git` runs git.
    return process.getBuiltinModule("node:child_process").execFileSync("git", args, { cwd, maxBuffer: 1024 * 1024 * 1024, input, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
  } catch (e) {
    const err = e as { stderr?: Buffer | string; code?: string };
    if (err.code === "ENOENT") throw new UsageError("diff --git needs git, which is not installed (or not on the PATH)");
    const why = String(err.stderr ?? "").trim().split("\n")[0] || "git failed";
    throw new UsageError(`git ${args[0]}: ${why}`);
  }
}

/**
 * The contents of git blobs, in the order asked, read through one `git cat-file --batch`
 * (a `git show` per file was a process per file: 16 s for 2,000 files).
 */
function blobs(cwd: string, ids: readonly string[]): Buffer[] {
  if (ids.length === 0) return [];
  const out = gitBytes(cwd, ["cat-file", "--batch"], ids.map((id) => `${id}\n`).join(""));
  const contents: Buffer[] = [];
  let at = 0;
  for (const id of ids) {
    // Each object: "<id> <type> <size>\n", its bytes, "\n".
    const eol = out.indexOf(0x0a, at);
    const header = out.subarray(at, eol < 0 ? out.length : eol).toString("utf8").split(" ");
    const size = Number(header[2]);
    if (eol < 0 || header[0] !== id || !Number.isInteger(size)) throw new UsageError(`git cat-file: cannot read ${id}`);
    contents.push(out.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return contents;
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
  // "<mode> <type> <object>\t<path>", NUL-terminated (a path may hold any character but NUL).
  const files = git(top, ["ls-tree", "-r", "-z", "--full-tree", rev])
    .split("\0")
    .map((entry) => {
      const tab = entry.indexOf("\t");
      const [, type, id] = entry.slice(0, tab).split(" ");
      return { type, id: id!, path: entry.slice(tab + 1) };
    })
    .filter((f) => f.type === "blob" && (SOURCE.test(f.path) || ROOT_MARKERS.has(path.posix.basename(f.path))));
  const contents = blobs(top, files.map((f) => f.id));
  const tmp = fs.mkdtempSync(path.join(process.getBuiltinModule("node:os").tmpdir(), "concordat-diff-"));
  const cleanup = () => fs.rmSync(tmp, { recursive: true, force: true });
  try {
    fs.mkdirSync(path.join(tmp, ".git")); // the repository root is a project root, as in the working tree
    files.forEach((f, i) => {
      const target = path.join(tmp, f.path);
      // A tree made by hand can name `..`: nothing is written outside the temporary folder.
      if (!target.startsWith(tmp + path.sep)) return;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, contents[i]!);
    });
    const dir = path.join(tmp, prefix);
    fs.mkdirSync(dir, { recursive: true });
    return { dir, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

export async function runDiff(ctx: CliContext, args: string[], opts: DiffOptions): Promise<void> {
  const [{ analyze }, { compilePaths, mergeDiagnostics }, diff] = await Promise.all([
    import("../../analysis/index.js"),
    import("../pipeline.js"),
    import("../../report/diff/index.js"),
  ]);
  const side = (c: CliContext, paths: string[], label: string) => {
    const loaded = compilePaths(c, paths, "comparing");
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
      paragraphs([
        "Compare two versions of agreements: who gained or lost accountability or",
        "responsibility for which activities, places, dates and value bands (computed",
        "exactly on the two compiled rule sets, merged into regions in words), and the",
        "findings introduced and fixed. OLD and NEW are files or folders; with --git REV,",
        "the working tree is compared with that revision (read through git show).",
      ]),
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
