// Regenerates src/generated/*.ts from schemas/*.schema.json (json-schema-to-typescript).
// `node scripts/generate-types.mjs --check` fails when the checked-in types have drifted.
import { compileFromFile } from "json-schema-to-typescript";
import { writeOrCheck } from "./generated-files.mjs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const targets = [
  { schema: "schemas/ruleset.schema.json", out: "src/generated/ruleset.ts" },
];
const banner = "/* Generated from the JSON Schema in schemas/ by `npm run generate:types`. Do not edit. */";

export async function generate(schema) {
  return compileFromFile(path.join(root, schema), {
    bannerComment: banner,
    additionalProperties: false,
    cwd: path.join(root, "schemas"),
    style: { singleQuote: false, printWidth: 100 },
  });
}

process.exit(await writeOrCheck(root, targets, generate, "generate:types"));
