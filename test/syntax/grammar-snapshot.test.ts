// The grammar's productions are rebuilt at start-up from src/generated/grammar.ts instead of
// being recorded (src/syntax/grammar-snapshot.ts): that data must be what recording the rules
// gives today, and rebuilding it must give Chevrotain the very productions it would record.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { grammarSnapshot } from "../../src/generated/grammar.js";
import { grammarModuleText } from "../../src/syntax/grammar-module.js";
import { restoreGrammar, snapshotGrammar, type ProductionSnapshot } from "../../src/syntax/grammar-snapshot.js";
import { ConcordParser, MAX_LOOKAHEAD, parser } from "../../src/syntax/parser.js";
import { snapshotLookahead } from "../../src/syntax/lookahead-snapshot.js";
import { allTokens } from "../../src/syntax/tokens.js";
import type { GastRule } from "../../src/syntax/chevrotain.js";

const recorded = new ConcordParser({ recordGrammar: true });
const recordedRules = recorded.getGAstProductions() as Record<string, GastRule>;

describe("the grammar snapshot", () => {
  it("src/generated/grammar.ts is what recording the rules gives (run npm run generate:grammar)", async () => {
    const current = await readFile(new URL("../../src/generated/grammar.ts", import.meta.url), "utf8");
    const rules = Object.values(recordedRules);
    expect(current === grammarModuleText(snapshotGrammar(rules), snapshotLookahead(rules, MAX_LOOKAHEAD))).toBe(true);
  });

  // Every other parser test runs on the shared parser, so on the rebuilt productions.
  it("is used by the shared parser, and rebuilds the recorded productions exactly: classes, fields, tokens and links", () => {
    const shared = parser.getGAstProductions() as Record<string, GastRule>;
    expect((parser as unknown as { restoredRules?: unknown }).restoredRules).toBeDefined();
    expect(Object.keys(shared)).toEqual(Object.keys(recordedRules));
    expect(shared).toStrictEqual(recordedRules);
    expect(parser.getSerializedGastProductions()).toEqual(recorded.getSerializedGastProductions());
    // Linked to the rebuilt rules, not to copies.
    const linked = JSON.stringify(snapshotGrammar(Object.values(shared)));
    expect(linked).toBe(JSON.stringify(grammarSnapshot));
  });

  it("is not used when it names a token or a rule the grammar does not have (stale data)", () => {
    const clone = (): ProductionSnapshot[] => JSON.parse(JSON.stringify(grammarSnapshot)) as ProductionSnapshot[];
    expect(restoreGrammar(clone(), allTokens)).toBeDefined();
    const badToken = clone();
    const first = (ps: ProductionSnapshot[], type: ProductionSnapshot["type"]): ProductionSnapshot | undefined => {
      for (const p of ps) {
        const found = p.type === type ? p : first(p.definition ?? [], type);
        if (found) return found;
      }
      return undefined;
    };
    first(badToken, "Terminal")!.token = "NoSuchToken";
    expect(restoreGrammar(badToken, allTokens)).toBeUndefined();
    const badRule = clone();
    first(badRule, "NonTerminal")!.fields.nonTerminalName = "noSuchRule";
    expect(restoreGrammar(badRule, allTokens)).toBeUndefined();
  });
});
