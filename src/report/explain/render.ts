// `explain` as text for people (pretty) and as one JSON object for tools.
import { palette } from "../../diagnostics/ansi.js";
import { printable } from "../text.js";
import type { AnswerJson, Explanation, HolderJson, SourceRef } from "./explain.js";

function at(r: SourceRef): string {
  return `${r.clause ? `clause ${r.clause}` : "no clause"} (${r.file}:${r.line})`;
}

function holders(hs: HolderJson[]): string[] {
  if (hs.length === 0) return ["nobody"];
  return hs.map((h) => {
    const via = h.delegatedFrom ? `, delegated from ${h.delegatedFrom} by ${at(h.delegation!)}` : "";
    return `${h.party} — ${at(h)}${via}`;
  });
}

function answerLines(a: AnswerJson, color: boolean, inScope: boolean): string[] {
  const p = palette(color);
  const out: string[] = [];
  out.push(p.bold(`${a.where === "everywhere" ? "Everywhere" : a.where}:`));
  const row = (label: string, values: string[]) => {
    values.forEach((v, i) => out.push(`  ${(i === 0 ? label : "").padEnd(12)} ${v}`));
  };
  if (a.status === "gap" && inScope) out.push(`  ${p.bold(p.red("GAP"))}: nobody is accountable here.`);
  if (a.status === "gap" && !inScope) out.push("  nobody is accountable here (outside the scope, so not a gap).");
  if (a.status === "conflict") out.push(`  ${p.bold(p.red("CONFLICT"))}: ${new Set(a.accountable.map((h) => h.party)).size} parties are accountable here.`);
  if (a.status !== "gap") row("accountable", holders(a.accountable));
  row("responsible", holders(a.responsible));
  if (a.consulted.length > 0) row("consulted", holders(a.consulted));
  if (a.informed.length > 0) row("informed", holders(a.informed));
  if (a.overridden.length > 0)
    row(
      "overridden",
      a.overridden.map((o) => `${at(o)}${o.by.length > 0 ? `, by ${o.by.map(at).join(" and ")}` : ""}`),
    );
  if (a.delegations.length > 0) row("delegation", a.delegations.map((d) => `${d.from} to ${d.to} — ${at(d)}`));
  for (const f of a.findings) {
    const label = f.severity === "error" ? p.red(`${f.severity}[${f.code}]`) : p.yellow(`${f.severity}[${f.code}]`);
    out.push(`  ${p.bold("finding")}      ${label} ${f.file}:${f.line}:${f.column}: ${printable(f.message)}`);
    if (f.rule) out.push(`               = rule: ${f.rule}${f.cite ? `: ${printable(f.cite)}` : ""}`);
  }
  return out;
}

export function renderExplainPretty(e: Explanation, options: { color?: boolean } = {}): string {
  const color = options.color ?? false;
  const p = palette(color);
  const out: string[] = [];
  for (const act of e.activities) {
    if (out.length > 0) out.push("");
    out.push(p.bold(`${act.activity}${act.title ? ` "${printable(act.title)}"` : ""} in ${e.agreement} (${e.file})`));
    out.push(`asked: ${e.query.words}`);
    if (!act.inScope) out.push(`${act.activity} is outside the agreement's scope: the analysis does not require anyone to be accountable for it.`);
    out.push("");
    act.answers.forEach((a, i) => {
      if (i > 0) out.push("");
      for (const item of answerLines(a, color, act.inScope)) out.push(item);
    });
    if (act.answers.length === 0) out.push("nowhere: the point asked about is outside the agreement's space.");
    if (act.models.length > 0 || act.rules.length > 0) {
      out.push("");
      out.push(p.bold("Constrained by:"));
      for (const m of act.models) {
        const head = `model ${m.id}${m.title ? ` "${printable(m.title)}"` : ""}${m.step !== null ? ` (step ${m.step})` : ""}, chosen at ${m.chosenAt.file}:${m.chosenAt.line}`;
        out.push(`  ${head}${m.constraints.length > 0 ? `: ${m.constraints.join("; ")}` : ""}`);
        if (m.cite) out.push(`      = cite: ${printable(m.cite)}`);
      }
      for (const r of act.rules) {
        out.push(`  rule ${r.id}${r.title ? ` "${printable(r.title)}"` : ""}: ${r.obligations.join("; ")}`);
        if (r.cite) out.push(`      = cite: ${printable(r.cite)}`);
      }
    }
  }
  return out.join("\n") + "\n";
}

export function renderExplainJson(e: Explanation): string {
  return JSON.stringify(e, null, 2) + "\n";
}
