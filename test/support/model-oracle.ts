// A brute-force oracle over random agreement MODELS (test/support/agreement-model.ts): it reads
// the model — never the compiled rule set — and imports nothing from src/ to judge. It
// enumerates the elementary points of every activity (each place, each day piece between the
// boundaries the model's dates make, each dimension's boundary points and the open intervals
// between them), applies DESIGN.md section 2 (rule 1: drop whatever an applicable assignment
// overrides) and section 7, and predicts every finding the JSON report must hold: code,
// severity, line, clause, rule, cite and witness.
//
// Where today's engine is known to disagree with DESIGN section 7 on a corner another branch is
// fixing, the oracle stays right, records the corner in `features` and tags the findings it
// touches (`corner`, `engineExtras`); the property test masks exactly those findings (composed
// delegations: the whole case) while the corner is listed in test/support/known-divergences.ts.
import type { Condition, Conditions, Model, ModelAssign, ModelClause, RoleRef, Selector, Who } from "./agreement-model.js";
import { dayString } from "./agreement-model.js";
import type { PrintedModel } from "./print-model.js";
import type { DivergentFeature } from "./known-divergences.js";

export interface OracleWitness {
  activity?: string;
  activities?: string[];
  place?: string;
  date?: string;
  dimensions: Record<string, number | string>;
}
export interface OracleFinding {
  code: string;
  severity: "error" | "warning" | "info";
  line: number;
  clause?: string;
  rule?: string;
  cite?: string;
  witness?: OracleWitness;
  /** A corner of DESIGN section 7 this finding depends on (see known-divergences.ts). */
  corner?: DivergentFeature;
}

/** A finding today's engine gives and the contract does not, on a known-divergent corner. */
export interface EngineExtra {
  corner: DivergentFeature;
  code?: string;
  line: number;
  rule?: string;
  /** words the engine's message holds, when code, line and rule do not single it out */
  says?: string;
}

type Piece = { kind: "enum"; v: string } | { kind: "real"; lo: number | null; hi: number | null; loOpen: boolean; hiOpen: boolean; rep: number };
/** [place index (-1 with no members), day piece index, one piece index per dimension] */
type PointKey = number[];

interface OAssign {
  index: number;
  number: string;
  /** clause numbers it lies in: its own and its parent's */
  within: string[];
  m: ModelAssign;
  acts: string[];
  places: Set<number>;
  days: [number, number] | null;
  line: number;
  overrides: Set<number>;
}
interface ODelegation {
  index: number;
  clause: string;
  acts: string[];
  from: string;
  to: string;
  conds: Conditions;
  days: [number, number] | null;
  line: number;
}
interface Point {
  place: number;
  day: number;
  vals: (number | string)[];
}
interface CellInfo {
  remaining: OAssign[];
  applicable: OAssign[];
  accBy: { a: OAssign; parties: string[] }[];
  accountable: string[];
  /** per remaining assignment with someone responsible: the parties after delegations */
  respBy: { a: OAssign; named: string[]; parties: string[] }[];
  responsible: string[];
  live: ODelegation[];
  /** every party responsible at some link: named by an assignment, or reached through a delegation */
  reached: Set<string>;
  chained: boolean;
}

export class ModelOracle {
  readonly features = new Set<DivergentFeature>();
  readonly findings: OracleFinding[] = [];
  readonly engineExtras: EngineExtra[] = [];
  private readonly fw;
  private readonly ag;
  private readonly activities: string[];
  private readonly parentOf = new Map<string, string>();
  private readonly categoryOf = new Map<string, string | undefined>();
  private readonly places: string[];
  private readonly analysed: string[];
  private readonly assigns: OAssign[] = [];
  private readonly delegations: ODelegation[] = [];
  private readonly dayPieces: [number, number][];
  private readonly pieces: Piece[][];
  private readonly hasTerm: boolean;
  private readonly cells = new Map<string, CellInfo>();

