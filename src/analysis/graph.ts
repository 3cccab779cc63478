// Strongly connected components of a directed graph, for the checks that look for cycles
// (overrides, delegations). Iterative Tarjan: a recursion as deep as a long chain overflows the stack.

/**
 * The components that hold a cycle (two or more vertices, or one with an edge to itself), each
 * sorted, in no particular order. The graph: vertices 0 … n-1, the successors of v are
 * edges[from[v]] … edges[from[v+1]-1].
 */
export function cyclicComponents(n: number, from: Int32Array, edges: ArrayLike<number>): number[][] {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const next = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const work: number[] = [];
  const comps: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    // A vertex with no successors is a component of its own and no cycle.
    if (index[root] !== -1 || from[root] === from[root + 1]) continue;
    index[root] = low[root] = counter++;
    next[root] = from[root]!;
    stack.push(root);
    onStack[root] = 1;
    work.push(root);
    while (work.length > 0) {
      const v = work[work.length - 1]!;
      if (next[v]! < from[v + 1]!) {
        const w = edges[next[v]!++]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          next[w] = from[w]!;
          stack.push(w);
          onStack[w] = 1;
          work.push(w);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const u = work[work.length - 1]!;
        low[u] = Math.min(low[u]!, low[v]!);
      }
      if (low[v] !== index[v]) continue;
      let w = stack.pop()!;
      onStack[w] = 0;
      if (w === v) {
        // A component of one: a cycle only with an edge to itself.
        for (let e = from[v]!; e < from[v + 1]!; e++)
          if (edges[e] === v) {
            comps.push([v]);
            break;
          }
        continue;
      }
      const comp = [w];
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        comp.push(w);
      } while (w !== v);
      comps.push(comp.sort((x, y) => x - y));
    }
  }
  return comps;
}
