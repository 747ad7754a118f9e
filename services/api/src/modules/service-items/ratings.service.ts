import {
  DomainError,
  isBadRating,
  MIN_CASE_SAMPLE,
  openRectification,
  percentage,
  ratingProblems,
  recordRectificationStep,
  shanghaiDate,
  STEP_OF_STATUS,
  UNRECTIFIED_STATUSES,
  workingDaysBetween,
  type RatingReason,
  type RectificationState,
} from '@kpd/domain';
import { hashToken, newToken } from '../../core/auth/password';
import { now as clockNow, today as clockToday } from '../../core/clock';
import { toInt } from '../../core/columns';
import type { Context } from '../../core/context';
import { ConflictError, NotFoundError, refuseIfAny, UserInputError } from '../../core/errors';
import { parseId } from '../../core/ids';
import { paginate, type Page } from '../../core/pagination';
import { mutate } from '../../core/transaction';
import { queryArea } from '../../core/areas/areas.service';
import { AreaLevel } from '../../core/areas/area.entity';
import { districtsOf, receivedRange } from './cases.service';
import type { ShareValue } from './figures.service';
import type {
  RateServiceCaseInput,
  RectificationStepInput,
  ServiceRatingFiguresArgs,
  ServiceRectificationsArgs,
} from './ratings.inputs';
import type {
  PublicRatingFormType,
  RatingFigureRow,
  RatingLinkType,
  ServiceRatingType,
  ServiceRectificationType,
} from './ratings.types';
import { ServiceCase } from './service-case.entity';
import { ServiceItem } from './service-item.entity';
import { editableDistrict, readableDistrictIds, scopedCases } from './service-items.scope';
import { ServiceRating, ServiceRectification, ServiceRectificationStepRow } from './service-rating.entity';

/** The public page a rating link opens. */
export const RATING_PAGE = '/public/rate';

export function ratingView(row: ServiceRating): ServiceRatingType {
  return { ...row, reasonList: row.reasons ? (row.reasons.split(',') as RatingReason[]) : [] };
}

export function rectificationView(row: ServiceRectification, today = clockToday()): ServiceRectificationType {
  return {
    ...row,
    nextStep: row.status === 'CLOSED' ? null : STEP_OF_STATUS[row.status],
    overdue: UNRECTIFIED_STATUSES.includes(row.status) && today > row.deadline,
  };
}

/**
 * Issues the rating link of a decided case (admins of its district): a fresh random token, of which
 * only the hash is kept, so issuing again replaces an unused link. CONFLICT once the case is rated.
 */
export async function issueRatingLink(ctx: Context, caseIdArg: string): Promise<RatingLinkType> {
  const caseId = parseId(caseIdArg, 'caseId');
  return mutate(ctx, async (tx) => {
    const c = await scopedCases(ctx, 'c').andWhere('c.id = :id', { id: caseId }).getOne();
    if (!c) throw new NotFoundError('ServiceCase', caseIdArg);
    editableDistrict(ctx, c.districtId);
    if (!c.decidedAt) throw new UserInputError('caseId', '办件尚未办结，办结后才能评价');
    const item = await tx.em.findOneByOrFail(ServiceItem, { id: c.itemId });
    const token = newToken('rate');
    const existing = await tx.em.findOneBy(ServiceRating, { caseId });
    if (existing?.score !== null && existing?.score !== undefined)
      throw new ConflictError(`办件 ${c.caseNo} 已评价 (the case is rated)`, { field: 'caseId' });
    const fields = {
      caseId,
      districtId: c.districtId,
      itemId: c.itemId,
      department: item.department,
      windowId: c.windowId,
      tokenHash: hashToken(token),
      issuedAt: clockNow(),
    };
    const saved = existing
      ? await tx.em.save(Object.assign(existing, fields))
      : await tx.em.save(tx.em.create(ServiceRating, { ...fields, reasons: '', comment: null, score: null, ratedAt: null }));
    await tx.audit({
      action: existing ? 'serviceRating.reissueLink' : 'serviceRating.issueLink',
      entityType: 'ServiceRating',
      entityId: saved.id,
      areaId: c.districtId,
      after: { caseId, caseNo: c.caseNo },
    });
    return { token, path: `${RATING_PAGE}/${token}`, caseNo: c.caseNo };
  });
}

async function ratingOfToken(ctx: Context, token: string): Promise<ServiceRating> {
  const row = token ? await ctx.db.getRepository(ServiceRating).findOneBy({ tokenHash: hashToken(token) }) : null;
  if (!row) throw new NotFoundError('RatingLink');
  return row;
}

