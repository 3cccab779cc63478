// The `help:` of a finding about something the agreement lacks: the item to add, as written.
// The `…` are the parts only the drafter can fill in.

export function addProvision(id: string): string {
  return `Add \`provision ${id} "…"\` to the agreement, quoting the clause that provides it.`;
}

export function addBody(kind: string): string {
  return `Set up the body: \`body ID "…" kind ${kind} members …\`.`;
}

export function addRole(role: string): string {
  return `Give the party that holds it the role: \`party ID "…" kind … role ${role}\`.`;
}
