// The fuzz campaign's harness: one input (the bytes of one file, checked inside a copy of
// policies/ so that its imports resolve) through the whole command line, in-process, with
// one output format, and every property that must hold for ANY input:
//   - no exception escapes, no "internal error", no stack trace;
//   - no exit code 2: file content is answered with diagnostics (0 or 1);
//   - json validates against schemas/diagnostics.schema.json, sarif is SARIF 2.1.0 JSON,
//     junit is well-formed XML (saxes), pretty and github hold no control character;
//   - no hang: each run finishes within HANG_MS.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { SaxesParser } from "saxes";
import type { CliContext } from "../../src/cli/context.js";
import { run, RERUN_WITH_LARGE_STACK } from "../../src/cli/program.js";
import { checkDiagnosticsReport } from "../../src/diagnostics/schema.js";
import { checkDiffJson } from "../../src/report/diff/json.js";
import { arbitraryAgreement, FRAMEWORK_TEXT } from "../support/arbitrary-agreement.js";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const FORMATS = ["pretty", "brief", "plain", "json", "sarif", "github", "junit"] as const;
export type FuzzFormat = (typeof FORMATS)[number];
/** The other commands that read a file's content: the reports and `diff` (against the file as it was). */
export const REPORTS = ["matrix-markdown", "matrix-csv", "matrix-html", "render-html", "explain", "diff"] as const;
export type FuzzReport = (typeof REPORTS)[number];
/**
 * What a report command may answer with exit code 2 because of a file's content: the command
 * cannot run on it (no agreement, several, no such function), said in one line.
 */
const REPORT_USAGE = /^concordat: (no agreement in .*: only frameworks|.* hold \d+ agreements .*: choose one with --agreement|\S+ has no function .*|cannot find the source of .*)\n$/;
export const HANG_MS = 20_000;
export const FIXTURES = path.join(repo, "test/fuzz/fixtures");

/** Every file of policies/, as [path under policies/, text]. */
export function policyFiles(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(path.join(dir, e.name), `${prefix}${e.name}/`);
      else if (e.name.endsWith(".concord") || e.name.endsWith(".concord.md")) out.push([`${prefix}${e.name}`, fs.readFileSync(path.join(dir, e.name), "utf8")]);
    }
  };
  walk(path.join(repo, "policies"), "");
  return out;
}

/** A scratch project: a copy of policies/ with a root marker, reused by every input. */
export function scratchProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concordat-fuzz-"));
  fs.writeFileSync(path.join(dir, "concordat.json"), "{}\n");
  for (const [rel, text] of policyFiles()) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  fs.writeFileSync(path.join(dir, "frameworks/gen.concord"), FRAMEWORK_TEXT);
  return dir;
}

function memoryContext(cwd: string, deepStack: boolean): CliContext & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { isTTY: false, write: (s) => void out.push(s) },
    stderr: { isTTY: false, write: (s) => void err.push(s) },
    cwd,
    env: { CI: "1" },
    exitCode: 0,
    deepStack,
  };
}

export interface FuzzInput {
  /** Where the input goes, under the scratch project (replacing that file for this run). */
  file: string;
  bytes: Uint8Array;
  format: FuzzFormat;
  /** Check the whole project (every file of policies/ with this one changed), not only this file. */
  whole?: boolean;
  /** Run this report command on the file instead of `check` (`format` is then unused). */
  report?: FuzzReport;
}

/** The command line of an input, and the old version's file for `diff` (written beside it). */
function commandOf(input: FuzzInput, text: string): { argv: string[]; old?: string } {
  const file = input.file;
  switch (input.report) {
    case undefined:
      return { argv: ["check", "--no-color", "--format", input.format, input.whole ? "." : file] };
    case "matrix-markdown":
    case "matrix-csv":
    case "matrix-html":
      return { argv: ["matrix", "--no-color", "--format", input.report.slice("matrix-".length), file] };
    case "render-html":
      return { argv: ["render", "--no-color", "--format", "html", file] };
    case "explain": {
      // The first function the file assigns, so that most inputs explain something.
      const activity = /\bassign\s+([A-Za-z_][A-Za-z0-9_.]*)/.exec(text)?.[1] ?? "hr";
      return { argv: ["explain", "--no-color", file, "--activity", activity] };
    }
    case "diff": {
      const old = path.join(path.dirname(file), `old-${path.basename(file)}`);
      return { argv: ["diff", "--no-color", "--format", "json", old, file], old };
    }
  }
}

