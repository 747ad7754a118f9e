import type { ApplicantType, CaseChannel, CaseOutcome } from '@kpd/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One case (办件) of an item: who applied, by which channel, the window system's times, and the
 * outcome. The handling time, the promise it is judged against (copied from the item when the case is
 * written) and whether it was on time are kept on every write, so the figures are sums and ranks in SQL.
 */
@Entity('service_cases')
@Index(['districtId', 'caseNo'], { unique: true })
@Index(['districtId', 'receivedAt'])
@Index(['itemId', 'receivedAt'])
@Index(['zoneId', 'receivedAt'])
export class ServiceCase {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  districtId!: number;

  @Column({ type: 'int' })
  itemId!: number;

  /** The zone that accepted it (the item's zone when the case was written). */
  @Column({ type: 'int', nullable: true })
  zoneId!: number | null;

  /** The window that accepted it; null for a case made online or unrecorded. */
  @Column({ type: 'int', nullable: true })
  windowId!: number | null;

  /** The window system's case number (办件编号), unique in the district. */
  @Column({ type: 'varchar', length: 40 })
  caseNo!: string;

  @Column({ type: 'varchar', length: 16 })
  applicantType!: ApplicantType;

  @Column({ type: 'varchar', length: 16 })
  channel!: CaseChannel;

  @Column({ type: 'datetime' })
  receivedAt!: Date;

  @Column({ type: 'datetime' })
  acceptedAt!: Date;

  @Column({ type: 'datetime', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'datetime', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome!: CaseOutcome | null;

  /** On-site visits the applicant actually made. */
  @Column({ type: 'int', default: 0 })
  visits!: number;

  /** JSON: CasePause[] — the periods the clock stood still. */
  @Column({ type: 'text' })
  pauses!: string;

  @Column({ type: 'int', nullable: true })
  promisedDays!: number | null;

  /** Working days from acceptance to decision minus allowed pauses; null while undecided. */
  @Column({ type: 'int', nullable: true })
  handlingDays!: number | null;

  @Column({ type: 'int', nullable: true })
  pausedDays!: number | null;

  @Column({ type: 'boolean', nullable: true })
  onTime!: boolean | null;

  /** handlingDays ÷ promisedDays in basis points (10000 = exactly the promise); null when the promise is 0 or unknown. */
  @Column({ type: 'int', nullable: true })
  promisedShareBp!: number | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}
