// The bench's inputs besides generate.ts (assignments) and dmn.ts (decision tables): `each member`
// over many members, an enum of many values (split in four, or a clause per value), a clause per
// member's place, and a folder of many small files. Deterministic.

/** A framework with one per-place function, and an agreement of `members` members with one `each member` line. */
export function membersCase(members: number): { framework: string; agreement: string } {
  const framework = [
    `framework members_fw "Members benchmark" {`,
    `  levels system, place`,
    `  kind trust "Trust"`,
    `  kind board "Board"`,
    `  role member "Member"`,
    `  role group "Group"`,
    `  category care "Care"`,
    `  function local_care "Local care" in care`,
    `  rule R1 "Cover" {`,
    `    must cover all functions`,
    `  }`,
    `}`,
  ];
  const agreement = [`import "framework.concord"`, ``, `agreement members "Many members" {`, `  conforms to members_fw`];
  for (let i = 0; i < members; i++) agreement.push(`  party m${i} "Member ${i}" kind trust role member`);
  agreement.push(`  party grp "Group board" kind board role group`);
  agreement.push(`  scope all functions`);
  agreement.push(`  clause 1 {`, `    assign local_care at place {`, `      accountable each member`, `      responsible each member`, `    }`, `  }`, `}`);
  return { framework: framework.join("\n") + "\n", agreement: agreement.join("\n") + "\n" };
}

/** An enum dimension of `values` values, split between four assignments (one value left out: a gap). */
export function enumCase(values: number): { framework: string; agreement: string } {
  const names = Array.from({ length: values }, (_, i) => `v${i}`);
  const framework = [
    `framework enum_fw "Enum benchmark" {`,
    `  levels system, place`,
    `  kind trust "Trust"`,
    `  role member "Member"`,
    `  category care "Care"`,
    `  dimension setting: enum { ${names.join(", ")} }`,
    `  function triage "Triage" in care`,
    `  rule R1 "Cover" {`,
    `    must cover all functions`,
    `  }`,
    `}`,
  ];
  const agreement = [`import "framework.concord"`, ``, `agreement enums "Many values" {`, `  conforms to enum_fw`];
  agreement.push(`  party a "Party A" kind trust role member`, `  party b "Party B" kind trust role member`, `  scope all functions`);
  const quarter = Math.ceil((values - 1) / 4);
  for (let q = 0; q < 4; q++) {
    const part = names.slice(1 + q * quarter, 1 + (q + 1) * quarter);
    if (part.length === 0) continue;
    agreement.push(`  clause ${q + 1} {`, `    assign triage where setting in { ${part.join(", ")} } {`, `      accountable ${q % 2 === 0 ? "a" : "b"}`, `    }`, `  }`);
  }
  agreement.push(`}`);
  return { framework: framework.join("\n") + "\n", agreement: agreement.join("\n") + "\n" };
}

/**
 * An enum dimension of `values` values and an assignment for each value but the first (a gap),
 * the parties taking turns: a list of `values` places or practices, each with its own clause.
 */
export function enumPerValueCase(values: number): { framework: string; agreement: string } {
  const { framework } = enumCase(values);
  const agreement = [`import "framework.concord"`, ``, `agreement enums "A clause per value" {`, `  conforms to enum_fw`];
  agreement.push(`  party a "Party A" kind trust role member`, `  party b "Party B" kind trust role member`, `  scope all functions`);
  for (let v = 1; v < values; v++)
    agreement.push(`  clause ${v} {`, `    assign triage where setting = v${v} {`, `      accountable ${v % 2 === 0 ? "a" : "b"}`, `    }`, `  }`);
  agreement.push(`}`);
  return { framework, agreement: agreement.join("\n") + "\n" };
}

/** `members` members, each accountable at its own place in a clause of its own but the first (a gap there). */
export function placePerMemberCase(members: number): { framework: string; agreement: string } {
  const { framework } = membersCase(members);
  const agreement = [`import "framework.concord"`, ``, `agreement members "A clause per place" {`, `  conforms to members_fw`];
  for (let i = 0; i < members; i++) agreement.push(`  party m${i} "Member ${i}" kind trust role member`);
  agreement.push(`  scope all functions`);
  for (let i = 1; i < members; i++) agreement.push(`  clause ${i} {`, `    assign local_care at place m${i} {`, `      accountable m${i}`, `      responsible m${i}`, `    }`, `  }`);
  agreement.push(`}`);
  return { framework, agreement: agreement.join("\n") + "\n" };
}

/** `files` small agreements importing one framework (each with one gap), as file name → text. */
export function manyFiles(files: number): Map<string, string> {
  const out = new Map<string, string>();
  out.set(
    "framework.concord",
    [
      `framework many_fw "Many files benchmark" {`,
      `  levels system, place`,
      `  kind trust "Trust"`,
      `  role member "Member"`,
      `  category care "Care"`,
      `  dimension value: money`,
      `  function referral "Referral" in care`,
      `  function records "Records" in care`,
      `  rule R1 "Cover" {`,
      `    must cover all functions`,
      `  }`,
      `}`,
    ].join("\n") + "\n",
  );
  for (let i = 0; i < files; i++) {
    const text = [
      `import "../framework.concord"`,
      ``,
      `agreement a${i} "Agreement ${i}" {`,
      `  conforms to many_fw`,
      `  party p "Party P" kind trust role member`,
      `  party q "Party Q" kind trust role member`,
      `  scope all functions`,
      `  clause 1 {`,
      `    assign referral where value < £${1000 + i} {`,
      `      accountable p`,
      `    }`,
      `  }`,
      `  clause 2 {`,
      `    assign referral where value > £${1000 + i} {`,
      `      accountable q`,
      `    }`,
      `  }`,
      `  clause 3 {`,
      `    assign records {`,
      `      accountable q`,
      `    }`,
      `  }`,
      `}`,
    ].join("\n");
    out.set(`agreements/a${String(i).padStart(5, "0")}.concord`, text + "\n");
  }
  return out;
}

