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
import { AreaLevel } from '../../core/areas/area.entity';
import { findSession, managedSession, managesArea, requireNotFrozen, rosterEntryOf } from './access';
import { Ballot, BallotSource, BoardCheckpoint, RoundParticipation } from './ballot.entity';
import { ObligationStatus, LivelihoodProject } from './project.entity';
import { LivelihoodProposal, ProposalStatus } from './proposal.entity';
import { parseQuantity, type Milli } from './quantity';
import { addToDigest, digestOf, forUpdate, isDuplicateKey, newReceiptCode, sha256, ZERO_DIGEST } from './secrecy';
import { checkpointsOf, commitmentOf, newSalt, requireBoardIntact, sealBoard, sealWhenDue } from './board.service';
import { RosterEntry, RoundStatus, SessionStatus, VoteCandidateEntity, VoteRound, VoteSession } from './session.entity';
import { now as clockNow } from '../../core/clock';

// ------------------------------------------------------------------ session set-up (before the vote)

export interface SessionFields {
  name?: string | null;
  meetingDate?: string | null;
  seats?: number | null;
  opensAt?: Date | null;
  closesAt?: Date | null;
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
  return problems;
}

export async function createSession(ctx: Context, cityId: number, f: SessionFields): Promise<VoteSession> {
  if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
  const city = ctx.areas.get(cityId);
  if (!city || !ctx.viewer.scope.contains(cityId)) throw new NotFoundError('City', cityId);
  if (city.level !== AreaLevel.CITY) throw new UserInputError('cityId', '票决会议属于市级人大 (must be a city)');
  if (!managesArea(ctx, cityId)) throw new ForbiddenError('Only admins of the city create its congress sessions');
  const problems = sessionProblems(f, true);
  if (problems.length) throw UserInputError.of(problems);
  return mutate(ctx, async (tx) => {
    const session = await tx.em.save(
      tx.em.create(VoteSession, {
        areaId: cityId,
        name: f.name!.trim(),
        meetingDate: f.meetingDate!,
        seats: f.seats!,
        opensAt: f.opensAt ?? null,
        closesAt: f.closesAt ?? null,
        status: SessionStatus.DRAFT,
        currentRound: 0,
        fingerprint: null,
        version: 1,
      }),
    );
    await tx.audit({ action: 'livelihood.session.create', entityType: 'VoteSession', entityId: session.id, areaId: cityId, after: session });
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
}

/** Replaces the candidate list (ballot order = list order). Refused once the vote opened. */
export async function setCandidates(ctx: Context, sessionId: number, list: CandidateFields[], version: number | null): Promise<VoteCandidateEntity[]> {
  const s = await managedSession(ctx, sessionId);
  const problems: FieldProblem[] = [];
  const names = new Map<string, number>();
  const targets: (Milli | null)[] = [];
  const proposalIds: number[][] = [];
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
  });
  const allProposalIds = [...new Set(proposalIds.flat())];
  if (allProposalIds.length) {
    const found = await ctx.db.getRepository(LivelihoodProposal).findBy({ id: In(allProposalIds) });
    const ok = new Set(found.filter((p) => p.areaId === s.areaId && p.status === ProposalStatus.ACCEPTED).map((p) => p.id));
    proposalIds.forEach((ids, i) =>
      ids.forEach((id, j) => {
        if (!ok.has(id)) problems.push({ field: `candidates[${i}].proposalIds[${j}]`, reason: '不是本市已采纳的建议 (not an accepted proposal of this city)' });
      }),
    );
  }
  if (problems.length) throw UserInputError.of(problems);
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
        adopted: false,
        adoptedInRound: null,
      }),
    );
    const saved = rows.length ? await tx.em.save(rows) : [];
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
              ? '不是本市代表 (not a delegate of this city)'
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
  return mutate(ctx, async (tx) => {
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
    await tx.em.insert(VoteRound, {
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
    });
    const before = { ...session };
    if (session.fingerprint === null) session.fingerprint = fingerprint;
    session.status = SessionStatus.VOTING;
    session.currentRound = number;
    session.version += 1;
    await tx.em.save(session);
    await tx.audit({ action: 'livelihood.vote.open', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId, before, after: { ...session, round: number, seats, fingerprint } });
    return session;
  });
}

/** The open round under its row lock (the serialisation point of casting). */
async function lockOpenRound(tx: Tx, sessionId: number): Promise<{ session: VoteSession; round: VoteRound }> {
  const session = await tx.em.findOneBy(VoteSession, { id: sessionId });
  if (!session) throw new NotFoundError('VoteSession', sessionId);
  if (session.status !== SessionStatus.VOTING) throw new ConflictError('投票未开放 (the vote is not open)');
  const round = await forUpdate(
    tx.em,
    tx.em.createQueryBuilder(VoteRound, 'r').where('r.session_id = :sessionId AND r.number = :number', { sessionId, number: session.currentRound }),
  ).getOne();
  if (!round || round.status !== RoundStatus.OPEN) throw new ConflictError('本轮投票已结束 (this round is closed)');
  return { session, round };
}

