// Regenerates src/generated/validate-*.ts: the validators of schemas/*.schema.json, compiled once
// here with ajv's standalone code instead of at every start of the command line (compiling the
// rule-set schema took about 450 ms). `node scripts/generate-validators.mjs --check` fails when
// the checked-in validators have drifted from the schemas (test/semantics/validators.test.ts).
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import standaloneModule from "ajv/dist/standalone/index.js";
import { readFile } from "node:fs/promises";
import { writeOrCheck } from "./generated-files.mjs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const addFormats = addFormatsModule.default ?? addFormatsModule;
const standaloneCode = standaloneModule.default ?? standaloneModule;
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const targets = [
  { schema: "schemas/ruleset.schema.json", out: "src/generated/validate-ruleset.ts" },
  { schema: "schemas/diagnostics.schema.json", out: "src/generated/validate-diagnostics.ts" },
  { schema: "schemas/config.schema.json", out: "src/generated/validate-config.ts" },
  // The diff report embeds diagnostics: their schema is added for its $ref.
  { schema: "schemas/diff.schema.json", out: "src/generated/validate-diff.ts", refs: ["schemas/diagnostics.schema.json"] },
];

const banner = [
  "/* Generated from the JSON Schema in schemas/ by `npm run generate:validators` (ajv standalone code). Do not edit. */",
  "// @ts-nocheck",
  // The standalone code requires ajv's runtime helpers and ajv-formats' formats by name.
  'import { createRequire } from "node:module";',
  "const require = createRequire(import.meta.url);",
].join("\n");

/** The TypeScript module text of one schema's validator. */
export async function generate(schemaPath, target) {
  const read = async (p) => JSON.parse(await readFile(path.join(root, p), "utf8"));
  const schema = await read(schemaPath);
  // The same options as the validators used at run time before: strict, every error reported.
  const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true, code: { source: true, esm: true } });
  addFormats(ajv);
  for (const ref of target?.refs ?? []) ajv.addSchema(await read(ref));
  const source = standaloneCode(ajv, ajv.compile(schema)).replace(/^"use strict";/, "");
  return `${banner}\n${source}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exit(await writeOrCheck(root, targets, generate, "generate:validators"));
}
