/**
 * A rule refused its input. `field` is the path of the offending value in the caller's input
 * (`months[3].plannedInvestment`), `reason` a readable sentence (Chinese where a user reads it).
 * The API turns it into a BAD_USER_INPUT error naming the field (DESIGN.md, "API conventions").
 */
export class DomainError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'DomainError';
  }
}

/** One thing wrong with an input: the field path and a readable reason. */
export interface Problem {
  field: string;
  reason: string;
}

/**
 * Several things wrong at once, for forms where the user must see every mismatch
 * (the plan table: DESIGN.md "a mismatch is a validation error the user can read").
 * `field` and `reason` are those of the first problem; `problems` holds them all.
 */
export class DomainValidationError extends DomainError {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    if (problems.length === 0) throw new RangeError('a validation error needs at least one problem');
    super(problems[0].field, problems[0].reason);
    this.name = 'DomainValidationError';
    this.problems = problems;
    this.message = problems.map((p) => `${p.field}: ${p.reason}`).join('; ');
  }
}

/** Throws a DomainValidationError carrying every problem, when there is any. */
export function throwIfProblems(problems: readonly Problem[]): void {
  if (problems.length > 0) throw new DomainValidationError(problems);
}
