import {
  attendanceProblems,
  quorumShortfall,
  type Attendance,
  reconcilePaperBallots,
  sessionFingerprintInput,
  tally,
  validateBallot,
  type Fen,
  type TallyResult,
} from '@kpd/domain';
import type { KeyObject } from 'node:crypto';
import crypto from 'node:crypto';
import { In, IsNull } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { Role, User } from '../../core/auth/user.entity';
import { isSignedIn } from '../../core/auth/viewer';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, UserInputError, type FieldProblem } from '../../core/errors';
import { parseId } from '../../core/ids';
import { mutate, type Tx } from '../../core/transaction';
import { bool, chunks, duplicateKeyProblems, runImport, text, type ImportResult, type SheetSpec } from '../../core/xlsx';
import { readUploadedSpreadsheet } from '../../core/files';
import type { Context } from '../../core/context';
import { CONGRESS_LEVELS, findSession, managedSession, managesArea, requireNotFrozen, rosterEntryOf } from './access';
import { Ballot, BallotSource, BoardCheckpoint, PaperBatch, PaperCode, RoundParticipation, RoundShare, SealedBallot } from './ballot.entity';
import { cleanShare, keyTag, newCountingKey, openBallot, parseHolderKey, rebuildCountingKey, sealBallot, sealShare, shareNumber, SHARES, THRESHOLD } from './counting-key';
import { ObligationStatus, LivelihoodProject } from './project.entity';
import { LivelihoodProposal, ProposalStatus } from './proposal.entity';
import { parseQuantity, type Milli } from './quantity';
import { addToDigest, digestOf, forUpdate, isDuplicateKey, newReceiptCode, normaliseReceipt, sha256, ZERO_DIGEST } from './secrecy';
import { drawProblems, redraw, reserveAfterDecision } from './reserve.service';
import { hasSupports, newSupportSalt } from './support.service';
import { checkpointsOf, commitmentOf, newSalt, requireBoardIntact, sealBoard, sealWhenDue } from './board.service';
import { sealBatch } from '@kpd/domain';
import { noticeDelegates } from './livelihood.notices';
import { NoticeKind } from '../../core/notices';
import { RosterEntry, RoundStatus, SessionStatus, VoteCandidateEntity, VoteRound, VoteSession } from './session.entity';
import { now as clockNow } from '../../core/clock';
import { canAdminister } from '../../core/auth/policy';
import type { AreaLevel } from '../../core/areas/area.entity';
import { paginate, type PageArgs } from '../../core/pagination';

// ------------------------------------------------------------------ session set-up (before the vote)

export interface SessionFields {
  name?: string | null;
  meetingDate?: string | null;
  seats?: number | null;
  opensAt?: Date | null;
  closesAt?: Date | null;
  supportOpensAt?: Date | null;
  supportClosesAt?: Date | null;
}

function sessionProblems(f: SessionFields, creating: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (creating || f.name !== undefined) {
    if (!f.name || f.name.trim().length < 2 || f.name.length > 128) problems.push({ field: 'input.name', reason: '会议名称须为 2–128 个字 (2 to 128 characters)' });
  }
  if (creating && !f.meetingDate) problems.push({ field: 'input.meetingDate', reason: '必须填写会议日期 (required)' });
  if (creating || (f.seats !== undefined && f.seats !== null)) {
    if (!Number.isInteger(f.seats) || f.seats! < 1 || f.seats! > 50) problems.push({ field: 'input.seats', reason: '应选数须为 1–50 (between 1 and 50)' });
  }
  if (f.opensAt && f.closesAt && f.closesAt <= f.opensAt) problems.push({ field: 'input.closesAt', reason: '结束时间须晚于开始时间 (must be after opensAt)' });
  if (f.supportClosesAt && !f.supportOpensAt && creating) problems.push({ field: 'input.supportOpensAt', reason: '请填写征集开始时间 (the poll needs its opening)' });
  if (f.supportOpensAt && f.supportClosesAt && f.supportClosesAt <= f.supportOpensAt) problems.push({ field: 'input.supportClosesAt', reason: '征集结束时间须晚于开始时间 (must be after supportOpensAt)' });
  return problems;
}

/**
 * Creates the session of a city's, a county's (区县) or a township's (乡镇街道) congress: each has its
 * own roster, quorum (two thirds of its own roster) and rules (seats, times). `field` names the
 * argument that chose the area, for the error.
 */
export async function createSession(ctx: Context, areaId: number, f: SessionFields, field = 'areaId'): Promise<VoteSession> {
  if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
  const area = ctx.areas.get(areaId);
  if (!area || !ctx.viewer.scope.contains(areaId)) throw new NotFoundError('Area', areaId);
  if (!CONGRESS_LEVELS.includes(area.level)) throw new UserInputError(field, '票决会议属于市、区县或乡镇（街道）人大 (must be a city, a county or a township)');
  if (!managesArea(ctx, areaId)) throw new ForbiddenError('Only admins of the area run its congress sessions (a city admin does not run a county’s)');
  const problems = sessionProblems(f, true);
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const session = await tx.em.save(
      tx.em.create(VoteSession, {
        areaId,
        name: f.name!.trim(),
        meetingDate: f.meetingDate!,
        seats: f.seats!,
        opensAt: f.opensAt ?? null,
        closesAt: f.closesAt ?? null,
        supportOpensAt: f.supportOpensAt ?? null,
        supportClosesAt: f.supportClosesAt ?? null,
        supportSalt: newSupportSalt(),
        status: SessionStatus.DRAFT,
        currentRound: 0,
        fingerprint: null,
        version: 1,
      }),
    );
    await tx.audit({ action: 'livelihood.session.create', entityType: 'VoteSession', entityId: session.id, areaId, after: session });
    return session;
  });
}

/** Reloads the session inside the transaction under its row lock and checks the client's version. */
async function lockSession(tx: Tx, id: number, version?: number | null): Promise<VoteSession> {
  const session = await forUpdate(tx.em, tx.em.createQueryBuilder(VoteSession, 's').where('s.id = :id', { id })).getOne();
  if (!session) throw new NotFoundError('VoteSession', id);
  if (version !== undefined && version !== null && version !== session.version) {
    throw new ConflictError(`会议已被他人修改 (stale version ${version}, now ${session.version})`);
  }
  return session;
}

export async function updateSession(ctx: Context, id: number, f: SessionFields, version: number | null): Promise<VoteSession> {
  await managedSession(ctx, id);
  const problems = sessionProblems(f, false);
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const session = await lockSession(tx, id, version);
    requireNotFrozen(session);
    const before = { ...session };
    if (f.name) session.name = f.name.trim();
    if (f.meetingDate) session.meetingDate = f.meetingDate;
    if (f.seats) session.seats = f.seats;
    if (f.opensAt !== undefined) session.opensAt = f.opensAt;
    if (f.closesAt !== undefined) session.closesAt = f.closesAt;
    if (session.opensAt && session.closesAt && session.closesAt <= session.opensAt) throw new UserInputError('input.closesAt', '结束时间须晚于开始时间 (must be after opensAt)');
    if (f.supportOpensAt !== undefined) session.supportOpensAt = f.supportOpensAt;
    if (f.supportClosesAt !== undefined) session.supportClosesAt = f.supportClosesAt;
    if (session.supportClosesAt && !session.supportOpensAt) throw new UserInputError('input.supportOpensAt', '请填写征集开始时间 (the poll needs its opening)');
    if (session.supportOpensAt && session.supportClosesAt && session.supportClosesAt <= session.supportOpensAt) throw new UserInputError('input.supportClosesAt', '征集结束时间须晚于开始时间 (must be after supportOpensAt)');
    session.supportSalt ??= newSupportSalt();
    session.version += 1;
    await tx.em.save(session);
    await tx.audit({ action: 'livelihood.session.update', entityType: 'VoteSession', entityId: id, areaId: session.areaId, before, after: session });
    return session;
  });
}

export interface CandidateFields {
  name: string;
  description: string;
  leadDepartment?: string | null;
  targetQuantity?: string | null;
  unit?: string | null;
  estimatedCost?: Fen | null;
  proposalIds?: string[] | null;
  /** The reserve library item it is drawn from (项目储备库), when one. */
  reserveItemId?: string | null;
}

