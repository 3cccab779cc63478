// The `concordat` command: commander wiring, one module per command in commands/.
import { Command, CommanderError } from "commander";
import { packageVersion } from "../diagnostics/package-root.js";
import type { CliContext } from "./context.js";
import { UsageError } from "./context.js";
import { checkCommand } from "./commands/check.js";
import { compileCommand } from "./commands/compile.js";
import { diffCommand } from "./commands/diff.js";
import { explainCommand } from "./commands/explain.js";
import { fmtCommand } from "./commands/fmt.js";
import { initCommand } from "./commands/init.js";
import { matrixCommand } from "./commands/matrix.js";
import { renderCommand } from "./commands/render.js";
import { schemaCommand } from "./commands/schema.js";
import { testCommand } from "./commands/test.js";
import { ioErrorMessage } from "./errors.js";
import { escapeControls } from "../diagnostics/escape.js";
import { paragraphs } from "./help-text.js";

export function createProgram(ctx: CliContext): Command {
  const program = new Command("concordat")
    .version(packageVersion(), "-V, --version", "print concordat's version (-v too)")
    .description(
      paragraphs([
        "concordat checks collaboration agreements between healthcare providers (MOUs,",
        "collaboration agreements, terms of reference) against the frameworks they must",
        "meet: for every function, at every place, on every day and in every value band,",
        "exactly one party is accountable, and the framework's rules hold.",
      ]),
    )
    .helpOption("-h, --help", "show help")
    .showHelpAfterError("(run `concordat --help`, or `concordat <command> --help`, for help)")
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      outputError: (s, write) => write(s.startsWith("error:") ? `concordat: ${s}` : s),
    })
    .exitOverride();
  program.addHelpText(
    "after",
    `
Examples:
  $ concordat check policies/                  check every agreement and framework
  $ concordat check --format json policies/    the same, as JSON
  $ concordat test policies/                   run the agreements' own tests
  $ concordat compile agreement.concord -o rules.json
  $ concordat diff --git origin/main policies/  what a change does to accountability
  $ concordat explain agreement.concord --activity hr --place eastmoor
                                               who is accountable there, and why
  $ concordat matrix agreement.concord --format html -o matrix.html
                                               the RACI matrix, gaps and conflicts marked
  $ concordat render agreement.concord.md --format docx -o agreement.docx
                                               the agreement as a document
  $ concordat schema                           the JSON Schema of the rule set

Exit codes: 0 no errors, 1 findings (see --fail-on of check), 2 the command could not run.`,
  );
  for (const make of [
    checkCommand,
    compileCommand,
    testCommand,
    diffCommand,
    explainCommand,
    matrixCommand,
    renderCommand,
    fmtCommand,
    initCommand,
    schemaCommand,
  ]) {
    const cmd = make(ctx);
    cmd.configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      outputError: (s, write) => write(s.startsWith("error:") ? `concordat: ${s}` : s),
    });
    cmd.showHelpAfterError(`(run \`concordat ${cmd.name()} --help\` for help)`);
    cmd.exitOverride();
    program.addCommand(cmd);
  }
  return program;
}

/** Runs the command line; returns the exit code. Never throws, never prints a stack trace. */
export async function run(argv: readonly string[], ctx: CliContext): Promise<number> {
  const program = createProgram(ctx);
  // `-v` prints the version too, as most tools do (commander takes one flag pair for it).
  if (argv.length === 1 && argv[0] === "-v") argv = ["--version"];
  try {
    await program.parseAsync([...argv], { from: "user" });
    return ctx.exitCode;
  } catch (e) {
    // A literate file is read: load the Markdown parser and run the command again (nothing is
    // written before the files are read). Loaded only then, since it is a fifth of the start-up.
    if (e instanceof Error && e.name === "MarkdownParserNeeded") {
      try {
        const { loadMarkdownParser } = await import("../semantics/literate.js");
        await loadMarkdownParser();
      } catch (loadError) {
        return exitCodeFor(loadError, ctx);
      }
      ctx.exitCode = 0;
      return run(argv, ctx);
    }
    return exitCodeFor(e, ctx);
  }
}

/** Not an exit code: asks main.ts to run the command again on a thread with a large stack. */
export const RERUN_WITH_LARGE_STACK = -1;

export function exitCodeFor(e: unknown, ctx: CliContext): number {
  if (e instanceof CommanderError) {
    // Help and version end with code 0; every other commander error is a usage mistake (already printed).
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return 0;
    if (e.code === "commander.help" || e.code === "commander.executeSubCommandAsync") return e.exitCode === 0 ? 0 : 2;
    return 2;
  }
  // A file nests too deep for this thread's stack, or the files are large for its memory: main.ts
  // runs the command again on its worker thread (a large stack; out of memory is a message there).
  if (e instanceof Error && (e.name === "DeepNestingError" || e.name === "LargeInputError")) return RERUN_WITH_LARGE_STACK;
  if (e instanceof UsageError) {
    ctx.stderr.write(`concordat: ${escapeControls(e.message)}\n`);
    return 2;
  }
  // A report longer than a JavaScript string can be (2^29 - 24 characters): too large, not a bug.
  if (e instanceof RangeError && /Invalid string length/.test(e.message)) {
    ctx.stderr.write(
      "concordat: the output would be longer than the longest text Node can hold (about 512 MB); nothing was written. Ask for less at a time (fewer files, or one activity or place).\n",
    );
    return 2;
  }
  const io = ioErrorMessage(e);
  if (io !== undefined) {
    ctx.stderr.write(`concordat: ${escapeControls(io)}\n`);
    return 2;
  }
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  ctx.stderr.write(
    `concordat: internal error: ${message}\n` +
      "This is a bug in concordat, not in your files. Please report it, with the command you ran and the files if you can share them.\n" +
      (ctx.env.CONCORDAT_DEBUG && e instanceof Error && e.stack ? `${e.stack}\n` : ""),
  );
  return 2;
}
