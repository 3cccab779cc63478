// Loading: command-line paths (files and folders), literate files, the import graph
// (each file parsed once, cycles and imports leaving the project root reported), and
// the parser's diagnostics. Synchronous: the whole program is small text.
//
// Hostile input (DESIGN.md section 7): every path is resolved through symlinks before the
// project-root check, and a file is known by its device and inode, so one file reached by
// two paths (symlink, hard link) is read once. Folders are walked and imports followed with
// explicit stacks, never recursion, so a 20,000-file import chain or a deep tree of folders
// cannot overflow the stack. Only regular files are read (a FIFO would block forever).
// Files are read in sorted order of their real paths, so the report never depends on the
// order of the command line or of a folder listing.
import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Import, SourceFile, Span } from "../syntax/ast.js";
import { MAX_RECOVERED_ERRORS, parse, ParserStackOverflow } from "../syntax/index.js";
import { bidiControls, decodeText, spanOfByte } from "../syntax/characters.js";
import { extractLiterate, isLiterate, MarkdownParserNeeded, markdownParserLoaded } from "./literate.js";
import { DeepNestingError, InputError, LargeInputError, type LoadedFile, type Program } from "./program.js";
import { heapLimitBytes } from "./heap.js";

export interface LoadOptions {
  /** Spans and diagnostics name files relative to this folder (default `process.cwd()`). */
  cwd?: string;
  /**
   * Whether this is the CLI's worker thread, with the large stack that deeply nested files
   * need. Elsewhere, a file nested deeper than SHALLOW_NESTING throws DeepNestingError, and
   * more source text than `largeInputBytes()` bytes throws LargeInputError: the CLI runs the
   * command again on that thread.
   */
  deepStack?: boolean;
  /** Texts to use instead of reading these files (absolute paths): `check -` reads standard input as `--stdin-filename`. */
  texts?: ReadonlyMap<string, string>;
  /** The files to start from, as `listRoots` gives them (a share of them), instead of `paths`. */
  roots?: readonly SourceRoot[];
}

/**
 * Nesting (of `{ … }`) that concordat reads: far past any real agreement. A deeper file gets
 * one `syntax` error and is not parsed. The stages recurse over the tree, so nesting is
 * bounded by the stack; the CLI's large-stack thread parses and checks 20,000 levels.
 */
export const MAX_NESTING = 20_000;
/** Nesting that the default stack of Node handles through every stage. */
export const SHALLOW_NESTING = 150;
/**
 * Source text past which the CLI runs a command on its worker thread, where running out of
 * memory is a message (src/cli/main.ts): 8 MB with Node's 4 GB heap. A check peaks at about
 * 50 bytes of heap per byte of text, but clauses that all overlap grow with the square of
 * their number (80,000 piled-up clauses, 16 MB of text, peaked at 4.6 GB); past 8 MB the
 * thread costs about 2% of the run.
 */
export function largeInputBytes(): number {
  return Math.floor(heapLimitBytes() / 512);
}

/**
 * Source text that never goes to the thread: under the threshold of any heap of 32 MB or more.
 * Below it the heap's size is not asked for (Node's v8 module is a millisecond and a half of
 * every start).
 */
const NEVER_LARGE_BYTES = 64 * 1024;

/** Syntax errors reported per file; the rest are counted in one "and N more" error. */
export const MAX_SYNTAX_DIAGNOSTICS = 100;

const ROOT_MARKERS = ["concordat.json", "package.json", ".git"];

