// `concordat fmt [paths…]`: rewrite .concord and .concord.md files in the canonical layout
// (the Prettier plugin of src/format). A file that does not parse is reported and left
// untouched; every rewrite is atomic and keeps the file's mode.
import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { renderPretty } from "../../diagnostics/pretty.js";
import type { CliContext } from "../context.js";
import { readStandardInput, UsageError, useColor } from "../context.js";
import { writeFileAtomic } from "../write-atomic.js";
import { paragraphs } from "../help-text.js";

export interface FmtOptions {
  check?: boolean;
  stdinFilepath?: string;
  color?: boolean;
}

type Layout = { printWidth?: number; tabWidth?: number; useTabs?: boolean };

export async function runFmt(ctx: CliContext, paths: string[], opts: FmtOptions): Promise<void> {
  const [{ formatText, sameMeaning }, { parse }, { extractLiterate, isLiterate, loadMarkdownParser }, { listSourceFiles, nestingDepth, SHALLOW_NESTING, tooDeep }, { DeepNestingError }, prettier] =
    await Promise.all([
      import("../../format/index.js"),
      import("../../syntax/index.js"),
      import("../../semantics/literate.js"),
      import("../../semantics/load.js"),
      import("../../semantics/program.js"),
      import("prettier"),
    ]);
  await loadMarkdownParser();

  // The original text is parsed for its syntax errors and again to compare meanings: kept from
  // the first time (one parse of a large file is a second of `fmt`).
  const sourceOf = (text: string, shown: string) => (isLiterate(shown) ? extractLiterate(text) : text);
  const parseText = (text: string, shown: string) => parse(sourceOf(text, shown), shown);
  const depths = new Map<string, number>();
  /**
   * Records how deep a text nests. One nested deeper than this thread's stack takes makes the
   * command run again on the CLI's worker thread (src/cli/main.ts): asked of every file before
   * any is written or anything printed.
   */
  const checkDepth = (text: string, shown: string): void => {
    const depth = nestingDepth(sourceOf(text, shown));
    depths.set(shown, depth);
    // Past MAX_NESTING the file is not parsed at all (tooDeep), on either thread.
    if (!ctx.deepStack && depth > SHALLOW_NESTING && !tooDeep(shown, depth)) throw new DeepNestingError(depth);
  };
  let last: { text: string; shown: string; result: ReturnType<typeof parse> } | undefined;
  const parsed = (text: string, shown: string) => {
    if (last?.text !== text || last.shown !== shown) last = { text, shown, result: parseText(text, shown) };
    return last.result;
  };
  /** Syntax errors of a text, spans naming `shown`. */
  const syntaxErrors = (text: string, shown: string): Diagnostic[] => {
    const deep = tooDeep(shown, depths.get(shown) ?? 0);
    return deep ? [deep] : parsed(text, shown).diagnostics.filter((d) => d.severity === "error");
  };
  /** The formatted text, refused (a bug to report, nothing written) if it would not mean what the original means. */
  const format = async (text: string, shown: string, layout: Layout): Promise<string> => {
    const formatted = await formatText(text, { ...layout, filepath: shown });
    if (formatted !== text && !sameMeaning(parsed(text, shown).ast, parseText(formatted, shown).ast)) {
      throw new Error(`formatting ${shown} would change what it says; it is left as it was`);
    }
    return formatted;
  };
  /** printWidth, tabWidth and useTabs from the file's .prettierrc or .editorconfig, as Prettier would read them. */
  const layoutFor = async (file: string): Promise<Layout> => {
    const config = ((await prettier.resolveConfig(file, { editorconfig: true })) ?? {}) as Layout;
    return { printWidth: config.printWidth, tabWidth: config.tabWidth, useTabs: config.useTabs };
  };
  const errors: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const report = () => {
    if (errors.length === 0) return;
    ctx.stderr.write(renderPretty(errors, { sources, cwd: ctx.cwd, color: useColor(opts.color, ctx.stderr, ctx.env) }));
  };

  if (paths.includes("-")) {
    if (paths.length > 1) throw new UsageError("`-` (standard input) cannot be combined with other paths");
    const shown = opts.stdinFilepath ?? "<stdin>";
    const read = readText(readStandardInput(ctx), shown);
    if ("problem" in read) {
      ctx.stderr.write(`concordat: ${read.problem}\n`);
      ctx.exitCode = 1;
      return;
    }
    const text = read.text;
    checkDepth(text, shown);
    sources.set(shown, text);
    const found = syntaxErrors(text, shown);
    if (found.length > 0) {
      for (const item of found) errors.push(item);
      report();
      ctx.stderr.write("concordat: not formatted: fix the syntax errors above first\n");
      ctx.exitCode = 1;
      return;
    }
    const layout = opts.stdinFilepath ? await layoutFor(path.resolve(ctx.cwd, opts.stdinFilepath)) : {};
    const formatted = await format(text, shown, layout);
    if (opts.check) {
      if (formatted !== text) ctx.stdout.write(`${shown}\n`);
      ctx.exitCode = formatted === text ? 0 : 1;
    } else {
      ctx.stdout.write(formatted);
      ctx.exitCode = 0;
    }
    return;
  }

  const named = paths.length > 0 ? paths : ["."];
  const files = collectFiles(ctx, named, listSourceFiles);
  // As for check: `fmt --check` pointed at the wrong folder must not pass on nothing.
  if (files.length === 0) throw new UsageError(`no .concord or .concord.md files in ${named.join(", ")}`);
  const changed: string[] = [];
  const notText: string[] = [];
  let unparsed = 0;
  // Files are known by their real paths; they are shown relative to the real current folder.
  const cwdReal = fs.realpathSync(ctx.cwd);
  const shownOf = (abs: string) => toPosix(path.relative(cwdReal, abs)) || path.basename(abs);
  const reads = files.map((abs) => readText(fs.readFileSync(abs), shownOf(abs)));
  for (const [i, read] of reads.entries()) if ("text" in read) checkDepth(read.text, shownOf(files[i]!));
  for (const [i, abs] of files.entries()) {
    const shown = shownOf(abs);
    const read = reads[i]!;
    if ("problem" in read) {
      notText.push(read.problem);
      continue;
    }
    const text = read.text;
    sources.set(shown, text);
    const found = syntaxErrors(text, shown);
    if (found.length > 0) {
      for (const item of found) errors.push(item);
      unparsed++;
      continue;
    }
    const formatted = await format(text, shown, await layoutFor(abs));
    if (formatted === text) continue;
    changed.push(shown);
    if (!opts.check) writeFileAtomic(abs, formatted);
  }
  report();
  for (const p of notText) ctx.stderr.write(`concordat: ${p}\n`);
  for (const f of changed) ctx.stdout.write(`${f}\n`);
  const summary: string[] = [];
  if (opts.check && changed.length > 0) summary.push(`${plural(changed.length, "file")} not in the canonical layout (run \`concordat fmt\` to rewrite ${changed.length === 1 ? "it" : "them"})`);
  if (unparsed > 0) summary.push(`${plural(unparsed, "file")} not formatted because of syntax errors (left unchanged)`);
  if (summary.length > 0) ctx.stderr.write(`concordat: ${summary.join("; ")}\n`);
  ctx.exitCode = unparsed > 0 || notText.length > 0 || (opts.check && changed.length > 0) ? 1 : 0;
}

