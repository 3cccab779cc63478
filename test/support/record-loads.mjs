// Preloaded with `node --import`: records every module the program loads, one per line, in the
// file named by CONCORDAT_LOAD_LOG: ES modules through a load hook (which runs on its own
// thread in Node 20), CommonJS ones (`createRequire`) by wrapping Module._load.
import { appendFileSync } from "node:fs";
import Module, { register } from "node:module";

const log = process.env.CONCORDAT_LOAD_LOG ?? "";

register(
  "data:text/javascript," +
    encodeURIComponent(`
import { appendFileSync } from "node:fs";
const log = ${JSON.stringify(log)};
export async function load(url, context, next) {
  if (log) appendFileSync(log, url + "\\n");
  return next(url, context);
}`),
);

const load = Module._load;
Module._load = function (request, ...rest) {
  if (log) appendFileSync(log, `require:${request}\n`);
  return load.call(this, request, ...rest);
};
