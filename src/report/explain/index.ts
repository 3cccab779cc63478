// `concordat explain`: who holds which role at a point, and why.
export { resolveQuery, parseMoney, type ExplainQuery, type ResolvedQuery } from "./query.js";
export { explain, type Explanation, type ActivityExplanation, type AnswerJson } from "./explain.js";
export { renderExplainPretty, renderExplainJson } from "./render.js";
