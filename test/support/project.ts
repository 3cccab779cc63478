// A temporary project for tests: a folder (with a `concordat.json` marker unless `marker` is
// false) holding `files`, sub-folders made as needed. It imports nothing of concordat, so a test
// of what a command loads can use it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function project(files: Record<string, string>, marker = true): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concordat-project-"));
  if (marker) fs.writeFileSync(path.join(dir, "concordat.json"), "{}\n");
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  return dir;
}