/** The files named, and the .concord/.concord.md files in the folders named, each once (by real path), sorted. */
function collectFiles(ctx: CliContext, paths: string[], listSourceFiles: (dir: string) => string[]): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    const abs = path.resolve(ctx.cwd, p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      // A missing path is an I/O error (exit 2) that names the path as the user gave it.
      throw Object.assign(e as Error, { path: p });
    }
    // Real paths: a file reached twice is formatted once, and a symlink is written through, never replaced.
    if (st.isDirectory()) for (const f of listSourceFiles(abs)) out.add(fs.realpathSync(f));
    else if (st.isFile()) out.add(fs.realpathSync(abs));
    else throw new UsageError(`${p} is not a regular file or folder`);
  }
  return [...out].sort();
}

/** UTF-8 text, or why the file is not text (it is then never rewritten). */
function readText(bytes: Uint8Array, shown: string): { text: string } | { problem: string } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { problem: `${shown} is not UTF-8 text; not formatted` };
  }
  if (text.includes("\u0000")) return { problem: `${shown} is not a text file (it holds NUL bytes); not formatted` };
  return { text };
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function fmtCommand(ctx: CliContext): Command {
  return new Command("fmt")
    .summary("rewrite .concord and .concord.md files in the one canonical layout")
    .description(
      paragraphs([
        "Rewrite the given files, and the .concord and .concord.md files in the given",
        "folders (default: the current folder), in the one canonical layout: comments",
        "kept, blank lines between items kept (at most one), long role lines and selector",
        "lists wrapped, prose re-indented but never rewrapped, CRLF and BOM kept. In a",
        ".concord.md file only the ```concord blocks change.",
        "",
        "The layout is that of the Prettier plugin `concordat/prettier`; printWidth,",
        "tabWidth and useTabs are read from .prettierrc or .editorconfig, as Prettier does.",
        "A file with a syntax error is reported and left as it is. Files are rewritten",
        "atomically and keep their permissions.",
      ]),
    )
    .argument("[paths...]", "files or folders; `-` formats standard input to standard output")
    .option("--check", "rewrite nothing: list the files that are not in the canonical layout, and exit 1 if any")
    .option("--stdin-filepath <path>", "with `-`: the file name standard input stands for (its kind and .prettierrc)")
    .option("--color", "colour error messages (default: when printing to a terminal)")
    .option("--no-color", "never colour error messages")
    .addHelpText(
      "after",
      `
Exit codes:
  0  every file is in the canonical layout (or has been rewritten in it)
  1  a file has syntax errors or is not text (left unchanged), or with --check, a file would change
  2  the command could not run: a wrong option, a path that does not exist or cannot be
     read, a folder with no .concord files

Examples:
  $ concordat fmt policies/
  $ concordat fmt --check policies/            in CI
  $ concordat fmt - < draft.concord > tidy.concord`,
    )
    .action(async (paths: string[], opts: FmtOptions) => {
      await runFmt(ctx, paths, opts);
    });
}
