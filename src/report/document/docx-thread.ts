// `render --format docx` builds the document on a worker thread. The docx library makes every
// element of the document an object before it writes any of it (20,000 assignments: 3.8 GB of
// the 4 GB heap), and a process that runs out of memory dies with V8's fatal error and a native
// stack. A worker that runs out of memory only ends itself, and the command can say why.
import { Worker, type ResourceLimits } from "node:worker_threads";
import type { AgreementDocument } from "./model.js";

/** The document did not fit in memory: said in words, with what to do instead. */
export class DocumentTooLarge extends Error {
  constructor() {
    super(
      "the Word document of this agreement is too large to build in memory (the docx library holds every table cell as objects); " +
        "write it as HTML (--format html), or give Node more memory (NODE_OPTIONS=--max-old-space-size=8192)",
    );
    this.name = "DocumentTooLarge";
  }
}

/** The .docx bytes of `doc`; `resourceLimits` for the worker (tests give it a small heap). */
export function renderDocxOnThread(doc: AgreementDocument, resourceLimits?: ResourceLimits): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./docx-worker.js", import.meta.url), { workerData: doc, ...(resourceLimits ? { resourceLimits } : {}) });
    let settled = false;
    const settle = (f: () => void) => {
      if (!settled) (settled = true), f();
    };
    worker.once("message", (bytes: Uint8Array) => settle(() => resolve(bytes)));
    worker.once("error", (e: Error & { code?: string }) => settle(() => reject(e.code === "ERR_WORKER_OUT_OF_MEMORY" ? new DocumentTooLarge() : e)));
    worker.once("exit", (code) => settle(() => reject(new Error(`the docx worker stopped (exit code ${code}) before writing the document`))));
  });
}
