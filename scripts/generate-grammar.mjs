// Regenerates src/generated/grammar.ts: the grammar's productions as Chevrotain records them, and
// their lookahead paths as Chevrotain computes them, rebuilt from that data when the parser is
// built at start-up instead of recorded and computed again (src/syntax/grammar-snapshot.ts,
// src/syntax/lookahead-snapshot.ts). Reads the built parser: `npm run generate:grammar` builds
// first. test/syntax/grammar-snapshot.test.ts fails when the file has drifted from the rules.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { ConcordParser } = await import(path.join(root, "dist/src/syntax/parser.js"));
const { snapshotGrammar } = await import(path.join(root, "dist/src/syntax/grammar-snapshot.js"));
const { grammarModuleText } = await import(path.join(root, "dist/src/syntax/grammar-module.js"));
const { snapshotLookahead } = await import(path.join(root, "dist/src/syntax/lookahead-snapshot.js"));
const { MAX_LOOKAHEAD } = await import(path.join(root, "dist/src/syntax/parser.js"));
const recorded = new ConcordParser({ recordGrammar: true });
const rules = Object.values(recorded.getGAstProductions());
await writeFile(path.join(root, "src/generated/grammar.ts"), grammarModuleText(snapshotGrammar(rules), snapshotLookahead(rules, MAX_LOOKAHEAD)));
console.error("wrote src/generated/grammar.ts");
