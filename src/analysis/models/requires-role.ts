// `requires role ID`: some party has that role (bodies are not parties).
import type { RequirementCheck } from "./requires.js";
import { modelName } from "./common.js";
import { upperFirst } from "../messages.js";
import { addRole } from "../fixes.js";

export const requiresRole: RequirementCheck = {
  what: "role",
  help: addRole,
  holds: (agreement, id) => agreement.parties.some((p) => p.roles.includes(id)),
  message: (model, id) => `${upperFirst(modelName(model))} requires a party of role ${id}, and no party has it.`,
};
