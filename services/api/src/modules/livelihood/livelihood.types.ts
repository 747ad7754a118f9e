import type { Fen, SatisfactionRating } from '@kpd/domain';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType, Float } from 'type-graphql';
import { Connection } from '../../core/pagination';
import { LocalDateScalar, MoneyScalar } from '../../core/scalars';
import { BallotSource } from './ballot.entity';
import { LivelihoodProject } from './project.entity';
import { LivelihoodProposal, ProposalCategory, ProposalStatus, ScreeningReason } from './proposal.entity';
import { VoteCandidateEntity } from './session.entity';
import { PublicSurveyPart } from './rating.types';

export enum Satisfaction {
  SATISFIED = 'SATISFIED',
  BASICALLY_SATISFIED = 'BASICALLY_SATISFIED',
  UNSATISFIED = 'UNSATISFIED',
}

registerEnumType(Satisfaction, {
  name: 'Satisfaction',
  description: 'A delegate’s rating of a livelihood project, and a project’s result by the rule. 满意度',
  valuesConfig: {
    SATISFIED: { description: 'Satisfied. 满意' },
    BASICALLY_SATISFIED: { description: 'Mostly satisfied. 基本满意' },
    UNSATISFIED: { description: 'Not satisfied. 不满意' },
  },
});

export enum RunoffReason {
  TIE_AT_LAST_SEAT = 'TIE_AT_LAST_SEAT',
  SEATS_UNFILLED = 'SEATS_UNFILLED',
}

registerEnumType(RunoffReason, {
  name: 'RunoffReason',
  description: 'Why a further round is due. 再次投票原因',
  valuesConfig: {
    TIE_AT_LAST_SEAT: { description: 'Candidates tied at the last seat, each with a majority (末位票数相同)' },
    SEATS_UNFILLED: { description: 'Fewer candidates than seats reached a majority of the roster (当选不足应选数)' },
  },
});

registerEnumType(BallotSource, {
  name: 'BallotSource',
  description: 'How a ballot was cast. 选票来源',
  valuesConfig: {
    ELECTRONIC: { description: 'Cast by the delegate in the app (电子表决)' },
    PAPER: { description: 'A paper sheet entered by the scrutineers (纸质选票)' },
  },
});

@InputType({ description: 'A congress session’s vote settings. 票决会议' })
export class VoteSessionInput {
  @Field(() => String, { nullable: true, description: 'Name, e.g. 阜新市十六届人大四次会议. 会议名称' })
  name?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day of the vote. 会议日期' })
  meetingDate?: string | null;

  @Field(() => Int, { nullable: true, description: 'Projects to choose, e.g. 10. 应选数' })
  seats?: number | null;

  @Field(() => Date, { nullable: true, description: 'Planned opening of the vote. 计划开始时间' })
  opensAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Planned closing; casts after it are refused. 计划结束时间' })
  closesAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Opening of the public support poll on the candidates (null: no poll). 公众支持度征集开始' })
  supportOpensAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Closing of the public support poll. 公众支持度征集结束' })
  supportClosesAt?: Date | null;
}

@ObjectType('SupportReceipt', { description: 'A support counted in the public poll. 支持结果' })
export class SupportReceiptType {
  @Field(() => ID, { description: 'The candidate supported. 候选项目' })
  candidateId!: string;

  @Field(() => Int, { description: 'Supports it has now. 支持数' })
  supports!: number;
}

@InputType({ description: 'A candidate project for the ballot. 候选项目' })
export class CandidateInput {
  @Field(() => ID, { nullable: true, description: 'The reserve library item it is drawn from (项目储备库), which then shows its history. 储备项目' })
  reserveItemId?: string | null;

  @Field({ description: 'Name on the ballot. 项目名称' })
  @MaxLength(200)
  name!: string;

  @Field({ description: 'What it delivers. 项目内容' })
  @MaxLength(5000)
  description!: string;

  @Field(() => String, { nullable: true, description: 'Department that would lead it. 牵头单位' })
  @IsOptional()
  @MaxLength(100)
  leadDepartment?: string | null;

  @Field(() => String, { nullable: true, description: 'Target quantity as a decimal string, e.g. "222". 目标数量' })
  targetQuantity?: string | null;

  @Field(() => String, { nullable: true, description: 'Unit of the target, e.g. 万平方米. 单位' })
  @IsOptional()
  @MaxLength(32)
  unit?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Estimated cost in 元. 估算投资' })
  estimatedCost?: Fen | null;