/** The project root of a file named on the command line (DESIGN.md section 1). */
export function projectRoot(absoluteFile: string): string {
  const own = path.dirname(absoluteFile);
  let dir = own;
  for (;;) {
    if (ROOT_MARKERS.some((m) => fs.existsSync(path.join(dir, m)))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return own;
    dir = parent;
  }
}

function isSourceName(name: string): boolean {
  return name.endsWith(".concord") || name.endsWith(".concord.md");
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

function inside(root: string, target: string): boolean {
  const r = path.relative(root, target);
  return r === "" || (!r.startsWith("..") && !path.isAbsolute(r));
}

function errnoWhy(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ELOOP") return "it is a symbolic link that leads round in a loop";
  if (code === "ENOENT") return "it is a symbolic link to nothing, or no longer exists";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return `it cannot be read (${code ?? (e as Error).message})`;
}

interface WalkResult {
  /** Real paths of the source files found. */
  files: string[];
  /** Real path → the folder entry it was found as (a symbolic link, or the file itself). */
  entries: Map<string, string>;
  /** Entries that could not be read, with why. */
  problems: { entry: string; why: string }[];
}

/** Every `.concord` / `.concord.md` file under a folder (real paths), skipping node_modules and dot-folders. */
function walkFolder(dir: string): WalkResult {
  const files: string[] = [];
  const found = new Map<string, string>();
  const problems: WalkResult["problems"] = [];
  const start = fs.realpathSync(dir);
  const seen = new Set<string>([start]);
  const pending = [start];
  while (pending.length > 0) {
    const d = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch (e) {
      if (d === start) throw e;
      problems.push({ entry: d, why: errnoWhy(e) });
      continue;
    }
    for (const e of entries) {
      if (e.name === "node_modules" || e.name.startsWith(".")) continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!seen.has(full)) {
          seen.add(full);
          pending.push(full);
        }
        continue;
      }
      if (e.isSymbolicLink()) {
        let real: string;
        let st: fs.Stats;
        try {
          real = fs.realpathSync(full);
          st = fs.statSync(real);
        } catch (err) {
          // A broken link that could not be a source file is nobody's business; a loop always is.
          if (isSourceName(e.name) || (err as NodeJS.ErrnoException).code === "ELOOP") problems.push({ entry: full, why: errnoWhy(err) });
          continue;
        }
        if (st.isDirectory()) {
          if (!seen.has(real)) {
            seen.add(real);
            pending.push(real);
          }
        } else if (isSourceName(e.name)) {
          if (st.isFile()) {
            files.push(real);
            if (!found.has(real)) found.set(real, full);
          }
          else problems.push({ entry: full, why: "it is not a regular file (a device, FIFO or socket)" });
        }
        continue;
      }
      if (!isSourceName(e.name)) continue;
      if (e.isFile()) files.push(full);
      else problems.push({ entry: full, why: "it is not a regular file (a device, FIFO or socket)" });
    }
  }
  return { files: [...new Set(files)].sort(byCodeUnits), entries: found, problems };
}

