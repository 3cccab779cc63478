// The memory V8 gives this process (or thread), read where a command decides whether its input
// fits: Node's v8 module is a millisecond and a half of a start, so callers ask only past a
// size that fits any heap.

/** The heap limit of this isolate, in bytes. */
export function heapLimitBytes(): number {
  return process.getBuiltinModule("node:v8").getHeapStatistics().heap_size_limit;
}

/** The setting to suggest to a user whose input needs more than `limitMb` of heap: twice it, and at least 8 GB. */
export function moreMemoryOption(limitMb: number): string {
  return `NODE_OPTIONS=--max-old-space-size=${Math.max(8192, 2 * Math.round(limitMb))}`;
}
