import { it } from "vitest";
import { analyze } from "../../../src/analysis/index.js";
import { coverageDiagnostics } from "../../../src/analysis/coverage/index.js";
import { agreement, assign, model, obligation, rule, ruleSet, sp, FULL_DIMS } from "./builder.js";

it("perf", () => {
  const N = Number(process.env.N ?? 20000);
  const A = 300, P = 50;
  const functions = Array.from({ length: A }, (_, i) => ({ id: `f${i}`, category: i % 2 ? "support" : "core", activity: true, span: sp(2) }));
  const places = Array.from({ length: P }, (_, i) => `p${i}`);
  const parties = [...places.map((p) => ({ id: p, kind: "foundation_trust", roles: ["member"], span: sp(12) })), { id: "medica", kind: "independent_provider", roles: ["supplier"], span: sp(15) }];
  let seed = 1; const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const assignments = Array.from({ length: N }, (_, i) => {
    const act = `f${i % A}`;
    const lo = Math.floor(rnd() * 100) * 100000;
    const perPlace = rnd() < 0.5;
    const pl = places[Math.floor(rnd() * P)]!;
    return assign(`a${i + 1}`, [act], { accountable: [rnd() < 0.02 ? "medica" : pl], responsible: [pl] }, {
      level: perPlace ? "place" : "system",
      places: perPlace ? [pl] : places,
      clause: String(i + 1),
      dimensions: { value: { type: "intervals", intervals: [{ lo, loOpen: false, hi: lo + 5000000, hiOpen: true }] }, setting: FULL_DIMS.setting! },
    });
  });
  const all = functions.map((f) => f.id);
  const ag = agreement({
    functions, places, parties, assignments, scope: { activities: all, explicit: true, span: sp(16) },
    rules: [
      rule("B1", [obligation("cover", { activities: all })]),
      rule("B2", [obligation("assign-responsible", { activities: all, strength: "should" })]),
      rule("B3", [obligation("deliver", { activities: all.filter((_, i) => i % 2), level: "system" })]),
      rule("B9", [obligation("not-make-accountable", { activities: all, roles: [{ of: "kind", id: "independent_provider" }] })]),
    ],
    models: [{ model: "fed", activities: null, span: sp(8) }],
    modelDefinitions: [model("fed", "Federated model", { constraints: [
      { role: "accountable", modality: "must", roles: [{ of: "role", id: "member" }], activities: null, span: sp(40) },
      { role: "responsible", modality: "must", roles: [{ of: "role", id: "member" }], activities: null, span: sp(40) },
    ] })],
  });
  let t = performance.now();
  const c = coverageDiagnostics(ag);
  console.log("coverage", N, Math.round(performance.now() - t), "ms", c.length);
  t = performance.now();
  const d = analyze(ruleSet(ag));
  console.log("analyze (cached partitions)", Math.round(performance.now() - t), "ms", d.length);
});
