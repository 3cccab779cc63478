// Writes generated files, or with --check reports the ones that differ from what their schema
// generates (the drift tests run that). Shared by generate-types.mjs and generate-validators.mjs.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** `targets`: { schema, out } relative to `root`; `generate(schema, target)` gives the text; `command` is the npm script to suggest. */
export async function writeOrCheck(root, targets, generate, command) {
  const check = process.argv.includes("--check");
  let drift = false;
  for (const target of targets) {
    const { schema, out } = target;
    const text = await generate(schema, target);
    const file = path.join(root, out);
    if (check) {
      const current = await readFile(file, "utf8").catch(() => "");
      if (current !== text) {
        console.error(`${out} differs from what ${schema} generates: run npm run ${command}`);
        drift = true;
      }
    } else {
      await writeFile(file, text);
    }
  }
  return drift ? 1 : 0;
}
