// Loading: command-line paths (files and folders), literate files, the import graph
// (each file parsed once, cycles and imports leaving the project root reported), and
// the parser's diagnostics. Synchronous: the whole program is small text.
import fs from "node:fs";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Import, SourceFile, Span } from "../syntax/ast.js";
import { parse } from "../syntax/index.js";
import { extractLiterate, isLiterate } from "./literate.js";
import { InputError, type LoadedFile, type Program } from "./program.js";

export interface LoadOptions {
  /** Spans and diagnostics name files relative to this folder (default `process.cwd()`). */
  cwd?: string;
  /** Texts to use instead of reading these files (absolute paths): `check -` reads standard input as `--stdin-filename`. */
  texts?: ReadonlyMap<string, string>;
}

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

/** Every `.concord` / `.concord.md` file under a folder, sorted, skipping node_modules and dot-folders. */
export function listSourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    const entries = fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name === "node_modules" || e.name.startsWith(".")) continue;
        walk(full);
      } else if (isSourceName(e.name) && (e.isFile() || e.isSymbolicLink())) {
        out.push(full);
      }
    }
  };
  walk(dir);
  return out;
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

function emptySpan(file: string): Span {
  return { file, offset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

function emptyAst(file: string): SourceFile {
  return { kind: "SourceFile", span: emptySpan(file), imports: [], declarations: [], comments: [] };
}

export function loadProgram(paths: string[], options: LoadOptions = {}): Program {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const rel = (abs: string): string => toPosix(path.relative(cwd, abs)) || path.basename(abs);
  const program: Program = { cwd, files: [], diagnostics: [] };
  const loaded = new Set<string>(); // absolute paths parsed (or being parsed)
  const stack: string[] = []; // absolute paths on the current import chain

  // Command-line paths: every one must exist (InputError otherwise), folders expand.
  const roots: { file: string; root: string }[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    if (options.texts?.has(abs)) {
      roots.push({ file: abs, root: projectRoot(abs) });
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new InputError(`No such file or folder: ${p}`, p);
    }
    if (stat.isDirectory()) {
      let files: string[];
      try {
        files = listSourceFiles(abs);
      } catch (e) {
        throw new InputError(`Cannot read the folder ${p}: ${(e as Error).message}`, p);
      }
      for (const f of files) roots.push({ file: f, root: projectRoot(f) });
    } else {
      roots.push({ file: abs, root: projectRoot(abs) });
    }
  }

  const readSource = (abs: string): { text: string; source: string } => {
    let text = options.texts?.get(abs) ?? fs.readFileSync(abs, "utf8");
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text, source: isLiterate(abs) ? extractLiterate(text) : text };
  };

  const parseFile = (abs: string, text: string, source: string): LoadedFile => {
    const file = rel(abs);
    let ast: SourceFile;
    try {
      const result = parse(source, file);
      ast = result.ast;
      program.diagnostics.push(...result.diagnostics);
    } catch (e) {
      ast = emptyAst(file);
      program.diagnostics.push({
        code: "syntax",
        severity: "error",
        message: `The file could not be read as concordat source (${(e as Error).message}).`,
        span: emptySpan(file),
      });
    }
    return { path: file, absolutePath: abs, text, source, ast };
  };

  const importError = (imp: Import, message: string): Diagnostic => ({
    code: "import",
    severity: "error",
    message,
    span: imp.span,
  });

  const visit = (abs: string, root: string, text: string, source: string): void => {
    loaded.add(abs);
    stack.push(abs);
    const lf = parseFile(abs, text, source);
    for (const imp of lf.ast.imports ?? []) {
      const spec = imp?.path?.value;
      if (typeof spec !== "string" || imp.span === undefined) continue;
      const target = path.resolve(path.dirname(abs), spec);
      const inRoot = path.relative(root, target);
      if (spec === "" || inRoot.startsWith("..") || path.isAbsolute(inRoot)) {
        program.diagnostics.push(
          importError(imp, `The import "${spec}" leaves the project root ${rel(root) || "."}/: a file may only import files inside its project.`),
        );
        continue;
      }
      const onStack = stack.indexOf(target);
      if (onStack >= 0) {
        const cycle = [...stack.slice(onStack), target].map(rel).join(" → ");
        program.diagnostics.push(importError(imp, `Import cycle: ${cycle}.`));
        continue;
      }
      if (loaded.has(target)) continue;
      let read: { text: string; source: string };
      try {
        if (fs.statSync(target).isDirectory()) {
          program.diagnostics.push(importError(imp, `The import "${spec}" names a folder (${rel(target)}), not a file.`));
          continue;
        }
        read = readSource(target);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const why = code === "ENOENT" ? "there is no such file" : `it cannot be read (${code ?? (e as Error).message})`;
        program.diagnostics.push(importError(imp, `Cannot import "${spec}": ${why} (${rel(target)}).`));
        continue;
      }
      visit(target, root, read.text, read.source);
    }
    stack.pop();
    program.files.push(lf);
  };

  for (const { file, root } of roots) {
    if (loaded.has(file)) continue;
    let read: { text: string; source: string };
    try {
      read = readSource(file);
    } catch (e) {
      throw new InputError(`Cannot read ${rel(file)}: ${(e as Error).message}`, rel(file));
    }
    visit(file, root, read.text, read.source);
  }
  return program;
}
