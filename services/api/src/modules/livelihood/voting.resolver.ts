import { PageArgsType } from '../../core/pagination';
import { validateBallot } from '@kpd/domain';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Args } from 'type-graphql';
import { Public } from '../../core/auth/policy';
import { Role } from '../../core/auth/user.entity';
import { isSignedIn } from '../../core/auth/viewer';
import { ForbiddenError, NotFoundError, UserInputError } from '../../core/errors';
import { parseId, parseOptionalId } from '../../core/ids';
import { ImportResult } from '../../core/xlsx';
import { loader, type Context } from '../../core/context';
import { Area, AreaLevel } from '../../core/areas/area.entity';
import { findSession, managesArea } from './access';
import { Ballot } from './ballot.entity';
import { candidateById, candidatesBySession, rosterCountsBySession } from './loaders';
import { EvaluationRound, LivelihoodProject } from './project.entity';
import { normaliseReceipt } from './secrecy';
import { RosterEntry, RoundStatus, VoteCandidateEntity, VoteRound, VoteSession } from './session.entity';
import {
  CandidateInput,
  CountingShareType,
  MyCountingShareType,
  ShareSubmissionType,
  CastReceiptType,
  DelegateStatusType,
  PaperBatchType,
  PaperReconciliationType,
  AttendanceType,
  BulletinBoardType,
  PublishedBallot,
  PublishedBallotConnection,
  ReceiptCheckType,
  RoundTallyType,
  RunoffReason,
  VoteSessionInput,
} from './livelihood.types';
import * as voting from './voting.service';
import { supportCountsBySession } from './loaders';
import { ReserveItem } from './reserve.entity';
import { reserveItem as reserveItemOf } from './reserve.service';
import { evaluationOf, projectsOfSession } from './delivery.service';
import { quorumShortfall } from '@kpd/domain';
import { formatQuantity } from './quantity';
import { THRESHOLD } from './counting-key';

const HIDDEN_WHILE_OPEN = '投票进行中，计票结果在本轮结束后公布 (no counts while the vote is open)';

async function candidatesIn(ctx: Context, ids: number[]): Promise<VoteCandidateEntity[]> {
  const rows = await loader(ctx, candidateById).loadMany(ids);
  return rows.filter((c): c is VoteCandidateEntity => !!c && !(c instanceof Error));
}

@Resolver(() => VoteSession)
export class VoteSessionResolver {
  @Public('congress sessions and their votes are published')
  @Query(() => [VoteSession], { description: 'Congress sessions voting on livelihood projects, newest first; public. Signed in without a filter: your city’s and those in your scope (a city admin sees every county and township below). 票决会议列表' })
  async voteSessions(
    @Arg('cityId', () => ID, { nullable: true, description: 'Only this area’s own congress (exactly this area). 城市' }) cityId: string | null,
    @Arg('areaId', () => ID, { nullable: true, description: 'This area’s congress and every congress below it (a city: its counties and townships). 区域' }) areaId: string | null,
    @Arg('level', () => AreaLevel, { nullable: true, description: 'Only congresses of this level: CITY, DISTRICT (区县) or TOWNSHIP (乡镇街道). 层级' }) level: AreaLevel | null,
    @Ctx() ctx: Context,
  ): Promise<VoteSession[]> {
    return voting.listSessions(ctx, { cityId: parseOptionalId(cityId, 'cityId'), areaId: parseOptionalId(areaId, 'areaId'), level: level ?? null });
  }

  @Public('congress sessions and their votes are published')
  @Query(() => VoteSession, { description: 'One congress session; public. 票决会议' })
  voteSession(@Arg('id', () => ID, { description: 'Session id' }) id: string, @Ctx() ctx: Context): Promise<VoteSession> {
    return findSession(ctx, parseId(id, 'id'));
  }

  @FieldResolver(() => Area, { description: 'The area whose congress meets: a city, a county (区县) or a township (乡镇街道). 行政区' })
  area(@Root() s: VoteSession, @Ctx() ctx: Context): Area {
    const a = ctx.areas.get(s.areaId);
    if (!a) throw new NotFoundError('Area', s.areaId);
    return a;
  }

  @FieldResolver(() => AreaLevel, { description: 'The congress’s level: CITY, DISTRICT (区县) or TOWNSHIP (乡镇街道). 层级' })
  level(@Root() s: VoteSession, @Ctx() ctx: Context): AreaLevel {
    return this.area(s, ctx).level;
  }

