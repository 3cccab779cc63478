// The editor grammar (grammar/concordat.tmLanguage.json), tokenised as VS Code does it
// (vscode-textmate on the Oniguruma regex engine): the scopes of a sample of tokens of the
// normative examples, and ```concord blocks in Markdown through the injection grammar.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as oniguruma from "vscode-oniguruma";
import vsctm from "vscode-textmate";
import { beforeAll, describe, expect, it } from "vitest";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);

/** A stand-in for VS Code's Markdown grammar: just the scope the injection selects. */
const markdownStub = { scopeName: "text.html.markdown", patterns: [] };

let registry: vsctm.Registry;
beforeAll(async () => {
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      const file = { "source.concord": "concordat.tmLanguage.json", "markdown.concord.codeblock": "concordat-markdown.tmLanguage.json" }[scopeName];
      if (scopeName === "text.html.markdown") return vsctm.parseRawGrammar(JSON.stringify(markdownStub), "markdown.json");
      if (!file) return null;
      const p = path.join(repo, "grammar", file);
      return vsctm.parseRawGrammar(readFileSync(p, "utf8"), p);
    },
    getInjections: (scopeName: string) => (scopeName === "text.html.markdown" ? ["markdown.concord.codeblock"] : undefined),
  });
});

interface Token {
  line: number;
  text: string;
  scopes: string[];
}

async function tokenize(text: string, scopeName = "source.concord"): Promise<Token[]> {
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`no grammar ${scopeName}`);
  let stack = vsctm.INITIAL;
  const out: Token[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const r = grammar.tokenizeLine(line, stack);
    for (const t of r.tokens) out.push({ line: i + 1, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    stack = r.ruleStack;
  });
  return out;
}

function example(name: string): string {
  return readFileSync(path.join(repo, "test/fixtures/examples", name), "utf8");
}

/**
 * The scopes of the token that is exactly `text` on the first line containing `onLine`
 * (a token of its own: the grammar split the line there).
 */
function scopesOf(tokens: Token[], source: string, onLine: string, text: string): string[] {
  const lineNo = source.split(/\r?\n/).findIndex((l) => l.includes(onLine)) + 1;
  expect(lineNo, `a line with ${onLine}`).toBeGreaterThan(0);
  const t = tokens.find((x) => x.line === lineNo && x.text.trim() === text);
  expect(t, `a token \`${text}\` on line ${lineNo} (${tokens.filter((x) => x.line === lineNo).map((x) => JSON.stringify(x.text)).join(" ")})`).toBeDefined();
  return t!.scopes;
}

