import type { Fen } from '@kpd/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { moneyColumn } from '../../core/columns';
import { MoneyScalar } from '../../core/scalars';
import { quantityColumn, type Milli } from './quantity';

export enum ReserveOrigin {
  NOT_ADOPTED = 'NOT_ADOPTED',
  NOT_PUT_TO_VOTE = 'NOT_PUT_TO_VOTE',
}

export enum ReserveStatus {
  RESERVED = 'RESERVED',
  DRAWN = 'DRAWN',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(ReserveOrigin, {
  name: 'ReserveOrigin',
  description: 'How an item came to the reserve library. 入库来源',
  valuesConfig: {
    NOT_ADOPTED: { description: 'A candidate the vote did not adopt (票决未通过)' },
    NOT_PUT_TO_VOTE: { description: 'An accepted proposal no candidate took (已采纳未列入候选)' },
  },
});

registerEnumType(ReserveStatus, {
  name: 'ReserveStatus',
  description: 'Where a reserve item stands. 储备状态',
  valuesConfig: {
    RESERVED: { description: 'In the reserve, may be drawn into a later candidate list (在库)' },
    DRAWN: { description: 'Drawn into a later session’s candidate list (已列入候选)' },
    WITHDRAWN: { description: 'Taken out of the reserve by the congress’s admins, with a reason (已出库)' },
  },
});

/**
 * An item of the reserve library (项目储备库, 宁海): a candidate the vote did not adopt, with its
 * votes and the reason, or an accepted proposal no candidate took. A later session's candidate list
 * draws from it; `previousItemId` chains an item to the one its candidate was drawn from, so each
 * candidate shows its history across years.
 */
@ObjectType('LivelihoodReserveItem', { description: 'An item of the reserve library (项目储备库). 储备项目' })
@Entity('livelihood_reserve')
@Index(['areaId', 'status'])
export class ReserveItem {
  @Field(() => ID, { description: 'Id of the item. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  /** The city, county or township whose congress it belongs to. */
  @Column({ type: 'int' })
  areaId!: number;

  @Field({ description: 'Name, e.g. 改造城区背街小巷40条. 项目名称' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field({ description: 'What it would deliver. 项目内容' })
  @Column({ type: 'text' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'Department that would lead it. 牵头单位' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  leadDepartment!: string | null;

  @Column({ ...quantityColumn, nullable: true })
  targetQuantity!: Milli | null;

  @Field(() => String, { nullable: true, description: 'Unit of the target. 单位' })
  @Column({ type: 'varchar', length: 32, nullable: true })
  unit!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Estimated cost in 元. 估算投资' })
  @Column({ ...moneyColumn, nullable: true })
  estimatedCost!: Fen | null;

  @Field(() => ReserveOrigin, { description: 'How it came to the reserve. 入库来源' })
  @Column({ type: 'varchar', length: 16 })
  origin!: ReserveOrigin;

  /** The session whose decision put it in the reserve. */
  @Column({ type: 'int' })
  fromSessionId!: number;

  /** The candidate not adopted (NOT_ADOPTED): one item per candidate. */
  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  fromCandidateId!: number | null;

  /** The accepted proposal not put to the vote (NOT_PUT_TO_VOTE): one item per proposal. */
  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  fromProposalId!: number | null;

  /** Ids of the proposals behind it, comma-separated. */
  @Column({ type: 'varchar', length: 255, default: '' })
  proposalIds!: string;

  @Field(() => Int, { nullable: true, description: 'Votes in the last round it stood in (null for a proposal not put to the vote). 得票' })
  @Column({ type: 'int', nullable: true })
  votes!: number | null;

  @Field(() => Int, { nullable: true, description: 'Delegates on that roster. 应到代表数' })
  @Column({ type: 'int', nullable: true })
  rosterSize!: number | null;

  @Field({ description: 'Why it went to the reserve, published. 入库理由' })
  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  /** The reserve item its candidate had been drawn from (its history). */
  @Column({ type: 'int', nullable: true })
  previousItemId!: number | null;

  @Field(() => ReserveStatus, { description: 'Where it stands. 状态' })
  @Column({ type: 'varchar', length: 16 })
  status!: ReserveStatus;

  /** The session whose candidate list drew it (DRAWN). */
  @Column({ type: 'int', nullable: true })
  drawnIntoSessionId!: number | null;

  @Field(() => String, { nullable: true, description: 'Why it was taken out of the reserve (WITHDRAWN). 出库理由' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  withdrawnReason!: string | null;

  @Field({ description: 'When it went to the reserve. 入库时间' })
  @Column({ type: 'datetime' })
  reservedAt!: Date;
}