  @FieldResolver(() => Area, { description: 'The city the congress belongs to (the session’s own area for a city session). 所属城市' })
  city(@Root() s: VoteSession, @Ctx() ctx: Context): Area {
    return ctx.areas.cityOf(s.areaId) ?? this.area(s, ctx);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the signed-in viewer runs this session (its rules, roster, count). 可管理' })
  manageable(@Root() s: VoteSession, @Ctx() ctx: Context): boolean {
    return managesArea(ctx, s.areaId);
  }

  @FieldResolver(() => [VoteCandidateEntity], { description: 'The candidate list in ballot order (frozen once the vote opened). 候选项目' })
  candidates(@Root() s: VoteSession, @Ctx() ctx: Context): Promise<VoteCandidateEntity[]> {
    return loader(ctx, candidatesBySession).load(s.id);
  }

  @FieldResolver(() => [VoteRound], { description: 'Rounds held, first to last. 投票轮次' })
  rounds(@Root() s: VoteSession, @Ctx() ctx: Context): Promise<VoteRound[]> {
    return voting.roundsOf(ctx, s.id);
  }

  @FieldResolver(() => VoteRound, { nullable: true, description: 'The round open or last held. 当前轮次' })
  round(@Root() s: VoteSession, @Ctx() ctx: Context): Promise<VoteRound | null> {
    return voting.currentRoundOf(ctx, s);
  }

  @FieldResolver(() => Int, { description: 'Delegates on the roster. 应到代表数' })
  async rosterSize(@Root() s: VoteSession, @Ctx() ctx: Context): Promise<number> {
    return (await loader(ctx, rosterCountsBySession).load(s.id)).size;
  }

  @FieldResolver(() => Int, { description: 'Delegates checked in. 已报到' })
  async checkedIn(@Root() s: VoteSession, @Ctx() ctx: Context): Promise<number> {
    return (await loader(ctx, rosterCountsBySession).load(s.id)).checkedIn;
  }

  @FieldResolver(() => Int, { description: 'Delegates still to check in before the vote may open (two thirds of the roster). 距法定人数尚差' })
  async quorumShortfall(@Root() s: VoteSession, @Ctx() ctx: Context): Promise<number> {
    const { size, checkedIn } = await loader(ctx, rosterCountsBySession).load(s.id);
    if (size === 0) return 0;
    return quorumShortfall(checkedIn, size);
  }

  @FieldResolver(() => [RosterEntry], { nullable: true, description: 'The roster, for admins whose scope covers the session’s area (a city admin reads its counties’ rosters) and the session’s scrutineers (null for others). 代表名册' })
  async roster(@Root() s: VoteSession, @Ctx() ctx: Context): Promise<RosterEntry[] | null> {
    return voting.rosterSeenBy(ctx, s);
  }

  @FieldResolver(() => DelegateStatusType, { nullable: true, description: 'The signed-in delegate’s standing (null when not signed in). 我的状态' })
  async me(@Root() s: VoteSession, @Ctx() ctx: Context): Promise<DelegateStatusType | null> {
    return voting.delegateStatus(ctx, s);
  }

  @FieldResolver(() => [VoteCandidateEntity], { description: 'Candidates adopted so far (empty while the first round is open). 当选项目' })
  async adopted(@Root() s: VoteSession, @Ctx() ctx: Context): Promise<VoteCandidateEntity[]> {
    return (await loader(ctx, candidatesBySession).load(s.id)).filter((c) => c.adopted);
  }

  @FieldResolver(() => [LivelihoodProject], { description: 'The delivery obligations of the adopted projects. 民生实事项目' })
  projects(@Root() s: VoteSession, @Ctx() ctx: Context): Promise<LivelihoodProject[]> {
    return projectsOfSession(ctx, [s.id]);
  }

  @FieldResolver(() => EvaluationRound, { nullable: true, description: 'The year-end evaluation of a year (default: the latest). 年度测评' })
  evaluation(@Root() s: VoteSession, @Arg('year', () => Int, { nullable: true, description: 'Year. 年度' }) year: number | null, @Ctx() ctx: Context): Promise<EvaluationRound | null> {
    return evaluationOf(ctx, s.id, year ?? null);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => VoteSession, { description: 'Creates the vote of a city’s, a county’s or a township’s congress session (admins of that area). 新建票决会议' })
  createVoteSession(
    @Arg('cityId', () => ID, { nullable: true, description: 'The area (older name of areaId; either one)' }) cityId: string | null,
    @Arg('areaId', () => ID, { nullable: true, description: 'The city, county (区县) or township (乡镇街道) whose congress meets' }) areaId: string | null,
    @Arg('input', () => VoteSessionInput, { description: 'Settings' }) input: VoteSessionInput,
    @Ctx() ctx: Context,
  ): Promise<VoteSession> {
    if (areaId) return voting.createSession(ctx, parseId(areaId, 'areaId'), input, 'areaId');
    if (!cityId) throw new UserInputError('areaId', '请选择召开会议的市、区县或乡镇 (name the area)');
    return voting.createSession(ctx, parseId(cityId, 'cityId'), input, 'cityId');
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => VoteSession, { description: 'Changes a session’s settings before the vote opens (CONFLICT afterwards). 修改票决会议' })
  updateVoteSession(
    @Arg('id', () => ID, { description: 'Session id' }) id: string,
    @Arg('input', () => VoteSessionInput, { description: 'Changes' }) input: VoteSessionInput,
    @Arg('version', () => Int, { nullable: true, description: 'The version edited (stale → CONFLICT)' }) version: number | null,
    @Ctx() ctx: Context,
  ): Promise<VoteSession> {
    return voting.updateSession(ctx, parseId(id, 'id'), input, version ?? null);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => [VoteCandidateEntity], { description: 'Replaces the candidate list before the vote opens (CONFLICT afterwards). 设置候选项目' })
  setVoteCandidates(
    @Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string,
    @Arg('candidates', () => [CandidateInput], { description: 'In ballot order' }) candidates: CandidateInput[],
    @Arg('version', () => Int, { nullable: true, description: 'The version edited (stale → CONFLICT)' }) version: number | null,
    @Ctx() ctx: Context,
  ): Promise<VoteCandidateEntity[]> {
    return voting.setCandidates(ctx, parseId(sessionId, 'sessionId'), candidates, version ?? null);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ImportResult, { description: 'Imports the delegate roster from an uploaded .xlsx (dry run first); replaces the roster; refused once the vote opened. 导入代表名册' })
  importVoteRoster(
    @Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string,
    @Arg('fileId', () => ID, { description: 'The uploaded workbook' }) fileId: string,
    @Arg('dryRun', { description: 'Only check, write nothing' }) dryRun: boolean,
    @Ctx() ctx: Context,
  ): Promise<ImportResult> {
    return voting.importRoster(ctx, parseId(sessionId, 'sessionId'), fileId, dryRun);
  }

  @Authorized(Role.DELEGATE)
  @Mutation(() => RosterEntry, { description: 'A delegate on the roster checks in (报到). 代表报到' })
  checkInToSession(@Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string, @Ctx() ctx: Context): Promise<RosterEntry> {
    return voting.checkIn(ctx, parseId(sessionId, 'sessionId'));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => VoteSession, { description: 'Opens the first round (freezing rules and candidates) or a further round; needs two thirds of the roster checked in. Seals each of the three shares of the round’s counting key to one scrutineer’s registered key (refused until three scrutineers registered one); nobody sees a share in clear. 开始投票' })
  openVote(@Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string, @Ctx() ctx: Context): Promise<VoteSession> {
    return voting.openVote(ctx, parseId(sessionId, 'sessionId'));
  }

  @Authorized(Role.DELEGATE)
  @Mutation(() => CastReceiptType, { description: 'Casts the delegate’s secret ballot, marking at most the seats; once per round. Keep the receipt code. 投票' })
  castBallot(
    @Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string,
    @Arg('candidateIds', () => [ID], { description: 'Candidates marked (at most the seats; none is a blank ballot)' }) candidateIds: string[],
    @Ctx() ctx: Context,
  ): Promise<CastReceiptType> {
    return voting.castBallot(ctx, parseId(sessionId, 'sessionId'), candidateIds);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'A scrutineer hands a delegate a paper sheet (the delegate then cannot vote in the app this round). 发放纸质选票' })
  issuePaperBallot(
    @Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string,
    @Arg('userId', () => ID, { description: 'The delegate’s account id' }) userId: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return voting.issuePaperBallot(ctx, parseId(sessionId, 'sessionId'), parseId(userId, 'userId'));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'A second person (another scrutineer, or an admin running the session; never the issuer) confirms a batch of paper sheets; only confirmed sheets count as issued. 确认纸质选票发放批次' })
  confirmPaperBatch(
    @Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string,
    @Arg('batchId', () => ID, { description: 'The batch (VoteRound.paperBatches)' }) batchId: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return voting.confirmPaperBatch(ctx, parseId(sessionId, 'sessionId'), parseId(batchId, 'batchId'));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => [String], { description: 'Prints receipt codes for the open round’s paper sheets, returned once (stored only hashed): each sheet carries one on a stub the paper voter keeps. 印制纸质选票回执码' })
  printPaperSheets(
    @Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string,
    @Arg('count', () => Int, { description: 'Sheets to print (1–500)' }) count: number,
    @Ctx() ctx: Context,
  ): Promise<string[]> {
    return voting.printPaperSheets(ctx, parseId(sessionId, 'sessionId'), count);
  }

  @Authorized()
  @Mutation(() => [String], { description: 'Scrutineers enter returned paper sheets exactly as marked, each with its pre-printed receipt code when the sheets carry one; returns their receipt codes. 录入纸质选票' })
  enterPaperBallots(
    @Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string,
    @Arg('sheets', () => [[ID]], { description: 'Each sheet’s marked candidate ids' }) sheets: string[][],
    @Arg('receiptCodes', () => [String], { nullable: true, description: 'Each sheet’s pre-printed receipt code (required once the round’s sheets were printed with codes)' }) receiptCodes: string[] | null,
    @Ctx() ctx: Context,
  ): Promise<string[]> {
    if (receiptCodes && receiptCodes.length > 500) throw new UserInputError('receiptCodes', '一次录入 1–500 张 (1 to 500 sheets at a time)');
    return voting.enterPaperBallots(ctx, parseId(sessionId, 'sessionId'), sheets, receiptCodes ?? null);
  }

  @Authorized()
  @Mutation(() => RosterEntry, { description: 'A scrutineer on the roster registers the public key made in their browser (P-256, raw point, base64url); the private key stays in a file only they hold. Each round’s share is sealed to it. Not while a round is open. 登记计票公钥' })
  async registerCountingKey(
    @Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string,
    @Arg('publicKey', { description: 'The uncompressed P-256 public key (65 bytes), base64url' }) publicKey: string,
    @Ctx() ctx: Context,
  ): Promise<RosterEntry> {
    if (publicKey.length > 100) throw new UserInputError('publicKey', '不是有效的 P-256 公钥 (not a P-256 public key)');
    return voting.registerShareKey(ctx, parseId(sessionId, 'sessionId'), publicKey);
  }

  @Authorized()
  @Mutation(() => ShareSubmissionType, { description: 'A key holder brings their share of the round’s counting key, opened in their own browser, after the casting ended (closeVote without shares). The share that reaches the threshold counts the round. 提交计票密钥份额' })
  submitCountingShare(
    @Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string,
    @Arg('share', { description: 'The opened share, e.g. 1A2B3C4D-2-…' }) share: string,
    @Ctx() ctx: Context,
  ): Promise<ShareSubmissionType> {
    if (share.length > 200) throw new UserInputError('share', '密钥份额格式不正确 (not a key share)');
    return voting.submitCountingShare(ctx, parseId(sessionId, 'sessionId'), share);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => VoteSession, { description: 'Ends the casting of the open round; the count then waits for two key holders to bring their shares (submitCountingShare), and the second one counts it. With shares the holders handed over, counts at once: the ballots are opened in memory, shuffled, counted and published with the chain head and results. 结束投票并计票' })
  closeVote(
    @Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string,
    @Arg('shares', () => [String], { nullable: true, description: 'Optional: two opened shares the holders handed over; without them the count waits for submitCountingShare' }) shares: string[] | null,
    @Ctx() ctx: Context,
  ): Promise<VoteSession> {
    if (shares && shares.length > 10) throw new UserInputError('shares', '最多提交 10 个份额 (at most 10 shares)');
    return voting.closeVote(ctx, parseId(sessionId, 'sessionId'), shares);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => VoteSession, { description: 'Ends a vote waiting for a further round, leaving seats unfilled. 结束票决' })
  concludeVote(@Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string, @Ctx() ctx: Context): Promise<VoteSession> {
    return voting.concludeVote(ctx, parseId(sessionId, 'sessionId'));
  }

  @Public('the ballots of a counted round are published for anyone to recount')
  @Query(() => PublishedBallotConnection, { description: 'The ballots of a counted round by receipt code, with their chain links; public, refused while the round is open. 公布选票' })
  async publishedBallots(
    @Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string,
    @Arg('round', () => Int, { nullable: true, description: 'Round (default: the last)' }) roundArg: number | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ) {
    const session = await findSession(ctx, parseId(sessionId, 'sessionId'));
    const number = roundArg ?? session.currentRound;
    const round = await voting.roundByNumber(ctx, session.id, number);
    if (!round) throw new NotFoundError('VoteRound', number);
    if (round.status !== RoundStatus.CLOSED) throw new ForbiddenError(HIDDEN_WHILE_OPEN);
    const result = await voting.publishedBallotPage(ctx, round, page);
    const onBallot = voting.roundCandidateIds(round).map(String);
    const candidates = await candidatesIn(ctx, onBallot.map(Number));
    const publish = (b: Ballot): PublishedBallot => {
      const marks = b.choices ? b.choices.split(',') : [];
      const check = validateBallot(marks, round.seats, onBallot);
      return {
        receiptCode: b.receiptCode,
        round: round.number,
        marks,
        choices: marks.map((m) => candidates.find((c) => String(c.id) === m)).filter((c): c is VoteCandidateEntity => !!c),
        valid: check.valid,
        invalidReason: check.valid ? null : check.reason,
        source: b.source,
        salt: b.salt,
        batch: b.batch ?? 0,
        ballotHash: b.ballotHash,
        prevHash: b.prevHash ?? '',
        chainHash: b.chainHash ?? '',
      };
    };
    return {
      nodes: result.nodes.map(publish),
      edges: result.edges.map((e) => ({ cursor: e.cursor, node: publish(e.node) })),
      pageInfo: result.pageInfo,
      get totalCount() {
        return result.totalCount;
      },
    };
  }

  @Public('a delegate checks a receipt without signing in; it names nobody')
  @Query(() => ReceiptCheckType, { description: 'Confirms that the ballot with this receipt code was recorded and counted as cast; reveals nothing about who cast it. 回执核验' })
  async verifyReceipt(
    @Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string,
    @Arg('receiptCode', { description: 'The receipt code kept after voting (after the count), or the ballot’s tracker (64 hex digits, while the round is open)' }) receiptCode: string,
    @Ctx() ctx: Context,
  ): Promise<ReceiptCheckType> {
    if (receiptCode.length > 80) throw new UserInputError('receiptCode', '回执码过长 (is too long)');
    const id = parseId(sessionId, 'sessionId');
    const { found, round, ballot, sealed } = await voting.findReceipt(ctx, id, normaliseReceipt(receiptCode));
    const none = { found: false, round: null, counted: false, choices: [], valid: null, invalidReason: null, ballotHash: null, chainHash: null, chainHead: null, fingerprint: null, checkpoint: null, checkpointHead: null };
    if (found && round && sealed) {
      // The tracker: on the board, sealed; nothing about the marks, before or after the count.
      const counted = round.status === RoundStatus.CLOSED;
      return {
        ...none,
        found: true,
        round: round.number,
        counted,
        fingerprint: round.fingerprint,
        checkpoint: sealed.batch,
        checkpointHead: sealed.batch ? ((await voting.checkpointOf(ctx, round.id, sealed.batch))?.head ?? null) : null,
        message: counted
          ? `密封选票在第 ${round.number} 轮公告板上，已开启计票；请用回执码查看选票内容 (sealed ballot on the board, counted; use the receipt code to see the marks)`
          : `选票已记录（已加密封存，公告板第 ${sealed.batch ?? '—'} 批），将在第 ${round.number} 轮结束后开启计票 (recorded, sealed; opened when round ${round.number} is counted)`,
      };
    }
    if (!found || !round || !ballot) {
      const sealedUntilCount = await voting.hasOpenRound(ctx, id);
      return {
        ...none,
        message: sealedUntilCount
          ? '回执码随选票加密封存，计票后才能查询；投票期间请用选票追踪码核对 (receipt codes are sealed until the count; check the tracker meanwhile)'
          : '未找到该回执码的选票 (no ballot with this receipt code in this session)',
      };
    }
    const counted = round.status === RoundStatus.CLOSED;
    // While the round is open a receipt proves only that the ballot was recorded: its marks (or
    // its hash, which a few thousand guesses would open) would let a vote buyer watch it.
    const marks = counted && ballot.choices ? ballot.choices.split(',') : [];
    const choices = counted ? await candidatesIn(ctx, marks.map(Number)) : [];
    const check = validateBallot(marks, round.seats, voting.roundCandidateIds(round).map(String));
    return {
      found: true,
      round: round.number,
      counted,
      choices,
      valid: counted ? check.valid : null,
      invalidReason: counted && !check.valid ? check.reason : null,
      ballotHash: counted ? ballot.ballotHash : null,
      chainHash: counted ? ballot.chainHash : null,
      chainHead: counted ? round.chainHead : null,
      fingerprint: round.fingerprint,
      checkpoint: ballot.batch,
      checkpointHead: ballot.batch ? ((await voting.checkpointOf(ctx, round.id, ballot.batch))?.head ?? null) : null,
      message: counted
        ? `选票已计入第 ${round.number} 轮计票，位于公布的选票列表中 (counted in round ${round.number}; it is in the published list)`
        : `选票已记录，将在第 ${round.number} 轮结束后计票并公布内容 (recorded; its marks are shown when round ${round.number} is counted)`,
    };
  }
}