/** What the public rating page shows for a link; NOT_FOUND for a token no link carries. */
export async function publicRatingForm(ctx: Context, token: string): Promise<PublicRatingFormType> {
  const rating = await ratingOfToken(ctx, token);
  const c = await ctx.db.getRepository(ServiceCase).findOneByOrFail({ id: rating.caseId });
  const item = await ctx.db.getRepository(ServiceItem).findOneByOrFail({ id: rating.itemId });
  return {
    caseNo: c.caseNo,
    itemName: item.name,
    department: rating.department,
    districtName: ctx.areas.get(rating.districtId)?.name ?? '',
    decidedAt: c.decidedAt,
    rated: rating.score !== null,
    score: rating.score,
  };
}

/**
 * The applicant rates the case of a link, once: the link is spent by a conditional update, so two
 * tries at the same moment rate once (CONFLICT for the other). A bad rating opens its rectification,
 * owned by the department that handled the case, due five working days later.
 */
export async function rateServiceCase(ctx: Context, token: string, input: RateServiceCaseInput): Promise<PublicRatingFormType> {
  const comment = input.comment?.trim() || null;
  refuseIfAny(ratingProblems({ score: input.score, reasons: input.reasons, comment }));
  const rating = await ratingOfToken(ctx, token);
  await mutate(ctx, async (tx) => {
    const ratedAt = clockNow();
    const result = await tx.em
      .createQueryBuilder()
      .update(ServiceRating)
      .set({ score: input.score, reasons: input.reasons.join(','), comment, ratedAt })
      .where('id = :id AND score IS NULL', { id: rating.id })
      .execute();
    if (!result.affected) throw new ConflictError('此链接已评价过，不能重复评价 (the link is spent)');
    let rectificationId: number | null = null;
    if (isBadRating(input.score)) {
      const state = openRectification(shanghaiDate(ratedAt));
      const saved = await tx.em.save(
        tx.em.create(ServiceRectification, {
          ratingId: rating.id,
          caseId: rating.caseId,
          districtId: rating.districtId,
          itemId: rating.itemId,
          department: rating.department,
          windowId: rating.windowId,
          owner: rating.department.slice(0, 64),
          ...state,
          rectifiedDays: null,
        }),
      );
      rectificationId = saved.id;
    }
    await tx.audit({
      action: 'serviceRating.rate',
      entityType: 'ServiceRating',
      entityId: rating.id,
      areaId: rating.districtId,
      after: { score: input.score, reasons: input.reasons, rectificationId },
    });
  });
  return publicRatingForm(ctx, token);
}

/** Every read of rectifications starts here: those of districts outside the viewer's scope never come back. */
function scopedRectifications(ctx: Context, alias = 'x') {
  const qb = ctx.db.getRepository(ServiceRectification).createQueryBuilder(alias);
  const ids = readableDistrictIds(ctx);
  if (ids) qb.where(`${alias}.districtId IN (:...scopeIds)`, { scopeIds: ids.length ? ids : [0] });
  return qb;
}

/** Rectifications in the viewer's scope, the nearest deadline first (overdue ones lead, as problems do). */
export async function listRectifications(
  ctx: Context,
  args: ServiceRectificationsArgs,
): Promise<Page<ServiceRectificationType>> {
  const f = args.filter;
  const qb = scopedRectifications(ctx, 'x');
  const districts = districtsOf(ctx, f);
  if (districts) qb.andWhere('x.districtId IN (:...ds)', { ds: districts.length ? districts : [0] });
  if (f?.statuses?.length) qb.andWhere('x.status IN (:...sts)', { sts: f.statuses });
  const today = clockToday();
  const overdue = 'x.status IN (:...unrectified) AND x.deadline < :today';
  if (f?.overdue === true) qb.andWhere(overdue, { unrectified: UNRECTIFIED_STATUSES, today });
  if (f?.overdue === false) qb.andWhere(`NOT (${overdue})`, { unrectified: UNRECTIFIED_STATUSES, today });
  const page = await paginate(
    qb,
    [
      { expression: 'x.deadline', property: 'deadline', direction: 'ASC' },
      { expression: 'x.id', property: 'id', direction: 'ASC' },
    ],
    args,
  );
  const view = (r: ServiceRectification) => rectificationView(r, today);
  return {
    ...page,
    nodes: page.nodes.map(view),
    edges: page.edges.map((e) => ({ ...e, node: view(e.node) })),
    get totalCount() {
      return page.totalCount;
    },
  } as Page<ServiceRectificationType>;
}