  @Field(() => [ID], { nullable: true, description: 'Accepted proposals behind it. 来源建议' })
  @IsOptional()
  @ArrayMaxSize(50)
  proposalIds?: string[] | null;
}

@InputType({ description: 'A livelihood proposal. 民生实事建议' })
export class ProposalInput {
  @Field(() => ID, { description: 'The city it is proposed to. 城市' })
  cityId!: string;

  @Field(() => ID, { nullable: true, description: 'The district it would serve. 区县' })
  districtId?: string | null;

  @Field({ description: 'Short title. 标题' })
  title!: string;

  @Field({ description: 'What should be done, where and why. 内容' })
  description!: string;

  @Field(() => ProposalCategory, { description: 'Field. 类别' })
  category!: ProposalCategory;

  @Field(() => MoneyScalar, { nullable: true, description: 'Estimated cost in 元. 估算投资' })
  estimatedCost?: Fen | null;

  @Field(() => String, { nullable: true, description: 'Proposer’s name (shown to admins only). 姓名' })
  submitterName?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone or e-mail for a reply (shown to admins only). 联系方式' })
  contact?: string | null;
}

@InputType({ description: 'Which proposals to list. 建议筛选' })
export class ProposalFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only this city’s (required when not signed in). 城市' })
  cityId?: string | null;

  @Field(() => ProposalStatus, { nullable: true, description: 'Only this status. 状态' })
  status?: ProposalStatus | null;
}

@InputType({ description: 'A screening outcome. 筛选结果' })
export class ScreeningInput {
  @Field(() => ProposalStatus, { description: 'ACCEPTED or REJECTED. 结果' })
  status!: ProposalStatus;

  @Field(() => ScreeningReason, { description: 'The published reason code. 理由代码' })
  reasonCode!: ScreeningReason;

  @Field(() => String, { nullable: true, description: 'A published note. 说明' })
  note?: string | null;

  @Field(() => ID, { nullable: true, description: 'For MERGED: the proposal it went into. 合并到' })
  mergedIntoId?: string | null;
}

@InputType('LivelihoodMilestoneInput', { description: 'A milestone of a livelihood project. 节点' })
export class MilestoneInput {
  @Field({ description: 'What is to be done. 节点内容' })
  name!: string;

  @Field(() => LocalDateScalar, { description: 'Due day. 计划完成日期' })
  dueDate!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day it was met. 实际完成日期' })
  doneDate?: string | null;
}

@InputType({ description: 'Changes to a livelihood project’s obligation. 实施责任' })
export class ObligationInput {
  @Field(() => String, { nullable: true, description: 'Lead department. 牵头单位' })
  leadDepartment?: string | null;

  @Field(() => String, { nullable: true, description: 'Target quantity, a decimal string. 目标数量' })
  targetQuantity?: string | null;

  @Field(() => String, { nullable: true, description: 'Unit of the target. 单位' })
  unit?: string | null;
}

@InputType({ description: 'A rating of one project. 评价' })
export class RatingInput {
  @Field(() => ID, { description: 'The project rated. 项目' })
  projectId!: string;

  @Field(() => Satisfaction, { description: 'The rating. 满意度' })
  rating!: SatisfactionRating;
}

@ObjectType({ description: 'What a delegate keeps after voting: the receipt code to find the ballot in the published list. 投票回执' })
export class CastReceiptType {
  @Field({ description: 'Random receipt code, e.g. 7K2M-9QXD-4T1B-HW8R: sealed with the ballot until the count, then shows it in the published list. 回执码' })
  receiptCode!: string;

  @Field({ description: 'SHA-256 of the sealed ballot: on the bulletin board while the round is open. 选票追踪码' })
  tracker!: string;

  @Field(() => Int, { description: 'The round voted in. 轮次' })
  round!: number;

  @Field({ description: 'Fingerprint of the rules and candidates voted on. 规则指纹' })
  fingerprint!: string;
}

@ObjectType({ description: 'A submitted proposal with its tracking code. 建议回执' })
export class SubmittedProposal {
  @Field({ description: 'Code to follow the proposal with (keep it). 查询码' })
  trackingCode!: string;

  @Field(() => LivelihoodProposal, { description: 'The proposal. 建议' })
  proposal!: LivelihoodProposal;
}

@ObjectType({ description: 'One candidate’s count in a round. 得票' })
export class CandidateCountType {
  @Field(() => VoteCandidateEntity, { description: 'The candidate. 候选项目' })
  candidate!: VoteCandidateEntity;

