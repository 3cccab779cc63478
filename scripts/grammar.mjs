// Regenerates grammar/concordat.ebnf (productions from the parser, hand-written
// comments kept) and grammar/diagrams.html (Chevrotain's railroad diagrams).
// Needs the compiled sources: `npm run grammar` builds first.
//   node scripts/grammar.mjs           write both files
//   node scripts/grammar.mjs --check   exit 1 when either file is out of date
import { existsSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { createSyntaxDiagramsCode } from "chevrotain";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { renderEbnfFile } = await import(join(root, "dist/src/syntax/grammar-ebnf.js"));
const { serializedGrammar } = await import(join(root, "dist/src/syntax/parser.js"));

const ebnfPath = join(root, "grammar/concordat.ebnf");
const htmlPath = join(root, "grammar/diagrams.html");
const ebnf = renderEbnfFile(existsSync(ebnfPath) ? readFileSync(ebnfPath, "utf8") : "");
const html = createSyntaxDiagramsCode(serializedGrammar(), { resourceBase: "https://unpkg.com/chevrotain@11.2.0/diagrams/" });

const check = process.argv.includes("--check");
let stale = false;
for (const [path, text] of [[ebnfPath, ebnf], [htmlPath, html]]) {
  const old = existsSync(path) ? readFileSync(path, "utf8") : "";
  if (old === text) continue;
  stale = true;
  if (check) {
    console.error(`${path} is out of date: run npm run grammar`);
  } else {
    writeFileSync(path + ".tmp", text);
    renameSync(path + ".tmp", path);
    console.log(`wrote ${path}`);
  }
}
process.exit(check && stale ? 1 : 0);
