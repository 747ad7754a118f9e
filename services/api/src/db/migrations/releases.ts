/**
 * Where the last release stands among the migrations, and the contracting steps allowed since.
 *
 * Migrations are expand-then-contract, so a process of the last release and one of the next can run on
 * one database during a rolling upgrade: a release's migrations only add (a table, a nullable column, a
 * column with a default, an index, a wider column). A step that takes something away or changes what a
 * running old process reads or writes — dropping or renaming a table or column, a NOT NULL column without
 * a default on an existing table, a narrower column, values rewritten in place — waits for the release
 * after the one that stopped using it, and is listed below with the release it ships in and why; that
 * release's upgrade notes say the old processes are stopped first.
 * `src/architecture/expand-contract.test.ts` fails on a contracting step not listed here.
 *
 * Releasing: set `lastMigration` to the newest migration's name and `name` to the release (with
 * `schema/released.graphql` and CHANGELOG.md's heading), and clear the contract steps it shipped.
 */
export const LAST_RELEASE = { name: '2026.12', lastMigration: 'PlanVersions1796616732491' };

export interface ContractStep {
  /** The migration's class name. */
  migration: string;
  /** The release it ships in (`Unreleased` until then). */
  release: string;
  /** What an old process would meet, and what the upgrade does about it. */
  why: string;
}

export const CONTRACT_STEPS: ContractStep[] = [
  {
    migration: 'FieldEncryption1796637584678',
    release: 'Unreleased',
    why: 'encrypts phone numbers and TOTP secrets in place: a 2026.12 process would show `enc:…` and could not check a TOTP code. The upgrade from 2026.12 stops the old processes before the first new one starts (README, "Upgrades")',
  },
  {
    migration: 'ChannelSecretEncryption1796649731923',
    release: 'Unreleased',
    why: 'encrypts the outbound channels\u2019 signing secrets in place: a 2026.12 process would sign with the ciphertext. Same stop-the-world upgrade as FieldEncryption',
  },
];