  @Field(() => Int, { description: 'Votes received. 得票数' })
  votes!: number;

  @Field({ description: 'More than half of all delegates on the roster. 过半数' })
  hasMajority!: boolean;

  @Field({ description: 'Adopted in this round. 当选' })
  adopted!: boolean;

  @Field(() => Int, { description: 'Rank by votes (1, 2, 2, 4). 名次' })
  position!: number;
}

@ObjectType({ description: 'A further round due after a count. 再次投票' })
export class RunoffType {
  @Field(() => RunoffReason, { description: 'Why. 原因' })
  reason!: RunoffReason;

  @Field(() => Int, { description: 'Seats left. 剩余应选数' })
  seats!: number;

  @Field(() => [VoteCandidateEntity], { description: 'Candidates on its ballot. 候选项目' })
  candidates!: VoteCandidateEntity[];
}

@ObjectType({ description: 'Paper sheets handed out and returned. 纸质选票核对' })
export class PaperReconciliationType {
  @Field(() => Int, { description: 'Handed out. 发出' })
  issued!: number;

  @Field(() => Int, { nullable: true, description: 'Returned (known after the count). 收回' })
  returned!: number | null;

  @Field(() => Int, { nullable: true, description: 'Handed out and not returned (after the count). 未收回' })
  notReturned!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'No more returned than handed out (after the count). 有效' })
  valid!: boolean | null;
}

@ObjectType({ description: 'A batch of paper sheets handed out by one person, confirmed by a second. 纸质选票发放批次' })
export class PaperBatchType {
  @Field(() => ID, { description: 'Batch id. 批次编号' })
  id!: string;

  @Field(() => Int, { description: 'Sheets handed out in it. 张数' })
  sheets!: number;

  @Field({ description: 'Who handed them out (roster name, or the admin). 发放人' })
  issuedBy!: string;

  @Field(() => String, { nullable: true, description: 'Who confirmed it (null until confirmed). 确认人' })
  confirmedBy!: string | null;

  @Field({ description: 'The viewer handed out this batch (and so cannot confirm it). 本人发放' })
  mine!: boolean;

  @Field(() => [String], { description: 'The delegates handed a sheet, by roster name. 领票代表' })
  delegates!: string[];
}

@ObjectType({ description: 'Who took part in a counted round, for anyone to check against the ballots. 出席与投票核对' })
export class AttendanceType {
  @Field(() => Int, { description: 'Delegates on the roster. 应到代表' })
  rosterSize!: number;

  @Field(() => Int, { description: 'Delegates checked in when the round was counted. 实到代表' })
  checkedIn!: number;

  @Field(() => Int, { description: 'Delegates who voted in the app. 电子投票人数' })
  votedElectronically!: number;

  @Field(() => Int, { description: 'Delegates handed a paper sheet. 纸质投票人数' })
  votedOnPaper!: number;

  @Field(() => Int, { description: 'Paper sheets issued. 发出纸质选票' })
  sheetsIssued!: number;

  @Field(() => Int, { description: 'Paper sheets returned and entered. 收回纸质选票' })
  sheetsReturned!: number;

  @Field(() => Int, { description: 'Returned sheets counted invalid. 废票' })
  spoiled!: number;
}

@ObjectType({ description: 'The count of a closed round. 计票结果' })
export class RoundTallyType {
  @Field(() => Int, { description: 'Delegates on the roster. 应到代表' })
  rosterSize!: number;

  @Field(() => Int, { description: 'Ballots cast. 收回选票' })
  ballotsCast!: number;

  @Field(() => Int, { description: 'Cast in the app. 电子票' })
  electronicBallots!: number;

  @Field(() => Int, { description: 'Paper sheets. 纸质票' })
  paperBallots!: number;

  @Field(() => Int, { description: 'Valid ballots. 有效票' })
  validBallots!: number;

  @Field(() => Int, { description: 'Valid ballots marking nothing. 空白票' })
  blankBallots!: number;

  @Field(() => Int, { description: 'Invalid ballots. 无效票' })
  invalidBallots!: number;

  @Field(() => Int, { description: 'Invalid: more marks than seats. 多选无效' })
  invalidTooManyMarks!: number;

  @Field(() => Int, { description: 'Invalid: a mark off the list. 标记非候选项目' })
  invalidUnknownCandidate!: number;

  @Field(() => Int, { description: 'Invalid: the same candidate marked twice. 重复标记' })
  invalidDuplicateMark!: number;

