// `responsible must be R, … (for SELECTOR)?`: every party responsible in the constraint's scope,
// after delegations, has one of those roles or kinds. The finding sits on the assignment that
// names the responsible party (or the party it delegated the work from).
import { mustBeCheck } from "./must-be.js";
import { responsibleHoldings } from "../rules/holdings.js";

export const responsibleMustBe = mustBeCheck("responsible", responsibleHoldings);