@Resolver(() => BulletinBoardType)
export class BulletinBoardResolver {
  @Public('the bulletin board is published for anyone to verify the vote')
  @Query(() => BulletinBoardType, { description: 'A round’s public bulletin board: commitments sealed in batches and their checkpoints while open, every ballot opened after the count; for anyone to verify. 公告板' })
  voteBulletinBoard(
    @Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string,
    @Arg('round', () => Int, { nullable: true, description: 'Round (default: the last)' }) round: number | null,
    @Ctx() ctx: Context,
  ): Promise<BulletinBoardType> {
    return voting.bulletinBoard(ctx, parseId(sessionId, 'sessionId'), round ?? null);
  }
}

@Resolver(() => VoteRound)
export class VoteRoundResolver {
  @FieldResolver(() => [VoteCandidateEntity], { description: 'Candidates on this round’s ballot. 本轮候选项目' })
  candidates(@Root() r: VoteRound, @Ctx() ctx: Context): Promise<VoteCandidateEntity[]> {
    return candidatesIn(ctx, voting.roundCandidateIds(r));
  }

  @FieldResolver(() => RoundTallyType, { nullable: true, description: 'The count; null while the round is open (see tallyHiddenReason). 计票结果' })
  async tally(@Root() r: VoteRound, @Ctx() ctx: Context): Promise<RoundTallyType | null> {
    const t = voting.roundTally(r);
    if (!t) return null;
    const candidates = await candidatesIn(ctx, voting.roundCandidateIds(r));
    const byId = (id: string) => candidates.find((c) => String(c.id) === id)!;
    return {
      rosterSize: t.rosterSize,
      ballotsCast: t.ballotsCast,
      electronicBallots: t.electronic,
      paperBallots: t.paperReturned,
      validBallots: t.validBallots,
      blankBallots: t.blankBallots,
      invalidBallots: t.invalidBallots,
      invalidTooManyMarks: t.invalidByReason.TOO_MANY_MARKS,
      invalidUnknownCandidate: t.invalidByReason.UNKNOWN_CANDIDATE,
      invalidDuplicateMark: t.invalidByReason.DUPLICATE_MARK,
      majorityVotes: t.majorityVotes,
      counts: t.counts.map((c) => ({ candidate: byId(c.candidateId), votes: c.votes, hasMajority: c.hasMajority, adopted: c.adopted, position: c.position })),
      adopted: t.adopted.map(byId),
      runoff: t.runoff ? { reason: t.runoff.reason as RunoffReason, seats: t.runoff.seats, candidates: t.runoff.candidateIds.map(byId) } : null,
      ruleVersion: t.ruleVersion,
    };
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why the count is not shown (while the round is open). 未公布原因' })
  tallyHiddenReason(@Root() r: VoteRound): string | null {
    return r.status === RoundStatus.OPEN ? HIDDEN_WHILE_OPEN : null;
  }

  @FieldResolver(() => AttendanceType, { nullable: true, description: 'Roster, checked in, voted in the app and on paper, sheets issued, returned and spoiled; published with the count (null while open). 出席与投票核对' })
  attendance(@Root() r: VoteRound): AttendanceType | null {
    return voting.roundTally(r)?.attendance ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'Ballots are no longer taken and the count waits for the key holders’ shares. 等待监票人份额' })
  awaitingShares(@Root() r: VoteRound): boolean {
    return r.status === RoundStatus.OPEN && !!r.countingFrom;
  }

