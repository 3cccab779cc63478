// `concordat render FILE.concord.md --format html|docx [-o FILE]`: a literate agreement as the
// document the parties sign: its prose, its clauses in readable form, and the schedules
// "Responsibilities" and "Open findings".
import path from "node:path";
import { Command, Option } from "commander";
import type { Root } from "mdast";
import type { CliContext } from "../context.js";
import { UsageError } from "../context.js";
import { writeFileAtomic } from "../write-atomic.js";
import type { Agreement as AstAgreement } from "../../syntax/ast.js";
import { paragraphs } from "../help-text.js";

export const renderFormats = ["html", "docx"] as const;

export interface RenderOptions {
  agreement?: string;
  format: (typeof renderFormats)[number];
  output?: string;
  color?: boolean;
}

/** A plain .concord file reads as a document of one concord block. */
function wholeFileAsBlock(text: string): Root {
  const lines = text.split("\n");
  return {
    type: "root",
    children: [
      {
        type: "code",
        lang: "concord",
        value: text,
        position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines.length, column: lines[lines.length - 1]!.length + 1, offset: text.length } },
      },
    ],
  };
}

export async function runRender(ctx: CliContext, file: string, opts: RenderOptions): Promise<void> {
  if (opts.format === "docx" && opts.output === undefined) throw new UsageError("--format docx writes a binary file: name it with -o, e.g. -o agreement.docx");
  const [{ loadAgreement }, matrix, doc, literate] = await Promise.all([
    import("../agreement.js"),
    import("../../report/matrix/index.js"),
    import("../../report/document/index.js"),
    import("../../semantics/literate.js"),
  ]);
  await literate.loadMarkdownParser({ tree: true });
  const analysed = loadAgreement(ctx, [file], opts.agreement, opts.color, { keepFile: true });
  if (!analysed) return;
  const { loaded, agreement, findings, file: loadedFile } = analysed;
  const ast = loadedFile?.ast.declarations.find((d): d is AstAgreement => d.kind === "Agreement" && d.name?.text === agreement.id);
  if (!loadedFile || !ast) throw new UsageError(`cannot find the source of ${agreement.id}`);
  const root = literate.isLiterate(loadedFile.path) ? literate.parseLiterate(loadedFile.text).root : wholeFileAsBlock(loadedFile.text);
  const m = matrix.buildMatrix(loaded.ruleSet, agreement, findings);
  const d = doc.buildDocument(loaded.ruleSet, agreement, ast, root, loadedFile.text, m);
  let data: string | Uint8Array;
  if (opts.format === "docx") {
    const { renderDocxOnThread, DocumentTooLarge } = await import("../../report/document/docx-thread.js");
    try {
      data = await renderDocxOnThread(d);
    } catch (e) {
      // Running out of memory is the command not being able to run (exit 2), said in words.
      if (e instanceof DocumentTooLarge) throw new UsageError(e.message);
      throw e;
    }
  } else data = doc.renderDocumentHtml(d);
  if (opts.output !== undefined) writeFileAtomic(path.resolve(ctx.cwd, opts.output), data);
  else ctx.stdout.write(data as string);
  ctx.exitCode = 0;
}

export function renderCommand(ctx: CliContext): Command {
  return new Command("render")
    .summary("an agreement as the document the parties sign (HTML or Word)")
    .description(
      paragraphs([
        "Render a literate agreement (.concord.md) as a document: its Markdown prose, its",
        "clauses in words (who is accountable, responsible, consulted and informed, where and",
        "when), and two generated schedules: Responsibilities (the RACI matrix) and, when",
        "`concordat check` finds anything, Open findings. A plain .concord file renders too.",
      ]),
    )
    .argument("<file>", "the agreement (.concord.md or .concord)")
    .option("--agreement <id>", "the agreement, when the file holds several")
    .addOption(new Option("-f, --format <format>", "the format").choices([...renderFormats]).default("html"))
    .option("-o, --output <file>", "write it to this file instead of the screen (required for docx)")
    .option("--color", "colour error messages (default: on a terminal)")
    .option("--no-color", "never colour error messages")
    .addHelpText(
      "after",
      `
Exit codes:
  0  written
  1  the file has errors that stop it compiling (printed)
  2  the command could not run: a wrong option, a file that does not exist or cannot be written

Examples:
  $ concordat render policies/agreements/northvale-group.concord.md -o northvale.html
  $ concordat render policies/agreements/northvale-group.concord.md --format docx -o northvale.docx`,
    )
    .action(async (file: string, opts: RenderOptions) => {
      await runRender(ctx, file, opts);
    });
}
