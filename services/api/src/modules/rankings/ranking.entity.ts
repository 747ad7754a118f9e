import type { Fen } from '@kpd/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { moneyColumn } from '../../core/columns';

/** A published monthly ranking of a city's districts (排名通报): a frozen snapshot, with who and when. */
@Entity('ranking_publications')
@Index(['cityId', 'period'], { unique: true })
export class RankingPublication {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  cityId!: number;

  @Column({ type: 'varchar', length: 7 })
  period!: string;

  /** The city's weights when published (JSON). */
  @Column({ type: 'varchar', length: 200 })
  weightsJson!: string;

  @Column({ type: 'varchar', length: 64 })
  publishedBy!: string;

  @Column({ type: 'datetime' })
  publishedAt!: Date;

  /** SHA-256 of the canonical JSON of the ranking as published (null: published before rankings were hashed). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  sha256!: string | null;
}

/** One district's line of a published ranking, with the figures it was ranked on. */
@Entity('ranking_entries')
@Index(['publicationId'])
@Index(['areaId', 'period'])
export class RankingEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  publicationId!: number;

  @Column({ type: 'int' })
  cityId!: number;

  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Column({ type: 'int' })
  areaId!: number;

  @Column({ type: 'int' })
  projectCount!: number;

  @Column({ type: 'int' })
  milestonesDue!: number;

  @Column({ type: 'int' })
  milestonesMetOnTime!: number;

  @Column(moneyColumn)
  ytdPlanned!: Fen;

  @Column(moneyColumn)
  ytdActual!: Fen;

  @Column({ type: 'int' })
  green!: number;

  @Column({ type: 'int' })
  yellow!: number;

  @Column({ type: 'int' })
  red!: number;

  /** Percent × 10 (one decimal), null when not measurable. */
  @Column({ type: 'int', nullable: true })
  milestoneRateTenths!: number | null;

  @Column({ type: 'int', nullable: true })
  investmentRateTenths!: number | null;

  @Column({ type: 'int', nullable: true })
  lightScoreTenths!: number | null;

  /** Score × 100 (two decimals). */
  @Column({ type: 'int', nullable: true })
  scoreHundredths!: number | null;

  @Column({ type: 'int', nullable: true })
  rank!: number | null;
}
