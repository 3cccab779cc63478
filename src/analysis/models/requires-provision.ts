// `requires provision ID`: the agreement contains `provision ID`.
import type { RequirementCheck } from "./requires.js";
import { modelName } from "./common.js";
import { upperFirst } from "../messages.js";
import { addProvision } from "../fixes.js";

export const requiresProvision: RequirementCheck = {
  what: "provision",
  help: addProvision,
  holds: (agreement, id) => agreement.provisions.some((p) => p.id === id),
  message: (model, id) => `${upperFirst(modelName(model))} requires a \`${id}\` provision, which the agreement does not have.`,
};
