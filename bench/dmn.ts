// A decision table shaped like the published DMN benchmarks (Calvanese et al., "Semantic DMN",
// Information Systems 2018): one activity, `number` dimensions, rules that each constrain a few
// columns, and 10% noise (rules whose bounds slip, leaving gaps and overlaps). Deterministic.
//
// The clean table is the leaves of a random decision tree (complete, no overlap); the noise then
// moves one bound of 10% of the rules by half a step, up or down (gaps and overlaps).
import { rng } from "./rng.js";

export interface DmnTable {
  framework: string;
  agreement: string;
  rules: number;
}

interface Cond {
  column: number;
  lo: number | null;
  hi: number | null;
}

/** `rules` rules over `columns` number columns, with 10% noise. */
export function dmnTable(rules: number, columns: number, frameworkFile: string, seed = 7): DmnTable {
  const r = rng(seed * 1000 + rules * 31 + columns);
  const step = 10;
  // The clean table is complete and without overlaps: the leaves of a random decision tree. Start
  // from the whole space and split a random leaf on a random column at a cut of a 10-step grid
  // inside the leaf's band, until there are `rules` leaves. A rule constrains the columns on its
  // path (a few of them), in an order that has nothing to do with the columns' order.
  let table: Cond[][] = [[]];
  let guard = 0;
  while (table.length < rules && guard++ < rules * 100) {
    const at = Math.floor(r() * table.length);
    const leaf = table[at]!;
    const column = Math.floor(r() * columns);
    const own = leaf.find((c) => c.column === column);
    const lo = own?.lo ?? 0;
    const hi = own?.hi ?? 200;
    const cuts: number[] = [];
    for (let x = Math.ceil((lo + 1) / step) * step; x < hi; x += step) cuts.push(x);
    if (cuts.length === 0) continue;
    const cut = cuts[Math.floor(r() * cuts.length)]!;
    const rest = leaf.filter((c) => c.column !== column);
    const below = { column, lo: own?.lo ?? null, hi: cut };
    const above = { column, lo: cut, hi: own?.hi ?? null };
    table.splice(at, 1, [...rest, below], [...rest.map((c) => ({ ...c })), above]);
  }
  // Rules in a shuffled order, as tables are written, not in the tree's order.
  for (let i = table.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [table[i], table[j]] = [table[j]!, table[i]!];
  }
  table = table.map((conds) => conds.map((c) => ({ ...c })));
  // Noise: one bound of 10% of the rules moves by one step.
  for (const conds of table) {
    if (r() >= 0.1) continue;
    const c = conds[Math.floor(r() * conds.length)];
    if (!c) continue;
    const delta = r() < 0.5 ? -step / 2 : step / 2;
    if (c.lo !== null && (c.hi === null || r() < 0.5)) c.lo += delta;
    else if (c.hi !== null) c.hi += delta;
  }

  const fw: string[] = [];
  fw.push(`framework dmn_fw "DMN-shaped benchmark" {`);
  fw.push(`  levels system, place`);
  fw.push(`  kind trust "Trust"`);
  fw.push(`  role member "Member"`);
  fw.push(`  category decisions "Decisions"`);
  for (let c = 0; c < columns; c++) fw.push(`  dimension c${c}: number`);
  fw.push(`  function decide "Decide" in decisions`);
  fw.push(`  rule R1 "Cover" {`);
  fw.push(`    must cover all functions`);
  fw.push(`  }`);
  fw.push(`}`);

  const ag: string[] = [];
  ag.push(`import "${frameworkFile}"`);
  ag.push(``);
  ag.push(`agreement dmn "DMN-shaped decision table" {`);
  ag.push(`  conforms to dmn_fw`);
  ag.push(`  party a "Party A" kind trust role member`);
  ag.push(`  party b "Party B" kind trust role member`);
  ag.push(`  scope all functions`);
  table.forEach((conds, i) => {
    const where: string[] = [];
    for (const c of conds.sort((x, y) => x.column - y.column)) {
      if (c.lo !== null) where.push(`c${c.column} >= ${c.lo}`);
      if (c.hi !== null) where.push(`c${c.column} < ${c.hi}`);
    }
    ag.push(`  clause ${i + 1} {`);
    ag.push(`    assign decide${where.length > 0 ? ` where ${where.join(" and ")}` : ""} {`);
    ag.push(`      accountable ${i % 2 === 0 ? "a" : "b"}`);
    ag.push(`      responsible ${i % 2 === 0 ? "a" : "b"}`);
    ag.push(`    }`);
    ag.push(`  }`);
  });
  ag.push(`}`);
  return { framework: fw.join("\n") + "\n", agreement: ag.join("\n") + "\n", rules: table.length };
}
