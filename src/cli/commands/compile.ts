// `concordat compile <file…> [-o out.json]`: the canonical rule set as JSON.
import path from "node:path";
import { Command } from "commander";
import { renderPretty } from "../../diagnostics/pretty.js";
import type { CliContext } from "../context.js";
import type { RuleSet } from "../pipeline.js";
import { useColor } from "../context.js";
import { writeFileAtomic } from "../write-atomic.js";
import { paragraphs } from "../help-text.js";

export interface CompileOptions {
  output?: string;
  color?: boolean;
}

export async function runCompile(ctx: CliContext, files: string[], opts: CompileOptions): Promise<void> {
  const [{ serializeRuleSet }, { loadAndCompile }] = await Promise.all([import("../../semantics/validate-ruleset.js"), import("../pipeline.js")]);
  const loaded = loadAndCompile(ctx, files, "compiling");
  const errors = loaded.diagnostics.filter((d) => d.severity === "error");
  const shown = loaded.diagnostics.filter((d) => d.severity !== "info");
  if (shown.length > 0) {
    // Errors and warnings go to stderr, so stdout holds only the rule set.
    ctx.stderr.write(
      renderPretty(shown, { sources: loaded.sources, files: loaded.files, cwd: ctx.cwd, color: useColor(opts.color, ctx.stderr, ctx.env) }),
    );
  }
  if (errors.length > 0) {
    ctx.stderr.write(`concordat: not compiled: fix the ${errors.length === 1 ? "error" : "errors"} above first${opts.output ? ` (${opts.output} is unchanged)` : ""}\n`);
    ctx.exitCode = 1;
    return;
  }
  let json: string;
  try {
    json = serializeRuleSet(loaded.ruleSet);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    ctx.stderr.write(`concordat: not compiled: ${tooLargeToWrite(loaded.ruleSet)}${opts.output ? ` (${opts.output} is unchanged)` : ""}\n`);
    ctx.exitCode = 1;
    return;
  }
  const text = json.endsWith("\n") ? json : json + "\n";
  if (opts.output !== undefined) writeFileAtomic(path.resolve(ctx.cwd, opts.output), text, { shownAs: opts.output, inputs: loaded.inputs });
  else ctx.stdout.write(text);
  ctx.exitCode = 0;
}

/**
 * Why a rule set cannot be written: its JSON would be longer than a JavaScript string can be
 * (2^29 - 24 characters, about 512 MB). Each agreement carries every function of its
 * frameworks, and each function and activity is written with its full dotted name, so many
 * agreements under a large framework, or thousands of nested functions, reach it.
 */
export function tooLargeToWrite(ruleSet: Pick<RuleSet, "agreements" | "frameworks">): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
  let functions = 0;
  let assignments = 0;
  for (const a of ruleSet.agreements) {
    functions += a.functions.length;
    assignments += a.assignments.length;
  }
  for (const f of ruleSet.frameworks) functions += f.functions.length;
  return (
    "the rule set is too large to write as JSON: it would be longer than the longest text Node can hold (about 512 MB). " +
    `Its ${count(ruleSet.frameworks.length, "framework")} and ${count(ruleSet.agreements.length, "agreement")} hold ${count(functions, "function")} (each agreement carries every function of its frameworks, by its full dotted name) and ${count(assignments, "assignment")}. Compile fewer files at a time`
  );
}

export function compileCommand(ctx: CliContext): Command {
  return new Command("compile")
    .summary("compile agreements and frameworks to the canonical rule set (JSON)")
    .description(
      paragraphs([
        "Compile the given files, and everything they import, to one canonical rule set:",
        "frameworks flattened, every name resolved, every assignment spelled out as the",
        "activities, places, days and values it covers. The JSON is described by",
        "`concordat schema ruleset`; the same input always gives the same bytes.",
        "",
        "When the input has an error, the errors are printed and nothing is written: an",
        "existing output file is left as it was.",
      ]),
    )
    .argument("<files...>", "agreement or framework files (or folders)")
    .option("-o, --output <file>", "write the rule set to this file (default: print it)")
    .option("--color", "colour error messages (default: when printing to a terminal)")
    .option("--no-color", "never colour error messages")
    .addHelpText(
      "after",
      `
Exit codes:
  0  compiled
  1  the input has errors (nothing written)
  2  the command could not run: a wrong option, a file that does not exist or cannot be read

Examples:
  $ concordat compile policies/agreements/northvale-group.concord -o northvale.rules.json
  $ concordat compile policies/agreements/northvale-group.concord | jq '.agreements[0].assignments | length'`,
    )
    .action(async (files: string[], opts: CompileOptions) => {
      await runCompile(ctx, files, opts);
    });
}
