// The npm package: `npm pack` from a clean copy of the sources builds and ships dist/, the
// whitelist keeps tests and sources out, the runtime dependencies are exactly the packages the
// built code imports, and the tarball installs in an empty project where `npx concordat` works.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repo } from "../cli/helpers.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const pkg = JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8"));

let tarball: string;
let files: string[];

beforeAll(() => {
  // A clean checkout: the tracked sources only (no dist/), with the installed node_modules.
  const src = mkdtempSync(path.join(tmpdir(), "concordat-src-"));
  const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: repo, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const f of tracked) {
    mkdirSync(path.dirname(path.join(src, f)), { recursive: true });
    try {
      cpSync(path.join(repo, f), path.join(src, f));
    } catch {
      // a tracked file deleted in the working tree
    }
  }
  symlinkSync(path.join(repo, "node_modules"), path.join(src, "node_modules"), "dir");
  const out = mkdtempSync(path.join(tmpdir(), "concordat-pack-"));
  const json = execFileSync(npm, ["pack", "--json", "--pack-destination", out], { cwd: src, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const info = JSON.parse(json.slice(json.indexOf("[")))[0];
  tarball = path.join(out, info.filename);
  files = info.files.map((f: { path: string }) => f.path).sort();
}, 240_000);

describe("npm package", () => {
  it("ships the build, the schemas and the docs, and nothing else", () => {
    expect(files).toContain("dist/bin/main.js");
    expect(files).toContain("schemas/ruleset.schema.json");
    expect(files).toContain("schemas/diff.schema.json");
    expect(files).toContain("README.md");
    for (const f of files) expect(f).toMatch(/^(dist\/(src\/.*|bin\/[^/]*)\.js|(dist\/)?schemas\/[a-z]+\.schema\.json|grammar\/(concordat\.ebnf|README\.md)|README\.md|ARCHITECTURE\.md|package\.json)$/);
    expect(files.some((f) => f.startsWith("test/") || f.startsWith("dist/test/") || f.endsWith(".ts") || f.endsWith(".map") || f.endsWith(".tgz"))).toBe(false);
  });

  it("says where it comes from", () => {
    expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\//);
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.bugs.url).toMatch(/\/issues$/);
    expect(pkg.scripts.prepack).toContain("npm run build");
  });

  it("depends at run time on exactly the packages the built code imports", () => {
    const imported = new Set<string>();
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (e.name.endsWith(".js")) {
          const text = readFileSync(full, "utf8");
          // import … from "x", import("x"), require("x"), import.meta.resolve("x"), createRequire(…)("x"): a package name, maybe with a sub-path.
          const name = `["']((?:@[a-z0-9._-]+/)?[a-z0-9][a-z0-9._-]*(?:/[A-Za-z0-9._/-]+)?)["']`;
          for (const m of text.matchAll(new RegExp(`(?:\\bfrom\\s+|\\bimport\\s*\\(\\s*|\\brequire\\s*\\(\\s*|import\\.meta\\.resolve\\s*\\(\\s*|createRequire\\(import\\.meta\\.url\\)\\(\\s*)${name}`, "g"))) {
            const spec = m[1]!;
            if (spec.startsWith("node:")) continue;
            imported.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
          }
        }
      }
    };
    walk(path.join(repo, "dist/src"));
    expect([...imported].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it("installs from the tarball in an empty project, where npx concordat check and concordat schema work", () => {
    const project = mkdtempSync(path.join(tmpdir(), "concordat-user-"));
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "policies", version: "1.0.0", private: true }));
    const install = spawnSync(npm, ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], { cwd: project, encoding: "utf8", timeout: 240_000 });
    expect(install.status, install.stderr).toBe(0);
    cpSync(path.join(repo, "test/fixtures/examples"), path.join(project, "policies"), { recursive: true });
    const check = spawnSync("npx", ["--no-install", "concordat", "check", "--format", "plain", "policies/agreements/eastmoor-mou.concord"], { cwd: project, encoding: "utf8", timeout: 120_000 });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(1);
    expect(check.stdout.split("\n")[0]).toBe(
      "policies/agreements/eastmoor-mou.concord:6:1: error model/direct_outsourcing: The direct outsourcing model requires a `service_level_agreement` provision, which the agreement does not have.",
    );
    const clean = spawnSync("npx", ["--no-install", "concordat", "check", "policies/agreements/northvale-group.concord"], { cwd: project, encoding: "utf8", timeout: 120_000 });
    expect(clean.status).toBe(0);
    const schema = spawnSync(path.join(project, "node_modules/.bin/concordat"), ["schema"], { cwd: project, encoding: "utf8", timeout: 60_000 });
    expect(schema.status).toBe(0);
    expect(JSON.parse(schema.stdout).$id).toBe("https://concordat.dev/schemas/ruleset.schema.json");
  }, 300_000);
});
