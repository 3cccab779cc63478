#!/usr/bin/env node
// The `concordat` executable. Everything is loaded inside the try, so that even a failure
// while loading a module ends in a short message and exit code 2, never a stack trace.
//
// The stages recurse over the syntax tree, and Node's default stack holds only a few
// hundred levels of nesting. A file nested deeper makes the command stop before it has
// printed or written anything (DeepNestingError), and the command runs again on a worker
// thread with a 1 GB stack, which reads up to MAX_NESTING (20,000) levels. Ordinary files
// never pay for the thread.
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

const STACK_MB = 1024;

function internalError(e: unknown): number {
  process.stderr.write(
    `concordat: internal error: ${e instanceof Error ? e.message : String(e)}\n` +
      "This is a bug in concordat, not in your files. Please report it, with the command you ran.\n",
  );
  return 2;
}

async function runHere(argv: string[], deepStack: boolean, tty?: { stdout: boolean; stderr: boolean }): Promise<number> {
  const { processContext } = await import("./context.js");
  const { run } = await import("./program.js");
  const ctx = processContext();
  if (tty) {
    ctx.stdout.isTTY = tty.stdout;
    ctx.stderr.isTTY = tty.stderr;
  }
  ctx.deepStack = deepStack;
  return run(argv, ctx);
}

function runWithLargeStack(argv: string[]): Promise<number> {
  return new Promise((resolve) => {
    const temporaries = new Set<string>();
    const worker = new Worker(new URL(import.meta.url), {
      argv,
      workerData: { concordatDeep: true, stdout: Boolean(process.stdout.isTTY), stderr: Boolean(process.stderr.isTTY) },
      resourceLimits: { stackSizeMb: STACK_MB },
      env: process.env,
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
    worker.on("error", (e) => resolve(internalError(e)));
    worker.on("exit", () => {
      for (const s of signals) process.removeListener(s, onSignal);
      resolve(2);
    });
  });
}

if (isMainThread) {
  let code = 2;
  try {
    const argv = process.argv.slice(2);
    const { RERUN_WITH_LARGE_STACK } = await import("./program.js");
    code = await runHere(argv, false);
    if (code === RERUN_WITH_LARGE_STACK) code = await runWithLargeStack(argv);
  } catch (e) {
    code = internalError(e);
  }
  process.exitCode = code;
} else if ((workerData as { concordatDeep?: boolean } | undefined)?.concordatDeep) {
  let code = 2;
  const data = workerData as { stdout: boolean; stderr: boolean };
  try {
    code = await runHere(process.argv.slice(2), true, { stdout: data.stdout, stderr: data.stderr });
    if (code < 0) code = 2;
  } catch (e) {
    code = internalError(e);
  }
  parentPort?.postMessage({ exitCode: code });
}