/** Replaces the candidate list (ballot order = list order). Refused once the vote opened. */
export async function setCandidates(ctx: Context, sessionId: number, list: CandidateFields[], version: number | null): Promise<VoteCandidateEntity[]> {
  const s = await managedSession(ctx, sessionId);
  const problems: FieldProblem[] = [];
  const names = new Map<string, number>();
  const targets: (Milli | null)[] = [];
  const proposalIds: number[][] = [];
  const drawn: (number | null)[] = [];
  if (list.length > 60) problems.push({ field: 'candidates', reason: '候选项目最多 60 个 (at most 60)' });
  list.forEach((c, i) => {
    const at = `candidates[${i}]`;
    const name = (c.name ?? '').trim();
    if (name.length < 2 || name.length > 200) problems.push({ field: `${at}.name`, reason: '项目名称须为 2–200 个字 (2 to 200 characters)' });
    else if (names.has(name)) problems.push({ field: `${at}.name`, reason: `与第 ${names.get(name)! + 1} 个候选项目重名 (same name as candidates[${names.get(name)}])` });
    else names.set(name, i);
    if ((c.description ?? '').length > 5000) problems.push({ field: `${at}.description`, reason: '最多 5000 个字 (at most 5000 characters)' });
    let target: Milli | null = null;
    if (c.targetQuantity !== undefined && c.targetQuantity !== null && c.targetQuantity !== '') {
      try {
        target = parseQuantity(c.targetQuantity, `${at}.targetQuantity`);
      } catch (e) {
        if (e instanceof UserInputError) problems.push(...(e.extensions.problems as FieldProblem[]));
        else throw e;
      }
      if (!c.unit) problems.push({ field: `${at}.unit`, reason: '有目标数量时须填写单位 (a target needs its unit)' });
    }
    targets.push(target);
    if (c.estimatedCost !== undefined && c.estimatedCost !== null && c.estimatedCost < 0n) problems.push({ field: `${at}.estimatedCost`, reason: '不能为负 (must not be negative)' });
    proposalIds.push((c.proposalIds ?? []).map((id, j) => parseId(id, `${at}.proposalIds[${j}]`)));
    drawn.push(c.reserveItemId ? parseId(c.reserveItemId, `${at}.reserveItemId`) : null);
  });
  problems.push(...(await drawProblems(ctx, s, drawn)));
  const allProposalIds = [...new Set(proposalIds.flat())];
  if (allProposalIds.length) {
    const found = await ctx.db.getRepository(LivelihoodProposal).findBy({ id: In(allProposalIds) });
    const ok = new Set(found.filter((p) => p.areaId === s.areaId && p.status === ProposalStatus.ACCEPTED).map((p) => p.id));
    proposalIds.forEach((ids, i) =>
      ids.forEach((id, j) => {
        if (!ok.has(id)) problems.push({ field: `candidates[${i}].proposalIds[${j}]`, reason: '不是本级已采纳的建议 (not an accepted proposal of this congress’s area)' });
      }),
    );
  }
  if (problems.length) throw UserInputError.of(problems);
  if (await hasSupports(ctx, sessionId)) throw new ConflictError('公众支持度征集已有支持，候选项目不能再修改 (the public has supported this list; it can no longer change)');
  return mutate(ctx, async (tx) => {
    const session = await lockSession(tx, sessionId, version);
    requireNotFrozen(session);
    const before = await tx.em.find(VoteCandidateEntity, { where: { sessionId }, order: { position: 'ASC' } });
    await tx.em.delete(VoteCandidateEntity, { sessionId });
    const rows = list.map((c, i) =>
      tx.em.create(VoteCandidateEntity, {
        sessionId,
        position: i + 1,
        name: c.name.trim(),
        description: (c.description ?? '').trim(),
        leadDepartment: c.leadDepartment?.trim() || null,
        targetQuantity: targets[i],
        unit: c.unit?.trim() || null,
        estimatedCost: c.estimatedCost ?? null,
        proposalIds: proposalIds[i].join(','),
        reserveItemId: drawn[i],
        adopted: false,
        adoptedInRound: null,
      }),
    );
    const saved = rows.length ? await tx.em.save(rows) : [];
    await redraw(tx.em, sessionId, drawn.filter((x): x is number => x !== null));
    session.version += 1;
    await tx.em.save(session);
    await tx.audit({ action: 'livelihood.candidates.set', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId, before, after: saved });
    return saved;
  });
}

// ------------------------------------------------------------------ roster

interface RosterRow {
  username: string;
  name: string;
  delegation: string;
  scrutineer: boolean | null;
}

export const ROSTER_SHEET: SheetSpec<RosterRow> = {
  name: '代表名册',
  maxRows: 5000,
  columns: [
    text<RosterRow, 'username'>('username', { header: '账号', required: true, max: 64, note: '代表登录账号，如 delegate.001', width: 18 }),
    text<RosterRow, 'name'>('name', { header: '姓名', required: true, max: 64, width: 12 }),
    text<RosterRow, 'delegation'>('delegation', { header: '代表团', required: true, max: 64, note: '如 海州区代表团', width: 18 }),
    bool<RosterRow, 'scrutineer'>('scrutineer', { header: '监票人', note: '是：可录入纸质选票', width: 8 }),
  ],
};

/** Imports the delegate roster from .xlsx (dry run first, then all or nothing). Refused once frozen. */
export async function importRoster(ctx: Context, sessionId: number, fileId: string, dryRun: boolean): Promise<ImportResult> {
  const session = await managedSession(ctx, sessionId);
  requireNotFrozen(session);
  const buffer = await readUploadedSpreadsheet(ctx, fileId);
  const users = new Map<string, User>();
  return runImport(ctx, {
    spec: ROSTER_SHEET,
    buffer,
    dryRun,
    validateRows: async (rows, locate) => {
      const problems = duplicateKeyProblems(rows, (r) => r.username.toLowerCase(), locate('username'));
      const names = [...new Set(rows.map((r) => r.values.username.toLowerCase()))];
      for (const part of chunks(names)) {
        for (const u of await ctx.db.getRepository(User).findBy({ username: In(part) })) users.set(u.username, u);
      }
      const at = locate('username');
      for (const row of rows) {
        const user = users.get(row.values.username.toLowerCase());
        const reason = !user
          ? '没有这个账号 (no such account)'
          : user.role !== Role.DELEGATE
            ? '不是人大代表账号 (not a delegate account)'
            : !ctx.areas.isWithin(user.areaId, session.areaId)
              ? '不是本级（市、区县或乡镇）的代表 (not a delegate of this congress’s area)'
              : null;
        if (reason) problems.push({ row: row.rowNumber, column: at.column, header: at.header, reason });
      }
      return problems;
    },
    commit: async (tx, rows) => {
      const locked = await lockSession(tx, sessionId);
      requireNotFrozen(locked);
      const removed = await tx.em.delete(RosterEntry, { sessionId });
      for (const part of chunks(rows)) {
        await tx.em.insert(
          RosterEntry,
          part.map((r) => ({
            sessionId,
            userId: users.get(r.values.username.toLowerCase())!.id,
            name: r.values.name,
            delegation: r.values.delegation,
            scrutineer: r.values.scrutineer ?? false,
            checkedInAt: null,
          })),
        );
      }
      locked.version += 1;
      await tx.em.save(locked);
      await noticeDelegates(tx.em, locked, NoticeKind.SESSION_CHECK_IN, `${locked.name}：请报到签到`, `您已列入 ${locked.name}（${locked.meetingDate}）的代表名册，请在会议开始后于系统中报到签到。`, `/livelihood/ballot`);
      return { created: rows.length, updated: removed.affected ?? 0 };
    },
    audit: { action: 'livelihood.roster.import', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId },
  });
}

/** A delegate checks in for the session (idempotent). */
export async function checkIn(ctx: Context, sessionId: number): Promise<RosterEntry> {
  const session = await findSession(ctx, sessionId);
  const entry = await rosterEntryOf(ctx, sessionId);
  if (session.status === SessionStatus.DECIDED) throw new ConflictError('会议票决已结束 (the vote of this session is over)');
  return mutate(ctx, async (tx) => {
    // Checking in again changes nothing.
    if (entry.checkedInAt) {
      tx.unchanged();
      return entry;
    }
    entry.checkedInAt = clockNow();
    await tx.em.update(RosterEntry, { id: entry.id, checkedInAt: IsNull() }, { checkedInAt: entry.checkedInAt });
    await tx.audit({ action: 'livelihood.checkIn', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId, after: { checkedIn: true } });
    return entry;
  });
}