/** Every `.concord` / `.concord.md` file under a folder, sorted (real paths). */
export function listSourceFiles(dir: string): string[] {
  return walkFolder(dir).files;
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

/** The error of a file nested deeper than MAX_NESTING (it is not parsed); undefined for one that is not. */
export function tooDeep(file: string, depth: number): Diagnostic | undefined {
  if (depth <= MAX_NESTING) return undefined;
  return {
    code: "syntax",
    severity: "error",
    message: `The file nests \`{ … }\` ${depth.toLocaleString("en-GB")} levels deep; concordat reads at most ${MAX_NESTING.toLocaleString("en-GB")} levels.`,
    span: emptySpan(file),
  };
}

function emptySpan(file: string): Span {
  return { file, offset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

function emptyAst(file: string): SourceFile {
  return { kind: "SourceFile", span: emptySpan(file), imports: [], declarations: [], comments: [] };
}

/** How deep `{ … }` nest, outside strings, prose and comments (a cheap scan before parsing). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 125) {
      if (depth > 0) depth--;
    } else if (c === 34) {
      if (text.startsWith('"""', i)) {
        const end = text.indexOf('"""', i + 3);
        i = end < 0 ? n : end + 2;
      } else {
        while (++i < n) {
          const d = text.charCodeAt(i);
          if (d === 92) i++;
          else if (d === 34 || d === 10) break;
        }
      }
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? n : end;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? n : end + 1;
    }
  }
  return max;
}

interface Read {
  text: string;
  source: string;
  /** Why the file is not text, and where. */
  notText?: { message: string; span: Span };
}

interface Target {
  real: string;
  identity: string;
}

/** A file the command line names (or a folder named there holds), and the real path of its project root. */
export interface SourceRoot {
  file: string;
  root: string;
}

/**
 * The files `paths` name, sorted by real path, each with its project root: every path must
 * exist (InputError otherwise), folders expand, and entries that cannot be read (or lead out of
 * the project) are reported through `problem`.
 */
function findRoots(
  paths: string[],
  options: LoadOptions,
  rel: (abs: string) => string,
  rootOf: (absFile: string) => string,
  problem: (file: string, message: string) => void,
): SourceRoot[] {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const roots: SourceRoot[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    if (options.texts?.has(abs)) {
      roots.push({ file: abs, root: rootOf(abs) });
      continue;
    }
    try {
      fs.lstatSync(abs);
    } catch {
      throw new InputError(`No such file or folder: ${p}`, p);
    }
    let real: string;
    let stat: fs.Stats;
    try {
      real = fs.realpathSync(abs);
      stat = fs.statSync(real);
    } catch (e) {
      throw new InputError(`Cannot read ${p}: ${errnoWhy(e)}`, p);
    }
    // The project root is found where the user put the file, and compared with real paths.
    const lexicalRoot = rootOf(abs);
    if (stat.isDirectory()) {
      let walked: WalkResult;
      try {
        walked = walkFolder(real);
      } catch (e) {
        throw new InputError(`Cannot read the folder ${p}: ${errnoWhy(e)}`, p);
      }
      for (const f of walked.problems) problem(rel(f.entry), `Cannot read ${rel(f.entry)}: ${f.why}; the rest of ${p} is checked.`);
      // projectRoot takes a file; the folder's own root is that of a file inside it.
      const folderRoot = rootOf(path.join(abs, "x"));
      for (const f of walked.files) {
        if (!inside(folderRoot, f)) {
          const entry = rel(walked.entries.get(f) ?? f);
          problem(entry, `${entry} leads outside the project ${rel(folderRoot) || "."}/ through a symbolic link: it is not read.`);
          continue;
        }
        roots.push({ file: f, root: rootOf(f) });
      }
    } else {
      if (!isSourceName(abs)) throw new InputError(`${p} is not a concordat file: concordat reads .concord and .concord.md files`, p);
      if (!stat.isFile()) throw new InputError(`Cannot read ${p}: it is not a regular file (a device, FIFO or socket)`, p);
      if (!inside(lexicalRoot, real))
        throw new InputError(`${p} leads outside its project ${rel(lexicalRoot) || "."}/ through a symbolic link: it is not read`, p);
      roots.push({ file: real, root: lexicalRoot });
    }
  }
  roots.sort((a, b) => byCodeUnits(a.file, b.file));
  return roots;
}

/** How one load names files (relative to the working folder) and finds their project roots. */
function namesFor(options: LoadOptions): { cwd: string; rel: (abs: string) => string; rootOf: (absFile: string) => string } {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const cwdReal = realpathOr(cwd);
  // Memoised for one load: a folder of 10,000 files asks each of these for every file (the same
  // folder's root, the same imported framework), and the file system is the cost.
  const relNames = new Map<string, string>();
  const rel = (abs: string): string => {
    let name = relNames.get(abs);
    if (name === undefined) relNames.set(abs, (name = toPosix(path.relative(cwdReal, abs)) || path.basename(abs)));
    return name;
  };
  const rootsByFolder = new Map<string, string>();
  /** The real path of a file's project root: one per folder. */
  const rootOf = (absFile: string): string => {
    const dir = path.dirname(absFile);
    let root = rootsByFolder.get(dir);
    if (root === undefined) rootsByFolder.set(dir, (root = realpathOr(projectRoot(absFile))));
    return root;
  };
  return { cwd, rel, rootOf };
}

/**
 * The files that `loadProgram(paths, options)` starts from, in its order, and the problems it
 * reports while finding them (entries that cannot be read): so that the files can be shared
 * out, each share loaded with `options.roots`. Throws InputError as `loadProgram` does.
 */
export function listRoots(paths: string[], options: LoadOptions = {}): { roots: SourceRoot[]; problems: number } {
  const { rel, rootOf } = namesFor(options);
  let problems = 0;
  const roots = findRoots(paths, options, rel, rootOf, () => problems++);
  return { roots, problems };
}

export function loadProgram(paths: string[], options: LoadOptions = {}): Program {
  const { cwd, rel, rootOf } = namesFor(options);
  const program: Program = { cwd, files: [], diagnostics: [], incomplete: new Set() };
  const incomplete = new Set<string>(); // identities of files with an import that did not load (transitively)
  const loaded = new Set<string>(); // identities (device:inode) of files parsed or being parsed

  const problem = (file: string, message: string, severity: Diagnostic["severity"] = "error"): void => {
    program.diagnostics.push({ code: "import", severity, message, span: emptySpan(file) });
  };

  const targetOf = (real: string): Target => {
    // Standard input (`check -`) has no file: its name is its identity.
    if (options.texts?.has(real)) return { real, identity: `text:${real}` };
    const st = fs.statSync(real);
    return { real, identity: `${st.dev}:${st.ino}` };
  };

  const roots = options.roots ? [...options.roots] : findRoots(paths, options, rel, rootOf, problem);
  // Before any file is read: a literate file among them needs the Markdown parser (the caller loads it and calls again).
  if (!markdownParserLoaded() && roots.some((r) => isLiterate(r.file))) throw new MarkdownParserNeeded();

  let sourceBytes = 0;
  let largeInput = options.deepStack ? Number.POSITIVE_INFINITY : undefined;
  const readSource = (abs: string, file: string): Read => {
    const given = options.texts?.get(abs);
    const bytes = given !== undefined ? Buffer.from(given, "utf8") : fs.readFileSync(abs);
    // Before anything is parsed (the command has printed nothing yet).
    sourceBytes += bytes.length;
    if (sourceBytes > NEVER_LARGE_BYTES && sourceBytes > (largeInput ??= largeInputBytes())) throw new LargeInputError(sourceBytes);
    const decoded = decodeText(bytes);
    if ("why" in decoded) {
      const bad = decoded;
      const { span, text } = spanOfByte(file, bytes, bad.offset);
      // A binary file's "lines" are noise: the frame shows the text only for a mis-encoded text file.
      const shown = bad.why.startsWith("it is not UTF-8") ? text : "";
      return { text: shown, source: "", notText: { message: `${file} is not a text file: ${bad.why}.`, span: shown ? span : emptySpan(file) } };
    }
    let text = decoded.text;
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text, source: isLiterate(abs) ? extractLiterate(text) : text };
  };

  const parseFile = ({ real: abs, identity }: Target, read: Read): LoadedFile => {
    const file = rel(abs);
    const { text, source } = read;
    const done = (ast: SourceFile): LoadedFile => ({ path: file, absolutePath: abs, identity, text, source, ast });
    if (read.notText) {
      program.diagnostics.push({ code: "syntax", severity: "error", message: read.notText.message, span: read.notText.span });
      return done(emptyAst(file));
    }
    for (const item of bidiControls(text, file)) program.diagnostics.push(item);
    const depth = nestingDepth(source);
    const deep = tooDeep(file, depth);
    if (deep) {
      program.diagnostics.push(deep);
      return done(emptyAst(file));
    }
    if (depth > SHALLOW_NESTING && !options.deepStack) throw new DeepNestingError(depth);
    let ast: SourceFile;
    try {
      const result = parse(source, file, { throwOnStackOverflow: !options.deepStack });
      ast = result.ast;
      for (const item of capSyntaxDiagnostics(result.diagnostics)) program.diagnostics.push(item);
      if (result.stoppedAt)
        program.diagnostics.push({
          code: "syntax",
          severity: "error",
          message: `concordat stopped reading this file here, after ${MAX_RECOVERED_ERRORS} syntax errors: what follows is not checked. Correct the first errors and check it again.`,
          span: result.stoppedAt,
        });
    } catch (e) {
      // The parser ran out of stack: read the file again with the large one (nothing is printed yet).
      if (e instanceof ParserStackOverflow) throw new DeepNestingError(depth);
      ast = emptyAst(file);
      program.diagnostics.push({
        code: "syntax",
        severity: "error",
        message: `The file could not be read as concordat source (${(e as Error).message}).`,
        span: emptySpan(file),
      });
    }
    return done(ast);
  };

  const importError = (imp: Import, message: string): Diagnostic => ({
    code: "import",
    severity: "error",
    message,
    span: imp.span,
  });

  interface Frame {
    identity: string;
    abs: string;
    root: string;
    file: LoadedFile;
    next: number;
  }
  const frames: Frame[] = [];
  const onStack = new Map<string, number>(); // identity → index in frames

  const enter = (target: Target, root: string, read: Read): void => {
    loaded.add(target.identity);
    onStack.set(target.identity, frames.length);
    frames.push({ identity: target.identity, abs: target.real, root, file: parseFile(target, read), next: 0 });
  };

  /** Where an import's path leads (its real path and identity), or why not: once per path in a load. */
  const resolved = new Map<string, Target | { error: unknown }>();
  const resolveImport = (lexical: string): Target => {
    let r = resolved.get(lexical);
    if (r === undefined) {
      try {
        r = targetOf(fs.realpathSync(lexical));
      } catch (error) {
        r = { error };
      }
      resolved.set(lexical, r);
    }
    if ("error" in r) throw r.error;
    return r;
  };

  /** The next file an import leads to, or undefined (with a diagnostic, or already loaded). */
  const follow = (frame: Frame, imp: Import): { target: Target; read: Read } | undefined => {
    const spec = imp?.path?.value;
    if (typeof spec !== "string" || imp.span === undefined) return undefined;
    // The import did not load: the names its file declares are missing here (see `incomplete`).
    const missing = (message: string): undefined => {
      program.diagnostics.push(importError(imp, message));
      incomplete.add(frame.identity);
      return undefined;
    };
    const lexical = path.resolve(path.dirname(frame.abs), spec);
    const leaves = `The import "${spec}" leaves the project root ${rel(frame.root) || "."}/: a file may only import files inside its project.`;
    if (spec === "" || !inside(frame.root, lexical)) {
      return missing(leaves);
    }
    let target: Target;
    try {
      target = resolveImport(lexical);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === "ENOENT" ? "there is no such file" : errnoWhy(e);
      return missing(`Cannot import "${spec}": ${why} (${rel(lexical)}).`);
    }
    if (!inside(frame.root, target.real)) {
      return missing(`The import "${spec}" leads outside the project root ${rel(frame.root) || "."}/ through a symbolic link: a file may only import files inside its project.`);
    }
    const at = onStack.get(target.identity);
    if (at !== undefined) {
      const cycle = [...frames.slice(at).map((f) => f.abs), target.real].map(rel).join(" → ");
      program.diagnostics.push(importError(imp, `Import cycle: ${cycle}.`));
      return undefined;
    }
    if (loaded.has(target.identity)) {
      if (incomplete.has(target.identity)) incomplete.add(frame.identity);
      return undefined;
    }
    const st = fs.statSync(target.real);
    if (st.isDirectory()) {
      return missing(`The import "${spec}" names a folder (${rel(target.real)}), not a file.`);
    }
    if (!st.isFile()) {
      return missing(`Cannot import "${spec}": it is not a regular file (${rel(target.real)}).`);
    }
    try {
      return { target, read: readSource(target.real, rel(target.real)) };
    } catch (e) {
      if (e instanceof MarkdownParserNeeded || e instanceof LargeInputError) throw e;
      return missing(`Cannot import "${spec}": ${errnoWhy(e)} (${rel(target.real)}).`);
    }
  };

  for (const { file, root } of roots) {
    let target: Target;
    let read: Read;
    try {
      target = targetOf(file);
      if (loaded.has(target.identity)) continue;
      read = readSource(file, rel(file));
    } catch (e) {
      if (e instanceof MarkdownParserNeeded || e instanceof LargeInputError) throw e;
      throw new InputError(`Cannot read ${rel(file)}: ${errnoWhy(e)}`, rel(file));
    }
    enter(target, root, read);
    // Depth-first over imports with an explicit stack; a file is added once all it imports is.
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const imports = frame.file.ast.imports ?? [];
      if (frame.next >= imports.length) {
        frames.pop();
        onStack.delete(frame.identity);
        program.files.push(frame.file);
        if (incomplete.has(frame.identity)) {
          program.incomplete!.add(frame.file.path);
          const parent = frames[frames.length - 1];
          if (parent) incomplete.add(parent.identity);
        }
        continue;
      }
      const next = follow(frame, imports[frame.next++]!);
      if (next) enter(next.target, frame.root, next.read);
    }
  }
  return program;
}

/** At most MAX_SYNTAX_DIAGNOSTICS syntax errors of one file, then one that counts the rest. */
function capSyntaxDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const syntax = diagnostics.filter((d) => d.code === "syntax");
  if (syntax.length <= MAX_SYNTAX_DIAGNOSTICS) return diagnostics;
  const kept = new Set(syntax.slice(0, MAX_SYNTAX_DIAGNOSTICS));
  const first = syntax[MAX_SYNTAX_DIAGNOSTICS]!;
  const more = syntax.length - MAX_SYNTAX_DIAGNOSTICS;
  return [
    ...diagnostics.filter((d) => d.code !== "syntax" || kept.has(d)),
    {
      code: "syntax",
      severity: "error",
      message: `and ${more.toLocaleString("en-GB")} more syntax ${more === 1 ? "error" : "errors"} in this file (concordat reports the first ${MAX_SYNTAX_DIAGNOSTICS}); fix these first.`,
      span: first.span,
    },
  ];
}
