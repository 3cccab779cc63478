// The Word document of `render --format docx`, built on a worker thread (see docx-thread.ts):
// the document model comes in as data, the file's bytes go back, transferred.
import { parentPort, workerData } from "node:worker_threads";
import { renderDocumentDocx } from "./docx.js";
import type { AgreementDocument } from "./model.js";

const bytes = await renderDocumentDocx(workerData as AgreementDocument);
parentPort!.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
