import {
  addWorkingDays,
  openRectification,
  recordRectificationStep,
  shanghaiDate,
  STEP_OF_STATUS,
  workingDaysBetween,
  type RatingReason,
  type RectificationState,
  type RectificationStatus,
  type RectificationStep,
  type StepPayload,
} from '@kpd/domain';
import { In, IsNull, Not, type EntityManager } from 'typeorm';
import { hashToken } from '../../core/auth/password';
import { DEMO_TODAY } from '../../core/clock';
import { bulkInsert } from '../../db/bulk-insert';
import { ServiceCase } from './service-case.entity';
import { ServiceItem } from './service-item.entity';
import { ServiceRating, ServiceRectification, ServiceRectificationStepRow } from './service-rating.entity';
import { prng } from './seed';

const GOOD: RatingReason[] = ['FAST', 'FRIENDLY', 'CLEAR_GUIDE', 'ONE_VISIT'];
const BAD: RatingReason[] = ['SLOW', 'MANY_VISITS', 'MANY_MATERIALS', 'POOR_ATTITUDE', 'UNCLEAR_GUIDE', 'SYSTEM_TROUBLE'];
const NOTES: Record<RectificationStep, string[]> = {
  VERIFY: ['调阅办件记录并询问窗口人员，差评反映情况属实', '调取窗口录像核实，情况属实'],
  RECTIFY: ['对窗口人员进行业务培训，优化一次性告知清单', '调整岗位并补充办事指南中的材料说明', '协调部门压缩内部流转时间'],
  FEEDBACK: ['电话向申请人说明整改情况', '短信告知申请人整改结果'],
  RETURN_VISIT: ['电话回访，申请人表示满意', '回访申请人，认可整改结果'],
};
const UNFOUNDED = '核实窗口记录，系申请人材料不齐需补正，已作解释';

/**
 * 好差评 for the district's decided cases: about one case in four rated a few days after its decision,
 * mostly 5 and 4, late cases more often 1 or 2. Each bad rating's rectification is played through the
 * rule in packages/domain up to the demo's day, so the old ones are closed and those of the last weeks
 * wait at verification, rectification, feedback or return visit (some past their deadline).
 */
export async function seedRatings(em: EntityManager, districtId: number, seed: number): Promise<number> {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const cases = await em.find(ServiceCase, {
    where: { districtId, decidedAt: Not(IsNull()) },
    order: { id: 'ASC' },
  });
  const items = new Map(
    (await em.findBy(ServiceItem, { id: In([...new Set(cases.map((c) => c.itemId))]) })).map((i) => [i.id, i]),
  );
  const ratings: Partial<ServiceRating>[] = [];
  for (const c of cases) {
    if (random() >= 0.25) continue;
    const roll = random();
    const score = c.onTime === false
      ? roll < 0.3 ? 1 : roll < 0.55 ? 2 : roll < 0.75 ? 3 : 4
      : roll < 0.01 ? 1 : roll < 0.03 ? 2 : roll < 0.09 ? 3 : roll < 0.27 ? 4 : 5;
    const reasons = score >= 4 ? (random() < 0.5 ? [pick(GOOD)] : []) : [c.onTime === false ? 'SLOW' : pick(BAD)];
    const ratedAt = new Date(c.decidedAt!.getTime() + Math.floor(random() * 3 * 86_400_000) + 3_600_000);
    ratings.push({
      caseId: c.id,
      districtId,
      itemId: c.itemId,
      department: items.get(c.itemId)!.department,
      windowId: c.windowId,
      tokenHash: hashToken(`demo-rating-${c.id}`),
      issuedAt: c.decidedAt!,
      score,
      reasons: reasons.join(','),
      comment: score <= 2 ? (reasons[0] === 'SLOW' ? '超过承诺时限才办结' : '希望改进') : null,
      ratedAt,
    });
  }
  await bulkInsert(em, ServiceRating, ratings);

  const bad = await em.find(ServiceRating, { where: { districtId, score: In([1, 2]) }, order: { id: 'ASC' } });
  const rectifications: Partial<ServiceRectification>[] = [];
  const stepsOf = new Map<number, Array<Omit<ServiceRectificationStepRow, 'id' | 'rectificationId' | 'createdAt'>>>();
  for (const r of bad) {
    let state: RectificationState = openRectification(shanghaiDate(r.ratedAt!));
    const steps: Array<Omit<ServiceRectificationStepRow, 'id' | 'rectificationId' | 'createdAt'>> = [];
    let day = state.openedOn;
    const founded = random() < 0.85;
    // Some of the last weeks' rectifications stall after verification: the department has not acted yet.
    const stalls = state.openedOn >= '2020-09-21' && random() < 0.4;
    for (let guard = 0; state.status !== 'CLOSED' && guard < 6; guard++) {
      if (stalls && state.status === 'RECTIFYING') break;
      const step = STEP_OF_STATUS[state.status as Exclude<RectificationStatus, 'CLOSED'>];
      // Most steps take a working day or two; about one rectification in six runs past its five days.
      const gap = step === 'RECTIFY' ? (random() < 0.17 ? 5 + Math.floor(random() * 4) : 1 + Math.floor(random() * 3)) : 1 + Math.floor(random() * 2);
      day = addWorkingDays(day, gap);
      if (day > DEMO_TODAY) break;
      const payload: StepPayload = {
        date: day,
        note: step === 'VERIFY' && !founded ? UNFOUNDED : pick(NOTES[step]),
        founded: step === 'VERIFY' ? founded : null,
        satisfied: step === 'RETURN_VISIT' ? true : null,
      };
      state = recordRectificationStep(state, step, payload);
      steps.push({ step, onDate: day, note: payload.note, founded: payload.founded ?? null, satisfied: payload.satisfied ?? null, actor: 'admin.sujiatun' });
    }
    rectifications.push({
      ratingId: r.id,
      caseId: r.caseId,
      districtId,
      itemId: r.itemId,
      department: r.department,
      windowId: r.windowId,
      owner: r.department.slice(0, 64),
      ...state,
      rectifiedDays: state.rectifiedOn ? workingDaysBetween(state.openedOn, state.rectifiedOn) : null,
      version: steps.length + 1,
    });
    stepsOf.set(r.id, steps);
  }
  await bulkInsert(em, ServiceRectification, rectifications);
  const saved = await em.find(ServiceRectification, { where: { districtId }, order: { id: 'ASC' } });
  await bulkInsert(
    em,
    ServiceRectificationStepRow,
    saved.flatMap((x) => (stepsOf.get(x.ratingId) ?? []).map((s) => ({ ...s, rectificationId: x.id }))),
  );
  return ratings.length;
}
