// `concordat matrix FILE [--agreement ID] --format html|markdown|csv|xlsx [-o FILE]`: the RACI
// matrix of an agreement, with its gaps and conflicts marked.
import path from "node:path";
import { Command, Option } from "commander";
import type { CliContext } from "../context.js";
import { UsageError } from "../context.js";
import { writeFileAtomic } from "../write-atomic.js";
import { paragraphs } from "../help-text.js";

export const matrixFormats = ["markdown", "csv", "html", "xlsx"] as const;

export interface MatrixOptions {
  agreement?: string;
  format: (typeof matrixFormats)[number];
  output?: string;
  color?: boolean;
}

export async function runMatrix(ctx: CliContext, files: string[], opts: MatrixOptions): Promise<void> {
  if (opts.format === "xlsx" && opts.output === undefined) throw new UsageError("--format xlsx writes a binary file: name it with -o, e.g. -o matrix.xlsx");
  const [{ loadAgreement }, report] = await Promise.all([import("../agreement.js"), import("../../report/matrix/index.js")]);
  const analysed = loadAgreement(ctx, files, opts.agreement, opts.color);
  if (!analysed) return;
  const m = report.buildMatrix(analysed.loaded.ruleSet, analysed.agreement, analysed.findings);
  let data: string | Uint8Array;
  if (opts.format === "xlsx") data = await (await import("../../report/matrix/xlsx.js")).renderMatrixXlsx(m);
  else if (opts.format === "csv") data = report.renderMatrixCsv(m);
  else if (opts.format === "html") data = report.renderMatrixHtml(m);
  else data = report.renderMatrixMarkdown(m);
  if (opts.output !== undefined) writeFileAtomic(path.resolve(ctx.cwd, opts.output), data);
  else ctx.stdout.write(data as string);
  ctx.exitCode = 0;
}

export function matrixCommand(ctx: CliContext): Command {
  return new Command("matrix")
    .summary("the RACI matrix of an agreement (Markdown, CSV, HTML or a spreadsheet)")
    .description(
      paragraphs([
        "The responsibility matrix of an agreement: its functions as rows, grouped by category",
        "and function, its parties and bodies as columns, R (responsible), A (accountable),",
        "C (consulted) and I (informed) in the cells. Where the agreement splits a function by",
        "place, dates or value, each part has its own row, described in words. Gaps (nobody",
        "accountable) and conflicts (more than one) are marked where they are, with the finding",
        "and its clause; every finding of `concordat check` is listed after the matrix.",
      ]),
    )
    .argument("<files...>", "the agreement's file (and any others it needs), or a folder")
    .option("--agreement <id>", "the agreement, when the files hold several")
    .addOption(new Option("-f, --format <format>", "the format").choices([...matrixFormats]).default("markdown"))
    .option("-o, --output <file>", "write it to this file instead of the screen (required for xlsx)")
    .option("--color", "colour error messages (default: on a terminal)")
    .option("--no-color", "never colour error messages")
    .addHelpText(
      "after",
      `
Formats:
  markdown  one table per category, the findings listed after (default)
  csv       one line per row, for any spreadsheet or script
  html      one self-contained page (no network): legend, findings linked to their cells, print and phone layouts
  xlsx      an Excel workbook: the matrix with frozen headers, the findings on a second sheet

Exit codes:
  0  written (gaps and conflicts are shown, not failed on: use \`concordat check\` to fail)
  1  the files have errors that stop them compiling (printed)
  2  the command could not run: a wrong option, a file that does not exist or cannot be written

Examples:
  $ concordat matrix policies/agreements/northvale-group.concord
  $ concordat matrix policies/agreements/eastmoor-mou.concord --format html -o eastmoor.html
  $ concordat matrix policies/agreements/eastmoor-mou.concord --format xlsx -o eastmoor.xlsx`,
    )
    .action(async (files: string[], opts: MatrixOptions) => {
      await runMatrix(ctx, files, opts);
    });
}
