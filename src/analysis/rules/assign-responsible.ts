// `assign responsible for SELECTOR`: wherever a selected activity has an accountable party, it
// has a responsible one too. This is a property of points of the space, so it is reported by the
// coverage analysis as `no-responsible` (with this rule's id and cite, error for `must`, warning
// for `should`): see `src/analysis/coverage/`. Nothing more to report here.
import type { ObligationCheck } from "./registry.js";

export const assignResponsible: ObligationCheck = {
  type: "assign-responsible",
  check: () => [],
};