async function insertBallot(tx: Tx, round: VoteRound, marks: number[], source: BallotSource): Promise<{ receiptCode: string; hash: string }> {
  const choices = marks.join(',');
  const receiptCode = newReceiptCode();
  const salt = newSalt();
  const hash = commitmentOf(round.fingerprint, receiptCode, choices, source, salt);
  await tx.em.insert(Ballot, { receiptCode, roundId: round.id, choices, source, salt, ballotHash: hash, batch: null, prevHash: null, chainHash: null });
  return { receiptCode, hash };
}

export interface CastReceipt {
  receiptCode: string;
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
    const { receiptCode, hash } = await insertBallot(tx, round, marks, BallotSource.ELECTRONIC);
    await tx.audit({ action: 'livelihood.ballot.cast', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId, after: { round: round.number, voted: true } });
    // The round's row lock last, held only for the digest: ballots of a round queue on it for two
    // statements and the commit. A round closed meanwhile refuses the ballot, and its rows roll back
    // (the count, under the same lock, never saw them).
    const locked = await forUpdate(tx.em, tx.em.createQueryBuilder(VoteRound, 'r').where('r.id = :id', { id: round.id })).getOne();
    if (!locked || locked.status !== RoundStatus.OPEN) throw new ConflictError('本轮投票已结束 (this round is closed)');
    await tx.em.update(VoteRound, { id: locked.id }, { digest: addToDigest(locked.digest, hash) });
    await sealWhenDue(tx.em, locked);
    return { receiptCode, round: locked.number, fingerprint: locked.fingerprint };
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

/** Admins of the city, or delegates named scrutineers on the roster. */
async function requireScrutineer(ctx: Context, session: VoteSession): Promise<void> {
  if (managesArea(ctx, session.areaId)) return;
  if (!isSignedIn(ctx.viewer)) throw new UnauthenticatedError();
  const entry = await ctx.db.getRepository(RosterEntry).findOneBy({ sessionId: session.id, userId: ctx.viewer.userId });
  if (!entry?.scrutineer || ctx.viewer.readOnly) throw new ForbiddenError('Only scrutineers and admins of the city handle paper ballots');
}

/** A scrutineer hands a delegate a paper sheet: the delegate then cannot also vote online. */
export async function issuePaperBallot(ctx: Context, sessionId: number, userId: number): Promise<boolean> {
  const session = await findSession(ctx, sessionId);
  if (isSignedIn(ctx.viewer) && !ctx.viewer.scope.contains(session.areaId)) throw new NotFoundError('VoteSession', sessionId);
  await requireScrutineer(ctx, session);
  const entry = await ctx.db.getRepository(RosterEntry).findOneBy({ sessionId, userId });
  if (!entry) throw new UserInputError('userId', '不在本次会议代表名册中 (not on the roster)');
  if (!entry.checkedInAt) throw new UserInputError('userId', '该代表尚未报到，不能领取纸质选票 (the delegate has not checked in)');
  return mutate(ctx, async (tx) => {
    const { session: current, round } = await lockOpenRound(tx, sessionId);
    if (votingTimeIsOver(current)) throw new ConflictError('投票时间已过，不能再发放纸质选票 (voting time is over)');
    try {
      await tx.em.insert(RoundParticipation, { roundId: round.id, userId, method: BallotSource.PAPER });
    } catch (e) {
      if (isDuplicateKey(e)) throw new ConflictError('该代表本轮已投票或已领取纸质选票 (already voted or holds a paper sheet)');
      throw e;
    }
    await tx.em.update(VoteRound, { id: round.id }, { paperIssued: round.paperIssued + 1 });
    await tx.audit({ action: 'livelihood.paper.issue', entityType: 'VoteSession', entityId: sessionId, areaId: session.areaId, after: { round: round.number, userId } });
    return true;
  });
}

/**
 * Scrutineers enter returned paper sheets exactly as marked (a sheet marking too many is kept and
 * counted invalid). More sheets back than were handed out is refused.
 */
export async function enterPaperBallots(ctx: Context, sessionId: number, sheets: string[][]): Promise<string[]> {
  const session = await findSession(ctx, sessionId);
  if (isSignedIn(ctx.viewer) && !ctx.viewer.scope.contains(session.areaId)) throw new NotFoundError('VoteSession', sessionId);
  await requireScrutineer(ctx, session);
  if (sheets.length === 0 || sheets.length > 500) throw new UserInputError('sheets', '一次录入 1–500 张 (1 to 500 sheets at a time)');
  const parsed = sheets.map((marks, i) => marks.map((id, j) => parseId(id, `sheets[${i}][${j}]`)));
  return mutate(ctx, async (tx) => {
    const { round } = await lockOpenRound(tx, sessionId);
    const returned = await tx.em.countBy(Ballot, { roundId: round.id, source: BallotSource.PAPER });
    const check = reconcilePaperBallots(round.paperIssued, returned + sheets.length);
    if (!check.valid) throw new UserInputError('sheets', `${check.reason} (more sheets than were handed out)`);
    let digest = round.digest;
    const receipts: string[] = [];
    for (const marks of parsed) {
      const { receiptCode, hash } = await insertBallot(tx, round, marks, BallotSource.PAPER);
      digest = addToDigest(digest, hash);
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
export async function closeVote(ctx: Context, sessionId: number): Promise<VoteSession> {
  await managedSession(ctx, sessionId);
  return mutate(ctx, (tx) => closeRoundIn(tx, sessionId, clockNow()));
}

export async function closeRoundIn(tx: Tx, sessionId: number, now: Date): Promise<VoteSession> {
  const { session, round } = await lockOpenRound(tx, sessionId);
  const all = await sessionCandidates(tx.em, sessionId);
  const ids = roundCandidateIds(round);
  const onBallot = ids.map((id) => all.find((c) => c.id === id)).filter((c): c is VoteCandidateEntity => !!c);
  const rosterSize = await tx.em.countBy(RosterEntry, { sessionId });
  if (onBallot.length !== ids.length || sha256(canonicalRules(rosterSize, round.seats, onBallot)) !== round.fingerprint) {
    throw new ConflictError('规则或候选项目与冻结指纹不符，拒绝计票 (rules or candidates differ from the frozen fingerprint)', { fingerprint: round.fingerprint });
  }
  const ballots = await tx.em.find(Ballot, { where: { roundId: round.id }, order: { receiptCode: 'ASC' } });
  for (const b of ballots) {
    if (commitmentOf(round.fingerprint, b.receiptCode, b.choices, b.source, b.salt) !== b.ballotHash) {
      throw new ConflictError('选票内容与其哈希不符，拒绝计票 (a ballot does not match its hash)');
    }
  }
  await requireBoardIntact(tx.em, round);
  if (digestOf(ballots.map((b) => b.ballotHash)) !== round.digest) {
    throw new ConflictError('选票集合与投票时的摘要不符，拒绝计票 (the ballots differ from those cast)');
  }
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
  // The ballots still waiting are sealed as the last batch; its head is the round's chain head.
  await sealBoard(tx.em, round);
  const checkpoints = await checkpointsOf(tx.em, round.id);
  const head = checkpoints.length ? checkpoints[checkpoints.length - 1].head : round.fingerprint;
  const stored: StoredRoundResult = { ...result, paperIssued: round.paperIssued, paperReturned, electronic: ballots.length - paperReturned, attendance };
  await tx.em.update(VoteRound, { id: round.id }, { status: RoundStatus.CLOSED, closedAt: now, chainHead: head, result: JSON.stringify(stored) });
  if (result.adopted.length) {
    await tx.em.update(VoteCandidateEntity, { id: In(result.adopted.map(Number)) }, { adopted: true, adoptedInRound: round.number });
  }
  const before = { ...session };
  session.status = result.runoff ? SessionStatus.COUNTED : SessionStatus.DECIDED;
  session.version += 1;
  await tx.em.save(session);
  if (session.status === SessionStatus.DECIDED) await createObligations(tx, session);
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
}

/** Finds a ballot by its receipt code within a session, telling nothing about who cast it. */
export async function findReceipt(ctx: Context, sessionId: number, receiptCode: string): Promise<ReceiptCheckResult> {
  await findSession(ctx, sessionId);
  const ballot = await ctx.db.getRepository(Ballot).findOneBy({ receiptCode });
  if (!ballot) return { found: false, round: null, ballot: null };
  const round = await ctx.db.getRepository(VoteRound).findOneBy({ id: ballot.roundId });
  if (!round || round.sessionId !== sessionId) return { found: false, round: null, ballot: null };
  return { found: true, round, ballot };
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
  entries: { batch: number; ballotHash: string; prevHash: string; chainHash: string; receiptCode: string | null; marks: string[] | null; source: BallotSource | null; salt: string | null }[];
  chainHead: string | null;
}

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
  const ballots = await ctx.db.getRepository(Ballot).find({ where: { roundId: round.id }, order: { batch: 'ASC', ballotHash: 'ASC' } });
  const sealed = ballots.filter((b) => b.batch !== null);
  return {
    round: round.number,
    canonical: round.canonical,
    fingerprint: round.fingerprint,
    counted,
    pending: ballots.length - sealed.length,
    checkpoints: await checkpointsOf(ctx.db.manager, round.id),
    entries: sealed.map((b) => ({
      batch: b.batch!,
      ballotHash: b.ballotHash,
      prevHash: b.prevHash ?? '',
      chainHash: b.chainHash ?? '',
      receiptCode: counted ? b.receiptCode : null,
      marks: counted ? (b.choices ? b.choices.split(',') : []) : null,
      source: counted ? b.source : null,
      salt: counted ? b.salt : null,
    })),
    chainHead: counted ? round.chainHead : null,
  };
}