/** One rectification in the viewer's scope. */
export async function rectificationById(ctx: Context, id: string): Promise<ServiceRectificationType> {
  const row = await scopedRectifications(ctx, 'x').andWhere('x.id = :id', { id: parseId(id, 'id') }).getOne();
  if (!row) throw new NotFoundError('ServiceRectification', id);
  return rectificationView(row);
}

/**
 * Records the step a rectification waits for (admins of its district), as the rule in packages/domain
 * allows it; CONFLICT when someone recorded a step since the version read.
 */
export async function recordStep(
  ctx: Context,
  id: string,
  expectedVersion: number,
  input: RectificationStepInput,
): Promise<ServiceRectificationType> {
  const rectId = parseId(id, 'id');
  const owner = input.owner?.trim() || null;
  if (owner && [...owner].length > 64) throw new UserInputError('input.owner', '责任人不能超过 64 字');
  return mutate(ctx, async (tx) => {
    const row = await scopedRectifications(ctx, 'x').andWhere('x.id = :id', { id: rectId }).getOne();
    if (!row) throw new NotFoundError('ServiceRectification', id);
    editableDistrict(ctx, row.districtId);
    if (row.version !== expectedVersion)
      throw new ConflictError('整改记录已被他人更新，请刷新后重试 (stale version)', { field: 'expectedVersion' });
    if (input.date > clockToday()) throw new UserInputError('input.date', '办理日期不能晚于今天');
    let next: RectificationState;
    try {
      next = recordRectificationStep(row, input.step, {
        date: input.date,
        note: input.note,
        founded: input.founded,
        satisfied: input.satisfied,
      });
    } catch (e) {
      if (e instanceof DomainError) throw new UserInputError(`input.${e.field}`, e.reason);
      throw e;
    }
    const before = { ...row };
    const rectifiedDays = next.rectifiedOn ? workingDaysBetween(row.openedOn, next.rectifiedOn) : null;
    const result = await tx.em
      .createQueryBuilder()
      .update(ServiceRectification)
      .set({ ...next, rectifiedDays, owner: owner ?? row.owner, version: row.version + 1 })
      .where('id = :id AND version = :v', { id: row.id, v: row.version })
      .execute();
    if (!result.affected) throw new ConflictError('整改记录已被他人更新，请刷新后重试 (stale version)', { field: 'expectedVersion' });
    await tx.em.insert(ServiceRectificationStepRow, {
      rectificationId: row.id,
      step: input.step,
      onDate: input.date,
      note: input.note.trim(),
      founded: input.step === 'VERIFY' ? (input.founded ?? null) : null,
      satisfied: input.step === 'RETURN_VISIT' ? (input.satisfied ?? null) : null,
      actor: ctx.viewer.username,
    });
    const after = await tx.em.findOneByOrFail(ServiceRectification, { id: row.id });
    await tx.audit({
      action: `serviceRectification.${input.step.toLowerCase()}`,
      entityType: 'ServiceRectification',
      entityId: row.id,
      areaId: row.districtId,
      before,
      after,
    });
    return rectificationView(after);
  });
}

const GROUP_COLUMN = { NONE: '0', DISTRICT: 'r.district_id', DEPARTMENT: 'r.department', WINDOW: 'r.window_id' } as const;

const share = (numerator: number, denominator: number): ShareValue => ({
  numerator,
  denominator,
  percent: percentage(BigInt(numerator), BigInt(denominator)),
});

/**
 * The rating figures, computed by the database in one statement: the distribution of scores, bad
 * ratings and their rectifications per group (rectified, rectified by the deadline, overdue today),
 * and the nearest-rank median of the working days to rectify. Rates are withheld below the minimum
 * sample of ratings; counts are always given.
 */
