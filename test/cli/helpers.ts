// Runs the BUILT binary (dist/bin/main.js, the bundle `bin` points to), as a user would. `npm test` builds first;
// when dist is missing (a bare `npx vitest run`), ensureBuilt() builds once.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "../support/build-setup.js";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const bin = path.join(repo, "dist/bin/main.js");

let built = false;
export function ensureBuilt(): void {
  if (built || existsSync(bin)) {
    built = true;
    return;
  }
  build();
  built = true;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function concordat(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, CI: "1", ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? repo, env: env as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000, ...(options.input !== undefined ? { input: options.input } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "concordat-cli-"));
}

/** A stack trace would show frames like "    at foo (file.js:1:2)". */
export const STACK = /^\s+at .+[:(]\d+/m;

export const ESC = /\u001b\[/;