// ------------------------------------------------------------------ rounds

export async function sessionCandidates(em: EntityManager, sessionId: number): Promise<VoteCandidateEntity[]> {
  return em.find(VoteCandidateEntity, { where: { sessionId }, order: { position: 'ASC' } });
}

export function roundCandidateIds(round: VoteRound): number[] {
  return round.candidateIds ? round.candidateIds.split(',').map(Number) : [];
}

/** What a closed round stores and publishes: the tally, the paper sheets and the attendance. */
export type StoredRoundResult = TallyResult & { paperIssued: number; paperReturned: number; electronic: number; attendance?: Attendance };

export function roundTally(round: VoteRound): StoredRoundResult | null {
  return round.status === RoundStatus.CLOSED && round.result ? JSON.parse(round.result) : null;
}

function canonicalRules(rosterSize: number, seats: number, candidates: VoteCandidateEntity[]): string {
  return sessionFingerprintInput({ rosterSize, seats, candidates: candidates.map((c) => ({ id: String(c.id), name: c.name })) });
}

export async function currentRound(em: EntityManager, session: VoteSession): Promise<VoteRound | null> {
  if (session.currentRound === 0) return null;
  return em.findOneBy(VoteRound, { sessionId: session.id, number: session.currentRound });
}

/**
 * Opens the first round (freezing rules, candidates and roster, and fixing their fingerprint), or
 * a further round among the candidates the last count sent to one. Needs two thirds of the roster
 * checked in.
 */
export async function openVote(ctx: Context, sessionId: number): Promise<VoteSession> {
  await managedSession(ctx, sessionId);
  // The counting key: its public half is stored with the round, its private half only as three
  // shares, each sealed to one scrutineer's own key; nobody, the opening admin included, sees them.
  const key = newCountingKey();
  const opened = await mutate(ctx, async (tx) => {
    const session = await lockSession(tx, sessionId);
    if (session.status === SessionStatus.VOTING) throw new ConflictError('投票已在进行 (a round is already open)');
    if (session.status === SessionStatus.DECIDED) throw new ConflictError('票决已结束 (the vote is over)');
    const candidates = await sessionCandidates(tx.em, sessionId);
    const rosterSize = await tx.em.countBy(RosterEntry, { sessionId });
    const checkedIn = await tx.em.createQueryBuilder(RosterEntry, 'r').where('r.session_id = :sessionId AND r.checked_in_at IS NOT NULL', { sessionId }).getCount();
    const problems: FieldProblem[] = [];
    if (rosterSize === 0) problems.push({ field: 'roster', reason: '尚未导入代表名册 (no roster imported)' });
    if (session.status === SessionStatus.DRAFT && candidates.length <= session.seats) {
      problems.push({ field: 'candidates', reason: `候选项目 ${candidates.length} 个，须多于应选数 ${session.seats} (more candidates than seats are needed)` });
    }
    const holders = rosterSize ? await keyHolders(tx.em, sessionId) : [];
    if (rosterSize && holders.length < SHARES) {
      problems.push({ field: 'roster', reason: `已登记计票公钥的监票人 ${holders.length} 名，须至少 ${SHARES} 名：计票密钥的 ${SHARES} 个份额各交一名监票人保管 (${SHARES} scrutineers must register their keys before the vote opens)` });
    }
    if (problems.length) throw UserInputError.of(problems);
    const shortfall = quorumShortfall(checkedIn, rosterSize);
    if (shortfall > 0) {
      throw new ConflictError(`报到代表 ${checkedIn} 人，未达应到 ${rosterSize} 人的三分之二，还需 ${shortfall} 人 (no quorum yet)`, { checkedIn, rosterSize, shortfall });
    }
    let seats = session.seats;
    let onBallot = candidates;
    if (session.status === SessionStatus.COUNTED) {
      const last = await tx.em.findOneByOrFail(VoteRound, { sessionId, number: session.currentRound });
      const runoff = roundTally(last)?.runoff;
      if (!runoff) throw new ConflictError('上一轮没有需要再次投票的项目 (no further round is due)');
      seats = runoff.seats;
      const ids = new Set(runoff.candidateIds.map(Number));
      onBallot = candidates.filter((c) => ids.has(c.id));
      if (seats >= onBallot.length) seats = Math.min(seats, onBallot.length);
    } else if (session.fingerprint !== null) {
      throw new ConflictError('规则已冻结 (already frozen)');
    }
    const canonical = canonicalRules(rosterSize, seats, onBallot);
    const fingerprint = sha256(canonical);
    const number = session.currentRound + 1;
    const inserted = await tx.em.insert(VoteRound, {
      sessionId,
      number,
      seats,
      candidateIds: onBallot.map((c) => c.id).join(','),
      rosterSize,
      fingerprint,
      canonical,
      status: RoundStatus.OPEN,
      openedAt: clockNow(),
      closedAt: null,
      digest: ZERO_DIGEST,
      paperIssued: 0,
      chainHead: null,
      result: null,
      publicKey: key.publicKey,
      countingFrom: null,
    });
    const roundId = Number(inserted.identifiers[0].id);
    // Share i+1 to the i-th holder, sealed to their key; only the share's hash stays readable.
    await tx.em.insert(
      RoundShare,
      holders.slice(0, SHARES).map((h, i) => ({ roundId, rosterEntryId: h.id, number: i + 1, sealed: sealShare(h.shareKey!, key.shares[i]), shareHash: sha256(key.shares[i]), submitted: null, submittedAt: null })),
    );
    key.shares.length = 0;
    const before = { ...session };
    if (session.fingerprint === null) session.fingerprint = fingerprint;
    session.status = SessionStatus.VOTING;
    session.currentRound = number;
    session.version += 1;
    await tx.em.save(session);
    await tx.audit({ action: 'livelihood.vote.open', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId, before, after: { ...session, round: number, seats, fingerprint, publicKey: key.publicKey } });
    await noticeDelegates(tx.em, session, NoticeKind.ROUND_OPEN, `${session.name}：第 ${number} 轮票决已开始`, `第 ${number} 轮应选 ${seats} 个，候选 ${onBallot.length} 个。已报到的代表请在系统中投票。`, `/livelihood/ballot`, `${sessionId}:${number}`);
    return session;
  });
  return opened;
}

/** The scrutineers on the roster with a registered key, in roster order: the first three hold a round's shares. */
async function keyHolders(em: EntityManager, sessionId: number): Promise<RosterEntry[]> {
  const entries = await em.find(RosterEntry, { where: { sessionId, scrutineer: true }, order: { id: 'ASC' } });
  return entries.filter((e) => !!e.shareKey);
}

/**
 * A scrutineer registers the public key made in their browser (P-256, raw point, base64url): each
 * later round's share is sealed to it. Not while a round is open (its shares are already sealed).
 */
export async function registerShareKey(ctx: Context, sessionId: number, publicKey: string): Promise<RosterEntry> {
  const session = await findSession(ctx, sessionId);
  if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
  const entry = await ctx.db.getRepository(RosterEntry).findOneBy({ sessionId, userId: ctx.viewer.userId });
  if (!entry?.scrutineer || ctx.viewer.readOnly) throw new ForbiddenError('只有名册上的监票人可以登记计票公钥 (only the session’s scrutineers register counting keys)');
  if (!parseHolderKey(publicKey)) throw new UserInputError('publicKey', '不是有效的 P-256 公钥，请在本页生成密钥 (not a P-256 public key)');
  return mutate(ctx, async (tx) => {
    const locked = await lockSession(tx, sessionId);
    if (locked.status === SessionStatus.VOTING) throw new ConflictError('投票进行中，本轮份额已加密给已登记的公钥，不能更换 (a round is open: its shares are already sealed)');
    if (locked.status === SessionStatus.DECIDED) throw new ConflictError('票决已结束 (the vote is over)');
    await tx.em.update(RosterEntry, { id: entry.id }, { shareKey: publicKey.trim() });
    await tx.audit({ action: 'livelihood.scrutineer.key', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId, after: { rosterEntry: entry.id, keyTag: keyTag(publicKey.trim()) } });
    return tx.em.findOneByOrFail(RosterEntry, { id: entry.id });
  });
}

