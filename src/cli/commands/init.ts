// `concordat init --framework FILE [--model M] --name ID [-o FILE] [--literate]`: a new
// agreement that conforms to the framework, with every decision its rules (and the model)
// leave open marked TODO where `check` reports it (src/format/skeleton.ts).
import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { renderPretty } from "../../diagnostics/pretty.js";
import type { Framework } from "../../generated/ruleset.js";
import type { CliContext } from "../context.js";
import { UsageError, useColor } from "../context.js";
import { writeFileAtomic } from "../write-atomic.js";
import { paragraphs } from "../help-text.js";

export interface InitOptions {
  framework: string;
  model?: string;
  name: string;
  output?: string;
  literate?: boolean;
  color?: boolean;
}

export async function runInit(ctx: CliContext, opts: InitOptions): Promise<void> {
  const [{ loadAndCompile }, { agreementSkeleton }, { formatConcordat }, { reservedKeywords }] = await Promise.all([
    import("../pipeline.js"),
    import("../../format/skeleton.js"),
    import("../../format/index.js"),
    import("../../syntax/index.js"),
  ]);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(opts.name)) {
    throw new UsageError(`--name ${JSON.stringify(opts.name)} is not a name: use letters, digits and _, starting with a letter or _ (e.g. northvale_mou)`);
  }
  if (reservedKeywords.has(opts.name)) throw new UsageError(`--name ${opts.name} is a keyword of the language; choose another name`);
  const literate = opts.literate === true || (opts.output?.endsWith(".concord.md") ?? false);
  if (opts.output !== undefined) {
    const wanted = literate ? ".concord.md" : ".concord";
    if (!opts.output.endsWith(wanted)) throw new UsageError(`-o ${opts.output}: ${literate ? "a literate agreement" : "an agreement"} is a ${wanted} file (concordat check reads only those)`);
    if (fs.existsSync(path.resolve(ctx.cwd, opts.output))) throw new UsageError(`${opts.output} already exists; init writes only new files`);
  }

  const loaded = loadAndCompile(ctx, [opts.framework], "reading");
  const errors = loaded.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    ctx.stderr.write(renderPretty(errors, { sources: loaded.sources, files: loaded.files, cwd: ctx.cwd, color: useColor(opts.color, ctx.stderr, ctx.env) }));
    ctx.stderr.write(`concordat: no agreement written: the framework has errors; fix them first\n`);
    ctx.exitCode = 1;
    return;
  }
  const frameworkFile = fs.realpathSync(path.resolve(ctx.cwd, opts.framework));
  if (fs.statSync(frameworkFile).isDirectory()) throw new UsageError(`--framework ${opts.framework} is a folder; name the framework's file`);
  const inFile = loaded.ruleSet.frameworks.filter((f) => sameFile(path.resolve(ctx.cwd, f.span.file), frameworkFile));
  // A file may declare a framework and those it extends: the agreement conforms to the ones that no other extends.
  const chosen: Framework[] = inFile.filter((f) => !inFile.some((g) => g !== f && g.extends.includes(f.id)));
  if (chosen.length === 0) throw new UsageError(`${opts.framework} declares no framework`);

  const models = chosen.flatMap((f) => f.models);
  const model = opts.model === undefined ? undefined : models.find((m) => m.id === opts.model);
  if (opts.model !== undefined && !model) {
    throw new UsageError(
      `${chosen.map((f) => f.id).join(", ")} has no model ${opts.model}${models.length > 0 ? `; its models are ${[...new Set(models.map((m) => m.id))].join(", ")}` : ""}`,
    );
  }

  // A model the framework's rules forbid would be a finding that no TODO can settle: refuse it.
  if (model) {
    for (const rule of chosen.flatMap((f) => f.rules)) {
      for (const o of rule.obligations) {
        if (o.type === "use-model" && !(o.models ?? []).includes(model.id)) {
          throw new UsageError(`rule ${rule.id} allows only the ${(o.models ?? []).join(" or ") || "no"} model${(o.models ?? []).length === 1 ? "" : "s"}, not ${model.id}`);
        }
      }
    }
  }

  const outDir = opts.output !== undefined ? path.dirname(path.resolve(ctx.cwd, opts.output)) : ctx.cwd;
  // Everything is checked: the output's folder may now be made.
  fs.mkdirSync(outDir, { recursive: true });
  let importPath = path.relative(fs.realpathSync(outDir), frameworkFile).split(path.sep).join("/");
  if (!importPath.startsWith("../")) importPath = `./${importPath}`;

  const skeleton = agreementSkeleton({ frameworks: chosen, model, name: opts.name, importPath });
  const preamble = await formatConcordat(skeleton.preamble);
  const agreement = await formatConcordat(skeleton.agreement);
  const text = literate ? literateText(opts.name, chosen, preamble, agreement) : `${preamble}\n${agreement}`;
  if (opts.output !== undefined) {
    writeFileAtomic(path.resolve(ctx.cwd, opts.output), text);
    ctx.stderr.write(`concordat: wrote ${opts.output}; \`concordat check ${opts.output}\` lists the decisions still to be made\n`);
  } else {
    ctx.stdout.write(text);
  }
  ctx.exitCode = 0;
}

function sameFile(a: string, b: string): boolean {
  try {
    return fs.realpathSync(a) === b;
  } catch {
    return false;
  }
}

function literateText(name: string, frameworks: Framework[], preamble: string, agreement: string): string {
  return [
    `# ${name}`,
    "",
    `_A new agreement under ${frameworks.map((f) => f.title ?? f.id).join(" and ")}. Write its prose around the blocks below: concordat checks only the concord blocks._`,
    "",
    "## Background",
    "",
    "_Who the parties are, why they collaborate, and what this agreement settles._",
    "",
    "## Frameworks",
    "",
    "```concord",
    preamble.trimEnd(),
    "```",
    "",
    "## The agreement",
    "",
    "_The parties, what they set up together, and clause by clause who is accountable and responsible for what._",
    "",
    "```concord",
    agreement.trimEnd(),
    "```",
    "",
    "## Signatures",
    "",
    "_For each party: name, position, date._",
    "",
  ].join("\n");
}

export function initCommand(ctx: CliContext): Command {
  return new Command("init")
    .summary("start a new agreement from a framework, every decision left to make marked TODO")
    .description(
      paragraphs([
        "Write a new agreement that conforms to the framework in FILE (and uses the model M):",
        "every provision, body, kind of party, function and covered activity that the",
        "framework's rules and the model require is there as a TODO comment. It parses, and",
        "`concordat check` on it lists exactly the decisions still to be made, each on its TODO.",
      ]),
    )
    .requiredOption("--framework <file>", "the framework the agreement conforms to")
    .option("--model <id>", "the collaboration model the agreement uses")
    .requiredOption("--name <id>", "the agreement's name (letters, digits and _)")
    .option("-o, --output <file>", "write to this new file (default: print it)")
    .option("--literate", "a .concord.md file: Markdown prose around the concord blocks")
    .option("--color", "colour error messages (default: when printing to a terminal)")
    .option("--no-color", "never colour error messages")
    .addHelpText(
      "after",
      `
Exit codes:
  0  written
  1  the framework has errors (nothing written)
  2  the command could not run: a wrong option, an output file that already exists

Examples:
  $ concordat init --framework policies/frameworks/nhs-baseline.concord --model federated --name northvale_group -o policies/agreements/northvale.concord
  $ concordat init --framework policies/frameworks/nhs-baseline.concord --name draft --literate -o draft.concord.md`,
    )
    .action(async (opts: InitOptions) => {
      await runInit(ctx, opts);
    });
}
