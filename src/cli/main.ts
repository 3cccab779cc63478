#!/usr/bin/env node
// The `concordat` executable. Everything is loaded inside the try, so that even a failure
// while loading a module ends in a short message and exit code 2, never a stack trace.
let code = 2;
try {
  const { processContext } = await import("./context.js");
  const { run } = await import("./program.js");
  code = await run(process.argv.slice(2), processContext());
} catch (e) {
  process.stderr.write(
    `concordat: internal error: ${e instanceof Error ? e.message : String(e)}\n` +
      "This is a bug in concordat, not in your files. Please report it, with the command you ran.\n",
  );
  code = 2;
}
process.exitCode = code;
