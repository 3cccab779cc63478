// Parties and bodies of an agreement: one namespace, kinds and roles resolved, places
// (parties of role `member`, in declaration order), and the roles a body's members share.
import type { Agreement as OutAgreement } from "../generated/ruleset.js";
import type { BodyDecl, Name, PartyDecl } from "../syntax/ast.js";
import type { Env } from "./env.js";
import { Namespace } from "./namespace.js";
import type { Reporter } from "./report.js";
import { outSpan } from "./spans.js";

export interface PartyInfo {
  id: string;
  body: boolean;
  /** A party or body with a name error: dropped from the rule set; items naming it are dropped silently. */
  broken: boolean;
  kind?: string;
  roles: string[];
  members: string[];
  decl: PartyDecl | BodyDecl;
  clause?: string;
}

export interface Parties {
  names: Namespace<PartyInfo>;
  places: string[];
  /** Each place's position in `places`. */
  placeIndex: Map<string, number>;
  parties: OutAgreement["parties"];
  bodies: OutAgreement["bodies"];
}

export function resolveParties(env: Env, decls: { decl: PartyDecl | BodyDecl; clause?: string }[], r: Reporter): Parties {
  const names = new Namespace<PartyInfo>({ what: "party or body" });
  const infos: PartyInfo[] = [];
  for (const { decl, clause } of decls) {
    if (!decl?.name?.text) continue;
    const info: PartyInfo = { id: decl.name.text, body: decl.kind === "BodyDecl", broken: false, roles: [], members: [], decl, clause };
    if (names.declare(decl.name.text, decl.name.span, info, r, clause)) infos.push(info);
  }
  for (const info of infos) {
    const decl = info.decl;
    const clause = info.clause;
    const kindName: Name | undefined = decl.kind === "PartyDecl" ? decl.partyKind : decl.bodyKind;
    const kind = kindName?.text ? env.kinds.resolve(kindName, r, clause) : undefined;
    if (!kind) info.broken = true;
    else info.kind = kind.id;
    if (decl.kind === "PartyDecl") {
      const roleSeen = new Set<string>();
      for (const role of decl.roles ?? []) {
        if (!role?.text) continue;
        const hit = env.roles.resolve(role, r, clause);
        if (!hit) info.broken = true;
        else if (!roleSeen.has(hit.id)) {
          roleSeen.add(hit.id);
          info.roles.push(hit.id);
        }
      }
    }
  }
  // Bodies after every party's roles are known.
  for (const info of infos) {
    const decl = info.decl;
    if (decl.kind !== "BodyDecl") continue;
    let shared: string[] | undefined;
    const memberSeen = new Set<string>();
    for (const m of decl.members ?? []) {
      if (!m?.text) continue;
      const hit = names.resolve(m, r, info.clause);
      if (!hit || hit.broken) {
        info.broken = true;
        continue;
      }
      if (!memberSeen.has(hit.id)) {
        memberSeen.add(hit.id);
        info.members.push(hit.id);
      }
      if (shared === undefined) shared = [...hit.roles];
      else if (shared.length > 0) {
        const roles = new Set(hit.roles);
        shared = shared.filter((x) => roles.has(x));
      }
    }
    info.roles = shared ?? [];
  }
  const out: Parties = { names, places: [], placeIndex: new Map(), parties: [], bodies: [] };
  for (const info of infos) {
    if (info.broken || info.kind === undefined) continue;
    const d = info.decl;
    if (d.kind === "PartyDecl") {
      const p = { id: info.id } as OutAgreement["parties"][number];
      if (d.title?.value !== undefined) p.title = d.title.value;
      p.kind = info.kind;
      p.roles = [...info.roles];
      p.span = outSpan(d.span);
      out.parties.push(p);
      if (info.roles.includes("member")) {
        out.placeIndex.set(info.id, out.places.length);
        out.places.push(info.id);
      }
    } else {
      const b = { id: info.id } as OutAgreement["bodies"][number];
      if (d.title?.value !== undefined) b.title = d.title.value;
      b.kind = info.kind;
      b.members = [...info.members];
      b.roles = [...info.roles];
      b.span = outSpan(d.span);
      out.bodies.push(b);
    }
  }
  return out;
}
