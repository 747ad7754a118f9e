import type { Fen } from '@kpd/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { moneyColumn } from '../../core/columns';
import { LocalDateScalar, MoneyScalar } from '../../core/scalars';
import { quantityColumn, type Milli } from './quantity';

export enum SessionStatus {
  DRAFT = 'DRAFT',
  VOTING = 'VOTING',
  COUNTED = 'COUNTED',
  DECIDED = 'DECIDED',
}

registerEnumType(SessionStatus, {
  name: 'VoteSessionStatus',
  description: 'Where a congress session’s vote stands. 票决状态',
  valuesConfig: {
    DRAFT: { description: 'Rules, candidates and roster being prepared; changes allowed (筹备)' },
    VOTING: { description: 'A round is open; rules and candidates frozen, no counts shown (投票中)' },
    COUNTED: { description: 'A round was counted and a further round is due (待再次投票)' },
    DECIDED: { description: 'Every seat is filled or the vote was ended; results published (已公布)' },
  },
});

@ObjectType('VoteSession', { description: "A congress session choosing livelihood projects by the delegates' vote. 票决会议" })
@Entity('livelihood_sessions')
@Index(['areaId', 'meetingDate'])
export class VoteSession {
  @Field(() => ID, { description: 'Id of the session. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  /** The city whose congress meets. */
  @Column({ type: 'int' })
  areaId!: number;

  @Field({ description: 'Name, e.g. 阜新市十六届人大四次会议. 会议名称' })
  @Column({ type: 'varchar', length: 128 })
  name!: string;

  @Field(() => LocalDateScalar, { description: 'Day of the vote. 会议日期' })
  @Column({ type: 'varchar', length: 10 })
  meetingDate!: string;

  @Field(() => Int, { description: 'Projects to choose (应选数), e.g. 10. 应选数' })
  @Column({ type: 'int' })
  seats!: number;

  @Field(() => Date, { nullable: true, description: 'Planned opening of the vote. 计划开始时间' })
  @Column({ type: 'datetime', nullable: true })
  opensAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Planned closing of the vote. 计划结束时间' })
  @Column({ type: 'datetime', nullable: true })
  closesAt!: Date | null;

  @Field(() => SessionStatus, { description: 'Where the vote stands. 状态' })
  @Column({ type: 'varchar', length: 16 })
  status!: SessionStatus;

  @Field(() => Date, { nullable: true, description: 'Opening of the public support poll on the candidates (公众支持度征集), before the congress. 征集开始' })
  @Column({ type: 'datetime', nullable: true })
  supportOpensAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Closing of the public support poll. 征集结束' })
  @Column({ type: 'datetime', nullable: true })
  supportClosesAt!: Date | null;

  /** Random salt of the supporters' phone hashes in this session's poll. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  supportSalt!: string | null;

  @Field(() => Int, { description: 'The round in progress or last held (0 before the first). 轮次' })
  @Column({ type: 'int', default: 0 })
  currentRound!: number;

  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 of the frozen rules and candidate list, set when the vote first opens. 规则指纹',
  })
  @Column({ type: 'varchar', length: 64, nullable: true })
  fingerprint!: string | null;

  /** Bumped by every change; guards concurrent edits. */
  @Field(() => Int, { description: 'Version for optimistic concurrency. 版本' })
  @Column({ type: 'int', default: 1 })
  version!: number;

  @Field({ description: 'When the session was created. 创建时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  /**
   * The counting key's three shares, on the answer of the opening only (never stored, never shown
   * again): each scrutineer keeps one; two of them count the round.
   */
  @Field(() => [String], {
    nullable: true,
    deprecationReason: 'Always null: each share is sealed to its scrutineer’s key (VoteRound.myCountingShare) and nobody else sees it',
    description: 'Always null: the shares of the round’s counting key are sealed each to its scrutineer’s own key. 计票密钥份额（已停用）',
  })
  countingShares?: string[] | null;
}

@ObjectType('VoteCandidate', { description: 'A candidate livelihood project on the ballot. 候选项目' })
@Entity('livelihood_candidates')
@Index(['sessionId', 'position'], { unique: true })
export class VoteCandidateEntity {
  @Field(() => ID, { description: 'Id of the candidate. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  sessionId!: number;

  @Field(() => Int, { description: 'Order on the ballot, from 1. 序号' })
  @Column({ type: 'int' })
  position!: number;

  @Field({ description: 'Name on the ballot, e.g. 实施222万平方米老旧小区改造工程. 项目名称' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field({ description: 'What it delivers. 项目内容' })
  @Column({ type: 'text' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'Department that would lead it. 牵头单位' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  leadDepartment!: string | null;

  @Column({ ...quantityColumn, nullable: true })
  targetQuantity!: Milli | null;

  @Field(() => String, { nullable: true, description: 'Unit of the target, e.g. 万平方米, 公里. 单位' })
  @Column({ type: 'varchar', length: 32, nullable: true })
  unit!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Estimated cost in 元. 估算投资' })
  @Column({ ...moneyColumn, nullable: true })
  estimatedCost!: Fen | null;

  /** Ids of the proposals behind it, comma-separated. */
  @Column({ type: 'varchar', length: 255, default: '' })
  proposalIds!: string;

  /** The reserve library item it was drawn from (项目储备库), when one. */
  @Column({ type: 'int', nullable: true })
  reserveItemId!: number | null;

  @Field({ description: 'Adopted by the vote (set when counted). 是否当选' })
  @Column({ type: 'boolean', default: false })
  adopted!: boolean;

  @Field(() => Int, { nullable: true, description: 'The round that adopted it. 当选轮次' })
  @Column({ type: 'int', nullable: true })
  adoptedInRound!: number | null;
}

@ObjectType('RosterEntry', { description: 'A delegate on the roster of a session. 代表名册' })
@Entity('livelihood_roster')
@Index(['sessionId', 'userId'], { unique: true })
@Index(['userId'])
export class RosterEntry {
  @Field(() => ID, { description: 'Id of the entry. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  sessionId!: number;

  @Field(() => ID, { description: 'The delegate’s account id (for handing out a paper sheet). 账号编号' })
  @Column({ type: 'int' })
  userId!: number;

  @Field({ description: "Delegate's name. 姓名" })
  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Field({ description: 'Delegation (代表团), e.g. 海州区代表团. 代表团' })
  @Column({ type: 'varchar', length: 64 })
  delegation!: string;

  @Field({ description: 'Scrutineer (监票人): may enter paper ballots. 监票人' })
  @Column({ type: 'boolean', default: false })
  scrutineer!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the delegate checked in. 报到时间' })
  @Column({ type: 'datetime', nullable: true })
  checkedInAt!: Date | null;

  /**
   * A scrutineer's public key (P-256, raw uncompressed point, base64url), made in their browser,
   * to which their share of each round's counting key is sealed. Its private half is a file only
   * the scrutineer holds.
   */
  @Field(() => String, { nullable: true, description: 'A scrutineer’s registered public key (P-256, base64url) to which their counting key share is sealed; null when none. 监票人计票公钥' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  shareKey!: string | null;
}

export enum RoundStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

registerEnumType(RoundStatus, {
  name: 'VoteRoundStatus',
  description: 'Whether a round takes ballots. 轮次状态',
  valuesConfig: { OPEN: { description: 'Taking ballots (投票中)' }, CLOSED: { description: 'Counted (已计票)' } },
});

/** One round of voting: the first, or a further round among tied or unfilled candidates. */
@ObjectType('VoteRound', { description: 'One round of voting: the first, or a further round among tied or unfilled candidates. 投票轮次' })
@Entity('livelihood_rounds')
@Index(['sessionId', 'number'], { unique: true })
export class VoteRound {
  @Field(() => ID, { description: 'Id of the round. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  sessionId!: number;

  @Field(() => Int, { description: 'Round number, from 1. 轮次' })
  @Column({ type: 'int' })
  number!: number;

  @Field(() => Int, { description: 'Seats to fill in this round. 本轮应选数' })
  /** Seats to fill in this round. */
  @Column({ type: 'int' })
  seats!: number;

  /** Candidate ids on this round's ballot, comma-separated, in ballot order. */
  @Column({ type: 'varchar', length: 1000 })
  candidateIds!: string;

  @Field(() => Int, { description: 'Delegates on the roster (the majority is of them). 应到代表数' })
  @Column({ type: 'int' })
  rosterSize!: number;

  @Field({ description: 'SHA-256 of the canonical rules and candidate list of this round, fixed when it opened. 规则指纹' })
  /** SHA-256 of the canonical rules and candidate list of this round. */
  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  @Field({ description: 'The canonical text that was hashed, for anyone to re-hash. 规则原文' })
  /** The canonical text that was hashed, for anyone to re-hash. */
  @Column({ type: 'text' })
  canonical!: string;

  @Field(() => RoundStatus, { description: 'Open or counted. 状态' })
  @Column({ type: 'varchar', length: 8 })
  status!: RoundStatus;

  @Field({ description: 'When it opened. 开始时间' })
  @Column({ type: 'datetime' })
  openedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was counted. 计票时间' })
  @Column({ type: 'datetime', nullable: true })
  closedAt!: Date | null;

  /**
   * Order-independent digest of the ballots taken so far (sum of their hashes mod 2^256), updated
   * under this row's lock by every cast: checked at close, it reveals nothing about cast order.
   */
  @Column({ type: 'varchar', length: 64 })
  digest!: string;

  /** Paper sheets handed out by the scrutineers (发出选票). */
  /**
   * The round's counting key (X25519, base64url): every ballot is sealed under it. Its private key is
   * never stored: it was split into the scrutineers' shares when the round opened. Null for rounds
   * counted before ballots were sealed.
   */
  @Field(() => String, { nullable: true, description: 'The round’s public counting key (X25519, base64url): every ballot is sealed under it; its private key exists only in the scrutineers’ shares. 计票公钥' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  publicKey!: string | null;

  @Column({ type: 'int', default: 0 })
  paperIssued!: number;

  /**
   * When the admin ended the casting and the count began to wait for the key holders' shares
   * (null while ballots are taken). The round stays OPEN until enough shares count it.
   */
  @Field(() => Date, { nullable: true, description: 'When ballots stopped being taken and the count began to wait for the key holders’ shares; null while ballots are taken. 截止投票时间' })
  @Column({ type: 'datetime', nullable: true })
  countingFrom!: Date | null;

  @Field(() => String, { nullable: true, description: 'Head of the hash chain over the ballots in receipt-code order, published at close. 哈希链头' })
  /** Head of the hash chain over the ballots in receipt-code order, set at close. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  chainHead!: string | null;

  /** The tally (JSON), set at close. */
  @Column({ type: 'text', nullable: true })
  result!: string | null;
}
