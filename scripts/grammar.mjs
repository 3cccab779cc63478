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
// Chevrotain's page links its diagram scripts and CSS; inline the copies the installed
// chevrotain ships, so the page works offline and matches the parser's version.
const diagramsDir = join(root, "node_modules/chevrotain/diagrams");
const base = "concordat-inline:";
const html = createSyntaxDiagramsCode(serializedGrammar(), { resourceBase: base, css: `${base}diagrams.css` })
  .replace(/<link rel='stylesheet' href='concordat-inline:([^']+)'>/g, (_, file) => `<style>\n${readFileSync(join(diagramsDir, file), "utf8")}</style>`)
  .replace(/<script src='concordat-inline:([^']+)'><\/script>/g, (_, file) => `<script>\n${readFileSync(join(diagramsDir, file), "utf8")}</script>`);
if (html.includes(base)) throw new Error("diagrams.html still links a resource: chevrotain's page template changed");

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