  @Field(() => Int, { description: 'Fewest votes that are more than half of the roster. 过半数票数' })
  majorityVotes!: number;

  @Field(() => [CandidateCountType], { description: 'Every candidate, by votes. 得票情况' })
  counts!: CandidateCountType[];

  @Field(() => [VoteCandidateEntity], { description: 'Adopted in this round, by votes. 当选项目' })
  adopted!: VoteCandidateEntity[];

  @Field(() => RunoffType, { nullable: true, description: 'A further round, when due. 再次投票' })
  runoff!: RunoffType | null;

  @Field({ description: 'Version of the counting rule. 规则版本' })
  ruleVersion!: string;
}

@ObjectType({ description: 'A ballot as published after the count: receipt code and marks, never who cast it. 公布的选票' })
export class PublishedBallot {
  @Field({ description: 'Receipt code. 回执码' })
  receiptCode!: string;

  @Field(() => Int, { description: 'Round. 轮次' })
  round!: number;

  @Field(() => [ID], { complexity: 5, description: 'Candidate ids marked, in ballot order. 所选项目编号' })
  marks!: string[];

  @Field(() => [VoteCandidateEntity], { complexity: ({ childComplexity }) => 10 * childComplexity, description: 'Candidates marked (those on the list). 所选项目' })
  choices!: VoteCandidateEntity[];

  @Field({ description: 'Counted as valid. 有效' })
  valid!: boolean;

  @Field(() => String, { nullable: true, description: 'Why it is invalid. 无效原因' })
  invalidReason!: string | null;

  @Field(() => BallotSource, { description: 'Electronic or paper. 来源' })
  source!: BallotSource;

  @Field({ description: 'The 128 random bits (hex) of its commitment, published at the count. 随机盐' })
  salt!: string;

  @Field({ description: 'Its commitment on the board: SHA-256 of fingerprint | receipt | marks | source | salt. 选票哈希' })
  ballotHash!: string;

  @Field(() => Int, { description: 'The board batch (checkpoint) that sealed it. 批次' })
  batch!: number;

  @Field({ description: 'The previous link of the chain (the fingerprint for the first). 前一链接' })
  prevHash!: string;

  @Field({ description: 'SHA-256 of prevHash | ballotHash. 链接哈希' })
  chainHash!: string;
}

@ObjectType({ description: 'A checkpoint of the bulletin board: the chain head once a batch was sealed. 公告板检查点' })
export class BoardCheckpointType {
  @Field(() => Int, { description: 'Batch number, from 1. 批次' })
  number!: number;

  @Field(() => Int, { description: 'Ballots on the board once it was sealed. 累计张数' })
  count!: number;

  @Field({ description: 'The chain head at this checkpoint (note it: a later rewrite cannot keep it). 链头' })
  head!: string;
}

@ObjectType({ description: 'One entry of the bulletin board; opened (receipt, marks, source, salt) after the count. 公告板条目' })
export class BoardEntryType {
  @Field(() => Int, { description: 'The batch that sealed it. 批次' })
  batch!: number;

  @Field({ description: 'A sealed ballot’s tracker, or an opened ballot’s commitment. 选票哈希' })
  ballotHash!: string;

  @Field({ description: 'The previous link. 前一链接' })
  prevHash!: string;

  @Field({ description: 'SHA-256 of prevHash | ballotHash. 链接哈希' })
  chainHash!: string;

  @Field(() => String, { nullable: true, description: 'Receipt code (after the count). 回执码' })
  receiptCode!: string | null;

  @Field(() => [ID], { nullable: true, description: 'Candidate ids marked (after the count). 所选项目编号' })
  marks!: string[] | null;

  @Field(() => BallotSource, { nullable: true, description: 'Electronic or paper (after the count). 来源' })
  source!: BallotSource | null;

  @Field(() => String, { nullable: true, description: 'The salt of its commitment (after the count). 随机盐' })
  salt!: string | null;
}

@ObjectType({ description: 'A round’s public bulletin board: checkpoints and sealed entries while open, everything opened after the count. 公告板' })
export class BulletinBoardType {
  @Field(() => Int, { description: 'Round. 轮次' })
  round!: number;

  @Field({ description: 'The frozen rules and candidate list. 规则原文' })
  canonical!: string;

  @Field({ description: 'Their SHA-256. 规则指纹' })
  fingerprint!: string;

  @Field({ description: 'The round has been counted (entries opened). 已计票' })
  counted!: boolean;

  @Field(() => Int, { description: 'Ballots cast and not yet sealed onto the board. 待封存' })
  pending!: number;