/** Runs one input; throws (an assertion failure) when a property does not hold. */
export async function checkInput(project: string, input: FuzzInput): Promise<void> {
  const target = path.join(project, input.file);
  const original = fs.existsSync(target) ? fs.readFileSync(target) : undefined;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, input.bytes);
  const { argv, old } = commandOf(input, new TextDecoder().decode(input.bytes));
  // `diff` compares the file with what it was (the policy it mutates), or with itself.
  if (old !== undefined) fs.writeFileSync(path.join(project, old), original ?? input.bytes);
  try {
    const started = Date.now();
    let ctx = memoryContext(project, false);
    let code = await run(argv, ctx);
    if (code === RERUN_WITH_LARGE_STACK) {
      ctx = memoryContext(project, true);
      code = await run(argv, ctx);
    }
    const elapsed = Date.now() - started;
    const stdout = ctx.out.join("");
    const stderr = ctx.err.join("");
    const fail = (why: string): never => {
      throw new Error(`${why}\n${argv.join(" ")}: exit code ${code}, ${elapsed} ms\nstderr: ${stderr.slice(0, 2000)}\nstdout: ${stdout.slice(0, 2000)}`);
    };
    if (elapsed > HANG_MS) fail(`took ${elapsed} ms (a hang?)`);
    if (/internal error/i.test(stderr) || /internal error/i.test(stdout)) fail("internal error");
    if (/^\s+at .+[:(]\d+/m.test(stderr)) fail("stack trace");
    const usage = input.report !== undefined && code === 2 && REPORT_USAGE.test(stderr);
    if (code !== 0 && code !== 1 && !usage) fail(`exit code ${code} on file content`);
    if (input.report === undefined) validOutput(input.format, stdout, fail);
    else validReport(input.report, stdout, fail);
  } finally {
    if (original !== undefined) fs.writeFileSync(target, original);
    else fs.rmSync(target, { force: true });
    if (old !== undefined) fs.rmSync(path.join(project, old), { force: true });
  }
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** The output parsed as JSON, or the failure that says it is not. */
function parsedJson(what: string, stdout: string, fail: (why: string) => never): unknown {
  try {
    return JSON.parse(stdout);
  } catch (e) {
    return fail(`${what}: not JSON (${(e as Error).message})`);
  }
}

function validOutput(format: FuzzFormat, stdout: string, fail: (why: string) => never): void {
  if (format === "json") {
    const check = checkDiagnosticsReport(parsedJson("json", stdout, fail));
    if (!check.valid) fail(`json: does not match the schema: ${check.errors.join("; ")}`);
  } else if (format === "sarif") {
    const log = parsedJson("sarif", stdout, fail) as { version?: string; runs?: { results?: { ruleId?: string; message?: { text?: string }; locations?: { physicalLocation?: { region?: { startLine?: number } } }[] }[] }[] };
    if (log.version !== "2.1.0" || !Array.isArray(log.runs) || log.runs.length !== 1) fail("sarif: not one SARIF 2.1.0 run");
    for (const r of log.runs![0]!.results ?? []) {
      if (!r.ruleId || !r.message?.text) fail("sarif: a result without ruleId or message");
      for (const l of r.locations ?? []) {
        const line = l.physicalLocation?.region?.startLine;
        if (line !== undefined && !(Number.isInteger(line) && line >= 1)) fail(`sarif: startLine ${line}`);
      }
    }
  } else if (format === "junit") {
    const parser = new SaxesParser({ xmlns: false });
    let error: Error | undefined;
    parser.on("error", (e) => {
      error ??= e;
    });
    parser.write(stdout).close();
    if (error) fail(`junit: not well-formed XML (${error.message})`);
  } else if (CONTROL.test(stdout)) {
    const at = stdout.search(CONTROL);
    fail(`${format}: a raw control character U+${stdout.charCodeAt(at).toString(16).padStart(4, "0")} reached the terminal`);
  }
}

function validReport(report: FuzzReport, stdout: string, fail: (why: string) => never): void {
  if (report === "diff") {
    if (stdout === "") return; // the versions did not load: the errors are on stderr
    const check = checkDiffJson(parsedJson("diff", stdout, fail));
    if (!check.valid) fail(`diff: does not match the schema: ${check.errors.join("; ")}`);
    return;
  }
  // CSV lines end in CRLF (RFC 4180): the only control character it may hold.
  const text = report === "matrix-csv" ? stdout.replace(/\r\n/g, "\n") : stdout;
  if (CONTROL.test(text)) {
    const at = text.search(CONTROL);
    fail(`${report}: a raw control character U+${text.charCodeAt(at).toString(16).padStart(4, "0")} in the output`);
  }
  // The pages are self-contained and run nothing: text from a file never becomes markup.
  if ((report === "matrix-html" || report === "render-html") && stdout !== "") {
    if (/<script|\son[a-z]+\s*=/i.test(stdout)) fail(`${report}: a script or an event handler in the page`);
    if (!stdout.startsWith("<!doctype html>")) fail(`${report}: not a whole page`);
  }
}

// ---- The three generators ------------------------------------------------------------

const formatArb = fc.constantFrom(...FORMATS);
/** One input in three runs a report command instead of `check`. */
const reportArb: fc.Arbitrary<FuzzReport | undefined> = fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...REPORTS) });
const encoder = new TextEncoder();

