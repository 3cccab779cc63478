// Regenerates src/generated/grammar.ts: the grammar's productions as Chevrotain records them,
// rebuilt from that data when the parser is built at start-up instead of recorded again
// (src/syntax/grammar-snapshot.ts). Reads the built parser: `npm run generate:grammar` builds
// first. test/syntax/grammar-snapshot.test.ts fails when the file has drifted from the rules.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { ConcordParser } = await import(path.join(root, "dist/src/syntax/parser.js"));
const { snapshotGrammar } = await import(path.join(root, "dist/src/syntax/grammar-snapshot.js"));
const { grammarModuleText } = await import(path.join(root, "dist/src/syntax/grammar-module.js"));
const recorded = new ConcordParser({ recordGrammar: true });
await writeFile(path.join(root, "src/generated/grammar.ts"), grammarModuleText(snapshotGrammar(Object.values(recorded.getGAstProductions()))));
console.error("wrote src/generated/grammar.ts");
