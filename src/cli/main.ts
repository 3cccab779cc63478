#!/usr/bin/env node
// The `concordat` executable. Everything is loaded inside the try, so that even a failure
// while loading a module ends in a short message and exit code 2, never a stack trace.
//
// The stages recurse over the syntax tree, and Node's default stack holds only a few
// hundred levels of nesting. A file nested deeper makes the command stop before it has
// printed or written anything (DeepNestingError), and the command runs again on a worker
// thread with a 1 GB stack, which reads up to MAX_NESTING (20,000) levels. Files large for
// the heap go there too (LargeInputError, src/semantics/load.ts): a thread that runs out of
// memory ends with a message, where the process would die with V8's fatal error and a native
// stack. Ordinary files never pay for the thread, except in the report commands: their
// output can grow with the square of a small input (`explain` lists, for each of 1,000
// value bands, the chain of delegations in force there: 30 MB), so they always run on it,
// which costs about 50 ms.
import module from "node:module";

// Node 22.1 and later keep V8's compiled code of the modules loaded after this line between
// runs (in the system's temporary folder, or NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1
// turns it off), as TypeScript's tsc does: checking one small file on Node 22 took 0.20 s,
// 0.17 s with it. It never fails a run. Node 20 has no such cache.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const STACK_MB = 1024;

/**
 * Set in the environment of the thread that runWithLargeStack starts. Node's worker_threads is
 * a millisecond of every start: it is loaded, to tell that thread from the main one, only where
 * this is set.
 */
const LARGE_STACK_THREAD = "CONCORDAT_LARGE_STACK_THREAD";

/** The data runWithLargeStack gives its thread, when this is that thread. */
function largeStackThreadData(): { stdout: boolean; stderr: boolean; stdin?: Uint8Array } | undefined {
  if (process.env[LARGE_STACK_THREAD] === undefined) return undefined;
  const { isMainThread, workerData } = process.getBuiltinModule("node:worker_threads");
  const data = workerData as { concordatDeep?: boolean; stdout: boolean; stderr: boolean; stdin?: Uint8Array } | undefined;
  return !isMainThread && data?.concordatDeep ? data : undefined;
}

/**
 * The worker's young generation, in MB: at most a sixteenth of the heap, and 48 MB (Node 22's
 * default). A thread's out-of-memory ends in a message only if V8 can finish the garbage
 * collection that hit the limit within the 16 MB more that Node then allows; promoting a
 * young generation larger than that overshoots it and V8 aborts the whole process. Node 24
 * gives 192 MB of young generation whatever the old one (64 MB old, 256 MB in all): about
 * one run in twelve of a report too large for 64 MB ended in V8's fatal error there.
 */
function youngGenerationMb(): number {
  return Math.max(4, Math.min(48, Math.floor(heapLimitMb() / 16)));
}

/** The heap Node gives this process, in MB. */
function heapLimitMb(): number {
  return process.getBuiltinModule("node:v8").getHeapStatistics().heap_size_limit / 2 ** 20;
}

/** Commands whose output is not bounded by the input's size (see above). */
const UNBOUNDED_OUTPUT = new Set(["explain", "matrix", "render", "diff"]);

/** The command `argv` names: its first word that is not an option (the program's own options take no value). */
function commandOf(argv: readonly string[]): string | undefined {
  return argv.find((a) => !a.startsWith("-"));
}

function internalError(e: unknown): number {
  process.stderr.write(
    `concordat: internal error: ${e instanceof Error ? e.message : String(e)}\n` +
      "This is a bug in concordat, not in your files. Please report it, with the command you ran.\n",
  );
  return 2;
}

interface Worked {
  code: number;
  /** Standard input, when the command read it. */
  stdin?: Uint8Array | undefined;
}

