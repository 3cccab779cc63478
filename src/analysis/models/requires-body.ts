// `requires body KIND`: the agreement sets up some body of that kind.
import type { RequirementCheck } from "./requires.js";
import { modelName } from "./common.js";
import { upperFirst } from "../messages.js";

export const requiresBody: RequirementCheck = {
  what: "body",
  holds: (agreement, id) => agreement.bodies.some((b) => b.kind === id),
  message: (model, id) => `${upperFirst(modelName(model))} requires a body of kind ${id}, and the agreement sets up none.`,
};