  constructor(
    private readonly model: Model,
    private readonly printed: PrintedModel,
  ) {
    this.fw = model.framework;
    this.ag = model.agreement;
    this.activities = [];
    for (const f of this.fw.functions) {
      if (f.children.length === 0) {
        this.activities.push(f.id);
        this.categoryOf.set(f.id, f.category);
      } else
        for (const c of f.children) {
          this.activities.push(c.id);
          this.parentOf.set(c.id, f.id);
          this.categoryOf.set(c.id, c.category ?? f.category);
        }
    }
    this.places = this.ag.parties.filter((p) => p.roles.includes("member")).map((p) => p.id);
    this.hasTerm = this.ag.term !== null;

    // Assignments in source order, with the clauses they lie in.
    const flat: { c: ModelClause; parent?: string }[] = [];
    for (const c of this.ag.clauses) {
      flat.push({ c });
      if (c.sub) flat.push({ c: c.sub, parent: c.number });
    }
    flat.forEach(({ c, parent }, index) => {
      const m = c.assign;
      const places = new Set<number>();
      const named = m.at?.level === "place" && m.at.places.length > 0 ? m.at.places : this.places;
      for (const p of named) places.add(this.places.indexOf(p));
      this.assigns.push({
        index,
        number: c.number,
        within: parent ? [c.number, parent] : [c.number],
        m,
        acts: this.expand(m.selectors),
        places,
        days: this.days(m.conditions),
        line: printed.lines.assign.get(c.number)!,
        overrides: new Set(),
      });
    });
    for (const a of this.assigns)
      for (const n of a.m.overrides) for (const b of this.assigns) if (b !== a && b.within.includes(n)) a.overrides.add(b.index);
    this.ag.delegations.forEach((d, index) =>
      this.delegations.push({ index, clause: d.clause, acts: this.expand(d.selectors), from: d.from, to: d.to, conds: d.conditions, days: this.days(d.conditions), line: printed.lines.delegation[index]! }),
    );
    const assigned = new Set(this.assigns.flatMap((a) => a.acts));
    const inScope = this.ag.scope ? new Set(this.expand(this.ag.scope)) : assigned;
    this.analysed = this.activities.filter((a) => inScope.has(a));

    // Day pieces between the boundaries the model's dates make (within the term).
    if (this.ag.term) {
      const { from, to } = this.ag.term;
      const cuts = new Set<number>([from, to + 1]);
      const cut = (d: number) => {
        if (d > from && d <= to) cuts.add(d);
      };
      for (const c of [...this.ag.clauses.flatMap((c) => (c.sub ? [c.assign.conditions, c.sub.assign.conditions] : [c.assign.conditions])), ...this.ag.delegations.map((d) => d.conditions)]) {
        if (c.from !== undefined) cut(c.from);
        if (c.until !== undefined) cut(c.until + 1);
      }
      for (const t of this.ag.tests) for (const e of t.expects) if (e.on !== undefined) (cut(e.on), cut(e.on + 1));
      const sorted = [...cuts].sort((x, y) => x - y);
      this.dayPieces = sorted.slice(0, -1).map((d, i) => [d, sorted[i + 1]! - 1]);
    } else this.dayPieces = [[0, 0]];

    // Dimension pieces: every boundary point and the open intervals between them.
    const conds: Condition[] = [
      ...this.assigns.flatMap((a) => a.m.conditions.where),
      ...this.ag.delegations.flatMap((d) => d.conditions.where),
    ];
    this.pieces = this.fw.dimensions.map((d) => {
      if (d.type === "enum") return d.values!.map((v) => ({ kind: "enum" as const, v }));
      const scale = d.type === "money" ? 100 : 1;
      const pts = new Set<number>(d.type === "money" ? [0] : []);
      for (const c of conds) if (c.dim === d.id && c.op !== "in") pts.add((c.value as number) * scale);
      return realPieces([...pts].sort((x, y) => x - y), d.type === "money");
    });

    this.run();
  }

  // ---------------------------------------------------------------- the model's meaning

