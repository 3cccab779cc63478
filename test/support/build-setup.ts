// vitest globalSetup: rebuild dist/ (tsc, then the bundle in dist/bin) when any file under src/
// (or tsconfig.json) is newer than the built CLI, so that a bare `npx vitest run` never tests a stale binary (the CLI tests spawn it).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = path.join(repo, "dist/bin/main.js");

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** `npm run build` without npm: tsc into dist/src, then the bundle into dist/bin. Throws with their output when either fails. */
export function build(): void {
  const tsc = spawnSync(process.execPath, [path.join(repo, "node_modules/typescript/bin/tsc"), "-p", path.join(repo, "tsconfig.json")], { cwd: repo, encoding: "utf8" });
  const r = tsc.status === 0 ? spawnSync(process.execPath, [path.join(repo, "scripts/bundle.mjs")], { cwd: repo, encoding: "utf8" }) : tsc;
  if (r.status !== 0 || !existsSync(bin)) throw new Error(`could not build concordat:\n${r.stdout}\n${r.stderr}`);
}

export default function setup(): void {
  const sources = Math.max(newest(path.join(repo, "src")), statSync(path.join(repo, "tsconfig.json")).mtimeMs);
  if (existsSync(bin) && statSync(bin).mtimeMs >= sources && newest(path.join(repo, "dist/src")) >= sources) return;
  build();
}
