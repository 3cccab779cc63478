// `review every N months`: the agreement has a `review` item with a period of at most N months.
import type { ObligationCheck } from "./registry.js";
import { agreementHeader, ruleFinding } from "./common.js";

export const reviewEvery: ObligationCheck = {
  type: "review-every",
  check({ agreement }, rule, obligation) {
    const max = obligation.months;
    if (max === undefined) return [];
    const review = agreement.review;
    if (!review) {
      return [
        ruleFinding(
          rule,
          obligation,
          agreementHeader(agreement),
          `The agreement sets no review period; rule ${rule.id} requires a review at least every ${max} months.`,
        ),
      ];
    }
    if (review.months <= max) return [];
    return [
      ruleFinding(
        rule,
        obligation,
        { span: review.span },
        `Review every ${review.months} months is longer than the ${max} months rule ${rule.id} allows.`,
      ),
    ];
  },
};
