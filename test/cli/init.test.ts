// `concordat init` on every framework in policies/ (with no model, and with each of its
// models): the agreement parses, and `check` on it reports exactly its TODOs: every
// finding sits on a TODO (a gap on the `assign` that holds it, an agreement-wide finding
// on the header that the agreement's TODOs open under), and every TODO has a finding.
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/program.js";
import type { CliContext, Stream } from "../../src/cli/context.js";
import { listSourceFiles } from "../../src/semantics/load.js";
import { parse } from "../../src/syntax/index.js";
import { extractLiterate, loadMarkdownParser } from "../../src/semantics/literate.js";
import { repo } from "./helpers.js";

function capture(): Stream & { text: string } {
  const s = { text: "", isTTY: false, write(x: string) { s.text += x; } };
  return s;
}
async function concordat(cwd: string, args: string[]) {
  const ctx = { stdout: capture(), stderr: capture(), cwd, env: {}, exitCode: 0 } satisfies CliContext;
  const code = await run(args, ctx);
  return { code, stdout: ctx.stdout.text, stderr: ctx.stderr.text };
}


// extractLiterate is called directly, outside `run`: the Markdown parser is loaded first.
await loadMarkdownParser();

/** A copy of policies/ in its own project, so imports stay inside the project root. */
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "concordat-init-"));
  cpSync(path.join(repo, "policies"), path.join(dir, "policies"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), "{}\n");
  return dir;
}

const frameworkFiles = listSourceFiles(path.join(repo, "policies"))
  .map((f) => ({ rel: path.relative(repo, f).split(path.sep).join("/"), text: readFileSync(f, "utf8") }))
  .map((f) => ({ ...f, ast: parse(f.rel.endsWith(".md") ? extractLiterate(f.text) : f.text, f.rel).ast }))
  .filter((f) => f.ast.declarations.some((d) => d.kind === "Framework"));
/** Each framework file with no model, then with each model it (or what it extends) declares: found by asking init for a model that does not exist. */
async function modelsOf(dir: string, rel: string): Promise<string[]> {
  const r = await concordat(dir, ["init", "--framework", rel, "--name", "probe", "--model", "no_such_model_x"]);
  const m = /its models are (.*)$/m.exec(r.stderr);
  return m ? m[1]!.split(", ") : [];
}

interface Todo {
  line: number;
  tags: string[];
  text: string;
}
function todos(text: string): Todo[] {
  return text.split("\n").flatMap((l, i) => {
    const m = /\/\/ TODO\(([^)]*)\): (.*)$/.exec(l);
    return m ? [{ line: i + 1, tags: m[1]!.split(", "), text: m[2]! }] : [];
  });
}
interface Finding {
  code: string;
  rule?: string;
  message: string;
  line: number;
  file: string;
}

