// `accountable must be R, … (for SELECTOR)?`: every party an assignment makes accountable in the
// constraint's scope, wherever it applies after overrides, has one of those roles or kinds.
import { mustBeCheck } from "./must-be.js";
import { accountableHoldings } from "../rules/holdings.js";

export const accountableMustBe = mustBeCheck("accountable", accountableHoldings);
