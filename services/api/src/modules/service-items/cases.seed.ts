import { addDays, isWorkingDay, type CasePause, type CaseChannel, type CaseOutcome } from '@kpd/domain';
import { In, type EntityManager } from 'typeorm';
import { bulkInsert } from '../../db/bulk-insert';
import { allowedPausesOf, caseRow, type CaseFacts } from './cases.service';
import { ServiceCase } from './service-case.entity';
import { ServiceGuideRow } from './service-guide.entity';
import { ServiceItem } from './service-item.entity';
import { ServiceWindow } from './service-zone.entity';
import { prng } from './seed';

/** The demo's year of cases: received 2019-10-01 … 2020-09-30 (the year up to the demo's month). */
export const CASE_YEAR = { from: '2019-10-01', to: '2020-09-30' } as const;

/** An instant `minutes` after midnight of a Shanghai date (UTC+8, no daylight saving). */
const at = (date: string, minutes: number) =>
  new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) +
      (minutes - 480) * 60_000,
  );

/**
 * A year of cases for every item with a guide in the district: deterministic, most decided within
 * the promise, about one in twelve late, a few still pending at the end, and a few items with too few
 * cases for their rates to be published. One bulk insert.
 */
export async function seedCases(
  em: EntityManager,
  districtId: number,
  prefix: string,
  seed: number,
): Promise<number> {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const guides = await em.findBy(ServiceGuideRow, { districtId });
  const items = new Map(
    (await em.findBy(ServiceItem, { id: In(guides.map((g) => g.itemId)) })).map((i) => [i.id, i]),
  );
  // Windows are drawn from a stream of their own, so the cases' other facts stay as they were.
  const windowRandom = prng(seed + 1);
  const pickWindow = (ids: number[] | undefined) => (ids?.length ? ids[Math.floor(windowRandom() * ids.length)] : null);
  const windowsOfZone = new Map<number, number[]>();
  for (const w of await em.findBy(ServiceWindow, {})) windowsOfZone.set(w.zoneId, [...(windowsOfZone.get(w.zoneId) ?? []), w.id]);
  // The working days of the year and the two months after it: a decision k working days after days[i] is days[i + k].
  const days: string[] = [];
  for (let d: string = CASE_YEAR.from; d <= '2020-11-30'; d = addDays(d, 1))
    if (isWorkingDay(d)) days.push(d);
  const inYear = days.filter((d) => d <= CASE_YEAR.to).length;
  const volumes = [8, 30, 45, 70, 110, 20, 55, 38];
  const rows: ReturnType<typeof caseRow>[] = [];
  const serial = new Map<string, number>();
  guides
    .sort((a, b) => a.itemId - b.itemId)
    .forEach((guide, n) => {
      const item = items.get(guide.itemId)!;
      const allowed = allowedPausesOf(guide);
      const volume = volumes[n % volumes.length] + Math.floor(random() * 20);
      const promised = item.caseKind === 'IMMEDIATE' ? 0 : (item.promisedLimitDays ?? 5);
      for (let k = 0; k < volume; k++) {
        const di = Math.floor(random() * inYear);
        const day = days[di];
        const channel: CaseChannel =
          item.onlineDepth === 'FULLY_ONLINE'
            ? pick([
                'ONLINE',
                'ONLINE',
                'ONLINE',
                'ONLINE',
                'ONLINE',
                'ONLINE',
                'ONLINE',
                'MOBILE',
                'MOBILE',
                'WINDOW',
              ] as const)
            : item.onlineDepth === 'PARTLY_ONLINE'
              ? pick([
                  'ONLINE',
                  'ONLINE',
                  'ONLINE',
                  'MOBILE',
                  'WINDOW',
                  'WINDOW',
                  'WINDOW',
                  'WINDOW',
                  'WINDOW',
                  'SELF_SERVICE',
                ] as const)
              : pick([
                  'WINDOW',
                  'WINDOW',
                  'WINDOW',
                  'WINDOW',
                  'WINDOW',
                  'WINDOW',
                  'WINDOW',
                  'WINDOW',
                  'WINDOW',
                  'SELF_SERVICE',
                ] as const);
        const start = 8 * 60 + 30 + Math.floor(random() * 480);
        const receivedAt = at(day, start);
        const acceptedAt = at(day, Math.min(start + 5 + Math.floor(random() * 40), 17 * 60 + 50));
        // Handling days: most well within the promise, about 8% late by one to five days.
        const late = random() < 0.08;
        const planned =
          promised === 0
            ? late
              ? 1 + Math.floor(random() * 2)
              : 0
            : late
              ? promised + 1 + Math.floor(random() * 5)
              : Math.floor(random() * random() * (promised + 1));
        const pauses: CasePause[] = [];
        let pauseDays = 0;
        if (allowed.length && planned > 0 && random() < 0.25) {
          const rule = allowed[0];
          pauseDays = 1 + Math.floor(random() * rule.maxDays);
          pauses.push({ name: rule.name, from: days[di + 1], to: days[di + pauseDays] });
        }
        const decidedDay = days[di + planned + pauseDays];
        const pending = decidedDay > CASE_YEAR.to || (day > '2020-09-20' && random() < 0.3);
        const decidedAt = pending
          ? null
          : at(
              decidedDay,
              planned === 0 ? Math.min(start + 50, 17 * 60 + 55) : 9 * 60 + Math.floor(random() * 480),
            );
        const outcome: CaseOutcome | null = pending
          ? null
          : pick([
              'APPROVED',
              'APPROVED',
              'APPROVED',
              'APPROVED',
              'APPROVED',
              'APPROVED',
              'APPROVED',
              'APPROVED',
              'APPROVED',
              'APPROVED',
              'APPROVED',
              'APPROVED',
              'APPROVED',
              'APPROVED',
              'APPROVED',
              'APPROVED',
              'APPROVED',
              'APPROVED',
              'REJECTED',
              'WITHDRAWN',
            ] as const);
        const online = channel === 'ONLINE' || channel === 'MOBILE';
        const visits = online
          ? item.visits > 0 && random() < 0.5
            ? 1
            : 0
          : Math.max(1, item.visits) + (random() < 0.05 ? 1 : 0);
        const ymd = day.replaceAll('-', '');
        const seq = (serial.get(ymd) ?? 0) + 1;
        serial.set(ymd, seq);
        const facts: CaseFacts = {
          caseNo: `${prefix}${ymd}${String(seq).padStart(4, '0')}`,
          applicantType: /企业|经营|许可|登记/.test(item.name) && random() < 0.7 ? 'ORGANIZATION' : 'PERSON',
          channel,
          receivedAt,
          acceptedAt,
          decidedAt,
          deliveredAt: decidedAt && !online ? new Date(decidedAt.getTime() + 3_600_000) : decidedAt,
          outcome,
          visits,
          pauses: decidedAt ? pauses : [],
          windowId: online || item.zoneId === null ? null : pickWindow(windowsOfZone.get(item.zoneId)),
        };
        rows.push(caseRow(item, allowed, facts));
      }
    });
  return bulkInsert(em, ServiceCase, rows);
}