/** A framework of `findings` top-level functions and an agreement in scope of all of them that assigns none: one gap each. */
export function manyFindingsCase(findings: number): { framework: string; agreement: string } {
  const framework = [`framework findings_fw "Many findings benchmark" {`, `  levels system, place`, `  kind trust "Trust"`, `  role member "Member"`, `  category care "Care"`];
  for (let i = 0; i < findings; i++) framework.push(`  function f${i} "Function ${i}" in care`);
  framework.push(`  rule R1 "Cover" {`, `    must cover all functions`, `  }`, `}`);
  const agreement = [
    `import "framework.concord"`,
    ``,
    `agreement findings "Many findings" {`,
    `  conforms to findings_fw`,
    `  party a "Party A" kind trust role member`,
    `  scope all functions`,
    `}`,
  ];
  return { framework: framework.join("\n") + "\n", agreement: agreement.join("\n") + "\n" };
}

/**
 * `agreements` agreement files under one framework of `functions` functions, each in scope of
 * three of them and assigning one: the shape of a national baseline that many local agreements
 * conform to. Two findings and a rule finding each.
 */
export function sharedFramework(agreements: number, functions: number): Map<string, string> {
  const out = new Map<string, string>();
  const fw = [`framework big "Large baseline" {`, `  levels system, place`, `  kind trust "Trust"`, `  role member "Member"`, `  category care "Care"`];
  for (let i = 0; i < functions; i++) fw.push(`  function f${i} "Function ${i}" in care`);
  fw.push(`  rule R1 "Cover" {`, `    must cover all functions`, `  }`, `}`);
  out.set("framework.concord", fw.join("\n") + "\n");
  for (let a = 0; a < agreements; a++) {
    const text = [
      `import "../framework.concord"`,
      ``,
      `agreement a${a} "Agreement ${a}" {`,
      `  conforms to big`,
      `  party p "Party P" kind trust role member`,
      `  scope function f0, function f1, function f2`,
      `  clause 1 {`,
      `    assign f0 {`,
      `      accountable p`,
      `    }`,
      `  }`,
      `}`,
    ];
    out.set(`agreements/a${String(a).padStart(5, "0")}.concord`, text.join("\n") + "\n");
  }
  return out;
}

/** One activity whose responsible work is delegated round a ring of `n` parties: one `delegation-cycle` (a hostile shape: the cycle search walked the ring once per delegation). */
export function delegationRing(n: number): { framework: string; agreement: string } {
  const framework = [`framework ring_fw "Delegation ring" {`, `  levels system, place`, `  kind trust "Trust"`, `  role member "Member"`, `  function referral "Referral"`, `}`];
  const agreement = [`import "framework.concord"`, ``, `agreement ring "Ring" {`, `  conforms to ring_fw`];
  for (let i = 0; i < n; i++) agreement.push(`  party p${i} "Party ${i}" kind trust role member`);
  agreement.push(`  clause 1 {`, `    assign referral {`, `      accountable p0`, `      responsible p0`, `    }`, `  }`);
  for (let i = 0; i < n; i++) agreement.push(`  clause ${i + 2} {`, `    delegate referral from p${i} to p${(i + 1) % n}`, `  }`);
  agreement.push(`}`);
  return { framework: framework.join("\n") + "\n", agreement: agreement.join("\n") + "\n" };
}

/**
 * `n` clauses on one line (a machine-written file), one band of value each, a seventh of them
 * naming a party that is not declared: one `unresolved` finding every seventh clause, each framed
 * on that line (a hostile shape: each frame laid out the whole line again).
 */
export function oneLineCase(n: number): { framework: string; agreement: string } {
  const framework = [`framework line_fw "One line" {`, `  levels system, place`, `  kind trust "Trust"`, `  role member "Member"`, `  dimension value: money`, `  function triage "Triage"`, `}`];
  const clauses = Array.from({ length: n }, (_, i) => `clause ${i + 1} { assign triage at system where value >= £${i} and value < £${i + 1} { accountable ${i % 7 === 0 ? `q${i}` : "p"} } }`);
  const agreement = [`import "framework.concord"`, ``, `agreement line "One line" {`, `  conforms to line_fw`, `  party p "Party P" kind trust role member`, `  ${clauses.join(" ")}`, `}`];
  return { framework: framework.join("\n") + "\n", agreement: agreement.join("\n") + "\n" };
}

/**
 * `n` clauses, each opened inside the one before and none closed: a syntax error at the end of
 * the file under `n` open rules, and `n - 1` duplicate clause numbers (a hostile shape: each
 * level of recovery walked the whole rule stack, and each clause copied its enclosing numbers).
 */
export function openClausesCase(n: number): string {
  return `agreement open "Open clauses" {\n${"clause 1 {\n".repeat(n)}`;
}

/**
 * A framework of `n` functions, each opened inside the one before and none closed: `n` parse
 * nodes that recovery gave up on, each of whose spans is searched for in its subtree (searched
 * again at every level, it was quadratic), and `n` dotted names each longer than the last.
 */
export function openFunctionsCase(n: number): string {
  let text = 'framework open "Open functions" {\n';
  for (let i = 0; i < n; i++) text += `  function f${i} "Function ${i}" {\n`;
  return text;
}
