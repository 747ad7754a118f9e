import type { EntityManager } from 'typeorm';
import { enqueueNotices, NoticeKind } from '../../core/notices';
import { RosterEntry, type VoteSession } from './session.entity';

/** Every delegate on a session's roster gets a notice, in the transaction that opened what it names. */
export async function noticeDelegates(
  em: EntityManager,
  session: Pick<VoteSession, 'id' | 'areaId' | 'name'>,
  kind: NoticeKind.SESSION_CHECK_IN | NoticeKind.ROUND_OPEN | NoticeKind.EVALUATION_OPEN,
  title: string,
  body: string,
  link: string,
  recordId: string | number = session.id,
): Promise<void> {
  const roster = await em.find(RosterEntry, { where: { sessionId: session.id }, select: { userId: true } });
  await enqueueNotices(
    em,
    [...new Set(roster.map((r) => r.userId))].map((userId) => ({ userId, kind, title, body, recordType: kind === NoticeKind.EVALUATION_OPEN ? 'EvaluationRound' : kind === NoticeKind.ROUND_OPEN ? 'VoteRound' : 'VoteSession', recordId, link, areaId: session.areaId })),
  );
}
