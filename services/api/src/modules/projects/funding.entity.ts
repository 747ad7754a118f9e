import type { Fen } from '@kpd/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { moneyColumn } from '../../core/columns';
import { MoneyScalar } from '../../core/scalars';

/** A funding source of a city's code list (资金来源): 中央预算内投资, 地方政府专项债券, 地方财政资金 … */
@ObjectType('FundingSource', { description: 'A funding source of the city’s code list. 资金来源' })
@Entity('funding_sources')
@Index(['cityId', 'code'], { unique: true })
export class FundingSource {
  @Field(() => ID, { description: 'Id. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  cityId!: number;

  @Field({ description: 'Code, unique in the city. 代码' })
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Field({ description: 'Name. 名称' })
  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Field({ description: 'Local government special bonds: lines carry a bond batch, issued and spent. 专项债' })
  @Column({ type: 'boolean' })
  specialBond!: boolean;

  @Field(() => Int, { description: 'Order in lists. 排序' })
  @Column({ type: 'int' })
  sortOrder!: number;

  @Field(() => Int, { description: 'Version, for optimistic concurrency. 版本' })
  @Column({ type: 'int' })
  version!: number;
}

/** A project's funding from one source in one year (分项资金): planned and received, and a bond's batch, issued and spent. */
@ObjectType('ProjectFundingLine', { description: 'A project’s funding from one source in one year. 项目资金来源' })
@Entity('project_funding')
@Index(['projectId', 'year', 'sourceId'], { unique: true })
@Index(['cityId', 'year', 'sourceId'])
@Index(['areaId', 'year', 'sourceId'])
export class ProjectFunding {
  @Field(() => ID, { description: 'Id. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Column({ type: 'int' })
  cityId!: number;

  @Field(() => Int, { description: 'Year. 年度' })
  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  sourceId!: number;

  @Field(() => MoneyScalar, { description: 'Planned in 元. 计划金额' })
  @Column({ ...moneyColumn })
  planned!: Fen;

  @Field(() => MoneyScalar, { description: 'Received (到位) in 元. 到位金额' })
  @Column({ ...moneyColumn })
  received!: Fen;

  @Field(() => String, { nullable: true, description: 'Special bonds: the issue batch. 专项债发行批次' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  bondBatch!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Special bonds: issued in 元. 专项债发行金额' })
  @Column({ ...moneyColumn, nullable: true })
  bondIssued!: Fen | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Special bonds: spent in 元. 专项债支出金额' })
  @Column({ ...moneyColumn, nullable: true })
  bondSpent!: Fen | null;
}

/**
 * One part of a monthly report's actual investment by funding source (按资金来源拆分): the parts of a
 * report, when it has any, add up exactly to its actual investment. Carries the report's area and month
 * so the statistics sum it without reading the reports.
 */
@Entity('monthly_report_sources')
@Index(['reportId', 'sourceId'], { unique: true })
@Index(['areaId', 'period', 'sourceId'])
export class ReportFundingPart {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  reportId!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Column({ type: 'int' })
  sourceId!: number;

  @Column({ ...moneyColumn })
  amount!: Fen;
}
