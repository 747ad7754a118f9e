import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/*
 * Secrecy of the vote. Who voted (participation) and what was voted (ballots) live in separate
 * tables with no shared key. Ballot rows carry no user, no auto-increment id, no timestamp and no
 * insertion order: the primary key is the random receipt code, SQLite tables are WITHOUT ROWID (no
 * hidden insertion counter) and InnoDB clusters rows by that random key. Their hash chain is built
 * at close in receipt-code order, not in cast order.
 */

export enum BallotSource {
  ELECTRONIC = 'ELECTRONIC',
  PAPER = 'PAPER',
}

/** That a delegate took part in a round (voted electronically, or was handed a paper sheet). */
@Entity('livelihood_participation', { withoutRowid: true })
export class RoundParticipation {
  @PrimaryColumn({ type: 'int' })
  roundId!: number;

  @PrimaryColumn({ type: 'int' })
  userId!: number;

  @Column({ type: 'varchar', length: 12 })
  method!: BallotSource;

  /** For a paper sheet: the issuing batch, which a second person confirms (null for the app). */
  @Column({ type: 'int', nullable: true })
  paperBatch!: number | null;
}

/**
 * A batch of paper sheets handed out by one scrutineer (or admin) against the check-in list. The
 * sheets count as issued only once a second person — another scrutineer or an admin running the
 * session — confirmed the batch.
 */
@Entity('livelihood_paper_batches')
@Index(['roundId', 'issuedBy'])
export class PaperBatch {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  roundId!: number;

  @Column({ type: 'int' })
  issuedBy!: number;

  @Column({ type: 'int', nullable: true })
  confirmedBy!: number | null;

  @Column({ type: 'int' })
  sheets!: number;
}

/**
 * A receipt code pre-printed on a paper sheet (its stub stays with the paper voter), as SHA-256 of
 * the round fingerprint and the code: entering a sheet needs one printed and not yet used. Printed
 * in bulk, before any sheet is handed out, so nothing links a code to the delegate who drew it.
 */
@Entity('livelihood_paper_codes', { withoutRowid: true })
export class PaperCode {
  @PrimaryColumn({ type: 'int' })
  roundId!: number;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  codeHash!: string;

  @Column({ type: 'boolean', default: false })
  used!: boolean;
}

/**
 * A ballot as cast, sealed under the round's counting key: a random id, the sealed text (receipt
 * code, marks, salt) and its SHA-256, the tracker the delegate keeps and the board shows while the
 * round is open. Nothing in it is readable, or shared with the opened ballot, without two key shares.
 */
@Entity('livelihood_sealed_ballots', { withoutRowid: true })
@Index(['roundId', 'batch'])
@Index(['roundId', 'tracker'])
export class SealedBallot {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ type: 'int' })
  roundId!: number;

  @Column({ type: 'varchar', length: 12 })
  source!: BallotSource;

  /** base64: ephemeral public key | nonce | tag | AES-256-GCM ciphertext. */
  @Column({ type: 'text' })
  sealed!: string;

  /** SHA-256 of the sealed text (hex): the ballot's entry on the board while the round is open. */
  @Column({ type: 'varchar', length: 64 })
  tracker!: string;

  /** The board batch (checkpoint number) that sealed it; null until sealed. */
  @Column({ type: 'int', nullable: true })
  batch!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  prevHash!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  chainHash!: string | null;
}

/**
 * One ballot opened at the count: a receipt code and the candidate ids it marks. Written only at the
 * count, in receipt-code order, with nothing shared with the sealed ballot it came from. Nothing
 * about who cast it.
 */
@Entity('livelihood_ballots', { withoutRowid: true })
@Index(['roundId', 'receiptCode'])
@Index(['roundId', 'batch'])
export class Ballot {
  @PrimaryColumn({ type: 'varchar', length: 24 })
  receiptCode!: string;

  @Column({ type: 'int' })
  roundId!: number;

  /** Marked candidate ids, comma-separated, in ballot order (a paper sheet exactly as marked). */
  @Column({ type: 'varchar', length: 1000 })
  choices!: string;

  @Column({ type: 'varchar', length: 12 })
  source!: BallotSource;

  /**
   * 128 random bits (hex) that keep the commitment from giving the marks away while the round is
   * open; published with the ballot at the count.
   */
  @Column({ type: 'varchar', length: 32, default: '' })
  salt!: string;

  /** The commitment on the bulletin board: SHA-256(fingerprint|receipt code|choices|source|salt). */
  @Column({ type: 'varchar', length: 64 })
  ballotHash!: string;

  /**
   * The board batch (checkpoint number) that sealed it, for rounds counted before ballots were
   * sealed; null for an opened ballot (it is chained at the count, after the last checkpoint).
   */
  @Column({ type: 'int', nullable: true })
  batch!: number | null;

  /** Its link: the previous link and SHA-256(previous|ballotHash). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  prevHash!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  chainHash!: string | null;
}

/**
 * A checkpoint of a round's bulletin board: the head of the chain once a batch of ballots was
 * sealed, and how many ballots the board then held. Published as the round goes on.
 */
@Entity('livelihood_board_checkpoints', { withoutRowid: true })
export class BoardCheckpoint {
  @PrimaryColumn({ type: 'int' })
  roundId!: number;

  @PrimaryColumn({ type: 'int' })
  number!: number;

  @Column({ type: 'int' })
  count!: number;

  @Column({ type: 'varchar', length: 64 })
  head!: string;
}

/** That a delegate rated the projects in a year-end evaluation. */
@Entity('livelihood_evaluation_participation', { withoutRowid: true })
export class EvaluationParticipation {
  @PrimaryColumn({ type: 'int' })
  evaluationId!: number;

  @PrimaryColumn({ type: 'int' })
  userId!: number;
}

/** One evaluation sheet: a receipt code and a rating per project. Nothing about who rated. */
@Entity('livelihood_evaluation_ballots', { withoutRowid: true })
@Index(['evaluationId', 'receiptCode'])
export class EvaluationBallot {
  @PrimaryColumn({ type: 'varchar', length: 24 })
  receiptCode!: string;

  @Column({ type: 'int' })
  evaluationId!: number;

  /** "projectId:RATING" pairs, semicolon-separated, in project order. */
  @Column({ type: 'varchar', length: 2000 })
  ratings!: string;

  @Column({ type: 'varchar', length: 64 })
  ballotHash!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  prevHash!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  chainHash!: string | null;
}

/**
 * One share of a round's counting key, sealed to its holder (a scrutineer on the roster) with the
 * public key the holder registered: only the holder's own key file opens it. `shareHash` (SHA-256
 * of the share) lets the server refuse a mistyped or forged share at once. While the count waits
 * for the threshold a submitted share is kept in `submitted`; at the count every submitted share is
 * wiped. One share alone rebuilds nothing.
 */
@Entity('livelihood_round_shares')
@Index(['roundId', 'rosterEntryId'], { unique: true })
export class RoundShare {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  roundId!: number;

  @Column({ type: 'int' })
  rosterEntryId!: number;

  /** The share's number (its x, 1–3). */
  @Column({ type: 'int' })
  number!: number;

  @Column({ type: 'text' })
  sealed!: string;

  @Column({ type: 'varchar', length: 64 })
  shareHash!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  submitted!: string | null;

  @Column({ type: 'datetime', nullable: true })
  submittedAt!: Date | null;
}