  @Field(() => [BoardCheckpointType], { description: 'Checkpoints, first to last. 检查点' })
  checkpoints!: BoardCheckpointType[];

  @Field(() => [BoardEntryType], { complexity: 5, description: 'The sealed ballots’ trackers, by batch, then by tracker. 条目' })
  entries!: BoardEntryType[];

  @Field(() => [BoardEntryType], { complexity: 5, description: 'After the count: every ballot opened (batch 0), by commitment, chained on from the last checkpoint; nothing links one to its tracker. 计票公开的选票' })
  opened!: BoardEntryType[];

  @Field(() => String, { nullable: true, description: 'The chain head published at the count. 哈希链头' })
  chainHead!: string | null;
}

export const PublishedBallotConnection = Connection(PublishedBallot, 'PublishedBallot');

@ObjectType({ description: 'What a receipt code shows: the ballot as counted, without who cast it. 回执核验' })
export class ReceiptCheckType {
  @Field({ description: 'A ballot with this code exists in this session. 找到' })
  found!: boolean;

  @Field(() => Int, { nullable: true, description: 'Its round. 轮次' })
  round!: number | null;

  @Field({ description: 'Its round has been counted. 已计票' })
  counted!: boolean;

  @Field(() => [VoteCandidateEntity], { description: 'Candidates it marks (after the count; empty while the round is open). 所选项目' })
  choices!: VoteCandidateEntity[];

  @Field(() => Boolean, { nullable: true, description: 'Counted as valid (after the count). 有效' })
  valid!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Why invalid. 无效原因' })
  invalidReason!: string | null;

  @Field(() => String, { nullable: true, description: 'Its hash (after the count). 选票哈希' })
  ballotHash!: string | null;

  @Field(() => String, { nullable: true, description: 'Its chain link (after the count). 链接哈希' })
  chainHash!: string | null;

  @Field(() => String, { nullable: true, description: 'The published chain head (after the count). 哈希链头' })
  chainHead!: string | null;

  @Field(() => String, { nullable: true, description: 'The round fingerprint. 规则指纹' })
  fingerprint!: string | null;

  @Field(() => Int, { nullable: true, description: 'The board batch that sealed it (null while waiting for its batch). 公告板批次' })
  checkpoint!: number | null;

  @Field(() => String, { nullable: true, description: 'That checkpoint’s chain head: note it; the public verifier checks it is still on the chain. 检查点链头' })
  checkpointHead!: string | null;

  @Field({ description: 'A readable summary. 说明' })
  message!: string;
}

@ObjectType({ description: 'The signed-in delegate’s standing in a session. 我的状态' })
export class DelegateStatusType {
  @Field({ description: 'On the roster. 在名册中' })
  onRoster!: boolean;

  @Field(() => Date, { nullable: true, description: 'When checked in. 报到时间' })
  checkedInAt!: Date | null;

  @Field({ description: 'A scrutineer of the session. 监票人' })
  scrutineer!: boolean;

  @Field({ description: 'Has voted (or holds a paper sheet) in the open round. 本轮已投票' })
  votedInCurrentRound!: boolean;

  @Field(() => String, { nullable: true, description: 'The public key the scrutineer registered for their counting key shares (null when none). 我的计票公钥' })
  shareKey?: string | null;
}

@ObjectType({ description: 'One share of a round’s counting key: who holds it and whether it was brought to the count. 计票密钥份额' })
export class CountingShareType {
  @Field(() => Int, { description: 'Share number (1–3). 份额序号' })
  number!: number;

  @Field({ description: 'The scrutineer holding it. 保管人' })
  holder!: string;

  @Field({ description: 'Brought to the count. 已提交' })
  submitted!: boolean;

  @Field({ description: 'Held by the signed-in viewer. 由我保管' })
  mine!: boolean;
}

@ObjectType({ description: 'The signed-in holder’s own share of the round’s counting key, sealed to their registered public key: only their key file opens it. 我保管的份额' })
export class MyCountingShareType {
  @Field(() => Int, { description: 'Share number (1–3). 份额序号' })
  number!: number;

  @Field({ description: 'The share sealed to the holder’s key (ECIES on P-256: ephemeral key 65 | nonce 12 | AES-256-GCM ciphertext and tag; base64). 加密的份额' })
  sealed!: string;

  @Field({ description: 'Eight hex digits naming the round’s key, at the start of the opened share. 本轮密钥标识' })
  keyTag!: string;

