// Bundles the built CLI (dist/src, from tsc) into dist/bin: the entry points, and one file per
// part that a command loads lazily (split at every dynamic import, so `check` still loads
// neither the renderers it does not print with nor the report libraries). Node resolves,
// reads and instantiates some 110 ES modules at every start otherwise, which was about a fifth
// of checking one small file. Dependencies stay external (loaded from node_modules as they
// are), except the two small ones every command needs.
import { build } from "esbuild";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const inlined = new Set(["commander", "fastest-levenshtein"]);

// A fresh folder: chunk names carry a hash, and old chunks would pile up.
rmSync(path.join(root, "dist/bin"), { recursive: true, force: true });

// commander loads child_process as it starts, for subcommands that are programs of their own
// (`git-foo`); concordat has none, and Node's child_process (with net, dgram and the streams)
// was 2 ms of every start. commander gets it when it would spawn one.
const commanderSpawnsLazily = {
  name: "commander-spawns-lazily",
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: "child_process (loaded on first spawn)", namespace: "lazy-child-process" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-child-process" }, () => ({
      contents: 'module.exports = { spawn: (...args) => process.getBuiltinModule("node:child_process").spawn(...args) };',
      loader: "js",
    }));
  },
};

await build({
  absWorkingDir: root,
  // By name: each lands in dist/bin itself, where the code that starts a worker looks for it.
  entryPoints: { main: "dist/src/cli/main.js", "analysis-worker": "dist/src/cli/analysis-worker.js", "check-worker": "dist/src/cli/check-worker.js", "docx-worker": "dist/src/report/document/docx-worker.js" },
  outdir: "dist/bin",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  external: Object.keys(pkg.dependencies ?? {}).filter((d) => !inlined.has(d)),
  // commander is CommonJS: its `require`s of Node's modules need a `require` in an ES module.
  banner: { js: 'import { createRequire as __concordatRequire } from "node:module"; const require = __concordatRequire(import.meta.url);' },
  plugins: [commanderSpawnsLazily],
  logLevel: "warning",
});
