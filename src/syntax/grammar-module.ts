// The text of src/generated/grammar.ts for a recorded grammar: written by
// `npm run generate:grammar`, compared with the checked-in file by its drift test.
import type { ProductionSnapshot } from "./grammar-snapshot.js";
import type { LookaheadSnapshot } from "./lookahead-snapshot.js";

export function grammarModuleText(snapshot: readonly ProductionSnapshot[], lookahead: LookaheadSnapshot): string {
  return [
    "/* Generated from the rules of src/syntax/parser.ts by `npm run generate:grammar` (see src/syntax/grammar-snapshot.ts and src/syntax/lookahead-snapshot.ts). Do not edit. */",
    'import type { ProductionSnapshot } from "../syntax/grammar-snapshot.js";',
    'import type { LookaheadSnapshot } from "../syntax/lookahead-snapshot.js";',
    "",
    "// As strings: V8 reads JSON faster than the same object literal.",
    `export const grammarSnapshot: ProductionSnapshot[] = JSON.parse(${JSON.stringify(JSON.stringify(snapshot))});`,
    "",
    `export const lookaheadSnapshot: LookaheadSnapshot = JSON.parse(${JSON.stringify(JSON.stringify(lookahead))});`,
    "",
  ].join("\n");
}