/** The open round under its row lock (the serialisation point of casting). */
async function lockOpenRound(tx: Tx, sessionId: number, taking = false): Promise<{ session: VoteSession; round: VoteRound }> {
  const session = await tx.em.findOneBy(VoteSession, { id: sessionId });
  if (!session) throw new NotFoundError('VoteSession', sessionId);
  if (session.status !== SessionStatus.VOTING) throw new ConflictError('投票未开放 (the vote is not open)');
  const round = await forUpdate(
    tx.em,
    tx.em.createQueryBuilder(VoteRound, 'r').where('r.session_id = :sessionId AND r.number = :number', { sessionId, number: session.currentRound }),
  ).getOne();
  if (!round || round.status !== RoundStatus.OPEN) throw new ConflictError('本轮投票已结束 (this round is closed)');
  if (taking && round.countingFrom) throw new ConflictError(CASTING_ENDED);
  return { session, round };
}

const CASTING_ENDED = '投票已截止，正在等待监票人提交计票密钥份额 (ballots are no longer taken: the count waits for the key shares)';

/** What a sealed ballot holds: the round's fingerprint, the receipt code, the marks, the source and the salt. */
interface BallotContent {
  f: string;
  r: string;
  c: string;
  s: string;
  src: BallotSource;
}

/**
 * Writes a ballot sealed under the round's counting key: a random id, the sealed text and its
 * SHA-256 (the tracker). The receipt code and the marks exist only inside the sealed text.
 */
async function insertBallot(tx: Tx, round: VoteRound, marks: number[], source: BallotSource, receiptCode = newReceiptCode()): Promise<{ receiptCode: string; tracker: string }> {
  const row = sealedBallotRow(round, marks.join(','), source, receiptCode);
  await tx.em.insert(SealedBallot, row);
  return { receiptCode, tracker: row.tracker };
}

/** A sealed ballot row for the round (its id random, its content sealed under the round's key). */
export function sealedBallotRow(round: Pick<VoteRound, 'id' | 'fingerprint' | 'publicKey'>, choices: string, source: BallotSource, receiptCode = newReceiptCode()): SealedBallot {
  if (!round.publicKey) throw new ConflictError('本轮没有计票公钥，不能投票 (the round has no counting key)');
  const content: BallotContent = { f: round.fingerprint, r: receiptCode, c: choices, s: newSalt(), src: source };
  const sealed = sealBallot(round.publicKey, JSON.stringify(content));
  return Object.assign(new SealedBallot(), { id: crypto.randomBytes(16).toString('hex'), roundId: round.id, source, sealed, tracker: sha256(sealed), batch: null, prevHash: null, chainHash: null });
}

export interface CastReceipt {
  receiptCode: string;
  tracker: string;
  round: number;
  fingerprint: string;
}

/**
 * The session, the viewer's roster entry and the open round in one statement (a ballot storm is
 * five hundred of these at once); when any is missing, the usual checks say which.
 */
async function ballotContext(ctx: Context, sessionId: number): Promise<{ session: VoteSession; entry: RosterEntry; round: VoteRound | null }> {
  if (isSignedIn(ctx.viewer) && ctx.viewer.role === Role.DELEGATE && !ctx.viewer.readOnly) {
    const found = await ctx.db
      .getRepository(VoteSession)
      .createQueryBuilder('s')
      .innerJoinAndMapOne('s.entry', RosterEntry, 'e', 'e.session_id = s.id AND e.user_id = :userId', { userId: ctx.viewer.userId })
      .leftJoinAndMapOne('s.round', VoteRound, 'r', 'r.session_id = s.id AND r.number = s.current_round')
      .where('s.id = :sessionId', { sessionId })
      .getOne();
    const joined = found as (VoteSession & { entry?: RosterEntry; round?: VoteRound | null }) | null;
    if (joined?.entry) {
      const { entry, round, ...session } = joined;
      return { session: Object.assign(new VoteSession(), session), entry, round: round ?? null };
    }
  }
  const session = await findSession(ctx, sessionId);
  const entry = await rosterEntryOf(ctx, sessionId);
  return { session, entry, round: await currentRound(ctx.db.manager, session) };
}

/**
 * One secret ballot per delegate per round. In one transaction: the round's row lock, the
 * participation row (its primary key refuses a second ballot), the ballot row (a random receipt
 * code, no user) and the round's order-free digest. The audit records that the delegate voted,
 * never what or with which receipt.
 */
export async function castBallot(ctx: Context, sessionId: number, candidateIds: string[]): Promise<CastReceipt> {
  const { session, entry, round: current } = await ballotContext(ctx, sessionId);
  if (session.status !== SessionStatus.VOTING) throw new ConflictError('投票未开放 (the vote is not open)');
  if (votingTimeIsOver(session)) throw new ConflictError('投票时间已过 (voting time is over)');
  if (!entry.checkedInAt) throw new ForbiddenError('您尚未报到，报到后才能投票 (check in before voting)');
  const marks = candidateIds.map((id, i) => parseId(id, `candidateIds[${i}]`));
  const round = current;
  if (!round) throw new ConflictError('投票未开放 (the vote is not open)');
  const onBallot = roundCandidateIds(round);
  const check = validateBallot(marks.map(String), round.seats, onBallot.map(String));
  if (!check.valid) throw new UserInputError('candidateIds', `${check.reason} (${check.reasonCode})`);
  const position = new Map(onBallot.map((id, i) => [id, i]));
  marks.sort((a, b) => position.get(a)! - position.get(b)!);
  const receipt = await mutate(ctx, async (tx) => {
    try {
      await tx.em.insert(RoundParticipation, { roundId: round.id, userId: entry.userId, method: BallotSource.ELECTRONIC });
    } catch (e) {
      if (isDuplicateKey(e)) throw await alreadyTookPart(tx.em, round.id, entry.userId);
      throw e;
    }
    // The fingerprint is fixed when the round opens, so the ballot can be written before the lock.
    const { receiptCode, tracker } = await insertBallot(tx, round, marks, BallotSource.ELECTRONIC);
    await tx.audit({ action: 'livelihood.ballot.cast', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId, after: { round: round.number, voted: true } });
    // The round's row lock last, held only for the digest: ballots of a round queue on it for two
    // statements and the commit. A round closed meanwhile refuses the ballot, and its rows roll back
    // (the count, under the same lock, never saw them).
    const locked = await forUpdate(tx.em, tx.em.createQueryBuilder(VoteRound, 'r').where('r.id = :id', { id: round.id })).getOne();
    if (!locked || locked.status !== RoundStatus.OPEN) throw new ConflictError('本轮投票已结束 (this round is closed)');
    if (locked.countingFrom) throw new ConflictError(CASTING_ENDED);
    await tx.em.update(VoteRound, { id: locked.id }, { digest: addToDigest(locked.digest, tracker) });
    await sealWhenDue(tx.em, locked);
    return { receiptCode, tracker, round: locked.number, fingerprint: locked.fingerprint };
  });
  return receipt;
}

/** True once the session's planned closing time has passed: no ballot, no paper sheet after it. */
function votingTimeIsOver(session: VoteSession, now = clockNow().getTime()): boolean {
  return !!session.closesAt && now > session.closesAt.getTime();
}

/**
 * Why the delegate's own second ballot is refused: they voted in the app, or a paper sheet was issued
 * in their name (so a delegate who never received one knows to complain). Says nothing of others.
 */
async function alreadyTookPart(em: EntityManager, roundId: number, userId: number): Promise<ConflictError> {
  // Read in the cast's own transaction: it holds a pooled connection, and asking the pool for
  // another while hundreds of casts hold theirs would wait for ever.
  const mine = await em.getRepository(RoundParticipation).findOneBy({ roundId, userId });
  return mine?.method === BallotSource.PAPER
    ? new ConflictError('已为您发放纸质选票，请在纸质选票上投票；如未领到，请向监票人和大会秘书处反映 (a paper sheet was issued to you)')
    : new ConflictError('您已在本轮投票 (you have already voted in this round)');
}

/** Admins who run the session, or delegates named scrutineers on the roster. */
async function requireScrutineer(ctx: Context, session: VoteSession): Promise<void> {
  if (managesArea(ctx, session.areaId)) return;
  if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
  const entry = await ctx.db.getRepository(RosterEntry).findOneBy({ sessionId: session.id, userId: ctx.viewer.userId });
  if (!entry?.scrutineer || ctx.viewer.readOnly) throw new ForbiddenError('Only scrutineers and the admins running the session handle paper ballots');
}

