// `concordat schema [ruleset|diagnostics|config|diff]`: print a JSON Schema shipped with concordat.
import { Argument, Command } from "commander";
import { readPackageFile } from "../../diagnostics/package-root.js";
import type { CliContext } from "../context.js";

export const schemaNames = ["ruleset", "diagnostics", "config", "diff"] as const;
export type SchemaName = (typeof schemaNames)[number];

export function schemaText(name: SchemaName): string {
  const text = readPackageFile(`schemas/${name}.schema.json`);
  return text.endsWith("\n") ? text : text + "\n";
}

export function schemaCommand(ctx: CliContext): Command {
  return new Command("schema")
    .summary("print a JSON Schema: the rule set (default) or the JSON report of check")
    .description(
      [
        "Print the JSON Schema (draft-07) of concordat's machine-readable output:",
        "  ruleset      what `concordat compile` writes (the default)",
        "  diagnostics  what `concordat check --format json` prints",
        "  config       concordat.json, a project's settings for check",
        "  diff         what `concordat diff --format json` prints",
      ].join("\n"),
    )
    .addArgument(new Argument("[name]", "which schema").choices([...schemaNames]).default("ruleset"))
    .addHelpText(
      "after",
      `
Examples:
  $ concordat schema > ruleset.schema.json
  $ concordat schema diagnostics`,
    )
    .action((name: SchemaName) => {
      ctx.stdout.write(schemaText(name));
      ctx.exitCode = 0;
    });
}