  private expand(sel: Selector[]): string[] {
    const chosen = new Set<string>();
    for (const s of sel) {
      for (const a of this.activities) {
        const hit = s.kind === "all" || (s.kind === "category" ? this.categoryOf.get(a) === s.id : a === s.id || this.parentOf.get(a) === s.id);
        if (hit) chosen.add(a);
      }
    }
    return this.activities.filter((a) => chosen.has(a));
  }

  /** The term cut by from/until; null means the whole time axis (no term: from/until are ignored). */
  private days(c: Conditions): [number, number] | null {
    if (!this.ag.term) return null;
    return [Math.max(this.ag.term.from, c.from ?? -Infinity), Math.min(this.ag.term.to, c.until ?? Infinity)];
  }

  private holds(cs: Condition[], vals: (number | string)[]): boolean {
    return cs.every((c) => {
      const k = this.fw.dimensions.findIndex((d) => d.id === c.dim);
      const d = this.fw.dimensions[k]!;
      const v = vals[k]!;
      if (c.op === "in") return c.values.includes(v as string);
      if (d.type === "enum") return c.op === "=" ? v === c.value : v !== c.value;
      const x = (c.value as number) * (d.type === "money" ? 100 : 1);
      const y = v as number;
      switch (c.op) {
        case "=":
          return y === x;
        case "!=":
          return y !== x;
        case "<":
          return y < x;
        case "<=":
          return y <= x;
        case ">":
          return y > x;
        case ">=":
          return y >= x;
      }
    });
  }

  private dayIn(days: [number, number] | null, day: number): boolean {
    return days === null || (days[0] <= day && day <= days[1]);
  }

  private whoAt(w: Who | undefined, place: number): string[] {
    if (!w) return [];
    if (w.each) return place >= 0 ? [this.places[place]!] : [];
    return [...w.parties];
  }

  /** Who the parties named responsible hand the work to: delegations compose (DESIGN section 7). */
  private delegate(p: string, live: ODelegation[], seen: Set<string>, reached: Set<string>): string[] {
    reached.add(p);
    const out = live.filter((d) => d.from === p);
    if (out.length === 0) return [p];
    const res: string[] = [];
    for (const d of out) {
      if (seen.has(d.to)) continue;
      for (const q of this.delegate(d.to, live, new Set([...seen, d.to]), reached)) if (!res.includes(q)) res.push(q);
    }
    return res;
  }

  cell(act: string, pt: Point): CellInfo {
    const key = `${act}|${pt.place}|${pt.day}|${pt.vals.join(",")}`;
    const hit = this.cells.get(key);
    if (hit) return hit;
    const applicable = this.assigns.filter(
      (a) => a.acts.includes(act) && (this.places.length === 0 || a.places.has(pt.place)) && this.dayIn(a.days, pt.day) && this.holds(a.m.conditions.where, pt.vals),
    );
    const dropped = new Set<number>();
    for (const a of applicable) for (const i of a.overrides) dropped.add(i);
    const remaining = applicable.filter((a) => !dropped.has(a.index));
    const accBy = remaining.map((a) => ({ a, parties: dedupe(this.whoAt(a.m.accountable, pt.place)) })).filter((x) => x.parties.length > 0);
    const live = this.delegations.filter((d) => d.acts.includes(act) && this.dayIn(d.days, pt.day) && this.holds(d.conds.where, pt.vals));
    const reached = new Set<string>();
    const respBy: CellInfo["respBy"] = [];
    for (const a of remaining) {
      const named = dedupe(this.whoAt(a.m.responsible, pt.place));
      if (named.length === 0) continue;
      const parties: string[] = [];
      for (const p of named) for (const q of this.delegate(p, live, new Set([p]), reached)) if (!parties.includes(q)) parties.push(q);
      respBy.push({ a, named, parties });
    }
    const chained = live.some((d) => live.some((e) => e.from === d.to));
    const c: CellInfo = {
      remaining,
      applicable,
      accBy,
      accountable: dedupe(accBy.flatMap((x) => x.parties)),
      respBy,
      responsible: dedupe(respBy.flatMap((x) => x.parties)),
      live,
      reached,
      chained,
    };
    this.cells.set(key, c);
    return c;
  }