/**
 * A scrutineer hands a checked-in delegate a paper sheet: the delegate then cannot also vote online.
 * The sheet joins the issuer's open batch, which counts as issued once a second person confirmed it.
 * The audit names no delegate (the participation row holds who took a sheet).
 */
export async function issuePaperBallot(ctx: Context, sessionId: number, userId: number): Promise<boolean> {
  const session = await findSession(ctx, sessionId);
  if (isSignedIn(ctx.viewer) && !ctx.viewer.scope.contains(session.areaId)) throw new NotFoundError('VoteSession', sessionId);
  await requireScrutineer(ctx, session);
  const entry = await ctx.db.getRepository(RosterEntry).findOneBy({ sessionId, userId });
  if (!entry) throw new UserInputError('userId', '不在本次会议代表名册中 (not on the roster)');
  if (!entry.checkedInAt) throw new UserInputError('userId', '该代表尚未报到，不能领取纸质选票 (the delegate has not checked in)');
  return mutate(ctx, async (tx) => {
    const { session: current, round } = await lockOpenRound(tx, sessionId, true);
    if (votingTimeIsOver(current)) throw new ConflictError('投票时间已过，不能再发放纸质选票 (voting time is over)');
    const issuer = isSignedIn(ctx.viewer) ? ctx.viewer.userId : 0;
    let batch = await tx.em.findOneBy(PaperBatch, { roundId: round.id, issuedBy: issuer, confirmedBy: IsNull() });
    if (!batch) batch = await tx.em.save(tx.em.create(PaperBatch, { roundId: round.id, issuedBy: issuer, confirmedBy: null, sheets: 0 }));
    try {
      await tx.em.insert(RoundParticipation, { roundId: round.id, userId, method: BallotSource.PAPER, paperBatch: batch.id });
    } catch (e) {
      if (isDuplicateKey(e)) throw new ConflictError('该代表本轮已投票或已领取纸质选票 (already voted or holds a paper sheet)');
      throw e;
    }
    await tx.em.update(PaperBatch, { id: batch.id }, { sheets: batch.sheets + 1 });
    await tx.audit({ action: 'livelihood.paper.issue', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId, after: { round: round.number, batch: batch.id } });
    return true;
  });
}

/**
 * A second person confirms a batch of paper sheets: another scrutineer, or an admin running the
 * session, never the one who handed them out. Only confirmed sheets count as issued.
 */
export async function confirmPaperBatch(ctx: Context, sessionId: number, batchId: number): Promise<boolean> {
  const session = await findSession(ctx, sessionId);
  if (isSignedIn(ctx.viewer) && !ctx.viewer.scope.contains(session.areaId)) throw new NotFoundError('VoteSession', sessionId);
  await requireScrutineer(ctx, session);
  return mutate(ctx, async (tx) => {
    const { round } = await lockOpenRound(tx, sessionId);
    const batch = await tx.em.findOneBy(PaperBatch, { id: batchId, roundId: round.id });
    if (!batch) throw new UserInputError('batchId', '本轮没有这一批纸质选票 (no such batch in the open round)');
    if (batch.confirmedBy !== null) throw new ConflictError('这一批纸质选票已经确认 (already confirmed)');
    if (isSignedIn(ctx.viewer) && batch.issuedBy === ctx.viewer.userId) {
      throw new ForbiddenError('须由另一名监票人或会议管理员确认，发放人不能确认自己发放的一批 (a second person confirms a batch, not its issuer)');
    }
    await tx.em.update(PaperBatch, { id: batch.id }, { confirmedBy: isSignedIn(ctx.viewer) ? ctx.viewer.userId : 0 });
    await tx.em.update(VoteRound, { id: round.id }, { paperIssued: round.paperIssued + batch.sheets });
    await tx.audit({ action: 'livelihood.paper.confirm', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId, after: { round: round.number, batch: batch.id, sheets: batch.sheets } });
    return true;
  });
}

/** The paper batches of a round, with who handed out, who confirmed and to whom (for scrutineers and admins). */
export async function paperBatchesOf(ctx: Context, round: VoteRound): Promise<{ batch: PaperBatch; delegates: number[] }[]> {
  const batches = await ctx.db.getRepository(PaperBatch).find({ where: { roundId: round.id }, order: { id: 'ASC' } });
  if (!batches.length) return [];
  const rows = await ctx.db.getRepository(RoundParticipation).find({ where: { roundId: round.id, paperBatch: In(batches.map((b) => b.id)) } });
  return batches.map((batch) => ({ batch, delegates: rows.filter((r) => r.paperBatch === batch.id).map((r) => r.userId) }));
}

/**
 * Prints receipt codes for paper sheets (its stub stays with the paper voter): returned once, stored
 * only as SHA-256(fingerprint|code). Printed in bulk, so nothing links a code to who draws its sheet.
 */
export async function printPaperSheets(ctx: Context, sessionId: number, count: number): Promise<string[]> {
  const session = await managedSession(ctx, sessionId);
  if (!Number.isInteger(count) || count < 1 || count > 500) throw new UserInputError('count', '一次印制 1–500 张 (1 to 500 sheets at a time)');
  return mutate(ctx, async (tx) => {
    const { round } = await lockOpenRound(tx, sessionId, true);
    const codes = Array.from({ length: count }, () => newReceiptCode());
    for (const part of chunkRows(codes, 100)) await tx.em.insert(PaperCode, part.map((code) => ({ roundId: round.id, codeHash: sha256(`${round.fingerprint}|${code}`), used: false })));
    await tx.audit({ action: 'livelihood.paper.print', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId, after: { round: round.number, printed: count } });
    return codes.sort();
  });
}

/**
 * Scrutineers enter returned paper sheets exactly as marked (a sheet marking too many is kept and
 * counted invalid), each with the receipt code pre-printed on it when the round's sheets were printed
 * with codes. More sheets back than were handed out in confirmed batches is refused.
 */
export async function enterPaperBallots(ctx: Context, sessionId: number, sheets: string[][], receiptCodes: string[] | null = null): Promise<string[]> {
  const session = await findSession(ctx, sessionId);
  if (isSignedIn(ctx.viewer) && !ctx.viewer.scope.contains(session.areaId)) throw new NotFoundError('VoteSession', sessionId);
  await requireScrutineer(ctx, session);
  if (sheets.length === 0 || sheets.length > 500) throw new UserInputError('sheets', '一次录入 1–500 张 (1 to 500 sheets at a time)');
  const parsed = sheets.map((marks, i) => marks.map((id, j) => parseId(id, `sheets[${i}][${j}]`)));
  const codes = receiptCodes?.map((c) => normaliseReceipt(c.trim())) ?? null;
  if (codes && codes.length !== sheets.length) throw new UserInputError('receiptCodes', `回执码 ${codes.length} 个，与选票 ${sheets.length} 张不符 (one code per sheet)`);
  codes?.forEach((c, i) => {
    if (!/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(c)) throw new UserInputError(`receiptCodes[${i}]`, '回执码格式不正确，应为 16 位字母数字 (not a receipt code)');
    if (codes.indexOf(c) !== i) throw new UserInputError(`receiptCodes[${i}]`, '同一回执码录入了两次 (the same code twice)');
  });
  return mutate(ctx, async (tx) => {
    const { round } = await lockOpenRound(tx, sessionId);
    const pending = await tx.em.countBy(PaperBatch, { roundId: round.id, confirmedBy: IsNull() });
    const returned = await tx.em.countBy(SealedBallot, { roundId: round.id, source: BallotSource.PAPER });
    const check = reconcilePaperBallots(round.paperIssued, returned + sheets.length);
    if (!check.valid) {
      throw new UserInputError('sheets', `${check.reason}${pending ? `（另有 ${pending} 批发放尚未经第二人确认）` : ''} (more sheets than were handed out in confirmed batches)`);
    }
    const printed = await tx.em.countBy(PaperCode, { roundId: round.id });
    if (printed && !codes) throw new UserInputError('receiptCodes', '本轮选票印有回执码，请逐张录入 (the sheets carry pre-printed receipt codes: enter each)');
    if (codes) {
      for (const [i, c] of codes.entries()) {
        const done = await tx.em.update(PaperCode, { roundId: round.id, codeHash: sha256(`${round.fingerprint}|${c}`), used: false }, { used: true });
        if (!done.affected) throw new UserInputError(`receiptCodes[${i}]`, `回执码 ${c} 不是本轮印制的选票或已录入过 (not a printed, unused code of this round)`);
      }
    }
    let digest = round.digest;
    const receipts: string[] = [];
    for (const [i, marks] of parsed.entries()) {
      const { receiptCode, tracker } = await insertBallot(tx, round, marks, BallotSource.PAPER, codes?.[i]);
      digest = addToDigest(digest, tracker);
      receipts.push(receiptCode);
    }
    await tx.em.update(VoteRound, { id: round.id }, { digest });
    await sealBoard(tx.em, { ...round, digest });
    await tx.audit({ action: 'livelihood.paper.enter', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId, after: { round: round.number, sheets: sheets.length } });
    return receipts.sort();
  });
}

