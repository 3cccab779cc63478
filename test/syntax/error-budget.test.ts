// The parser's limits on what a file can make it do: it recovers from MAX_RECOVERED_ERRORS
// errors and then stops where it is (each recovery looked ahead, often to the end of the file,
// and went a few frames deeper), and running out of stack is reported, or thrown for a caller
// that can parse again with a larger stack, never an internal error.
import { describe, expect, it } from "vitest";
import { Worker } from "node:worker_threads";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { MAX_RECOVERED_ERRORS, parse } from "../../src/syntax/index.js";
import { ensureBuilt, repo } from "../cli/helpers.js";

const mistakes = (n: number) => `agreement x "X" {\n${Array.from({ length: n }, (_, i) => `  allow R1 for function f${i} because "reason"\n`).join("")}}\n`;

describe("the parser's error budget", () => {
  it("a few mistakes are each reported, and the parse reads to the end", () => {
    const r = parse(mistakes(20), "a.concord");
    expect(r.stoppedAt).toBeUndefined();
    expect(r.diagnostics.filter((d) => d.code === "syntax").length).toBeGreaterThanOrEqual(20);
  });

  it(`past ${MAX_RECOVERED_ERRORS} errors it stops, and says where`, () => {
    const r = parse(mistakes(3_000), "a.concord");
    const syntax = r.diagnostics.filter((d) => d.code === "syntax");
    // The errors recovered from, and the few the parse itself adds at its end (the file ends early).
    expect(syntax.length).toBeGreaterThanOrEqual(MAX_RECOVERED_ERRORS - 10);
    expect(syntax.length).toBeLessThanOrEqual(MAX_RECOVERED_ERRORS + 5);
    expect(syntax.some((d) => /internal error/.test(d.message))).toBe(false);
    expect(r.stoppedAt).toBeDefined();
    // Where the last error it recovered from is: well before the end of the file.
    expect(r.stoppedAt!.line).toBe(syntax[syntax.length - 1]!.span.line);
    expect(r.stoppedAt!.line).toBeLessThan(3_000);
  });

  it("the next file gets the whole budget again (the shared parser is reset)", () => {
    parse(mistakes(3_000), "a.concord");
    const r = parse(mistakes(20), "b.concord");
    expect(r.stoppedAt).toBeUndefined();
    expect(r.diagnostics.filter((d) => d.code === "syntax").length).toBeGreaterThanOrEqual(20);
  });
});

describe("running out of stack", () => {
  // 5,000 nested functions on a 1 MB stack: the parser recurses per level (the loader sends
  // such files to a thread with a large stack before parsing; parse itself must still answer).
  const inWorker = async (throwOnStackOverflow: boolean): Promise<string> => {
    ensureBuilt();
    const syntax = pathToFileURL(path.join(repo, "dist/src/syntax/index.js")).href;
    const code = `
      const { parentPort, workerData } = await import("node:worker_threads");
      const { parse } = await import(workerData.syntax);
      let text = 'framework f "F" {\\n  levels system\\n  category c "C"\\n';
      for (let i = 0; i < 5000; i++) text += '  function g' + i + ' "G"' + (i === 0 ? ' in c' : '') + ' {\\n';
      text += '  function leaf "L"\\n' + '  }\\n'.repeat(5000) + '}\\n';
      try {
        parentPort.postMessage(parse(text, "a.concord", { throwOnStackOverflow: workerData.throwOnStackOverflow }).diagnostics.map((d) => d.message).join("\\n"));
      } catch (e) {
        parentPort.postMessage("threw " + e.name);
      }`;
    const w = new Worker(code, { eval: true, workerData: { syntax, throwOnStackOverflow }, resourceLimits: { stackSizeMb: 1 } });
    return new Promise((resolve, reject) => {
      w.on("message", (m: string) => resolve(m));
      w.on("error", reject);
    });
  };

  it("is a diagnostic that says so, not an internal error", async () => {
    expect(await inWorker(false)).toBe("The parser ran out of stack reading this file: it nests too deeply, or has too many errors in a row. Correct the first errors and check it again.");
  }, 60_000);

  it("is thrown as ParserStackOverflow when asked (the loader then reads the file on the large stack)", async () => {
    expect(await inWorker(true)).toBe("threw ParserStackOverflow");
  }, 60_000);
});
