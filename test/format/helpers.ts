// Shared by the formatter tests: the files of policies/, and formatting through the plugin.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { format, type Plugin } from "prettier";
import { formatConcordat, formatText } from "../../src/format/index.js";
import { plugin } from "../../src/format/plugin.js";
import type { Node } from "../../src/format/printer.js";
import { listSourceFiles } from "../../src/semantics/load.js";
import type { SourceFile } from "../../src/syntax/ast.js";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Every .concord and .concord.md file in policies/, whatever is there. */
export function policyFiles(): { name: string; text: string }[] {
  return listSourceFiles(path.join(repo, "policies")).map((f) => ({ name: path.relative(repo, f).split(path.sep).join("/"), text: readFileSync(f, "utf8") }));
}

export { formatConcordat, formatText };

/** The plugin's printing of an AST that was never text (a random one): a parser that returns it. */
export async function printTree(ast: SourceFile): Promise<string> {
  const fromTree: Plugin<Node> = { ...plugin, parsers: { "concordat-tree": { ...plugin.parsers!.concordat!, parse: () => structuredClone(ast) as Node } } };
  // Any text but blank (Prettier prints blank text as empty without parsing it); spans point at none of it.
  return format("-", { parser: "concordat-tree", plugins: [fromTree], printWidth: 100 });
}