  private placeAxis(): number[] {
    return this.places.length === 0 ? [-1] : this.places.map((_, i) => i);
  }

  /** Every elementary point of an activity's space, with its key. */
  private points(pieces: Piece[][] = this.pieces, dayPieces: number[] = this.dayPieces.map((_, i) => i), placeAxis = this.placeAxis()): { key: PointKey; pt: Point }[] {
    const out: { key: PointKey; pt: Point }[] = [];
    const combos: number[][] = [[]];
    for (const ps of pieces) {
      const next: number[][] = [];
      for (const c of combos) for (let i = 0; i < ps.length; i++) next.push([...c, i]);
      combos.splice(0, combos.length, ...next);
    }
    for (const place of placeAxis)
      for (const dp of dayPieces)
        for (const combo of combos)
          out.push({
            key: [place, dp, ...combo],
            pt: { place, day: this.dayPieces[dp]![0], vals: combo.map((i, k) => rep(pieces[k]![i]!)) },
          });
    return out;
  }

  /** DESIGN section 2's first point of a set of elementary points, as a witness. */
  private witness(act: string | string[], keys: PointKey[], pieces: Piece[][] = this.pieces): OracleWitness {
    let pts = keys;
    const minAt = (col: number) => Math.min(...pts.map((p) => p[col]!));
    const place = minAt(0);
    pts = pts.filter((p) => p[0] === place);
    const day = minAt(1);
    pts = pts.filter((p) => p[1] === day);
    const dims: Record<string, number | string> = {};
    this.fw.dimensions.forEach((d, k) => {
      const col = 2 + k;
      const m = minAt(col);
      const piece = pieces[k]![m]!;
      let value: number | string;
      if (piece.kind === "enum") value = piece.v;
      else if (piece.lo === null) {
        // Unbounded below: the upper edge of the run of pieces the region holds whole from -∞.
        const fiber = (j: number) => {
          const here = pts.filter((p) => p[col] === j);
          return here.length === 0 ? null : here.map((p) => p.slice(col + 1).join(",")).sort().join(";");
        };
        const f0 = fiber(m);
        let j = m;
        while (j + 1 < pieces[k]!.length && fiber(j + 1) === f0) j++;
        const end = pieces[k]![j] as Extract<Piece, { kind: "real" }>;
        value = end.hi === null ? 0 : end.hiOpen ? end.hi - 1 : end.hi;
      } else if (!piece.loOpen) value = piece.lo;
      else {
        value = piece.lo + 1;
        if (piece.hi !== null && (value > piece.hi || (value === piece.hi && piece.hiOpen))) value = (piece.lo + piece.hi) / 2;
      }
      pts = pts.filter((p) => p[col] === m);
      dims[d.id] = d.type === "money" ? (value as number) / 100 : value;
    });
    const w: OracleWitness = { dimensions: dims };
    if (Array.isArray(act)) w.activities = act;
    else w.activity = act;
    if (place >= 0) w.place = this.places[place]!;
    if (this.hasTerm) w.date = dayString(this.dayPieces[day]![0]);
    return w;
  }

  // ---------------------------------------------------------------- roles

  private holder(id: string): { kind: string; roles: string[] } {
    const p = this.ag.parties.find((x) => x.id === id);
    if (p) return p;
    const b = this.ag.bodies.find((x) => x.id === id)!;
    const roles = this.ag.parties.find((x) => x.id === b.members[0])!.roles.filter((r) => b.members.every((m) => this.ag.parties.find((x) => x.id === m)!.roles.includes(r)));
    return { kind: b.kind, roles };
  }
  private hasAny(id: string, refs: RoleRef[]): boolean {
    const h = this.holder(id);
    return refs.some((r) => (r.of === "kind" ? h.kind === r.id : h.roles.includes(r.id)));
  }

  // ---------------------------------------------------------------- findings