/**
 * Closes the open round: checks the frozen fingerprint and every ballot's hash against the digest,
 * links the ballots into a chain in receipt-code order, counts them by the rule, marks what was
 * adopted. A tie at the last seat or unfilled seats leave the session waiting for a further round;
 * otherwise the adopted projects become delivery obligations.
 */
export async function closeVote(ctx: Context, sessionId: number, shares: readonly string[] | null): Promise<VoteSession> {
  const session = await managedSession(ctx, sessionId);
  const round = await currentRound(ctx.db.manager, session);
  if (session.status !== SessionStatus.VOTING || !round || round.status !== RoundStatus.OPEN) throw new ConflictError('投票未开放 (the vote is not open)');
  if (!round.publicKey) throw new ConflictError('本轮没有计票公钥 (the round has no counting key)');
  if (shares && shares.length) {
    // Shares the holders chose to hand over: the private key exists only here, for this count.
    const key = rebuildCountingKey(round.publicKey, shares);
    return mutate(ctx, (tx) => closeRoundIn(tx, sessionId, clockNow(), key));
  }
  // Without shares: ballots stop being taken and the count waits for the holders' shares.
  return mutate(ctx, async (tx) => {
    const { session: locked, round: open } = await lockOpenRound(tx, sessionId);
    if (open.countingFrom) return locked;
    const unconfirmed = await tx.em.countBy(PaperBatch, { roundId: open.id, confirmedBy: IsNull() });
    if (unconfirmed) throw new ConflictError(`有 ${unconfirmed} 批纸质选票尚未经第二人确认，不能截止投票 (paper batches await a second person's confirmation)`);
    await tx.em.update(VoteRound, { id: open.id }, { countingFrom: clockNow() });
    await tx.audit({ action: 'livelihood.vote.end', entityType: 'VoteSession', entityId: sessionId, areaId: locked.areaId, after: { round: open.number, awaitingShares: THRESHOLD } });
    return locked;
  });
}

/**
 * A key holder brings their share, opened in their own browser, once the casting has ended. It is
 * checked against the hash stored at the opening. Below the threshold it waits (one share alone
 * rebuilds nothing); the share that reaches it counts the round in the same transaction, and every
 * waiting share is wiped. Answers whether the round was counted.
 */
export async function submitCountingShare(ctx: Context, sessionId: number, share: string): Promise<{ counted: boolean; submitted: number; needed: number }> {
  const session = await findSession(ctx, sessionId);
  if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
  if (!ctx.viewer.scope.contains(session.areaId)) throw new NotFoundError('VoteSession', sessionId);
  const entry = await ctx.db.getRepository(RosterEntry).findOneBy({ sessionId, userId: ctx.viewer.userId });
  const cleaned = cleanShare(share);
  return mutate(ctx, async (tx) => {
    const { round } = await lockOpenRound(tx, sessionId);
    const mine = entry && !ctx.viewer.readOnly ? await tx.em.findOneBy(RoundShare, { roundId: round.id, rosterEntryId: entry.id }) : null;
    if (!mine) throw new ForbiddenError('您不是本轮计票密钥份额的保管人 (only the holders of this round’s key shares submit them)');
    if (!round.countingFrom) throw new ConflictError('投票尚未截止，截止后才能提交份额 (the casting has not ended yet)');
    if (shareNumber(round.publicKey!, cleaned) === null) throw new UserInputError('share', `不是本轮的密钥份额（本轮密钥标识 ${keyTag(round.publicKey!)}）(not a share of this round’s key)`);
    if (sha256(cleaned) !== mine.shareHash) throw new UserInputError('share', '这不是交由您保管的份额，或已被改动 (not the share sealed to you)');
    const others = (await tx.em.find(RoundShare, { where: { roundId: round.id } })).filter((s) => s.id !== mine.id && s.submitted);
    const now = clockNow();
    if (others.length + 1 < THRESHOLD) {
      await tx.em.update(RoundShare, { id: mine.id }, { submitted: cleaned, submittedAt: now });
      await tx.audit({ action: 'livelihood.vote.share', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId, after: { round: round.number, share: mine.number } });
      return { counted: false, submitted: others.length + 1, needed: THRESHOLD };
    }
    // The private key exists only here, rebuilt for this count, and is not kept; nor are the shares.
    const key = rebuildCountingKey(round.publicKey!, [...others.map((s) => s.submitted!), cleaned], 'share');
    await tx.em.update(RoundShare, { roundId: round.id }, { submitted: null });
    await tx.em.update(RoundShare, { id: mine.id }, { submittedAt: now });
    await tx.audit({ action: 'livelihood.vote.share', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId, after: { round: round.number, share: mine.number } });
    await closeRoundIn(tx, sessionId, now, key);
    return { counted: true, submitted: others.length + 1, needed: THRESHOLD };
  });
}

/** The shares of a round: number, holder and whether brought, for the admins and scrutineers; null for others. */
export async function roundSharesSeenBy(ctx: Context, round: VoteRound): Promise<{ number: number; holder: string; submitted: boolean; mine: boolean }[] | null> {
  const roster = await paperRosterSeenBy(ctx, round);
  if (!roster) return null;
  const shares = await ctx.db.getRepository(RoundShare).find({ where: { roundId: round.id }, order: { number: 'ASC' } });
  const viewer = isSignedIn(ctx.viewer) ? ctx.viewer.userId : null;
  return shares.map((s) => {
    const holder = roster.find((e) => e.id === s.rosterEntryId);
    return { number: s.number, holder: holder?.name ?? '', submitted: !!s.submittedAt, mine: !!holder && holder.userId === viewer };
  });
}

/** The viewer's own sealed share of a round, for their browser to open with their key file; null unless they hold one. */
export async function myShareOf(ctx: Context, round: VoteRound): Promise<{ number: number; sealed: string; keyTag: string; submitted: boolean } | null> {
  if (!isSignedIn(ctx.viewer)) return null;
  const entry = await ctx.db.getRepository(RosterEntry).findOneBy({ sessionId: round.sessionId, userId: ctx.viewer.userId });
  if (!entry) return null;
  const mine = await ctx.db.getRepository(RoundShare).findOneBy({ roundId: round.id, rosterEntryId: entry.id });
  return mine && round.publicKey ? { number: mine.number, sealed: mine.sealed, keyTag: keyTag(round.publicKey), submitted: !!mine.submittedAt } : null;
}

/**
 * Opens the sealed ballots with the rebuilt key and writes them as opened ballots, in receipt-code
 * order (a shuffle of the cast order), chained on from the board's last checkpoint. Refuses a round
 * whose sealed ballots do not open, or belong to another round.
 */
async function openSealedBallots(tx: Tx, round: VoteRound, key: KeyObject, head: string): Promise<{ ballots: Ballot[]; head: string }> {
  const sealed = await tx.em.find(SealedBallot, { where: { roundId: round.id } });
  const ballots: Ballot[] = sealed.map((b) => {
    let content: BallotContent;
    try {
      content = JSON.parse(openBallot(key, round.publicKey!, b.sealed));
    } catch {
      throw new ConflictError('有选票无法用计票密钥打开（已被改动），拒绝计票 (a sealed ballot does not open: it was altered)');
    }
    if (content.f !== round.fingerprint || content.src !== b.source) throw new ConflictError('有选票不属于本轮，拒绝计票 (a sealed ballot belongs to another round)');
    return tx.em.create(Ballot, { receiptCode: content.r, roundId: round.id, choices: content.c, source: content.src, salt: content.s, ballotHash: commitmentOf(round.fingerprint, content.r, content.c, content.src, content.s), batch: null, prevHash: null, chainHash: null });
  });
  const byHash = new Map(ballots.map((b) => [b.ballotHash, b]));
  const chained = sealBatch(head, ballots.map((b) => b.ballotHash));
  for (const e of chained.entries) Object.assign(byHash.get(e.hash)!, { prevHash: e.prev, chainHash: e.link });
  ballots.sort((a, b) => (a.receiptCode < b.receiptCode ? -1 : 1));
  for (const part of chunkRows(ballots, 100)) await tx.em.insert(Ballot, part);
  return { ballots, head: chained.head };
}

