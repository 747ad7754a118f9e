import type { RectificationStatus, RectificationStep } from '@kpd/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The 好差评 rating of one case. The row is made when the rating link is issued (score null); the
 * link carries a random token of which only the SHA-256 is kept, and it is spent once the applicant
 * rates. The district, item, department and window that served the case are copied in, so the
 * figures group and filter on indexed columns of this table alone.
 */
@Entity('service_ratings')
@Index(['caseId'], { unique: true })
@Index(['tokenHash'], { unique: true })
@Index(['districtId', 'ratedAt'])
@Index(['districtId', 'department'])
@Index(['districtId', 'windowId'])
export class ServiceRating {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  caseId!: number;

  @Column({ type: 'int' })
  districtId!: number;

  @Column({ type: 'int' })
  itemId!: number;

  @Column({ type: 'varchar', length: 100 })
  department!: string;

  @Column({ type: 'int', nullable: true })
  windowId!: number | null;

  /** SHA-256 (hex) of the link's token. */
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'datetime' })
  issuedAt!: Date;

  /** 1–5; null until rated. */
  @Column({ type: 'int', nullable: true })
  score!: number | null;

  /** RatingReason codes, comma-separated. */
  @Column({ type: 'varchar', length: 200, default: '' })
  reasons!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  comment!: string | null;

  @Column({ type: 'datetime', nullable: true })
  ratedAt!: Date | null;
}

/** The rectification (整改) a bad rating opened: owner, deadline on the working-day calendar, where it stands. */
@Entity('service_rectifications')
@Index(['ratingId'], { unique: true })
@Index(['districtId', 'status', 'deadline'])
@Index(['districtId', 'openedOn'])
export class ServiceRectification {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  ratingId!: number;

  @Column({ type: 'int' })
  caseId!: number;

  @Column({ type: 'int' })
  districtId!: number;

  @Column({ type: 'int' })
  itemId!: number;

  @Column({ type: 'varchar', length: 100 })
  department!: string;

  @Column({ type: 'int', nullable: true })
  windowId!: number | null;

  @Column({ type: 'varchar', length: 16 })
  status!: RectificationStatus;

  /** Who answers for it (责任人), by default the item's department. */
  @Column({ type: 'varchar', length: 64 })
  owner!: string;

  @Column({ type: 'date' })
  openedOn!: string;

  @Column({ type: 'date' })
  deadline!: string;

  @Column({ type: 'date', nullable: true })
  rectifiedOn!: string | null;

  /** Working days from the bad rating to the rectification; null until rectified. */
  @Column({ type: 'int', nullable: true })
  rectifiedDays!: number | null;

  @Column({ type: 'date', nullable: true })
  closedOn!: string | null;

  @Column({ type: 'boolean', nullable: true })
  founded!: boolean | null;

  @Column({ type: 'int', default: 1 })
  version!: number;
}

/** One recorded step of a rectification: what was done, on which day, by whom. */
@Entity('service_rectification_steps')
@Index(['rectificationId'])
export class ServiceRectificationStepRow {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  rectificationId!: number;

  @Column({ type: 'varchar', length: 16 })
  step!: RectificationStep;

  @Column({ type: 'date' })
  onDate!: string;

  @Column({ type: 'text' })
  note!: string;

  @Column({ type: 'boolean', nullable: true })
  founded!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  satisfied!: boolean | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actor!: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}