  private rule(id: string) {
    return this.fw.rules.find((r) => r.id === id)!;
  }
  private coveringRule(act: string) {
    return this.fw.rules.find((r) => r.obligations.some((o) => o.type === "cover" && this.expand(o.selectors).includes(act)));
  }
  private push(f: OracleFinding) {
    this.findings.push(f);
  }
  private at(a: OAssign): { line: number; clause: string } {
    return { line: a.line, clause: a.number };
  }

  /** The witness of a finding on several activities: the first of them, at its own first point (DESIGN section 7). */
  private firstActivityWitness(byActivity: Map<string, PointKey[]>): { witness: OracleWitness; corner?: DivergentFeature } {
    const acts = this.activities.filter((a) => (byActivity.get(a)?.length ?? 0) > 0);
    const witness = this.witness(acts[0]!, byActivity.get(acts[0]!)!);
    if (acts.length <= 1) return { witness };
    this.features.add("multi-activity-witness");
    return { witness, corner: "multi-activity-witness" };
  }

  private run(): void {
    const all = new Map<string, { key: PointKey; pt: Point; c: CellInfo }[]>();
    for (const act of this.activities) all.set(act, this.points().map(({ key, pt }) => ({ key, pt, c: this.cell(act, pt) })));
    for (const xs of all.values()) if (xs.some((x) => x.c.chained)) this.features.add("delegation-chains");
    const analysed = new Set(this.analysed);

    // gap, conflict, redundant
    const gaps = new Map<string, PointKey[]>();
    for (const act of this.analysed) {
      const conflicts = new Map<string, { last: OAssign; keys: PointKey[] }>();
      const redundant = new Map<string, { last: OAssign; keys: PointKey[] }>();
      for (const { key, c } of all.get(act)!) {
        if (c.accountable.length === 0) {
          gaps.set(act, [...(gaps.get(act) ?? []), key]);
          continue;
        }
        const involved = c.accBy.map((x) => x.a);
        const k = involved.map((a) => a.index).join(",");
        const into = c.accountable.length >= 2 ? conflicts : involved.length >= 2 ? redundant : null;
        if (into) {
          const g = into.get(k) ?? { last: involved[involved.length - 1]!, keys: [] };
          g.keys.push(key);
          into.set(k, g);
        }
      }
      const cover = this.coveringRule(act);
      for (const g of conflicts.values())
        this.push({ code: "conflict", severity: "error", ...this.at(g.last), ...(cover ? { rule: cover.id, cite: cover.cite } : {}), witness: this.witness(act, g.keys) });
      for (const g of redundant.values()) this.push({ code: "redundant", severity: "warning", ...this.at(g.last), witness: this.witness(act, g.keys) });
    }
    this.gapFindings(gaps);

    // shadowed: applies nowhere after overrides (in the analysed space)
    const applying = new Set<number>();
    const applicableAt = new Map<number, Map<string, PointKey[]>>();
    for (const act of this.analysed)
      for (const { key, c } of all.get(act)!) {
        for (const a of c.remaining) applying.add(a.index);
        for (const a of c.applicable) {
          const m = applicableAt.get(a.index) ?? new Map<string, PointKey[]>();
          m.set(act, [...(m.get(act) ?? []), key]);
          applicableAt.set(a.index, m);
        }
      }
    for (const a of this.assigns) {
      if (applying.has(a.index)) continue;
      const where = applicableAt.get(a.index);
      const w = where ? this.firstActivityWitness(where) : { witness: { activity: a.acts[0]!, dimensions: {} } };
      this.push({ code: "shadowed", severity: "warning", ...this.at(a), ...w });
    }

    // framework rules, in rule and obligation order
    const deliverFindings: OracleFinding[] = [];
    for (const rule of this.fw.rules) {
      for (const ob of rule.obligations) {
        const sev = ob.strength === "must" ? "error" : "warning";
        const selected = this.expand(ob.selectors);
        const base = { severity: sev, rule: rule.id, cite: rule.cite } as const;
        if (ob.type === "cover") {
          const outside = selected.filter((x) => !analysed.has(x));
          if (outside.length > 0) {
            const full = new Map(outside.map((x) => [x, all.get(x)!.map((p) => p.key)]));
            this.push({ code: "rule", ...base, line: this.printed.lines.scope ?? this.printed.lines.header, ...this.firstActivityWitness(full) });
          }
        } else if (ob.type === "assign-responsible") {
          const byA = new Map<number, Map<string, PointKey[]>>();
          for (const act of selected) {
            if (!analysed.has(act)) continue;
            for (const { key, c } of all.get(act)!) {
              if (c.accountable.length === 0 || c.responsible.length > 0) continue;
              for (const { a } of c.accBy) {
                const m = byA.get(a.index) ?? new Map<string, PointKey[]>();
                m.set(act, [...(m.get(act) ?? []), key]);
                byA.set(a.index, m);
              }
            }
          }
          for (const [i, m] of [...byA].sort((x, y) => x[0] - y[0])) this.push({ code: "no-responsible", ...base, ...this.at(this.assigns[i]!), ...this.firstActivityWitness(m) });
        } else if (ob.type === "deliver") {
          for (const a of this.assigns) {
            const level = a.m.at?.level ?? null;
            if (level === ob.level) continue;
            const hit = a.acts.filter((x) => selected.includes(x));
            if (hit.length === 0) continue;
            const m = new Map<string, PointKey[]>();
            for (const act of hit) if (analysed.has(act)) m.set(act, all.get(act)!.filter((p) => p.c.remaining.includes(a)).map((p) => p.key));
            if (![...m.values()].some((ks) => ks.length > 0)) {
              // DESIGN section 7: checks look only where the assignment applies (for the selected
              // activities); one that applies nowhere gets its `shadowed` warning only.
              this.features.add("deliver-on-shadowed");
              this.engineExtras.push({ corner: "deliver-on-shadowed", code: "rule", line: a.line, rule: rule.id, says: "to be delivered at" });
              continue;
            }
            const f: OracleFinding = { code: "rule", ...base, ...this.at(a), ...this.firstActivityWitness(m) };
            this.push(f);
            deliverFindings.push(f);
          }
        } else {
          const negated = ob.type === "not-make-accountable";
          const byA = new Map<number, Map<string, PointKey[]>>();
          for (const act of selected) {
            if (!analysed.has(act)) continue;
            for (const { key, c } of all.get(act)!)
              for (const { a, parties } of c.accBy)
                if (parties.some((p) => this.hasAny(p, ob.roles) === negated)) {
                  const m = byA.get(a.index) ?? new Map<string, PointKey[]>();
                  m.set(act, [...(m.get(act) ?? []), key]);
                  byA.set(a.index, m);
                }
          }
          for (const [i, m] of [...byA].sort((x, y) => x[0] - y[0])) this.push({ code: "rule", ...base, ...this.at(this.assigns[i]!), ...this.firstActivityWitness(m) });
        }
      }
    }

    // Today's engine words every `deliver` finding alike: where one is extra, mask every
    // `deliver` finding of that rule on that line, on both sides.
    for (const f of deliverFindings)
      if (this.engineExtras.some((x) => x.corner === "deliver-on-shadowed" && x.line === f.line && x.rule === f.rule)) f.corner ??= "deliver-on-shadowed";

    // models
    const selectedByFor = new Set(this.ag.models.flatMap((m) => (m.for ? this.expand(m.for) : [])));
    const scopes = new Map<string, Set<string>>();
    for (const m of this.ag.models) {
      const s = scopes.get(m.model) ?? new Set<string>();
      for (const x of m.for ? this.expand(m.for) : this.activities.filter((a) => !selectedByFor.has(a))) s.add(x);
      scopes.set(m.model, s);
    }
    for (const [id, scope] of scopes) {
      const def = this.fw.models.find((m) => m.id === id)!;
      for (const con of def.constraints) {
        const acts = (con.for ? this.expand(con.for) : this.activities).filter((x) => scope.has(x) && analysed.has(x));
        const byA = new Map<number, Map<string, PointKey[]>>();
        for (const act of acts)
          for (const { key, c } of all.get(act)!) {
            const holds = con.role === "accountable" ? c.accBy : c.respBy;
            for (const { a, parties } of holds)
              if (parties.some((p) => !this.hasAny(p, con.roles))) {
                const m = byA.get(a.index) ?? new Map<string, PointKey[]>();
                m.set(act, [...(m.get(act) ?? []), key]);
                byA.set(a.index, m);
              }
          }
        for (const [i, m] of [...byA].sort((x, y) => x[0] - y[0])) this.push({ code: "model", severity: "error", rule: id, ...this.at(this.assigns[i]!), ...this.firstActivityWitness(m) });
      }
    }

    // delegations that do nothing: the party they delegate from is never responsible there
    for (const d of this.delegations) {
      const idle = new Map<string, PointKey[]>();
      for (const act of d.acts) {
        const live = all.get(act)!.filter((p) => p.c.live.includes(d));
        const used = analysed.has(act) && live.some((p) => p.c.reached.has(d.from));
        if (!used) idle.set(act, live.length > 0 ? live.map((p) => p.key) : all.get(act)!.map((p) => p.key));
      }
      if (idle.size > 0) this.push({ code: "delegation", severity: "warning", line: d.line, clause: d.clause, ...this.firstActivityWitness(idle) });
    }

    this.testFindings();
    this.allowFindings();
    this.noTermWarning();
  }