describe("the TextMate grammar on the examples", () => {
  const cases: [file: string, onLine: string, token: string, scope: string][] = [
    // comments
    ["frameworks/nhs-baseline.concord", "// An illustrative statutory baseline", "// An illustrative statutory baseline for NHS provider collaboration: what every", "comment.line.double-slash.concord"],
    // keywords, declarations and names
    ["frameworks/nhs-baseline.concord", 'import "./collaboration-models.concord"', "import", "keyword.control.import.concord"],
    ["frameworks/nhs-baseline.concord", 'import "./collaboration-models.concord"', "./collaboration-models.concord", "string.quoted.double.concord"],
    ["frameworks/nhs-baseline.concord", "framework nhs_baseline", "framework", "keyword.declaration.concord"],
    ["frameworks/nhs-baseline.concord", "framework nhs_baseline", "nhs_baseline", "entity.name.type.concord"],
    ["frameworks/nhs-baseline.concord", "extends collaboration_models", "extends", "keyword.other.concord"],
    ["frameworks/nhs-baseline.concord", "extends collaboration_models", "collaboration_models", "variable.other.concord"],
    ["frameworks/nhs-baseline.concord", "must cover all functions", "must", "keyword.other.modality.concord"],
    ["frameworks/nhs-baseline.concord", "must cover all functions", "cover", "keyword.other.concord"],
    ["frameworks/nhs-baseline.concord", "should assign responsible", "should", "keyword.other.modality.concord"],
    ["frameworks/nhs-baseline.concord", "function strategy", "strategy", "entity.name.type.concord"],
    ["frameworks/nhs-baseline.concord", "dimension value: money", ":", "punctuation.separator.concord"],
    ["frameworks/nhs-baseline.concord", "review every 12 months", "12", "constant.numeric.integer.concord"],
    ["frameworks/nhs-baseline.concord", 'cite "Baseline para 1: clarifying', 'Baseline para 1: clarifying lines of accountability for the delivery of services', "string.quoted.double.concord"],
    ["agreements/eastmoor-mou.concord", "party medica", "party", "keyword.declaration.concord"],
    ["agreements/eastmoor-mou.concord", "party medica", "medica", "entity.name.type.concord"],
    // a kind named in a party line is a reference, not a declaration
    ["agreements/eastmoor-mou.concord", "party medica", "independent_provider", "variable.other.concord"],
    ["agreements/eastmoor-mou.concord", "accountable alliance", "accountable", "keyword.other.raci.concord"],
    ["agreements/eastmoor-mou.concord", "accountable alliance", "alliance", "variable.other.concord"],
    ["agreements/eastmoor-mou.concord", "expect accountable for procurement.operations", "procurement.operations", "variable.other.concord"],
    // money, dates, clause numbers, operators
    ["agreements/eastmoor-mou.concord", "where value > £1_000_000", "£1_000_000", "constant.numeric.money.concord"],
    ["agreements/eastmoor-mou.concord", "where value > £1_000_000", ">", "keyword.operator.comparison.concord"],
    ["agreements/eastmoor-mou.concord", "term 2025-04-01 to 2031-03-31", "2025-04-01", "constant.numeric.date.concord"],
    ["agreements/eastmoor-mou.concord", "term 2025-04-01 to 2031-03-31", "2031-03-31", "constant.numeric.date.concord"],
    ["agreements/eastmoor-mou.concord", "until 2026-03-31", "2026-03-31", "constant.numeric.date.concord"],
    ["agreements/eastmoor-mou.concord", "clause 2.1 {", "2.1", "constant.numeric.clause.concord"],
    ["agreements/eastmoor-mou.concord", "clause 2.1 {", "clause", "keyword.other.clause.concord"],
    ["agreements/eastmoor-mou.concord", 'clause 10 "Cover between trusts"', "10", "constant.numeric.clause.concord"],
    ["agreements/eastmoor-mou.concord", "clause 2.1 {", "{", "punctuation.section.braces.concord"],
    ["agreements/northvale-group.concord", "where value >= £1_000_000", ">=", "keyword.operator.comparison.concord"],
    ["agreements/northvale-group.concord", "consulted eastmoor, westbridge", ",", "punctuation.separator.concord"],
    // prose: everything between the triple quotes is prose, numbers and words alike
    ["agreements/northvale-group.concord", 'provision dispute_resolution """', '"""', "string.quoted.triple.concord"],
    ["agreements/northvale-group.concord", "30 days, to independent mediation.", "30 days, to independent mediation.", "string.quoted.triple.concord"],
  ];
  it.each(cases)("%s: in `%s`, `%s` is %s", async (file, onLine, token, scope) => {
    const source = example(file);
    const tokens = await tokenize(source);
    expect(scopesOf(tokens, source, onLine, token)).toContain(scope);
  });

  it("does not read a number, keyword or comment inside prose as one", async () => {
    const source = example("agreements/northvale-group.concord");
    const tokens = await tokenize(source);
    const start = source.split("\n").findIndex((l) => l.includes('"""')) + 1;
    const prose = tokens.filter((t) => t.line > start && t.line <= start + 2 && t.text.trim() !== "");
    expect(prose.length).toBeGreaterThan(0);
    for (const t of prose) expect(t.scopes, t.text).toContain("string.quoted.triple.concord");
    expect(prose.flatMap((t) => t.scopes).filter((s) => /numeric|keyword/.test(s))).toEqual([]);
  });

  it("keeps a block comment a comment over several lines, and a string escape an escape", async () => {
    const source = 'agreement a "say \\"hi\\"" {\n  /* two\n     lines */ party p kind k\n}\n';
    const tokens = await tokenize(source);
    expect(scopesOf(tokens, source, "lines */", "lines")).toContain("comment.block.concord");
    expect(scopesOf(tokens, source, "lines */", "*/")).toContain("comment.block.concord");
    expect(scopesOf(tokens, source, "lines */", "party")).not.toContain("comment.block.concord");
    expect(scopesOf(tokens, source, "say", '\\"')).toContain("constant.character.escape.concord");
  });
});

describe("```concord blocks in Markdown (the injection grammar)", () => {
  it("highlights the block as concordat and leaves the prose and other blocks alone", async () => {
    const md = ["# An agreement", "", "The parties agree:", "", "```concord", "agreement a {", "  review every 12 months", "}", "```", "", "```js", "review every 12", "```", ""].join("\n");
    const tokens = await tokenize(md, "text.html.markdown");
    const agreement = scopesOf(tokens, md, "agreement a {", "agreement");
    expect(agreement).toContain("meta.embedded.block.concord");
    expect(agreement).toContain("keyword.declaration.concord");
    const twelve = tokens.find((t) => t.line === 7 && t.text === "12")!;
    expect(twelve.scopes).toContain("constant.numeric.integer.concord");
    expect(scopesOf(tokens, md, "```concord", "concord")).toContain("fenced_code.block.language.markdown");
    // The prose and a js block are not concordat.
    expect(tokens.filter((t) => t.line === 3 || t.line === 12).flatMap((t) => t.scopes).filter((s) => s.endsWith(".concord"))).toEqual([]);
  });
});
