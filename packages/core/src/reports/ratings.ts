import { type RagColour, type RagDimension, type RagEntry, type RagRatings, ragDimensions } from './rag';

/** The colour a dimension shows: the one chosen, else the one suggested; null for "no data". */
export function effectiveColour(entry: RagEntry): RagColour | null {
  return entry.chosen ?? entry.suggested;
}

/** True when the chosen colour departs from the suggestion, which then needs a reason. */
export function isOverride(entry: RagEntry): boolean {
  return entry.chosen !== null && entry.chosen !== entry.suggested;
}

/** A rule a report's ratings break, naming the field (`rag.cost.reason`). */
export interface RagProblem {
  field: string;
  message: string;
}

/**
 * The problems of a report's ratings: an override (a chosen colour other than the suggested one) without a reason.
 * @example ratingProblems(ratings) // [{ field: 'rag.cost.reason', message: '…' }]
 */
export function ratingProblems(ratings: RagRatings): RagProblem[] {
  const problems: RagProblem[] = [];
  for (const dimension of ragDimensions) {
    const entry = ratings[dimension];
    if (isOverride(entry) && entry.reason.trim() === '') {
      const suggested = entry.suggested ?? 'no data';
      problems.push({
        field: `rag.${dimension}.reason`,
        message: `The ${dimension} colour ${entry.chosen} departs from the suggested ${suggested}: give a reason`,
      });
    }
  }
  return problems;
}

/**
 * New ratings from fresh suggestions: each dimension takes the new suggestion and keeps what the manager chose and
 * why. A choice that now equals the suggestion stays (it is simply no longer an override).
 */
export function withSuggestions(
  ratings: RagRatings,
  suggested: Record<RagDimension, RagColour | null>,
): RagRatings {
  const next = {} as RagRatings;
  for (const dimension of ragDimensions) {
    next[dimension] = { ...ratings[dimension], suggested: suggested[dimension] };
  }
  return next;
}

/** Ratings with every dimension following its suggestion. */
export function suggestedRatings(suggested: Record<RagDimension, RagColour | null>): RagRatings {
  const next = {} as RagRatings;
  for (const dimension of ragDimensions) {
    next[dimension] = { suggested: suggested[dimension], chosen: null, reason: '' };
  }
  return next;
}

/** Ratings at publication: each chosen colour settled (the suggestion where none was chosen). */
export function settledRatings(ratings: RagRatings): RagRatings {
  const next = {} as RagRatings;
  for (const dimension of ragDimensions) {
    const entry = ratings[dimension];
    next[dimension] = { ...entry, chosen: effectiveColour(entry) };
  }
  return next;
}
