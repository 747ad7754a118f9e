import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { PeriodScalar } from '../../core/scalars';

export enum LightColor {
  GREEN = 'GREEN',
  YELLOW = 'YELLOW',
  RED = 'RED',
}

registerEnumType(LightColor, {
  name: 'LightColor',
  description: 'A monthly light. 亮灯',
  valuesConfig: { GREEN: { description: 'Green: on plan. 绿灯：按计划完成' }, YELLOW: { description: 'Yellow: behind plan. 黄灯：未按计划完成' }, RED: { description: 'Red: no progress, overdue, or behind several months running. 红灯：零进展、逾期或连续落后' } },
});

export enum RemovalDecision {
  PROPOSED = 'PROPOSED',
  CONFIRMED = 'CONFIRMED',
  DECLINED = 'DECLINED',
}

registerEnumType(RemovalDecision, {
  name: 'RemovalDecision',
  description: 'Where the removal from the key-project library proposed by a red light stands. 剔除建议',
  valuesConfig: {
    PROPOSED: { description: 'Proposed by the red light, awaiting an admin. 待决定' },
    CONFIRMED: { description: 'An admin removed the project from the library. 已剔除' },
    DECLINED: { description: 'An admin kept the project in the library. 不予剔除' },
  },
});

/**
 * A project's light for one month, as the rule computed it: colour, reason, the figures and the
 * rule version. One row per project and month (unique), rewritten when the report changes.
 */
@ObjectType('ProjectLight', { description: 'A project’s light for one month, with why. 月度亮灯' })
@Entity('project_lights')
@Index(['projectId', 'period'], { unique: true })
@Index(['areaId', 'period', 'color'])
@Index(['period', 'color'])
export class ProjectLight {
  @Field(() => ID, { description: 'Id of the light. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Field(() => PeriodScalar, { description: 'The month lit. 月份' })
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Field(() => LightColor, { description: 'The colour. 灯色' })
  @Column({ type: 'varchar', length: 8 })
  color!: LightColor;

  @Field({ description: 'Stable code of the reason, e.g. BEHIND_PLAN. 原因代码' })
  @Column({ type: 'varchar', length: 32 })
  reasonCode!: string;

  @Field({ description: 'Why, in words, with the figures. 原因' })
  @Column({ type: 'varchar', length: 1000 })
  reason!: string;

  @Field({ description: 'The figures the rule used, as JSON (amounts in 分 as strings). 计算依据' })
  @Column({ type: 'text' })
  figures!: string;

  @Field({ description: 'The rule and version that produced it, e.g. investment-v1. 规则版本' })
  @Column({ type: 'varchar', length: 32 })
  ruleVersion!: string;

  @Field({ description: 'When it was computed. 计算时间' })
  @Column({ type: 'datetime' })
  computedAt!: Date;

  @Field(() => RemovalDecision, { nullable: true, description: 'The library removal a red light proposes, and its decision. 剔除建议' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  removal!: RemovalDecision | null;

  @Field(() => String, { nullable: true, description: 'The admin’s reason for the decision. 决定理由' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  removalReason!: string | null;

  @Field(() => String, { nullable: true, description: 'Who decided. 决定人' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  removalDecidedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was decided. 决定时间' })
  @Column({ type: 'datetime', nullable: true })
  removalDecidedAt!: Date | null;
}

/**
 * A light board (上墙公示) as published: the rows as shown (`content`, canonical JSON) with who, when
 * and their SHA-256. Anonymous callers and the wall display read this, never the live lights. A
 * board published again after a change is a new version; every version is kept.
 */
@Entity('light_board_publications')
@Index(['areaId', 'period', 'version'], { unique: true })
export class LightBoardPublication {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Column({ type: 'varchar', length: 7 })
  period!: string;

  /** 1 for the first publication of the area's month, then 2, 3 … */
  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ type: 'varchar', length: 64 })
  publishedBy!: string;

  @Column({ type: 'datetime' })
  publishedAt!: Date;

  /** The board as published, canonical JSON (null only for boards published before snapshots were kept). */
  @Column({ type: 'text', nullable: true })
  content!: string | null;

  /** SHA-256 of `content`, hex. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  sha256!: string | null;

  /** The approved correction that caused this version (null: published by an admin). */
  @Column({ type: 'int', nullable: true })
  correctionId!: number | null;
}
