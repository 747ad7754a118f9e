import { bilingualValues } from '../../core/enum-values';
import type { Fen } from '@kpd/domain';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { moneyColumn } from '../../core/columns';
import { encrypted } from '../../core/crypto/field-encryption';
import { MoneyScalar } from '../../core/scalars';

export enum ProposalSource {
  PUBLIC = 'PUBLIC',
  DELEGATE = 'DELEGATE',
  DEPARTMENT = 'DEPARTMENT',
}

export enum ProposalCategory {
  EDUCATION = 'EDUCATION',
  HEALTH = 'HEALTH',
  HOUSING = 'HOUSING',
  TRANSPORT = 'TRANSPORT',
  UTILITIES = 'UTILITIES',
  ELDERLY_CARE = 'ELDERLY_CARE',
  CULTURE_SPORTS = 'CULTURE_SPORTS',
  ENVIRONMENT = 'ENVIRONMENT',
  EMPLOYMENT = 'EMPLOYMENT',
  OTHER = 'OTHER',
}

export enum ProposalStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}

/** Why a proposal was not taken as a candidate (or how it was taken): published with the outcome. */
export enum ScreeningReason {
  ACCEPTED_AS_CANDIDATE = 'ACCEPTED_AS_CANDIDATE',
  MERGED = 'MERGED',
  ADDS_PUBLIC_BURDEN = 'ADDS_PUBLIC_BURDEN',
  DEBT_RISK = 'DEBT_RISK',
  NOT_FEASIBLE_THIS_YEAR = 'NOT_FEASIBLE_THIS_YEAR',
  ALREADY_PLANNED = 'ALREADY_PLANNED',
  NOT_LIVELIHOOD = 'NOT_LIVELIHOOD',
}

export const SCREENING_REASON_LABELS: Record<ScreeningReason, string> = {
  ACCEPTED_AS_CANDIDATE: '列入候选项目',
  MERGED: '已合并到其他建议',
  ADDS_PUBLIC_BURDEN: '增加群众负担',
  DEBT_RISK: '形成政府债务风险',
  NOT_FEASIBLE_THIS_YEAR: '当年难以实施完成',
  ALREADY_PLANNED: '已列入其他计划或正常工作',
  NOT_LIVELIHOOD: '不属于民生实事范围',
};

registerEnumType(ProposalSource, {
  name: 'ProposalSource',
  description: 'Who proposed a livelihood project. 建议来源',
  valuesConfig: {
    PUBLIC: { description: 'A member of the public, without signing in (群众提)' },
    DELEGATE: { description: "A people's-congress delegate (人大代表)" },
    DEPARTMENT: { description: 'A government department (政府部门)' },
  },
});

registerEnumType(ProposalCategory, {
  name: 'ProposalCategory',
  description: 'Field of a livelihood proposal. 建议类别',
  valuesConfig: {
    EDUCATION: { description: 'Education. 教育' },
    HEALTH: { description: 'Health care. 医疗卫生' },
    HOUSING: { description: 'Housing and old neighbourhoods. 住房与老旧小区' },
    TRANSPORT: { description: 'Transport and roads. 交通与道路' },
    UTILITIES: { description: 'Water, heating and gas. 供水、供暖、燃气' },
    ELDERLY_CARE: { description: 'Elderly care and social security. 养老与社会保障' },
    CULTURE_SPORTS: { description: 'Culture and sport. 文化体育' },
    ENVIRONMENT: { description: 'Environment. 生态环境' },
    EMPLOYMENT: { description: 'Jobs and start-ups. 就业创业' },
    OTHER: { description: 'Other. 其他' },
  },
});

registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'Where a proposal stands in screening. 建议状态',
  valuesConfig: {
    SUBMITTED: { description: 'Received, not yet screened (已受理)' },
    ACCEPTED: { description: 'Taken up as (or into) a candidate project (采纳)' },
    REJECTED: { description: 'Not taken up, with a published reason (不予采纳)' },
  },
});

const SCREENING_REASON_ENGLISH: Record<ScreeningReason, string> = {
  ACCEPTED_AS_CANDIDATE: 'Accepted as a candidate',
  ADDS_PUBLIC_BURDEN: 'Would add to the public’s burden',
  ALREADY_PLANNED: 'Already in another plan or routine work',
  DEBT_RISK: 'Would create government debt risk',
  MERGED: 'Merged into another proposal',
  NOT_FEASIBLE_THIS_YEAR: 'Cannot be finished this year',
  NOT_LIVELIHOOD: 'Not a livelihood matter',
};
registerEnumType(ScreeningReason, {
  name: 'ScreeningReason',
  description: 'The published reason of a screening outcome. 筛选理由',
  valuesConfig: bilingualValues(SCREENING_REASON_ENGLISH, SCREENING_REASON_LABELS),
});

@ObjectType('LivelihoodProposal', { description: 'A proposed livelihood project and its screening outcome. 民生实事建议' })
@Entity('livelihood_proposals')
@Index(['areaId', 'status', 'id'])
@Index(['submitterUserId'])
export class LivelihoodProposal {
  @Field(() => ID, { description: 'Id of the proposal. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  /** The city collecting proposals. */
  @Column({ type: 'int' })
  areaId!: number;

  /** The district the project would serve, when one. */
  @Column({ type: 'int', nullable: true })
  districtId!: number | null;

  @Field({ description: 'Short title, e.g. 改造居民小区配水管网. 标题' })
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Field({ description: 'What should be done, where and why. 内容' })
  @Column({ type: 'text' })
  description!: string;

  @Field(() => ProposalCategory, { description: 'Field of the proposal. 类别' })
  @Column({ type: 'varchar', length: 24 })
  category!: ProposalCategory;

  @Field(() => MoneyScalar, { nullable: true, description: 'Estimated cost in 元, when known. 估算投资' })
  @Column({ ...moneyColumn, nullable: true })
  estimatedCost!: Fen | null;

  @Field(() => ProposalSource, { description: 'Who proposed it. 来源' })
  @Column({ type: 'varchar', length: 16 })
  source!: ProposalSource;

  @Column({ type: 'int', nullable: true })
  submitterUserId!: number | null;

  /** The proposer's name as given (public proposals); shown to admins only. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  submitterName!: string | null;

  /** Phone or e-mail for a reply (public proposals), encrypted at rest; shown to admins only. */
  @Column({ type: 'varchar', length: 512, nullable: true, transformer: encrypted({ table: 'livelihood_proposals', column: 'contact', property: 'contact' }) })
  contact!: string | null;

  /** The code a proposer follows the proposal with; shown only to the proposer and admins. */
  @Column({ type: 'varchar', length: 16, unique: true })
  trackingCode!: string;

  @Field(() => ProposalStatus, { description: 'Screening status. 状态' })
  @Column({ type: 'varchar', length: 16 })
  status!: ProposalStatus;

  @Field(() => ScreeningReason, { nullable: true, description: 'The published reason of the outcome. 理由代码' })
  @Column({ type: 'varchar', length: 32, nullable: true })
  reasonCode!: ScreeningReason | null;

  @Field(() => String, { nullable: true, description: 'A published note on the outcome. 说明' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  reasonNote!: string | null;

  @Column({ type: 'int', nullable: true })
  mergedIntoId!: number | null;

  @Field(() => Date, { nullable: true, description: 'When it was screened. 筛选时间' })
  @Column({ type: 'datetime', nullable: true })
  screenedAt!: Date | null;

  @Field({ description: 'When it was received. 提交时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}
