import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * How the year-end satisfaction is combined (镇海: households 60 of 100): for a congress's area
 * (sessionId 0: every session of that area and of the congresses below it without their own) or for
 * one session, which takes precedence.
 */
@Entity('livelihood_rating_rules')
@Index(['areaId', 'sessionId'], { unique: true })
export class RatingRule {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  areaId!: number;

  /** 0: the area's rule for every session; otherwise one session's. */
  @Column({ type: 'int', default: 0 })
  sessionId!: number;

  /** Points of 100 for the delegates' sheets. */
  @Column({ type: 'int' })
  delegateWeight!: number;

  /** Points of 100 for the public survey (镇海: 60). */
  @Column({ type: 'int' })
  publicWeight!: number;

  /** Combined score from which a project is 满意. */
  @Column({ type: 'int' })
  satisfiedFrom!: number;

  /** Combined score from which a project is 基本满意. */
  @Column({ type: 'int' })
  basicFrom!: number;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

/** The public survey of one project in one evaluation (群众满意度调查), as entered from the survey's report. */
@ObjectType('LivelihoodPublicSurvey', { description: 'The public survey’s counts for one project in a year-end evaluation. 群众满意度调查' })
@Entity('livelihood_public_surveys')
@Index(['evaluationId', 'projectId'], { unique: true })
export class PublicSurvey {
  @Field(() => ID, { description: 'Id of the entry. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  evaluationId!: number;

  @Field(() => ID, { description: 'The project surveyed. 项目编号' })
  @Column({ type: 'int' })
  projectId!: number;

  @Field(() => Int, { description: 'Households answering 满意. 满意' })
  @Column({ type: 'int' })
  satisfied!: number;

  @Column({ type: 'int' })
  basic!: number;

  @Field(() => Int, { description: 'Households answering 不满意. 不满意' })
  @Column({ type: 'int' })
  unsatisfied!: number;

  @Field({ description: 'Who ran the survey and how, e.g. 市统计局入户调查. 调查来源' })
  @Column({ type: 'varchar', length: 200 })
  source!: string;

  @Column({ type: 'int' })
  recordedByUserId!: number;

  @Field({ description: 'When it was entered. 录入时间' })
  @UpdateDateColumn({ type: 'datetime' })
  recordedAt!: Date;
}