  @FieldResolver(() => Int, { description: 'Shares of the counting key the count needs. 计票所需份额数' })
  sharesNeeded(): number {
    return THRESHOLD;
  }

  @FieldResolver(() => [CountingShareType], { nullable: true, description: 'The shares of the round’s counting key: number, holder and whether brought; for admins running the session and its scrutineers (null for others). 计票密钥份额' })
  countingShares(@Root() r: VoteRound, @Ctx() ctx: Context): Promise<CountingShareType[] | null> {
    return voting.roundSharesSeenBy(ctx, r);
  }

  @FieldResolver(() => MyCountingShareType, { nullable: true, description: 'The signed-in scrutineer’s own share, sealed to their registered key, for their browser to open with their key file (null unless they hold one). 我保管的份额' })
  myCountingShare(@Root() r: VoteRound, @Ctx() ctx: Context): Promise<MyCountingShareType | null> {
    return voting.myShareOf(ctx, r);
  }

  @FieldResolver(() => [PaperBatchType], { nullable: true, description: 'The batches of paper sheets handed out, with who handed them out, who confirmed and to whom; for admins running the session and its scrutineers (null for others). 纸质选票发放批次' })
  async paperBatches(@Root() r: VoteRound, @Ctx() ctx: Context): Promise<PaperBatchType[] | null> {
    const roster = await voting.paperRosterSeenBy(ctx, r);
    if (!roster) return null;
    const nameOf = (userId: number) => roster.find((e) => e.userId === userId)?.name ?? '会议管理员';
    return (await voting.paperBatchesOf(ctx, r)).map(({ batch, delegates }) => ({
      id: String(batch.id),
      sheets: batch.sheets,
      issuedBy: nameOf(batch.issuedBy),
      confirmedBy: batch.confirmedBy === null ? null : nameOf(batch.confirmedBy),
      mine: isSignedIn(ctx.viewer) && ctx.viewer.userId === batch.issuedBy,
      delegates: delegates.map(nameOf).sort(),
    }));
  }

