// A static index of boxes for the diff's join of two partitions: which boxes of one version may
// meet a box of the other. Testing every pair was quadratic in the cells of an activity (an
// activity of 4,000 assignments took seconds, 160,000 would never end); the cells of a partition
// are disjoint, so a bounding-volume hierarchy over them finds the few that meet a box.
//
// Bounds are closed per axis (an open end is tested as closed): the index answers a superset,
// and the caller's exact intersection decides.

interface Node {
  /** The node's items: a range of `order`. */
  from: number;
  to: number;
  /** The bounding box of its items, per axis. */
  lo: Float64Array;
  hi: Float64Array;
  /** Children, for an inner node. */
  left?: Node;
  right?: Node;
}

/** Up to this many items a node is a leaf: its items are tested one by one. */
const LEAF = 8;

export interface BoxIndex {
  /** The items whose bounds meet [lo, hi] on every axis, in ascending item order. */
  meeting(lo: ArrayLike<number>, hi: ArrayLike<number>): number[];
}

/** An index of `count` boxes with `axes` axes; item i spans [lo[i·axes + a], hi[i·axes + a]] on axis a. */
export function boxIndex(count: number, axes: number, lo: Float64Array, hi: Float64Array): BoxIndex {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  const bounds = (from: number, to: number): Node => {
    const node: Node = { from, to, lo: new Float64Array(axes).fill(Infinity), hi: new Float64Array(axes).fill(-Infinity) };
    for (let k = from; k < to; k++) {
      const i = order[k]!;
      for (let a = 0; a < axes; a++) {
        node.lo[a] = Math.min(node.lo[a]!, lo[i * axes + a]!);
        node.hi[a] = Math.max(node.hi[a]!, hi[i * axes + a]!);
      }
    }
    return node;
  };
  const root = bounds(0, count);
  // Built on an explicit stack: a lopsided split must not overflow the call stack.
  const pending: Node[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.to - node.from <= LEAF) continue;
    // Split on the axis whose lower ends are most spread, at their median.
    let best = -1;
    let bestDistinct = 1;
    for (let a = 0; a < axes; a++) {
      const distinct = new Set<number>();
      for (let k = node.from; k < node.to; k++) distinct.add(lo[order[k]! * axes + a]!);
      if (distinct.size > bestDistinct) (best = a), (bestDistinct = distinct.size);
    }
    if (best < 0) continue;
    const slice = Array.from(order.subarray(node.from, node.to)).sort((x, y) => lo[x * axes + best]! - lo[y * axes + best]! || x - y);
    order.set(slice, node.from);
    // The first item whose lower end is the median's: equal ends stay on one side.
    const median = lo[slice[slice.length >> 1]! * axes + best]!;
    let cut = node.from;
    while (lo[order[cut]! * axes + best]! < median) cut++;
    if (cut === node.from) {
      // The median is the smallest end: split after it instead.
      while (cut < node.to && lo[order[cut]! * axes + best]! === median) cut++;
      if (cut === node.to) continue;
    }
    node.left = bounds(node.from, cut);
    node.right = bounds(cut, node.to);
    pending.push(node.left, node.right);
  }
  const meets = (nodeLo: ArrayLike<number>, nodeHi: ArrayLike<number>, at: number, qlo: ArrayLike<number>, qhi: ArrayLike<number>): boolean => {
    for (let a = 0; a < axes; a++) if (nodeLo[at + a]! > qhi[a]! || qlo[a]! > nodeHi[at + a]!) return false;
    return true;
  };
  return {
    meeting(qlo, qhi) {
      const out: number[] = [];
      if (count === 0) return out;
      const stack: Node[] = [root];
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (!meets(node.lo, node.hi, 0, qlo, qhi)) continue;
        if (node.left && node.right) stack.push(node.left, node.right);
        else for (let k = node.from; k < node.to; k++) if (meets(lo, hi, order[k]! * axes, qlo, qhi)) out.push(order[k]!);
      }
      return out.sort((x, y) => x - y);
    },
  };
}
