// The grammar's productions (Chevrotain's GAST) as plain data, and back. Chevrotain learns the
// grammar by running every rule once in a recording mode when a parser is built: a tenth of
// checking one small file. The parser is built at every start, so the productions are recorded
// once, when the grammar changes (`npm run generate:grammar`, into src/generated/grammar.ts),
// and rebuilt from that data at start-up; test/syntax/grammar-snapshot.test.ts fails when the
// data is not what recording the grammar gives today.
import { Alternation, Alternative, NonTerminal, Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator, RepetitionWithSeparator, Rule, Terminal } from "./chevrotain.js";
import type { GastRule, TokenType } from "./chevrotain.js";

/** One production: its class, its own fields (all plain values), its tokens by name, its parts. */
export interface ProductionSnapshot {
  type: ProductionType;
  fields: Record<string, string | number | boolean>;
  /** A Terminal's token, or a repetition's separator. */
  token?: string;
  definition?: ProductionSnapshot[];
}

const classes = { Rule, Alternation, Alternative, NonTerminal, Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator, RepetitionWithSeparator, Terminal } as const;
type ProductionType = keyof typeof classes;
type Production = InstanceType<(typeof classes)[ProductionType]>;

/** Fields that hold other productions or tokens, kept apart from the plain ones. */
const STRUCTURE = new Set(["definition", "_definition", "referencedRule", "terminalType", "separator"]);

function typeOf(node: Production): ProductionType {
  for (const [name, cls] of Object.entries(classes)) if (node.constructor === cls) return name as ProductionType;
  throw new Error(`grammar snapshot: a production of an unknown kind (${String(node.constructor.name)})`);
}

/** The productions `rules` as data (a NonTerminal keeps the name of its rule, not the rule). */
export function snapshotGrammar(rules: readonly GastRule[]): ProductionSnapshot[] {
  const one = (node: Production): ProductionSnapshot => {
    const type = typeOf(node);
    const fields: ProductionSnapshot["fields"] = {};
    for (const [key, value] of Object.entries(node)) {
      if (STRUCTURE.has(key) || value === undefined) continue;
      if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") throw new Error(`grammar snapshot: ${type}.${key} is not a plain value`);
      fields[key] = value;
    }
    const out: ProductionSnapshot = { type, fields };
    const token = (node as { terminalType?: TokenType; separator?: TokenType }).terminalType ?? (node as { separator?: TokenType }).separator;
    if (token !== undefined) out.token = token.name;
    if (type !== "NonTerminal" && type !== "Terminal") out.definition = (node as unknown as { definition: Production[] }).definition.map(one);
    return out;
  };
  return rules.map((r) => one(r));
}

/** The productions again, each NonTerminal linked to its rule; undefined when a token or rule is not the grammar's (stale data). */
export function restoreGrammar(snapshot: readonly ProductionSnapshot[], tokens: readonly TokenType[]): Record<string, GastRule> | undefined {
  const tokenByName = new Map(tokens.map((t) => [t.name, t]));
  const nonTerminals: InstanceType<typeof NonTerminal>[] = [];
  let stale = false;
  const one = (s: ProductionSnapshot): Production => {
    const cls = classes[s.type] as (typeof classes)[ProductionType] | undefined;
    if (cls === undefined) {
      stale = true;
      return new Terminal({ terminalType: tokens[0]! });
    }
    // What the class's constructor leaves, without it: each runs lodash's pickBy over its
    // options, and 1,500 of them, run once each, cost as much as recording the grammar.
    const node = Object.create(cls.prototype) as Production & Record<string, unknown>;
    if (s.type !== "Terminal") node._definition = s.definition?.map(one) ?? [];
    Object.assign(node, s.fields);
    if (s.token !== undefined) {
      const token = tokenByName.get(s.token);
      if (token === undefined) stale = true;
      node[s.type === "Terminal" ? "terminalType" : "separator"] = token;
    }
    if (node instanceof NonTerminal) nonTerminals.push(node);
    return node;
  };
  const rules: Record<string, GastRule> = {};
  for (const s of snapshot) {
    const rule = one(s) as GastRule;
    rules[rule.name] = rule;
  }
  for (const n of nonTerminals) {
    const target = rules[n.nonTerminalName];
    if (target === undefined) stale = true;
    else n.referencedRule = target;
  }
  return stale ? undefined : rules;
}