/** Random Unicode text or random bytes, as a file of its own. */
export const randomInput: fc.Arbitrary<FuzzInput> = fc.record({
  file: fc.constantFrom("agreements/fuzz.concord", "agreements/fuzz.concord.md"),
  bytes: fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 300 }).map((s) => encoder.encode(s)),
    fc.string({ unit: "binary", maxLength: 300 }).map((s) => encoder.encode(s)),
    fc.uint8Array({ maxLength: 300 }),
    // Concordat-looking noise: keywords, braces, quotes, numbers and odd characters.
    fc
      .array(fc.constantFrom("agreement", "framework", "clause", "assign", "at", "where", "{", "}", '"', '"""', "1_0", "£", "\u00a0", "\u202e", "\u001b[2J", "0001-01-01", "9999-12-31", "__proto__", "import", '"../frameworks/nhs-baseline.concord"', " ", "\n", "//", "/*"), { maxLength: 80 })
      .map((ws) => encoder.encode(ws.join(" "))),
  ),
  format: formatArb,
  report: reportArb,
});

/** Tokens of a text with the whitespace between them, so that mutations work on words. */
function tokens(text: string): string[] {
  return text.match(/"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|[A-Za-z_][A-Za-z0-9_.]*|\d[\d_.,-]*|\s+|./g) ?? [];
}

type Mutation = { kind: "delete" | "duplicate"; at: number } | { kind: "swap"; at: number; with: number } | { kind: "truncate"; at: number } | { kind: "insert"; at: number; text: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom("{", "}", '"', "\u00a0", "\u201c", "\u0430", "\u202e", "\u0000", "__proto__", "1_0")) }),
);

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let ts = tokens(text);
  for (const m of mutations) {
    if (ts.length === 0) break;
    const i = m.at % ts.length;
    if (m.kind === "delete") ts.splice(i, 1);
    else if (m.kind === "duplicate") ts.splice(i, 0, ts[i]!);
    else if (m.kind === "swap") {
      const j = m.with % ts.length;
      [ts[i], ts[j]] = [ts[j]!, ts[i]!];
    } else if (m.kind === "insert") ts.splice(i, 0, m.text);
    else {
      const joined = ts.join("");
      ts = [joined.slice(0, m.at % (joined.length + 1))];
    }
  }
  return ts.join("");
}

/**
 * A file of policies/ with a few mutations, in its own place (its imports resolve). One in four
 * checks the whole project, so that the files importing a mutated framework are checked too;
 * the others check the file with its imports (a whole-project run costs about four times as much).
 */
export const mutantInput: fc.Arbitrary<FuzzInput> = fc
  .record({ which: fc.nat(), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }), format: formatArb, whole: fc.nat({ max: 3 }).map((n) => n === 0), report: reportArb })
  .map(({ which, mutations, format, whole, report }) => {
    const files = policyFilesCached();
    const [file, text] = files[which % files.length]!;
    // A report reads the file (with its imports); `whole` is for `check`.
    return { file, bytes: encoder.encode(mutate(text, mutations)), format, whole: whole && report === undefined, report };
  });

let cached: [string, string][] | undefined;
function policyFilesCached(): [string, string][] {
  return (cached ??= policyFiles());
}

/** A random well-formed agreement over the generated framework (test/support/arbitrary-agreement). */
export const agreementInput: fc.Arbitrary<FuzzInput> = fc.record({ agreement: arbitraryAgreement, format: formatArb, report: reportArb }).map(({ agreement, format, report }) => ({
  file: "agreements/generated.concord",
  bytes: encoder.encode(`import "../frameworks/gen.concord"\n\n${agreement.text}`),
  format,
  report,
}));

export const generators = { random: randomInput, mutants: mutantInput, agreements: agreementInput } as const;

/** Saves a failing input as a fixture that the suite replays from then on. */
export function saveFixture(input: FuzzInput, why: string): string {
  fs.mkdirSync(FIXTURES, { recursive: true });
  const name = `found-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  fs.writeFileSync(path.join(FIXTURES, `${name}.bin`), input.bytes);
  fs.writeFileSync(path.join(FIXTURES, `${name}.json`), JSON.stringify({ file: input.file, format: input.format, whole: input.whole === true, ...(input.report ? { report: input.report } : {}), why: why.split("\n")[0] }, null, 2) + "\n");
  return name;
}

/** Every saved fixture, as inputs. */
export function savedFixtures(): { name: string; input: FuzzInput }[] {
  if (!fs.existsSync(FIXTURES)) return [];
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const meta = JSON.parse(fs.readFileSync(path.join(FIXTURES, f), "utf8")) as { file: string; format: FuzzFormat; whole?: boolean; report?: FuzzReport };
      const name = f.slice(0, -".json".length);
      return { name, input: { file: meta.file, format: meta.format, whole: meta.whole === true, report: meta.report, bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, `${name}.bin`))) } };
    });
}