  @FieldResolver(() => PaperReconciliationType, { description: 'Paper sheets handed out, and after the count returned. 纸质选票核对' })
  paper(@Root() r: VoteRound): PaperReconciliationType {
    const t = voting.roundTally(r);
    if (!t) return { issued: r.paperIssued, returned: null, notReturned: null, valid: null };
    return { issued: t.paperIssued, returned: t.paperReturned, notReturned: t.paperIssued - t.paperReturned, valid: t.paperReturned <= t.paperIssued };
  }
}

@Resolver(() => VoteCandidateEntity)
export class VoteCandidateResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Target quantity as a decimal string, e.g. "222". 目标数量' })
  targetQuantity(@Root() c: VoteCandidateEntity): string | null {
    return c.targetQuantity === null ? null : formatQuantity(c.targetQuantity);
  }

  @FieldResolver(() => [ID], { description: 'Ids of the proposals behind it. 来源建议' })
  proposalIds(@Root() c: VoteCandidateEntity): string[] {
    return c.proposalIds ? c.proposalIds.split(',') : [];
  }

  @FieldResolver(() => Int, { description: 'Supports from the public’s poll (公众支持数), advice to the delegates; public. 群众支持数' })
  async supportCount(@Root() c: VoteCandidateEntity, @Ctx() ctx: Context): Promise<number> {
    return (await loader(ctx, supportCountsBySession).load(c.sessionId)).get(c.id) ?? 0;
  }

  @FieldResolver(() => ReserveItem, { nullable: true, description: 'The reserve library item it was drawn from, with its votes, reason and history (null for a new one). 储备来源' })
  reserveItem(@Root() c: VoteCandidateEntity, @Ctx() ctx: Context): Promise<ReserveItem | null> {
    return reserveItemOf(ctx, c.reserveItemId);
  }
}