async function runHere(argv: string[], deepStack: boolean, given?: { stdout: boolean; stderr: boolean; stdin?: Uint8Array | undefined }): Promise<Worked> {
  const { processContext } = await import("./context.js");
  const { run } = await import("./program.js");
  const ctx = processContext();
  if (given) {
    ctx.stdout.isTTY = given.stdout;
    ctx.stderr.isTTY = given.stderr;
    if (given.stdin !== undefined) ctx.stdin = given.stdin;
  }
  ctx.deepStack = deepStack;
  const code = await run(argv, ctx);
  return { code, stdin: ctx.stdin };
}

/** What to do when the files are too large for the memory Node gives concordat. */
function outOfMemoryMessage(): string {
  const limitMb = Math.round(heapLimitMb());
  return (
    `concordat: these files need more memory than Node gives concordat (${limitMb.toLocaleString("en-GB")} MB); nothing was written.\n` +
    `Give it more, for example: NODE_OPTIONS=--max-old-space-size=${Math.max(8192, 2 * limitMb)} concordat …, or give it fewer files at a time.\n`
  );
}

function runWithLargeStack(argv: string[], stdin: Uint8Array | undefined): Promise<number> {
  return new Promise((resolve) => {
    const temporaries = new Set<string>();
    const { Worker } = process.getBuiltinModule("node:worker_threads");
    const worker = new Worker(new URL(import.meta.url), {
      argv,
      workerData: { concordatDeep: true, stdout: Boolean(process.stdout.isTTY), stderr: Boolean(process.stderr.isTTY), stdin },
      resourceLimits: { stackSizeMb: STACK_MB, maxYoungGenerationSizeMb: youngGenerationMb() },
      env: { ...process.env, [LARGE_STACK_THREAD]: "1" },
    });
    // Signals reach only this thread: remove the worker's temporary files, then end as the signal would.
    const onSignal = (signal: NodeJS.Signals): void => {
      void import("./write-atomic.js").then(({ removeTemporaries }) => {
        removeTemporaries(temporaries);
        process.kill(process.pid, signal);
      });
      for (const s of signals) process.removeListener(s, onSignal);
    };
    const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
    for (const s of signals) process.on(s, onSignal);
    worker.on("message", (m: { concordatTemporary?: string; pending?: boolean; exitCode?: number }) => {
      if (typeof m.concordatTemporary === "string") {
        if (m.pending) temporaries.add(m.concordatTemporary);
        else temporaries.delete(m.concordatTemporary);
      }
      if (typeof m.exitCode === "number") resolve(m.exitCode);
    });
    worker.on("error", (e: Error & { code?: string }) => {
      if (e.code !== "ERR_WORKER_OUT_OF_MEMORY") return resolve(internalError(e));
      // The thread ran out of memory before the command printed anything (output goes at the
      // end); a file it was writing is a temporary, removed here.
      process.stderr.write(outOfMemoryMessage());
      void import("./write-atomic.js").then(({ removeTemporaries }) => {
        removeTemporaries(temporaries);
        resolve(2);
      });
    });
    worker.on("exit", () => {
      for (const s of signals) process.removeListener(s, onSignal);
      resolve(2);
    });
  });
}

const onLargeStackThread = largeStackThreadData();
if (onLargeStackThread === undefined) {
  let code = 2;
  try {
    const argv = process.argv.slice(2);
    const { RERUN_WITH_LARGE_STACK } = await import("./program.js");
    if (UNBOUNDED_OUTPUT.has(commandOf(argv) ?? "")) code = await runWithLargeStack(argv, undefined);
    else {
      const first = await runHere(argv, false);
      code = first.code;
      if (code === RERUN_WITH_LARGE_STACK) code = await runWithLargeStack(argv, first.stdin);
    }
  } catch (e) {
    code = internalError(e);
  }
  process.exitCode = code;
} else {
  // The commands' own environment, as the main thread's.
  delete process.env[LARGE_STACK_THREAD];
  let code = 2;
  try {
    code = (await runHere(process.argv.slice(2), true, onLargeStackThread)).code;
    if (code < 0) code = 2;
  } catch (e) {
    code = internalError(e);
  }
  process.getBuiltinModule("node:worker_threads").parentPort?.postMessage({ exitCode: code });
}
