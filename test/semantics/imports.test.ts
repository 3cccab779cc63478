// Loading: imports (missing, cycle, outside the project root), folders, literate files,
// BOM and CRLF, command-line paths that do not exist.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileProgram, InputError, loadProgram, projectRoot } from "../../src/semantics/index.js";
import { brief, project } from "./helpers.js";

const imp = (file: string, line: number, column: number, message: string) => ({ code: "import", file, line, column, message });

function load(dir: string, paths: string[]) {
  const program = loadProgram(paths, { cwd: dir });
  return { program, diagnostics: compileProgram(program).diagnostics.map(brief) };
}

describe("imports", () => {
  it("a missing file, on the import's span", () => {
    const dir = project({ "main.concord": '// x\nimport "./nope.concord"\nframework a { }\n' });
    expect(load(dir, ["main.concord"]).diagnostics).toEqual([imp("main.concord", 2, 1, 'Cannot import "./nope.concord": there is no such file (nope.concord).')]);
  });
  it("files of one folder importing one path: each gets its own error, or shares the one file", () => {
    // The loader resolves a path once per load: every importer must still hear about it.
    const dir = project({
      "a.concord": 'import "./nope.concord"\nimport "./fw.concord"\n',
      "b.concord": 'import "./nope.concord"\nimport "./fw.concord"\n',
      "fw.concord": "framework f { }\n",
      "sub/c.concord": 'import "../nope.concord"\n',
    });
    const { program, diagnostics } = load(dir, ["."]);
    expect(diagnostics).toEqual([
      imp("a.concord", 1, 1, 'Cannot import "./nope.concord": there is no such file (nope.concord).'),
      imp("b.concord", 1, 1, 'Cannot import "./nope.concord": there is no such file (nope.concord).'),
      imp("sub/c.concord", 1, 1, 'Cannot import "../nope.concord": there is no such file (nope.concord).'),
    ]);
    expect(program.files.map((f) => f.path)).toEqual(["fw.concord", "a.concord", "b.concord", "sub/c.concord"]);
    expect([...(program.incomplete ?? [])].sort()).toEqual(["a.concord", "b.concord", "sub/c.concord"]);
  });
  it("a cycle, naming it whole", () => {
    const dir = project({ "a.concord": 'import "./b.concord"\n', "b.concord": 'import "./a.concord"\n' });
    const { program, diagnostics } = load(dir, ["a.concord"]);
    expect(diagnostics).toEqual([imp("b.concord", 1, 1, "Import cycle: a.concord → b.concord → a.concord.")]);
    expect(program.files.map((f) => f.path)).toEqual(["b.concord", "a.concord"]);
  });
  it("a longer cycle through a folder", () => {
    const dir = project({ "a.concord": 'import "./sub/b.concord"\n', "sub/b.concord": 'import "./c.concord"\n', "sub/c.concord": 'import "../a.concord"\n' });
    expect(load(dir, ["a.concord"]).diagnostics).toEqual([imp("sub/c.concord", 1, 1, "Import cycle: a.concord → sub/b.concord → sub/c.concord → a.concord.")]);
  });
  it("leaving the project root", () => {
    const dir = project({ "outside.concord": "framework o { }\n" }, false);
    fs.mkdirSync(path.join(dir, "proj"));
    fs.writeFileSync(path.join(dir, "proj", "concordat.json"), "{}");
    fs.writeFileSync(path.join(dir, "proj", "main.concord"), 'import "../outside.concord"\n');
    const { program, diagnostics } = load(dir, ["proj/main.concord"]);
    expect(diagnostics).toEqual([
      imp("proj/main.concord", 1, 1, 'The import "../outside.concord" leaves the project root proj/: a file may only import files inside its project.'),
    ]);
    expect(program.files.map((f) => f.path)).toEqual(["proj/main.concord"]);
  });
  it("without a marker the root is the file's own folder", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concordat-nomark-"));
    fs.mkdirSync(path.join(dir, "a"));
    fs.writeFileSync(path.join(dir, "shared.concord"), "framework s { }\n");
    fs.writeFileSync(path.join(dir, "a", "main.concord"), 'import "../shared.concord"\n');
    const ds = load(dir, ["a/main.concord"]).diagnostics;
    // The temp folder may sit under a folder with a marker; only assert when it does not.
    if (projectRoot(path.join(dir, "a", "main.concord")) === path.join(dir, "a")) expect(ds.map((d) => d.code)).toEqual(["import"]);
  });
  it("each file is parsed once, imports before importers", () => {
    const dir = project({
      "base.concord": "framework base { }\n",
      "x.concord": 'import "./base.concord"\nagreement x { conforms to base }\n',
      "y.concord": 'import "./base.concord"\nagreement y { conforms to base }\n',
    });
    const { program, diagnostics } = load(dir, ["."]);
    expect(diagnostics).toEqual([]);
    expect(program.files.map((f) => f.path)).toEqual(["base.concord", "x.concord", "y.concord"]);
  });
});

describe("command-line paths", () => {
  it("a path that does not exist throws InputError", () => {
    const dir = project({});
    expect(() => loadProgram(["missing.concord"], { cwd: dir })).toThrow(InputError);
  });
  it("folders: every .concord and .concord.md, sorted, skipping node_modules and dot-folders", () => {
    const dir = project({
      "b.concord": "framework b { }\n",
      "a/z.concord.md": "```concord\nframework z { }\n```\n",
      "a/y.concord": "framework y { }\n",
      "node_modules/n.concord": "framework n { }\n",
      ".hidden/h.concord": "framework h { }\n",
      "notes.md": "nothing",
    });
    const { program, diagnostics } = load(dir, ["."]);
    expect(diagnostics).toEqual([]);
    expect(program.files.map((f) => f.path)).toEqual(["a/y.concord", "a/z.concord.md", "b.concord"]);
  });
});

describe("text", () => {
  it("a literate file keeps the Markdown's lines and columns", () => {
    const dir = project({ "doc.concord.md": '# Title\n\nSome prose with `code`.\n\n```concord\nframework a {\n  kind x "X"\n  kind x "Y"\n}\n```\n\nMore prose.\n' });
    const { program, diagnostics } = load(dir, ["doc.concord.md"]);
    expect(diagnostics).toEqual([
      { code: "duplicate-declaration", file: "doc.concord.md", line: 8, column: 8, message: "The kind `x` is declared twice; the first declaration is on line 7." },
    ]);
    expect(program.files[0].source.length).toBe(program.files[0].text.length);
  });
  it("a BOM and CRLF line ends", () => {
    const dir = project({ "main.concord": '\ufeffframework a {\r\n  kind x "X"\r\n  kind x "Y"\r\n}\r\n' });
    expect(load(dir, ["main.concord"]).diagnostics).toEqual([
      { code: "duplicate-declaration", file: "main.concord", line: 3, column: 8, message: "The kind `x` is declared twice; the first declaration is on line 2." },
    ]);
  });
  it("syntax errors are in the program's diagnostics and compiling goes on", () => {
    const dir = project({ "main.concord": "framework a {\n  kind\n}\nframework b {\n  kind y \"Y\"\n  kind y \"Y\"\n}\n" });
    const codes = load(dir, ["main.concord"]).diagnostics.map((d) => d.code);
    expect(codes).toContain("syntax");
    expect(codes).toContain("duplicate-declaration");
  });
});
