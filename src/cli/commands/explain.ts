// `concordat explain FILE --activity A [--place P] [--on DATE] [--where dim=value…]`: who is
// accountable, responsible, consulted and informed there, and which clauses, overrides,
// delegations, models and rules make it so.
import path from "node:path";
import { Command, Option } from "commander";
import type { CliContext } from "../context.js";
import { UsageError, useColor } from "../context.js";
import { writeFileAtomic } from "../write-atomic.js";
import { paragraphs } from "../help-text.js";

export const explainFormats = ["pretty", "json"] as const;

export interface ExplainOptions {
  activity: string;
  place?: string;
  on?: string;
  where?: string[];
  agreement?: string;
  format: (typeof explainFormats)[number];
  output?: string;
  color?: boolean;
}

export async function runExplain(ctx: CliContext, files: string[], opts: ExplainOptions): Promise<void> {
  const [{ loadAgreement }, report] = await Promise.all([import("../agreement.js"), import("../../report/explain/index.js")]);
  const analysed = loadAgreement(ctx, files, opts.agreement, opts.color);
  if (!analysed) return;
  const { agreement, loaded, findings } = analysed;
  const { query, errors } = report.resolveQuery(agreement, { activity: opts.activity, place: opts.place, date: opts.on, where: opts.where });
  if (!query) throw new UsageError(errors.join("\nconcordat: "));
  const e = report.explain(loaded.ruleSet, agreement, query, opts.activity, findings);
  const toFile = opts.output !== undefined;
  const text =
    opts.format === "json" ? report.renderExplainJson(e) : report.renderExplainPretty(e, { color: !toFile && useColor(opts.color, ctx.stdout, ctx.env) });
  if (toFile) writeFileAtomic(path.resolve(ctx.cwd, opts.output!), text);
  else ctx.stdout.write(text);
  ctx.exitCode = 0;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function explainCommand(ctx: CliContext): Command {
  return new Command("explain")
    .summary("who is accountable, responsible, consulted and informed at a point, and which clauses say so")
    .description(
      paragraphs([
        "Explain one function of an agreement at a point, or over every point you leave open:",
        "who is accountable, responsible, consulted and informed, the clause that says so,",
        "the clauses overridden there (and by which clause), the delegations that apply, the",
        "collaboration models and framework rules that constrain it, and, where nobody or more",
        "than one party is accountable, the finding of `concordat check`.",
      ]),
    )
    .argument("<files...>", "the agreement's file (and any others it needs), or a folder")
    .requiredOption("-a, --activity <function>", "the function to explain (a parent function explains each of its activities)")
    .option("--place <party>", "at this member's place (default: every place)")
    .option("--on <date>", "on this day, YYYY-MM-DD (default: every day of the term)")
    .option("--where <dim=value>", "a dimension value, e.g. value=£1,000,000 or setting=inpatient (repeatable)", collect)
    .option("--agreement <id>", "the agreement, when the files hold several")
    .addOption(new Option("-f, --format <format>", "how to print it").choices([...explainFormats]).default("pretty"))
    .option("-o, --output <file>", "write it to this file instead of the screen")
    .option("--color", "colour it (default: when printing to a terminal)")
    .option("--no-color", "never colour it")
    .addHelpText(
      "after",
      `
Exit codes:
  0  explained
  1  the files have errors that stop them compiling (printed)
  2  the command could not run: a wrong option, an unknown function, place or value

Examples:
  $ concordat explain policies/agreements/eastmoor-mou.concord --activity procurement.strategy --where value=£1,000,000
  $ concordat explain policies/agreements/eastmoor-mou.concord --activity hr --place eastmoor --format json`,
    )
    .action(async (files: string[], opts: ExplainOptions) => {
      await runExplain(ctx, files, opts);
    });
}
