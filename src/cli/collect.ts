// One full collection when the syntax trees of a large input have just died: `compilePaths`
// (src/cli/pipeline.ts) calls it after compiling, before the analysis. While parsing, the
// trees are most of the heap (about 6 KB per assignment), and V8 sets its next limit from
// what was live at its last full collection, so the analysis piled its garbage on top of the
// dead trees before V8 marked again: 160,000 assignments peaked at 2.8 GB with 0.8 GB live.
// Collected here, the analysis grows from what is live (the rule set): the peak is about half.

/**
 * Below this much source text (about 26,000 assignments), a collection costs more time than its
 * memory is worth: measured on `check`, 20,000 assignments (3.9 MB) took 70 ms more wall time and
 * 120 ms more CPU with it, to save 46 MB; 28,000 (5.5 MB) 24 ms and 100 ms, to save 74 MB; from
 * 40,000 (8 MB) it costs nothing, V8 collecting about then anyway, and saves 110 MB and more.
 */
export const COLLECT_AFTER_BYTES = 5_000_000;

let collect: (() => void) | null | undefined;

/**
 * V8's own `gc`, exposed for this process by the flag Node documents for it (`--expose-gc`);
 * null when it cannot be had, and then nothing is collected (only memory is at stake).
 */
export function fullCollector(): (() => void) | null {
  if (collect !== undefined) return collect;
  const global = (globalThis as { gc?: unknown }).gc;
  if (typeof global === "function") return (collect = global as () => void);
  try {
    // Loaded only here, for the large inputs that get this far: not at every start.
    process.getBuiltinModule("node:v8").setFlagsFromString("--expose-gc");
    const gc: unknown = process.getBuiltinModule("node:vm").runInNewContext("gc");
    collect = typeof gc === "function" ? (gc as () => void) : null;
  } catch {
    collect = null;
  }
  return collect;
}

/** A full collection when the source texts `sources` have just been parsed and their trees dropped. */
export function collectDeadSyntaxTrees(sources: Iterable<string>, gc: () => (() => void) | null = fullCollector): void {
  let chars = 0;
  for (const text of sources) chars += text.length;
  if (chars < COLLECT_AFTER_BYTES) return;
  gc()?.();
}
