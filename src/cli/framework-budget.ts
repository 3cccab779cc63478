// Frameworks too large to flatten: said before compiling, not a minute later by V8's fatal
// out-of-memory error (see src/semantics/flattened-size.ts). Past a quarter of what the heap
// holds, the command runs on the CLI's worker thread, where running out of memory is a message.
import { flattenedFrameworks } from "../semantics/flattened-size.js";
import { LargeInputError, type Program } from "../semantics/program.js";
import { heapLimitBytes, moreMemoryOption } from "../semantics/heap.js";
import { UsageError } from "./context.js";

/** Below this estimate no heap of 64 MB or more is at risk, and the heap's size is not asked for (a millisecond and a half). */
export const ALWAYS_FLATTENED = 12_000_000;

/** Throws when `program`'s frameworks cannot be flattened in this process's memory (see above). */
export function checkFlattenedFrameworks(program: Program, deepStack: boolean, heapBytes = heapLimitBytes): void {
  if (flattenedFrameworks(program, ALWAYS_FLATTENED).bytes <= ALWAYS_FLATTENED) return;
  const heap = heapBytes();
  const size = flattenedFrameworks(program, heap);
  if (size.bytes > heap) {
    const mb = Math.round(heap / 2 ** 20);
    const last = size.last ? `: by \`${size.last.id}\` (which extends ${size.last.extended.toLocaleString("en-GB")} others) they already do` : "";
    throw new UsageError(
      `the frameworks of these files are too large to flatten in the memory Node gives concordat (${mb.toLocaleString("en-GB")} MB); nothing was written.\n` +
        `Every framework is compiled with everything it extends, and these ${size.frameworks.toLocaleString("en-GB")} frameworks would take more than that${last}. ` +
        `Let fewer frameworks extend each other in one chain, ` +
        `or give concordat more memory, for example: ${moreMemoryOption(mb)} concordat …`,
    );
  }
  if (!deepStack && size.bytes > heap / 4) throw new LargeInputError(size.bytes, "flattened frameworks");
}
