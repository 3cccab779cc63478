// The loaded program: every parsed file in load order and the diagnostics so far.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../syntax/ast.js";

export interface LoadedFile {
  /** Relative to the working directory given to `loadProgram` (forward slashes); the `file` of every span. */
  path: string;
  absolutePath: string;
  /** Device and inode (`text:` and the name for standard input): one file reached by two paths is read once. */
  identity: string;
  /** The file's text (BOM removed), as a code frame shows it; for `.concord.md` the whole Markdown. */
  text: string;
  /** The text given to the parser: `text`, or for `.concord.md` the fenced blocks with every other character blanked. */
  source: string;
  ast: SourceFile;
}

export interface Program {
  cwd: string;
  files: LoadedFile[];
  /** Syntax and import diagnostics, in the order found. */
  diagnostics: Diagnostic[];
  /**
   * Files (as spans name them) with an import that could not be read, directly or through
   * the files they import: names they use may be declared in the missing file, so their
   * `unresolved` errors are follow-ons of the import error.
   */
  incomplete?: Set<string>;
}

/** A command-line path that does not exist or cannot be read; the CLI maps it to exit code 2. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = "InputError";
  }
}

/**
 * A file nests deeper than the default stack can parse: the CLI runs the command again on a
 * thread with a large stack (the stages recurse over the tree; see load.ts).
 */
export class DeepNestingError extends Error {
  constructor(readonly depth: number) {
    super(`nesting ${depth} levels deep needs a larger stack`);
    this.name = "DeepNestingError";
  }
}

/**
 * The files are large for the memory this process has: the CLI runs the command again on its
 * worker thread (the large-stack one), where running out of memory ends the thread with a
 * message instead of the process with V8's fatal error and a native stack.
 */
export class LargeInputError extends Error {
  /** `bytes` of `what`: the source text, or the estimate of the flattened frameworks (src/semantics/flattened-size.ts). */
  constructor(
    readonly bytes: number,
    readonly what: "source" | "flattened frameworks" = "source",
  ) {
    super(`${bytes} bytes of ${what} are checked on the worker thread`);
    this.name = "LargeInputError";
  }
}