  private gapFindings(gaps: Map<string, PointKey[]>): void {
    const anchorOf = (act: string) => [...this.assigns].reverse().find((a) => a.acts.includes(act));
    const shape = (act: string) => (gaps.get(act) ?? []).map((k) => k.join(",")).sort().join(";");
    const done = new Set<string>();
    for (const act of this.analysed) {
      if (!gaps.has(act) || done.has(act)) continue;
      const parent = this.parentOf.get(act);
      let group = [act];
      if (parent) {
        const sib = this.activities.filter((x) => this.parentOf.get(x) === parent);
        if (
          sib.length > 1 &&
          sib.every((x) => this.analysed.includes(x) && gaps.has(x) && !done.has(x) && shape(x) === shape(act) && anchorOf(x) === anchorOf(act) && this.coveringRule(x) === this.coveringRule(act))
        )
          group = sib;
      }
      for (const x of group) done.add(x);
      const anchor = anchorOf(act);
      const at = anchor ? this.at(anchor) : { line: this.printed.lines.scope ?? this.printed.lines.header };
      const cover = this.coveringRule(act);
      this.push({
        code: "gap",
        severity: "error",
        ...at,
        ...(cover ? { rule: cover.id, cite: cover.cite } : {}),
        witness: this.witness(group.length > 1 ? group : act, gaps.get(act)!),
      });
    }
  }

