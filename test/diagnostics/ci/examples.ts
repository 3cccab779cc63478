// The examples checked in-process (load → compile → analyse), optionally after an edit, for the CI-format tests.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { analyze } from "../../../src/analysis/index.js";
import { mergeDiagnostics } from "../../../src/cli/pipeline.js";
import { ruleHelpIndex, type Diagnostic, type RenderOptions } from "../../../src/diagnostics/index.js";
import { compileProgram, loadProgram } from "../../../src/semantics/index.js";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const EXAMPLES = path.join(repo, "test/fixtures/examples");
export const EASTMOOR = "agreements/eastmoor-mou.concord";
export const NORTHVALE = "agreements/northvale-group.concord";

export interface Checked {
  diagnostics: Diagnostic[];
  options: RenderOptions;
  dir: string;
}

/** A copy of the examples in a fresh project folder (a `concordat.json` marks its root), with `edit` applied to some files. */
export function exampleProject(edit: Record<string, (text: string) => string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "concordat-ci-"));
  cpSync(EXAMPLES, dir, { recursive: true });
  writeFileSync(path.join(dir, "concordat.json"), "{}\n");
  for (const [file, f] of Object.entries(edit)) writeFileSync(path.join(dir, file), f(readFileSync(path.join(dir, file), "utf8")));
  return dir;
}

/** Checks `files` of a project folder as `concordat check` does, with the folder as working directory. */
export function checkProject(dir: string, files: string[]): Checked {
  const program = loadProgram(files, { cwd: dir });
  const compiled = compileProgram(program);
  const sources = new Map(program.files.map((f) => [f.path, f.text] as [string, string]));
  const diagnostics = mergeDiagnostics(compiled.diagnostics, analyze(compiled.ruleSet));
  return {
    diagnostics,
    dir,
    options: {
      sources,
      files: program.files.map((f) => f.path),
      cwd: dir,
      root: dir,
      version: "0.0.0-test",
      ruleHelp: ruleHelpIndex(compiled.ruleSet, sources),
      currencies: { value: "£" },
    },
  };
}

/** Moves every clause of a file down: a comment line after the imports. Nothing it says changes. */
export function unrelatedEdit(text: string): string {
  return text.replace(/^(import [^\n]*\n)/m, "$1// A reviewer's note, added later: nothing here changes what the agreement says.\n\n");
}
