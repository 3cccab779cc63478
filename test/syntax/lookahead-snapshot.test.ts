// The parser's lookahead functions are built from the paths of src/generated/grammar.ts
// (src/syntax/lookahead-snapshot.ts), not computed from the grammar at every start: each must
// choose as Chevrotain's own LL(k) function for the same production does, on any tokens.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lookaheadSnapshot } from "../../src/generated/grammar.js";
import { EOF, LLkLookaheadStrategy, type GastRule, type TokenType } from "../../src/syntax/chevrotain.js";
import { lookaheadKey, SnapshotLookahead, snapshotLookahead, type LookaheadSnapshot } from "../../src/syntax/lookahead-snapshot.js";
import { ConcordParser, MAX_LOOKAHEAD, parser } from "../../src/syntax/parser.js";
import { allTokens } from "../../src/syntax/tokens.js";

const recorded = new ConcordParser({ recordGrammar: true });
const rules = recorded.getGAstProductions() as Record<string, GastRule>;
const productions = Object.keys(snapshotLookahead(Object.values(rules), MAX_LOOKAHEAD)).map((key) => {
  const [rule, kind, occurrence, k] = key.split(" ") as [string, string, string, string];
  return { key, rule: rules[rule]!, kind, occurrence: Number(occurrence), maxLookahead: Number(k) };
});
const everyToken: TokenType[] = [...allTokens, EOF];

type Production = (typeof productions)[number];
type Decide = (tokens: readonly TokenType[]) => unknown;

/** A production's lookahead function, built by `strategy`, as a function of the tokens ahead (the end of input past them). */
function decider(strategy: InstanceType<typeof LLkLookaheadStrategy>, p: Production): Decide {
  const common = { prodOccurrence: p.occurrence, rule: p.rule, maxLookahead: p.maxLookahead, dynamicTokensEnabled: false };
  const fn =
    p.kind === "Alternation"
      ? strategy.buildLookaheadForAlternation({ ...common, hasPredicates: false })
      : strategy.buildLookaheadForOptional({ ...common, prodType: p.kind as Parameters<typeof strategy.buildLookaheadForOptional>[0]["prodType"] });
  return (tokens) => {
    const reader = { LA_FAST: (i: number) => ({ tokenTypeIdx: (tokens[i - 1] ?? EOF).tokenTypeIdx! }) };
    return (fn as (this: unknown) => unknown).call(reader);
  };
}

/** The tokens of a production's own paths, so that random sequences often follow one. */
function tokensOf(snapshot: LookaheadSnapshot, key: string): TokenType[] {
  const names = new Set(snapshot[key]!.flat(2));
  return everyToken.filter((t) => names.has(t.name));
}

describe("the lookahead snapshot", () => {
  it("has every production of the grammar that has a lookahead function", () => {
    expect(productions.length).toBeGreaterThan(50);
    expect(Object.keys(lookaheadSnapshot).sort()).toEqual(productions.map((p) => p.key).sort());
    for (const p of productions) expect(lookaheadKey(p.rule.name, p.kind as "Alternation", p.occurrence, p.maxLookahead)).toBe(p.key);
  });

  it("gives every production the choice Chevrotain's LL(k) strategy makes, on any tokens ahead", () => {
    const ours = new SnapshotLookahead(lookaheadSnapshot, allTokens, { maxLookahead: MAX_LOOKAHEAD });
    const chevrotain = new LLkLookaheadStrategy({ maxLookahead: MAX_LOOKAHEAD });
    let agreed = 0;
    for (const p of productions) {
      const mine = decider(ours, p);
      const theirs = decider(chevrotain, p);
      const near = tokensOf(lookaheadSnapshot, p.key);
      const token = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...near) }, { weight: 1, arbitrary: fc.constantFrom(...everyToken) });
      fc.assert(
        fc.property(fc.array(token, { maxLength: MAX_LOOKAHEAD + 1 }), (tokens) => {
          expect(mine(tokens), `${p.key}: ${tokens.map((t) => t.name).join(" ")}`).toBe(theirs(tokens));
        }),
        { numRuns: 100 },
      );
      // Each of its own paths, exactly.
      for (const alt of lookaheadSnapshot[p.key]!)
        for (const path of alt) {
          const tokens = path.map((name) => everyToken.find((t) => t.name === name)!);
          expect(mine(tokens), `${p.key}: ${path.join(" ")}`).toBe(theirs(tokens));
          agreed++;
        }
    }
    expect(agreed).toBeGreaterThan(100);
  });

  it("computes a production as Chevrotain does when the snapshot lacks it, names a token the grammar lacks, or is forgotten", () => {
    const chevrotain = new LLkLookaheadStrategy({ maxLookahead: MAX_LOOKAHEAD });
    const stale: LookaheadSnapshot = JSON.parse(JSON.stringify(lookaheadSnapshot)) as LookaheadSnapshot;
    const [missing, renamed] = [productions[0]!, productions[1]!];
    delete stale[missing.key];
    stale[renamed.key] = [[["NoSuchToken"]]];
    const staleStrategy = new SnapshotLookahead(stale, allTokens, { maxLookahead: MAX_LOOKAHEAD });
    expect(staleStrategy.paths(missing.rule.name, missing.kind as "Alternation", missing.occurrence, missing.maxLookahead)).toBeUndefined();
    expect(staleStrategy.paths(renamed.rule.name, renamed.kind as "Alternation", renamed.occurrence, renamed.maxLookahead)).toBeUndefined();
    const forgotten = new SnapshotLookahead(lookaheadSnapshot, allTokens, { maxLookahead: MAX_LOOKAHEAD });
    forgotten.forget();
    for (const p of [missing, renamed, productions[2]!]) {
      const theirs = decider(chevrotain, p);
      for (const strategy of [staleStrategy, forgotten]) {
        const mine = decider(strategy, p);
        for (const alt of lookaheadSnapshot[p.key]!) for (const path of alt) {
          const tokens = path.map((name) => everyToken.find((t) => t.name === name)!);
          expect(mine(tokens)).toBe(theirs(tokens));
        }
        expect(mine([])).toBe(theirs([]));
      }
    }
  });

  it("is what the shared parser reads", () => {
    const strategy = (parser as unknown as { lookaheadStrategy: unknown }).lookaheadStrategy;
    expect(strategy).toBeInstanceOf(SnapshotLookahead);
    for (const p of productions) expect((strategy as SnapshotLookahead).paths(p.rule.name, p.kind as "Alternation", p.occurrence, p.maxLookahead)).toBeDefined();
  });
});