  private testFindings(): void {
    this.ag.tests.forEach((t, ti) => {
      t.expects.forEach((e, ei) => {
        if (e.on !== undefined && !this.hasTerm) this.features.add("no-term-dates");
        const pieces = this.pieces.map((ps, k) => {
          const d = this.fw.dimensions[k]!;
          const fixed = e.where.find((w) => w.dim === d.id);
          if (!fixed) return ps;
          if (d.type === "enum") return [{ kind: "enum" as const, v: fixed.value as string }];
          const v = (fixed.value as number) * (d.type === "money" ? 100 : 1);
          return [{ kind: "real" as const, lo: v, hi: v, loOpen: false, hiOpen: false, rep: v }];
        });
        const dayPieces = e.on !== undefined && this.hasTerm ? [this.dayPieces.findIndex(([lo, hi]) => lo <= e.on! && e.on! <= hi)] : this.dayPieces.map((_, i) => i);
        const placeAxis = e.place !== undefined ? [this.places.indexOf(e.place)] : this.placeAxis();
        const failing: PointKey[] = [];
        for (const { key, pt } of this.points(pieces, dayPieces, placeAxis)) {
          const c = this.cell(e.activity, pt);
          const actual = e.subject === "accountable" ? c.accountable : c.responsible;
          if (!sameSet(actual, e.expected)) failing.push(key);
        }
        if (failing.length === 0) return;
        const witness = this.witness(e.activity, failing, pieces);
        if (e.on !== undefined && this.hasTerm) witness.date = dayString(e.on);
        this.push({ code: "test-failed", severity: "error", line: this.printed.lines.expect[ti]![ei]!, witness });
      });
    });
  }

