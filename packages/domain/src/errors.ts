/**
 * A rule refused its input. `field` is a path such as `months[3].plannedInvestment`; the API
 * turns this into a BAD_USER_INPUT error naming that field, with `reason` as the readable message.
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