function chunkRows<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function closeRoundIn(tx: Tx, sessionId: number, now: Date, key: KeyObject): Promise<VoteSession> {
  const { session, round } = await lockOpenRound(tx, sessionId);
  const unconfirmed = await tx.em.find(PaperBatch, { where: { roundId: round.id, confirmedBy: IsNull() } });
  if (unconfirmed.length) {
    const sheets = unconfirmed.reduce((n, b) => n + b.sheets, 0);
    throw new ConflictError(`有 ${unconfirmed.length} 批纸质选票（${sheets} 张）尚未经第二人确认，不能计票 (paper batches await a second person's confirmation)`);
  }
  const all = await sessionCandidates(tx.em, sessionId);
  const ids = roundCandidateIds(round);
  const onBallot = ids.map((id) => all.find((c) => c.id === id)).filter((c): c is VoteCandidateEntity => !!c);
  const rosterSize = await tx.em.countBy(RosterEntry, { sessionId });
  if (onBallot.length !== ids.length || sha256(canonicalRules(rosterSize, round.seats, onBallot)) !== round.fingerprint) {
    throw new ConflictError('规则或候选项目与冻结指纹不符，拒绝计票 (rules or candidates differ from the frozen fingerprint)', { fingerprint: round.fingerprint });
  }
  const sealed = await tx.em.find(SealedBallot, { where: { roundId: round.id }, select: { id: true, sealed: true, tracker: true } });
  for (const b of sealed) {
    if (sha256(b.sealed) !== b.tracker) throw new ConflictError('密封选票与其追踪码不符，拒绝计票 (a sealed ballot does not match its tracker)');
  }
  await requireBoardIntact(tx.em, round);
  if (digestOf(sealed.map((b) => b.tracker)) !== round.digest) {
    throw new ConflictError('选票集合与投票时的摘要不符，拒绝计票 (the ballots differ from those cast)');
  }
  // The ballots still waiting are sealed as the last batch; the opened ballots chain on from its head.
  await sealBoard(tx.em, round);
  const checkpoints = await checkpointsOf(tx.em, round.id);
  const { ballots, head } = await openSealedBallots(tx, round, key, checkpoints.length ? checkpoints[checkpoints.length - 1].head : round.fingerprint);
  const paperReturned = ballots.filter((b) => b.source === BallotSource.PAPER).length;
  const onBallotIds = ids.map(String);
  const attendance: Attendance = {
    rosterSize,
    checkedIn: await tx.em.createQueryBuilder(RosterEntry, 'r').where('r.session_id = :sessionId AND r.checked_in_at IS NOT NULL', { sessionId }).getCount(),
    votedElectronically: await tx.em.countBy(RoundParticipation, { roundId: round.id, method: BallotSource.ELECTRONIC }),
    votedOnPaper: await tx.em.countBy(RoundParticipation, { roundId: round.id, method: BallotSource.PAPER }),
    sheetsIssued: round.paperIssued,
    sheetsReturned: paperReturned,
    spoiled: ballots.filter((b) => b.source === BallotSource.PAPER && !validateBallot(b.choices ? b.choices.split(',') : [], round.seats, onBallotIds).valid).length,
  };
  const problems = attendanceProblems(attendance, { electronic: ballots.length - paperReturned, paper: paperReturned });
  if (problems.length) {
    throw new ConflictError(`出席与选票核对不符，拒绝计票：${problems.map((p) => p.reason).join('；')} (attendance and ballots do not add up)`, { problems });
  }
  const result = tally({
    rosterSize,
    seats: round.seats,
    candidates: onBallot.map((c) => ({ id: String(c.id), name: c.name })),
    ballots: ballots.map((b) => (b.choices ? b.choices.split(',') : [])),
  });
  const stored: StoredRoundResult = { ...result, paperIssued: round.paperIssued, paperReturned, electronic: ballots.length - paperReturned, attendance };
  await tx.em.update(VoteRound, { id: round.id }, { status: RoundStatus.CLOSED, closedAt: now, chainHead: head, result: JSON.stringify(stored) });
  if (result.adopted.length) {
    await tx.em.update(VoteCandidateEntity, { id: In(result.adopted.map(Number)) }, { adopted: true, adoptedInRound: round.number });
  }
  const before = { ...session };
  session.status = result.runoff ? SessionStatus.COUNTED : SessionStatus.DECIDED;
  session.version += 1;
  await tx.em.save(session);
  if (session.status === SessionStatus.DECIDED) {
    await createObligations(tx, session);
    await reserveAfterDecision(tx, session);
  }
  await tx.audit({
    action: 'livelihood.vote.close',
    entityType: 'VoteSession',
    entityId: sessionId,
    areaId: session.areaId,
    before,
    after: { status: session.status, round: round.number, chainHead: head, adopted: result.adopted, runoff: result.runoff },
  });
  return session;
}

/** Ends a vote that still has unfilled seats without a further round. */
export async function concludeVote(ctx: Context, sessionId: number): Promise<VoteSession> {
  await managedSession(ctx, sessionId);
  return mutate(ctx, async (tx) => {
    const session = await lockSession(tx, sessionId);
    if (session.status !== SessionStatus.COUNTED) throw new ConflictError('只有等待再次投票的会议可以结束 (only a session waiting for a further round can be concluded)');
    const before = { ...session };
    session.status = SessionStatus.DECIDED;
    session.version += 1;
    await tx.em.save(session);
    await createObligations(tx, session);
    await reserveAfterDecision(tx, session);
    await tx.audit({ action: 'livelihood.vote.conclude', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId, before, after: session });
    return session;
  });
}

/** Every adopted candidate becomes a delivery obligation (政府办) for the session's year. */
async function createObligations(tx: Tx, session: VoteSession): Promise<void> {
  const adopted = await tx.em.find(VoteCandidateEntity, { where: { sessionId: session.id, adopted: true }, order: { position: 'ASC' } });
  const year = Number(session.meetingDate.slice(0, 4));
  for (const c of adopted) {
    await tx.em.insert(LivelihoodProject, {
      sessionId: session.id,
      candidateId: c.id,
      areaId: session.areaId,
      year,
      name: c.name,
      leadDepartment: c.leadDepartment ?? '待明确',
      targetQuantity: c.targetQuantity ?? 0n,
      unit: c.unit ?? '项',
      status: ObligationStatus.IN_PROGRESS,
      completedOn: null,
    });
  }
}

// ------------------------------------------------------------------ verification

export interface ReceiptCheckResult {
  found: boolean;
  round: VoteRound | null;
  ballot: Ballot | null;
  /** Found by its tracker: the sealed ballot on the board. */
  sealed: SealedBallot | null;
}

/**
 * Finds a ballot within a session, telling nothing about who cast it: by its receipt code among the
 * ballots opened at a count, or by its tracker (64 hex digits) among the sealed ballots on the board.
 */
export async function findReceipt(ctx: Context, sessionId: number, code: string): Promise<ReceiptCheckResult> {
  await findSession(ctx, sessionId);
  const none = { found: false, round: null, ballot: null, sealed: null };
  const tracker = code.trim().toLowerCase();
  if (/^[0-9a-f]{64}$/.test(tracker)) {
    const sealed = await ctx.db.getRepository(SealedBallot).findOneBy({ tracker });
    const round = sealed && (await ctx.db.getRepository(VoteRound).findOneBy({ id: sealed.roundId }));
    return sealed && round && round.sessionId === sessionId ? { found: true, round, ballot: null, sealed } : none;
  }
  const ballot = await ctx.db.getRepository(Ballot).findOneBy({ receiptCode: code });
  if (!ballot) return none;
  const round = await ctx.db.getRepository(VoteRound).findOneBy({ id: ballot.roundId });
  if (!round || round.sessionId !== sessionId) return none;
  return { found: true, round, ballot, sealed: null };
}