  /** DESIGN section 7: `allow R` hides R's `rule` and `no-responsible` findings, never a gap or conflict. */
  private allowFindings(): void {
    if (this.ag.allows.length === 0) return;
    this.features.add("allow");
    const seen = new Set<string>();
    const extra: OracleFinding[] = [];
    this.ag.allows.forEach((al, i) => {
      const line = this.printed.lines.allow[i]!;
      const rule = this.rule(al.rule);
      if (seen.has(al.rule)) {
        extra.push({ code: "unused-allow", severity: "warning", line, rule: rule.id, cite: rule.cite, corner: "allow" });
        this.engineExtras.push({ corner: "allow", line });
        return;
      }
      seen.add(al.rule);
      const hides = (f: OracleFinding) => (f.code === "rule" || f.code === "no-responsible") && f.rule === al.rule;
      const n = this.findings.filter(hides).length;
      for (let k = this.findings.length - 1; k >= 0; k--) if (hides(this.findings[k]!)) this.findings.splice(k, 1);
      extra.push({ code: n > 0 ? "suppressed" : "unused-allow", severity: n > 0 ? "info" : "warning", line, rule: rule.id, cite: rule.cite, corner: "allow" });
      this.engineExtras.push({ corner: "allow", line });
      // Today's engine also hides the gaps and conflicts that cite the rule.
      for (const f of this.findings) if ((f.code === "gap" || f.code === "conflict") && f.rule === al.rule) f.corner = "allow";
    });
    this.findings.push(...extra);
  }

  /** DESIGN section 7: with no term, the first dated item gets one `type` warning (its dates are ignored). */
  private noTermWarning(): void {
    if (this.hasTerm) return;
    const dated: { line: number; clause?: string }[] = [];
    for (const a of this.assigns) if (a.m.conditions.from !== undefined || a.m.conditions.until !== undefined) dated.push(this.at(a));
    this.delegations.forEach((d, i) => {
      const c = this.ag.delegations[i]!.conditions;
      if (c.from !== undefined || c.until !== undefined) dated.push({ line: d.line, clause: d.clause });
    });
    this.ag.tests.forEach((t, ti) => t.expects.forEach((e, ei) => e.on !== undefined && dated.push({ line: this.printed.lines.expect[ti]![ei]! })));
    if (dated.length === 0) return;
    this.features.add("no-term-dates");
    const first = dated.sort((x, y) => x.line - y.line)[0]!;
    this.push({ code: "type", severity: "warning", ...first, corner: "no-term-dates" });
  }

  /** The analysed activities, for corner measurements. */
  get analysedActivities(): readonly string[] {
    return this.analysed;
  }
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}

function rep(p: Piece): number | string {
  return p.kind === "enum" ? p.v : p.rep;
}

/** The pieces of a real axis cut at the boundary points: points and the open intervals between them. */
function realPieces(pts: number[], fromZero: boolean): Piece[] {
  const out: Piece[] = [];
  if (pts.length === 0) return [{ kind: "real", lo: null, hi: null, loOpen: true, hiOpen: true, rep: 0 }];
  if (!fromZero) out.push({ kind: "real", lo: null, hi: pts[0]!, loOpen: true, hiOpen: true, rep: pts[0]! - 1 });
  pts.forEach((p, i) => {
    out.push({ kind: "real", lo: p, hi: p, loOpen: false, hiOpen: false, rep: p });
    const next = pts[i + 1];
    out.push({ kind: "real", lo: p, hi: next ?? null, loOpen: true, hiOpen: true, rep: next === undefined ? p + 1 : (p + next) / 2 });
  });
  return out;
}

export function oracleFor(model: Model, printed: PrintedModel): ModelOracle {
  return new ModelOracle(model, printed);
}
