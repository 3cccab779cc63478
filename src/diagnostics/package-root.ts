// Where concordat's own files (package.json, schemas/) are, whether running from
// the sources (vitest) or from the build in dist/.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/** The folder holding concordat's package.json (searched upward from this module). */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate) && existsSync(join(dir, "schemas"))) {
      try {
        const pkg = JSON.parse(readFileSync(candidate, "utf8")) as { name?: unknown };
        if (pkg.name === "concordat") return (cached = dir);
      } catch {
        // not ours; keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find concordat's package.json above " + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** A file shipped with concordat, by its path from the package root (`schemas/ruleset.schema.json`). */
export function readPackageFile(relativePath: string): string {
  return readFileSync(join(packageRoot(), relativePath), "utf8");
}

/** concordat's version, from its package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readPackageFile("package.json")) as { version?: unknown };
  return typeof pkg.version === "string" ? pkg.version : "0.0.0";
}
