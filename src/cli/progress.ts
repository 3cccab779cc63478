// Progress for slow work, on stderr, only when stderr is a terminal: a single line that
// is rewritten in place and erased when the work is done. Never on stdout, so it never
// mixes with a machine-readable report.
import type { CliContext } from "./context.js";

export interface Progress {
  /** Says what is happening now, if the work has already taken a while (or `force`). */
  step(message: string, force?: boolean): void;
  done(): void;
}

export function progress(ctx: CliContext, delayMs = 1000): Progress {
  const started = Date.now();
  let shown = false;
  const enabled = ctx.stderr.isTTY && ctx.env.CI === undefined;
  return {
    step(message, force = false) {
      if (!enabled) return;
      if (!force && Date.now() - started < delayMs) return;
      ctx.stderr.write(`\r\u001b[K${message}`);
      shown = true;
    },
    done() {
      if (shown) ctx.stderr.write("\r\u001b[K");
      shown = false;
    },
  };
}