  @Field({ description: 'Already brought to the count. 已提交' })
  submitted!: boolean;
}

@ObjectType({ description: 'What a submitted share did. 份额提交结果' })
export class ShareSubmissionType {
  @Field({ description: 'The round was counted with this share. 已计票' })
  counted!: boolean;

  @Field(() => Int, { description: 'Shares brought so far, this one included. 已提交份额数' })
  submitted!: number;

  @Field(() => Int, { description: 'Shares the count needs. 所需份额数' })
  needed!: number;
}

@ObjectType({ description: 'Why a result is not shown. 结果未公布' })
export class HiddenResult {
  @Field({ description: 'Reason. 原因' })
  reason!: string;
}

@ObjectType({ description: 'A project’s year-end evaluation result. 测评结果' })
export class ProjectEvaluationType {
  @Field(() => LivelihoodProject, { description: 'The project. 项目' })
  project!: LivelihoodProject;

  @Field(() => Int, { description: 'Satisfied. 满意票' })
  satisfied!: number;

  @Field(() => Int, { description: 'Basically satisfied. 基本满意票' })
  basicallySatisfied!: number;

  @Field(() => Int, { description: 'Unsatisfied. 不满意票' })
  unsatisfied!: number;

  @Field(() => Satisfaction, { description: 'Result by the rule: the delegates’ majority rule, or with a public weight the combined score’s band. 测评结果' })
  rating!: Satisfaction;

  @Field(() => Satisfaction, { description: 'The delegates’ part by their majority rule. 代表测评结果' })
  delegateRating!: Satisfaction;

  @Field(() => String, { nullable: true, description: 'The delegates’ part out of 100 (满意 100, 基本满意 60, 不满意 0 per sheet), e.g. "94.55"; null without sheets or in results counted before the public’s part. 代表测评得分' })
  delegateScore!: string | null;

  @Field(() => String, { nullable: true, description: 'The public survey’s part out of 100, scored alike; null without a survey. 群众测评得分' })
  publicScore!: string | null;

  @Field(() => String, { nullable: true, description: 'The combined score out of 100 by the weights; null in results counted before the public’s part. 综合得分' })
  score!: string | null;

  @Field(() => PublicSurveyPart, { nullable: true, description: 'The public survey’s counts (null without one). 群众测评' })
  publicSurvey!: PublicSurveyPart | null;
}

@ObjectType({ description: 'A rating on a published evaluation sheet. 评价' })
export class SheetRatingType {
  @Field(() => ID, { description: 'Project id. 项目编号' })
  projectId!: string;

  @Field(() => Satisfaction, { description: 'Rating. 满意度' })
  rating!: Satisfaction;
}

@ObjectType({ description: 'An evaluation sheet as published after the count. 公布的测评票' })
export class PublishedEvaluationSheet {
  @Field({ description: 'Receipt code. 回执码' })
  receiptCode!: string;

  @Field(() => [SheetRatingType], { complexity: 20, description: 'Ratings. 评价' })
  ratings!: SheetRatingType[];

  @Field({ description: 'Sheet hash. 哈希' })
  ballotHash!: string;

  @Field({ description: 'Previous chain link. 前一链接' })
  prevHash!: string;

  @Field({ description: 'Chain link. 链接哈希' })
  chainHash!: string;
}

@ObjectType({ description: 'What a delegate keeps after rating. 测评回执' })
export class EvaluationReceiptType {
  @Field({ description: 'Receipt code. 回执码' })
  receiptCode!: string;

  @Field({ description: 'Fingerprint of the project list rated. 指纹' })
  fingerprint!: string;
}

@ObjectType({ description: 'Progress of a livelihood project against its target. 完成情况' })
export class ProjectProgressSummary {
  @Field({ description: 'Quantity done so far, a decimal string. 累计完成' })
  done!: string;

  @Field(() => Float, { nullable: true, description: 'Done ÷ target in percent (one decimal, at most 100). 完成率' })
  percent!: number | null;

  @Field(() => Int, { description: 'Milestones met. 已完成节点' })
  milestonesDone!: number;

  @Field(() => Int, { description: 'Milestones past due and not met. 逾期节点' })
  milestonesOverdue!: number;

  @Field(() => Int, { description: 'Milestones in all. 节点总数' })
  milestonesTotal!: number;
}

export const ProposalConnection = Connection(LivelihoodProposal, 'LivelihoodProposal');
export const EvaluationSheetConnection = Connection(PublishedEvaluationSheet, 'PublishedEvaluationSheet');
