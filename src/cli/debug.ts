// CONCORDAT_DEBUG=topic,…: what concordat decided and why, on stderr, for people and tests
// that need to know (which thread a check ran on). Never part of a report.
import type { CliContext } from "./context.js";
import type { CheckedOnThreads } from "./parallel-check.js";

export function debugging(ctx: CliContext, topic: "threads"): boolean {
  return (ctx.env.CONCORDAT_DEBUG ?? "").split(",").includes(topic);
}

/** Where the check ran, and why not on threads (once the check has run: a command may start again on another thread). */
export function tellThreads(ctx: CliContext, outcome: CheckedOnThreads | string): void {
  if (!debugging(ctx, "threads")) return;
  ctx.stderr.write(`concordat: ${typeof outcome === "string" ? `checked on this thread: ${outcome}` : `checked on ${outcome.threads} threads`}\n`);
}
