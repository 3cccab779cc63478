// Regenerates src/generated/*.ts from schemas/*.schema.json (json-schema-to-typescript).
// `node scripts/generate-types.mjs --check` fails when the checked-in types have drifted.
import { compileFromFile } from "json-schema-to-typescript";
import { readFile, writeFile } from "node:fs/promises";
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

const check = process.argv.includes("--check");
let drift = false;
for (const { schema, out } of targets) {
  const text = await generate(schema);
  const file = path.join(root, out);
  if (check) {
    const current = await readFile(file, "utf8").catch(() => "");
    if (current !== text) {
      console.error(`${out} differs from what ${schema} generates: run npm run generate:types`);
      drift = true;
    }
  } else {
    await writeFile(file, text);
  }
}
process.exit(drift ? 1 : 0);
