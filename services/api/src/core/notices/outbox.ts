import type { EntityManager } from 'typeorm';
import { Role, User } from '../auth/user.entity';
import { Notice, NoticePreference } from './notice.entity';
import type { NoticeKind } from './notice.types';

/** A notice to write: to whom, about what, naming its record and the form that deals with it. */
export interface NoticeDraft {
  /** The user whose inbox gets it; or */
  userId?: number | null;
  /** a responsible unit of the directory (no inbox: outbound channels only, no preferences). */
  unitId?: number | null;
  kind: NoticeKind;
  title: string;
  body: string;
  recordType: string;
  recordId: string | number;
  /** The admin path of the form, e.g. /projects?open=12&report=2020-09. */
  link: string;
  areaId?: number | null;
  /** For a scheduled reminder: its day (YYYY-MM-DD). At most one notice per user, kind, record and day. */
  day?: string;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Writes notices into the outbox with the caller's entity manager — inside the transaction of the
 * event that causes them, so a rolled-back event leaves no notice. A kind the user turned off is
 * not written; a scheduled reminder already written that day is not written again. Answers how many
 * were written (or would be: a repeat dropped by a concurrent run is not counted apart).
 */
export async function enqueueNotices(em: EntityManager, drafts: NoticeDraft[]): Promise<number> {
  if (drafts.length === 0) return 0;
  if (drafts.some((d) => ((d.userId ?? null) === null) === ((d.unitId ?? null) === null))) throw new Error('A notice goes to a user or to a unit');
  const userIds = [...new Set(drafts.filter((d) => d.userId).map((d) => d.userId!))];
  const prefs = userIds.length ? await em.createQueryBuilder(NoticePreference, 'p').where('p.userId IN (:...userIds)', { userIds }).getMany() : [];
  const pref = new Map(prefs.map((p) => [`${p.userId}:${p.kind}`, p]));
  const rows = drafts
    .filter((d) => d.unitId || pref.get(`${d.userId}:${d.kind}`)?.inbox !== false)
    .map((d) => ({
      userId: d.userId ?? null,
      unitId: d.unitId ?? null,
      kind: d.kind,
      title: cut(d.title, 200),
      body: cut(d.body, 1000),
      recordType: d.recordType,
      recordId: String(d.recordId),
      link: cut(d.link, 300),
      areaId: d.areaId ?? null,
      dedupeKey: d.day ? cut(`${d.unitId ? `unit${d.unitId}` : d.userId}:${d.kind}:${d.recordType}:${d.recordId}:${d.day}`, 160) : null,
      readAt: null,
      dispatchedAt: null,
      outbound: !!d.unitId || pref.get(`${d.userId}:${d.kind}`)?.outbound !== false,
      leaseOwner: null,
      leaseUntil: null,
    }));
  if (rows.length === 0) return 0;
  // One day's reminder is written once: a repeat (same key) is skipped by the unique index.
  for (let i = 0; i < rows.length; i += 200) await em.createQueryBuilder().insert().into(Notice).values(rows.slice(i, i + 200)).orIgnore().execute();
  return rows.length;
}

/** The active users of a role placed at exactly these areas (e.g. the admins of a city). */
export async function usersAt(em: EntityManager, role: Role, areaIds: number[]): Promise<{ id: number; areaId: number; displayName: string }[]> {
  if (areaIds.length === 0) return [];
  return em
    .createQueryBuilder(User, 'u')
    .select(['u.id', 'u.areaId', 'u.displayName'])
    .where('u.role = :role AND u.areaId IN (:...areaIds) AND u.active = :yes', { role, areaIds: [...new Set(areaIds)], yes: true })
    .orderBy('u.id', 'ASC')
    .getMany();
}