async function checkInit(dir: string, rel: string, model: string | undefined, literate: boolean) {
  const out = `drafts/new_${model ?? "none"}${literate ? ".concord.md" : ".concord"}`;
  const args = ["init", "--framework", rel, "--name", "new_agreement", "-o", out, ...(model ? ["--model", model] : []), ...(literate ? ["--literate"] : [])];
  const made = await concordat(dir, args);
  expect(made.stderr).toMatch(/wrote/);
  expect(made.code).toBe(0);
  const text = readFileSync(path.join(dir, out), "utf8");
  const source = literate ? extractLiterate(text) : text;
  expect(parse(source, out).diagnostics).toEqual([]);
  // Already in the canonical layout.
  expect((await concordat(dir, ["fmt", "--check", out])).code).toBe(0);

  const checked = await concordat(dir, ["check", "--format", "json", out]);
  const findings = (JSON.parse(checked.stdout).diagnostics as Finding[]).filter((d) => d.file === out);
  // Nothing is wrong but what is still to decide: no name, type or syntax error.
  expect(findings.map((f) => f.code).filter((c) => !["gap", "rule", "model"].includes(c))).toEqual([]);
  const header = source.split("\n").findIndex((l) => /^\s*agreement new_agreement\b/.test(l)) + 1;
  const list = todos(source);
  const matched = new Set<Todo>();
  for (const f of findings) {
    const tag = `${f.code === "model" ? "model" : "rule"} ${f.rule}`;
    let candidates: Todo[];
    if (f.code === "gap") {
      // On the assign, whose first line inside is its TODO.
      candidates = list.filter((t) => t.line === f.line + 1 && t.tags.includes(tag));
    } else {
      expect(f.line, `${f.message} sits on the agreement's header`).toBe(header);
      candidates = list.filter((t) => t.tags.includes(tag) && t.line > header && !list.some((u) => u.line > header && u.line < t.line && /assign/.test(u.text)));
      if (candidates.length > 1) {
        // Kinds of body are named by their titles ("a body that is a comité stratégique").
        const words = [...f.message.matchAll(/`([^`]+)`|(role \w+)|(kind \w+)|(review|term)|body that is an? (.+?)(?:, which| which|, and|\.$)/g)].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]!).toLowerCase());
        // The decision itself, not the rule's title quoted after it ("Duration and review").
        candidates = candidates.filter((t) => words.some((w) => t.text.replace(/ \((?:rule|model) [^)]*\)$/, "").toLowerCase().includes(w)));
      }
    }
    expect(candidates.map((t) => t.text), `one TODO for: ${f.message}`).toHaveLength(1);
    matched.add(candidates[0]!);
  }
  expect(list.filter((t) => !matched.has(t)).map((t) => t.text), "TODOs that check does not report").toEqual([]);
  return { findings, todos: list };
}

describe("concordat init", () => {
  it("finds frameworks to test in policies/", () => {
    expect(frameworkFiles.length).toBeGreaterThan(0);
  });

  for (const f of frameworkFiles) {
    it(`on ${f.rel}, with no model and with each of its models, gives exactly the TODOs as findings`, async () => {
      const dir = project();
      const models = await modelsOf(dir, f.rel);
      for (const model of [undefined, ...models]) {
        // A model that a `use model` rule forbids is refused (exit 2), never drafted.
        const probe = await concordat(dir, ["init", "--framework", f.rel, "--name", "probe", ...(model ? ["--model", model] : [])]);
        if (probe.code === 2 && /allows only/.test(probe.stderr)) continue;
        await checkInit(dir, f.rel, model, false);
      }
    });
    it(`on ${f.rel}, --literate, gives a .concord.md with the same TODOs as findings`, async () => {
      const dir = project();
      await checkInit(dir, f.rel, undefined, true);
      const text = readFileSync(path.join(dir, "drafts/new_none.concord.md"), "utf8");
      expect(text).toMatch(/^# new_agreement\n/);
      expect(text).toMatch(/## The agreement/);
    });
  }

  it("on the NHS baseline with the federated model, asks for what the rules and the model require", async () => {
    const dir = project();
    const { findings, todos: list } = await checkInit(dir, "policies/frameworks/nhs-baseline.concord", "federated", false);
    const texts = list.map((t) => `${t.tags.join(", ")}: ${t.text.split(":")[0]}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        "rule B6, model federated: provision dispute_resolution",
        "rule B6: provision exit",
        "rule B10: at least 2 parties of kind nhs_trust or foundation_trust (rule B10, “A real collaboration”)",
        "model federated: a party with role group (Group organisation co-owned by the members), which the federated model requires",
      ]),
    );
    // Every activity the baseline covers has its assign, at the level rule B3/B4/B5 asks for.
    const text = readFileSync(path.join(dir, "drafts/new_federated.concord"), "utf8");
    expect(text).toMatch(/^ {4}assign procurement at system \{$/m);
    expect(text).toMatch(/^ {4}assign engagement at system \{$/m);
    expect(text).toMatch(/^ {4}assign emergency_care \{$/m);
    expect(findings.filter((f) => f.code === "gap")).toHaveLength(8);
    expect(text).toContain('import "../policies/frameworks/nhs-baseline.concord"');
  });

  it("refuses a model that a `use model` rule forbids, and drafts one it allows", async () => {
    const dir = project();
    writeFileSync(
      path.join(dir, "policies/only-federated.concord"),
      'import "./frameworks/collaboration-models.concord"\n\nframework only_federated {\n  extends collaboration_models\n  function audit "Audit"\n  rule U1 { must use model federated }\n  rule U2 { must cover function audit }\n}\n',
    );
    const refused = await concordat(dir, ["init", "--framework", "policies/only-federated.concord", "--name", "a", "--model", "co_ownership"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/rule U1 allows only the federated model, not co_ownership/);
    const { findings } = await checkInit(dir, "policies/only-federated.concord", "federated", false);
    expect(findings.map((f) => `${f.code} ${f.rule}`).sort()).toEqual(["gap U2", "model federated", "model federated"]);
  });

  it("refuses a bad name, an unknown model, and an output file that exists, writing nothing", async () => {
    const dir = project();
    const fw = "policies/frameworks/nhs-baseline.concord";
    const bad = await concordat(dir, ["init", "--framework", fw, "--name", "not-a-name"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/is not a name/);
    const model = await concordat(dir, ["init", "--framework", fw, "--name", "a", "--model", "nope"]);
    expect(model.code).toBe(2);
    expect(model.stderr).toMatch(/has no model nope; its models are .*federated/);
    const existing = await concordat(dir, ["init", "--framework", fw, "--name", "a", "-o", "policies/agreements/eastmoor-mou.concord"]);
    expect(existing.code).toBe(2);
    expect(existing.stderr).toMatch(/already exists/);
    expect(readFileSync(path.join(dir, "policies/agreements/eastmoor-mou.concord"), "utf8")).toBe(readFileSync(path.join(repo, "policies/agreements/eastmoor-mou.concord"), "utf8"));
    expect(existsSync(path.join(dir, "drafts"))).toBe(false);
  });
});
