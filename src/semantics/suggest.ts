// "Did you mean …?" for a near miss: the closest declared name by edit distance.
import { distance } from "fastest-levenshtein";

/**
 * The candidate closest to `name`, when close enough to be a slip: a distance of at most
 * a third of the longer name, rounded up (a swap of two letters counts 2) and less than the longer one (so `c` never
 * suggests `a`), or the same name in another case. Ties go to the candidate declared
 * first, so the suggestion is deterministic.
 */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    if (c === name) continue;
    const d = c.toLowerCase() === lower ? 0.5 : distance(name, c);
    const limit = Math.max(1, Math.ceil(Math.max(name.length, c.length) / 3));
    if (d <= limit && d < Math.max(name.length, c.length) && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