export async function ratingFigures(ctx: Context, args: ServiceRatingFiguresArgs): Promise<RatingFigureRow[]> {
  const f = args.filter;
  const minSample = args.minSample ?? MIN_CASE_SAMPLE;
  const g = GROUP_COLUMN[args.groupBy];
  const where: string[] = ['r.score IS NOT NULL'];
  const params: unknown[] = [];
  const districts = districtsOf(ctx, f);
  if (districts) {
    const ids = districts.length ? districts : [0];
    where.push(`r.district_id IN (${ids.map(() => '?').join(', ')})`);
    params.push(...ids);
  }
  const { from, to } = receivedRange(f);
  const column = ctx.db.getMetadata(ServiceRating).findColumnWithPropertyName('ratedAt')!;
  const param = (d: Date) => ctx.db.driver.preparePersistentValue(d, column);
  if (from) {
    where.push('r.rated_at >= ?');
    params.push(param(from));
  }
  if (to) {
    where.push('r.rated_at < ?');
    params.push(param(to));
  }
  const unrectified = UNRECTIFIED_STATUSES.map((s) => `'${s}'`).join(', ');
  const today = clockToday();
  const sql = `
    SELECT g, COUNT(*) AS rated,
      SUM(CASE WHEN score = 1 THEN 1 ELSE 0 END) AS s1, SUM(CASE WHEN score = 2 THEN 1 ELSE 0 END) AS s2,
      SUM(CASE WHEN score = 3 THEN 1 ELSE 0 END) AS s3, SUM(CASE WHEN score = 4 THEN 1 ELSE 0 END) AS s4,
      SUM(CASE WHEN score = 5 THEN 1 ELSE 0 END) AS s5, SUM(score) AS total,
      SUM(opened) AS opened, SUM(rectified) AS rectified, SUM(in_time) AS in_time, SUM(overdue) AS overdue,
      MAX(CASE WHEN rn * 100 >= n * 50 AND (rn - 1) * 100 < n * 50 THEN days END) AS median_days
    FROM (
      SELECT ${g} AS g, r.score,
        CASE WHEN x.id IS NULL THEN 0 ELSE 1 END AS opened,
        CASE WHEN x.rectified_on IS NULL THEN 0 ELSE 1 END AS rectified,
        CASE WHEN x.rectified_on IS NOT NULL AND x.rectified_on <= x.deadline THEN 1 ELSE 0 END AS in_time,
        CASE WHEN x.status IN (${unrectified}) AND x.deadline < ? THEN 1 ELSE 0 END AS overdue,
        x.rectified_days AS days,
        ROW_NUMBER() OVER (PARTITION BY ${g}, CASE WHEN x.rectified_days IS NULL THEN 1 ELSE 0 END ORDER BY x.rectified_days, r.id) AS rn,
        COUNT(x.rectified_days) OVER (PARTITION BY ${g}) AS n
      FROM service_ratings r
      LEFT JOIN service_rectifications x ON x.rating_id = r.id
      WHERE ${where.join(' AND ')}
    ) y
    GROUP BY g
    ORDER BY COUNT(*) DESC, g`;
  const rows: Array<Record<string, unknown>> = await ctx.db.query(sql, [today, ...params]);
  if (args.groupBy === 'DISTRICT') {
    // Every district in reach has a row: one without a rating reads 0 (too small a sample), not absent.
    const own = queryArea(ctx, null);
    const all = districts ?? (own.level === AreaLevel.DISTRICT ? [own.id] : ctx.areas.ofLevel(AreaLevel.DISTRICT, own.id).map((a) => a.id));
    const present = new Set(rows.map((r) => toInt(r.g)));
    for (const id of all) if (!present.has(id)) rows.push({ g: id, rated: 0 });
  }
  const num = (v: unknown) => (v === null || v === undefined ? null : toInt(v));
  const int = (v: unknown) => num(v) ?? 0;
  return rows.map((r) => {
    const rated = int(r.rated);
    const distribution = [int(r.s1), int(r.s2), int(r.s3), int(r.s4), int(r.s5)];
    const bad = distribution[0] + distribution[1];
    const tooSmall = rated < minSample;
    const rectified = int(r.rectified);
    return {
      districtId: args.groupBy === 'DISTRICT' ? num(r.g) : null,
      department: args.groupBy === 'DEPARTMENT' ? String(r.g) : null,
      windowId: args.groupBy === 'WINDOW' ? num(r.g) : null,
      rated,
      distribution,
      bad,
      minSample,
      sampleTooSmall: tooSmall,
      averageScore: tooSmall || rated === 0 ? null : Math.round((int(r.total) * 100) / rated) / 100,
      satisfiedShare: tooSmall ? null : share(distribution[3] + distribution[4], rated),
      badShare: tooSmall ? null : share(bad, rated),
      rectifications: int(r.opened),
      rectificationRate: share(rectified, int(r.opened)),
      rectifiedOnTime: share(int(r.in_time), rectified),
      overdue: int(r.overdue),
      medianRectificationDays: num(r.median_days),
    };
  });
}

