import crypto from 'node:crypto';
import { BOARD_BATCH, ballotCommitment, sealBatch, verifyRound, type BoardEntry } from '@kpd/domain';
import { IsNull } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { ConflictError } from '../../core/errors';
import { forUpdate } from './secrecy';
import { BoardCheckpoint, SealedBallot } from './ballot.entity';
import type { VoteRound } from './session.entity';

/*
 * The round's bulletin board (公告板): the sealed ballots' trackers in batches, sorted by tracker
 * and chained, each batch's head a published checkpoint. The rule lives in packages/domain
 * (bulletin.ts); this file stores it.
 */

/** 128 random bits for a ballot's commitment. */
export function newSalt(): string {
  return crypto.randomBytes(16).toString('hex');
}

/** A ballot's commitment (its hash on the board). */
export function commitmentOf(fingerprint: string, receiptCode: string, choices: string, source: string, salt: string): string {
  return ballotCommitment(fingerprint, receiptCode, choices, source, salt);
}

export async function checkpointsOf(em: EntityManager, roundId: number): Promise<BoardCheckpoint[]> {
  return em.find(BoardCheckpoint, { where: { roundId }, order: { number: 'ASC' } });
}

/**
 * Seals the round's unsealed ballots as the next batch: sorted by commitment, chained from the last
 * checkpoint (or the fingerprint), a new checkpoint. Runs under the round's row lock.
 */
export async function sealBoard(em: EntityManager, round: VoteRound): Promise<BoardCheckpoint | null> {
  // The last checkpoint by a locking read (the latest committed, whatever this transaction's
  // snapshot); what the snapshot sees as sealed must agree with it, or another seal came between.
  const last = await forUpdate(em, em.createQueryBuilder(BoardCheckpoint, 'c').where('c.round_id = :id', { id: round.id }).orderBy('c.number', 'DESC').limit(1)).getOne();
  const sealedSeen = await em.createQueryBuilder(SealedBallot, 'b').where('b.round_id = :id AND b.batch IS NOT NULL', { id: round.id }).getCount();
  if (sealedSeen !== (last?.count ?? 0)) throw new ConflictError('公告板正在更新，请重试 (the bulletin board changed meanwhile; try again)', { retry: true });
  const unsealed = await em.find(SealedBallot, { where: { roundId: round.id, batch: IsNull() }, select: { id: true, tracker: true } });
  if (!unsealed.length) return null;
  const number = (last?.number ?? 0) + 1;
  const idOf = new Map(unsealed.map((b) => [b.tracker, b.id]));
  const { entries, head } = sealBatch(last?.head ?? round.fingerprint, unsealed.map((b) => b.tracker));
  for (const e of entries) {
    const done = await em.update(SealedBallot, { id: idOf.get(e.hash)!, batch: IsNull() }, { batch: number, prevHash: e.prev, chainHash: e.link });
    if (done.affected === 0) throw new ConflictError('公告板正在更新，请重试 (the bulletin board changed meanwhile; try again)', { retry: true });
  }
  const checkpoint = em.create(BoardCheckpoint, { roundId: round.id, number, count: (last?.count ?? 0) + entries.length, head });
  await em.insert(BoardCheckpoint, checkpoint);
  return checkpoint;
}

/**
 * After a cast, under the round's row lock: once BOARD_BATCH ballots wait, they are sealed as the
 * next batch. The lock is the first read of the cast's transaction, so what it counts includes every
 * ballot committed before it (MySQL's snapshot starts at that read; SQLite has one writer).
 */
export async function sealWhenDue(em: EntityManager, round: VoteRound): Promise<void> {
  if ((await em.countBy(SealedBallot, { roundId: round.id, batch: IsNull() })) < BOARD_BATCH) return;
  const last = await forUpdate(em, em.createQueryBuilder(BoardCheckpoint, 'c').where('c.round_id = :id', { id: round.id }).orderBy('c.number', 'DESC').limit(1)).getOne();
  const sealedSeen = await em.createQueryBuilder(SealedBallot, 'b').where('b.round_id = :id AND b.batch IS NOT NULL', { id: round.id }).getCount();
  // A stale view leaves the sealing to the next cast or the count.
  if (sealedSeen === (last?.count ?? 0)) await sealBoard(em, round);
}

/** The board as stored, checked by the public rule; refuses to count a round whose board does not verify. */
export async function requireBoardIntact(em: EntityManager, round: VoteRound): Promise<void> {
  const checkpoints = await checkpointsOf(em, round.id);
  const sealed = await em.createQueryBuilder(SealedBallot, 'b').where('b.round_id = :id AND b.batch IS NOT NULL', { id: round.id }).getMany();
  const entries: BoardEntry[] = sealed.map((b) => ({ batch: b.batch!, ballotHash: b.tracker, prevHash: b.prevHash ?? '', chainHash: b.chainHash ?? '' }));
  const check = verifyRound({ number: round.number, canonical: round.canonical, fingerprint: round.fingerprint, counted: false, checkpoints, entries, opened: [], chainHead: null, tally: null, attendance: null });
  if (!check.verified) throw new ConflictError(`公告板与已公布的检查点不符，拒绝计票：${check.problems.join('；')} (the bulletin board was altered)`, { problems: check.problems });
}