/** True while the session has a round open (receipt codes are sealed until its count). */
export async function hasOpenRound(ctx: Context, sessionId: number): Promise<boolean> {
  return (await ctx.db.getRepository(VoteRound).countBy({ sessionId, status: RoundStatus.OPEN })) > 0;
}

export async function roundsOf(ctx: Context, sessionId: number): Promise<VoteRound[]> {
  return ctx.db.getRepository(VoteRound).find({ where: { sessionId }, order: { number: 'ASC' } });
}

export async function checkpointOf(ctx: Context, roundId: number, number: number): Promise<BoardCheckpoint | null> {
  return ctx.db.getRepository(BoardCheckpoint).findOneBy({ roundId, number });
}

export interface BulletinBoard {
  round: number;
  canonical: string;
  fingerprint: string;
  counted: boolean;
  pending: number;
  checkpoints: { number: number; count: number; head: string }[];
  entries: BoardRow[];
  opened: BoardRow[];
  chainHead: string | null;
}

type BoardRow = { batch: number; ballotHash: string; prevHash: string; chainHash: string; receiptCode: string | null; marks: string[] | null; source: BallotSource | null; salt: string | null };

/**
 * A round's bulletin board, public: while the round is open only the sealed commitments (by batch,
 * then by commitment) and the checkpoints; after the count every ballot opened.
 */
export async function bulletinBoard(ctx: Context, sessionId: number, number: number | null): Promise<BulletinBoard> {
  const session = await findSession(ctx, sessionId);
  const n = number ?? session.currentRound;
  const round = await ctx.db.getRepository(VoteRound).findOneBy({ sessionId, number: n });
  if (!round) throw new NotFoundError('VoteRound', n);
  const counted = round.status === RoundStatus.CLOSED;
  const ballots = await ctx.db.getRepository(SealedBallot).find({ where: { roundId: round.id }, order: { batch: 'ASC', tracker: 'ASC' }, select: { batch: true, tracker: true, prevHash: true, chainHash: true } });
  const sealed = ballots.filter((b) => b.batch !== null);
  const opened = counted ? await ctx.db.getRepository(Ballot).find({ where: { roundId: round.id }, order: { ballotHash: 'ASC' } }) : [];
  return {
    round: round.number,
    canonical: round.canonical,
    fingerprint: round.fingerprint,
    counted,
    pending: ballots.length - sealed.length,
    checkpoints: await checkpointsOf(ctx.db.manager, round.id),
    entries: sealed.map((b) => ({ batch: b.batch!, ballotHash: b.tracker, prevHash: b.prevHash ?? '', chainHash: b.chainHash ?? '', receiptCode: null, marks: null, source: null, salt: null })),
    opened: opened.map((b) => ({
      batch: 0,
      ballotHash: b.ballotHash,
      prevHash: b.prevHash ?? '',
      chainHash: b.chainHash ?? '',
      receiptCode: b.receiptCode,
      marks: b.choices ? b.choices.split(',') : [],
      source: b.source,
      salt: b.salt,
    })),
    chainHead: counted ? round.chainHead : null,
  };
}

export interface SessionFilter {
  cityId: number | null;
  areaId: number | null;
  level: AreaLevel | null;
}

/**
 * Sessions, newest first (at most 100): by cityId exactly that area's congress; by areaId it and
 * every congress below; signed in without either, the viewer's city's and those in scope; narrowed
 * to one level.
 */
export async function listSessions(ctx: Context, f: SessionFilter): Promise<VoteSession[]> {
  const qb = ctx.db.getRepository(VoteSession).createQueryBuilder('s').orderBy('s.meeting_date', 'DESC').addOrderBy('s.id', 'DESC').take(100);
  let ids: number[] | null = null;
  if (f.cityId !== null) ids = [f.cityId];
  else if (f.areaId !== null) {
    if (!ctx.areas.get(f.areaId)) throw new NotFoundError('Area', f.areaId);
    ids = ctx.areas.subtree(f.areaId).map((a) => a.id);
  } else if (isSignedIn(ctx.viewer) && !ctx.viewer.scope.isEverything) {
    const city = ctx.areas.cityOf(ctx.viewer.scope.root.id);
    ids = [...new Set([...(city ? [city.id] : []), ...(ctx.viewer.scope.areaIds() ?? [])])];
  }
  if (f.level) {
    const ofLevel = new Set(ctx.areas.ofLevel(f.level).map((a) => a.id));
    ids = (ids ?? [...ofLevel]).filter((x) => ofLevel.has(x));
  }
  if (ids !== null) {
    if (ids.length === 0) return [];
    qb.where('s.area_id IN (:...ids)', { ids });
  }
  return qb.getMany();
}

/** The round open or last held, read outside a transaction. */
export function currentRoundOf(ctx: Context, s: VoteSession): Promise<VoteRound | null> {
  return currentRound(ctx.db.manager, s);
}

/** Whether the signed-in viewer is a scrutineer on the session's roster. */
async function isScrutineerOf(ctx: Context, sessionId: number): Promise<boolean> {
  if (!isSignedIn(ctx.viewer)) return false;
  const mine = await ctx.db.getRepository(RosterEntry).findOneBy({ sessionId, userId: ctx.viewer.userId });
  return !!mine?.scrutineer;
}

/** The roster, for admins whose scope covers the session's area and the session's scrutineers; null for others. */
export async function rosterSeenBy(ctx: Context, s: VoteSession): Promise<RosterEntry[] | null> {
  if (!canAdminister(ctx.viewer, s.areaId) && !(await isScrutineerOf(ctx, s.id))) return null;
  return ctx.db.getRepository(RosterEntry).find({ where: { sessionId: s.id }, order: { delegation: 'ASC', id: 'ASC' } });
}

/** The signed-in delegate's standing in a session (null when not signed in). */
export async function delegateStatus(ctx: Context, s: VoteSession): Promise<{ onRoster: boolean; checkedInAt: Date | null; scrutineer: boolean; votedInCurrentRound: boolean; shareKey?: string | null } | null> {
  if (!isSignedIn(ctx.viewer)) return null;
  const entry = await ctx.db.getRepository(RosterEntry).findOneBy({ sessionId: s.id, userId: ctx.viewer.userId });
  if (!entry) return { onRoster: false, checkedInAt: null, scrutineer: false, votedInCurrentRound: false };
  const round = await currentRound(ctx.db.manager, s);
  const voted = round ? await ctx.db.getRepository(RoundParticipation).existsBy({ roundId: round.id, userId: ctx.viewer.userId }) : false;
  return { onRoster: true, checkedInAt: entry.checkedInAt, scrutineer: entry.scrutineer, votedInCurrentRound: voted, shareKey: entry.shareKey };
}

/** A session's round by its number, or null. */
export function roundByNumber(ctx: Context, sessionId: number, number: number): Promise<VoteRound | null> {
  return ctx.db.getRepository(VoteRound).findOneBy({ sessionId, number });
}

/** A page of a counted round's opened ballots by receipt code. */
export function publishedBallotPage(ctx: Context, round: VoteRound, page: PageArgs) {
  const qb = ctx.db.getRepository(Ballot).createQueryBuilder('b').where('b.round_id = :id', { id: round.id });
  return paginate(qb, [{ expression: 'b.receipt_code', property: 'receiptCode', direction: 'ASC' }], page);
}

/**
 * The roster of a round's session, for naming who handed out and received paper sheets: for admins
 * whose scope covers the session's area and the session's scrutineers; null for others (and for a
 * round without its session).
 */
export async function paperRosterSeenBy(ctx: Context, r: VoteRound): Promise<RosterEntry[] | null> {
  const session = await ctx.db.getRepository(VoteSession).findOneBy({ id: r.sessionId });
  if (!session) return null;
  const roster = await ctx.db.getRepository(RosterEntry).find({ where: { sessionId: r.sessionId } });
  if (!canAdminister(ctx.viewer, session.areaId)) {
    if (!isSignedIn(ctx.viewer)) return null;
    if (!roster.find((e) => e.userId === ctx.viewer.userId)?.scrutineer) return null;
  }
  return roster;
}
