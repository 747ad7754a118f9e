import {
  caseProblems,
  handlingTime,
  MIN_CASE_SAMPLE,
  ONLINE_CHANNELS,
  onTime,
  percentage,
  type AllowedPause,
  type CasePause,
} from '@kpd/domain';
import { toInt } from '../../core/columns';
import type { Context } from '../../core/context';
import { ConflictError, NotFoundError, refuseIfAny, UserInputError } from '../../core/errors';
import { parseId, parseOptionalId } from '../../core/ids';
import { paginate, type Page } from '../../core/pagination';
import { mutate } from '../../core/transaction';
import { queryArea } from '../../core/areas/areas.service';
import { AreaLevel } from '../../core/areas/area.entity';
import type {
  ServiceCaseFiguresArgs,
  ServiceCaseInput,
  ServiceCasesArgs,
} from './cases.inputs';
import type { CaseFigureRow, ServiceCaseType } from './cases.types';
import type { ShareValue } from './figures.service';
import { ServiceCase } from './service-case.entity';
import { ServiceGuideRow } from './service-guide.entity';
import { ServiceItem } from './service-item.entity';
import { ServiceWindow, ServiceZone } from './service-zone.entity';
import { editableDistrict, readableDistrictIds, scopedCases } from './service-items.scope';

/** The pauses an item's guide allows (none without a guide). */
export function allowedPausesOf(guide: Pick<ServiceGuideRow, 'pauses'> | null): AllowedPause[] {
  return guide ? (JSON.parse(guide.pauses) as AllowedPause[]) : [];
}

export interface CaseFacts {
  caseNo: string;
  applicantType: ServiceCase['applicantType'];
  channel: ServiceCase['channel'];
  receivedAt: Date;
  acceptedAt: Date;
  decidedAt: Date | null;
  deliveredAt: Date | null;
  outcome: ServiceCase['outcome'];
  visits: number;
  pauses: CasePause[];
  /** The window that accepted it. */
  windowId?: number | null;
}

/** The stored row of a case: its facts plus the handling time the domain counts, judged against the item's promise. */
export function caseRow(
  item: Pick<ServiceItem, 'id' | 'districtId' | 'zoneId' | 'promisedLimitDays' | 'caseKind'>,
  allowed: AllowedPause[],
  facts: CaseFacts,
) {
  const handling = handlingTime(facts, allowed);
  const promisedDays = item.caseKind === 'IMMEDIATE' ? 0 : item.promisedLimitDays;
  const days = handling?.days ?? null;
  return {
    ...facts,
    windowId: facts.windowId ?? null,
    pauses: JSON.stringify(facts.pauses),
    districtId: item.districtId,
    itemId: item.id,
    zoneId: item.zoneId,
    promisedDays,
    handlingDays: days,
    pausedDays: handling?.pausedDays ?? null,
    onTime: onTime(days, promisedDays),
    promisedShareBp: days !== null && promisedDays ? Math.round((days * 10000) / promisedDays) : null,
  };
}

export function caseView(row: ServiceCase): ServiceCaseType {
  return { ...row, pauseList: JSON.parse(row.pauses) as CasePause[] };
}

function factsOf(input: ServiceCaseInput): CaseFacts {
  return {
    caseNo: input.caseNo.trim(),
    applicantType: input.applicantType,
    channel: input.channel,
    receivedAt: input.receivedAt,
    acceptedAt: input.acceptedAt,
    decidedAt: input.decidedAt ?? null,
    deliveredAt: input.deliveredAt ?? null,
    outcome: input.outcome ?? null,
    visits: input.visits,
    pauses: input.pauses.map((p) => ({ name: p.name.trim(), from: p.from, to: p.to })),
    windowId: parseOptionalId(input.windowId ?? null, 'input.windowId'),
  };
}

/** Checks a case against its item: times in order, pauses the guide allows, an outcome when decided. */
export function caseFactProblems(facts: CaseFacts, allowed: AllowedPause[], at = 'input') {
  const problems = caseProblems(facts, allowed, at);
  if (facts.decidedAt && !facts.outcome)
    problems.push({ field: `${at}.outcome`, reason: '已办结的办件须填写办理结果' });
  if (!facts.decidedAt && facts.outcome && facts.outcome !== 'WITHDRAWN')
    problems.push({ field: `${at}.decidedAt`, reason: '有办理结果的办件须填写办结时间' });
  return problems;
}

/** Records a case entered by hand (办件录入); CONFLICT when the district already has its number. */
export async function recordServiceCase(ctx: Context, input: ServiceCaseInput): Promise<ServiceCaseType> {
  const itemId = parseId(input.itemId, 'input.itemId');
  const facts = factsOf(input);
  return mutate(ctx, async (tx) => {
    const item = await tx.em.findOneBy(ServiceItem, { id: itemId });
    if (!item || !ctx.viewer.scope?.contains(item.districtId))
      throw new NotFoundError('ServiceItem', input.itemId);
    editableDistrict(ctx, item.districtId);
    const allowed = allowedPausesOf(await tx.em.findOneBy(ServiceGuideRow, { itemId }));
    refuseIfAny(caseFactProblems(facts, allowed));
    if (facts.windowId !== null && facts.windowId !== undefined) {
      const window = await tx.em.findOneBy(ServiceWindow, { id: facts.windowId });
      const zone = window && (await tx.em.findOneBy(ServiceZone, { id: window.zoneId }));
      if (!zone || zone.districtId !== item.districtId)
        throw new UserInputError('input.windowId', '不是本区政务服务中心的窗口');
    }
    const clash = await tx.em.findOneBy(ServiceCase, { districtId: item.districtId, caseNo: facts.caseNo });
    if (clash)
      throw new ConflictError(`办件编号 ${facts.caseNo} 已存在 (case number already recorded)`, {
        field: 'input.caseNo',
      });
    const saved = await tx.em.save(tx.em.create(ServiceCase, caseRow(item, allowed, facts)));
    await tx.audit({
      action: 'serviceCase.create',
      entityType: 'ServiceCase',
      entityId: saved.id,
      areaId: item.districtId,
      after: saved,
    });
    return caseView(saved);
  });
}

/** The district ids a filter's area and the viewer's scope leave (null: every district). */
export function districtsOf(ctx: Context, filter: { areaId?: string | null } | null | undefined): number[] | null {
  const areaId = parseOptionalId(filter?.areaId ?? null, 'filter.areaId');
  const scope = readableDistrictIds(ctx);
  if (areaId === null) return scope;
  const area = queryArea(ctx, areaId);
  const inArea =
    area.level === AreaLevel.DISTRICT
      ? [area.id]
      : ctx.areas.ofLevel(AreaLevel.DISTRICT, area.id).map((a) => a.id);
  return scope ? inArea.filter((id) => scope.includes(id)) : inArea;
}

/** [from 00:00, to + 1 day 00:00) on the Asia/Shanghai calendar, as instants. */
export function receivedRange(filter: { from?: string | null; to?: string | null } | null | undefined): { from: Date | null; to: Date | null } {
  const from = filter?.from ? new Date(`${filter.from}T00:00:00+08:00`) : null;
  const to = filter?.to ? new Date(new Date(`${filter.to}T00:00:00+08:00`).getTime() + 86_400_000) : null;
  if (from && to && to <= from) throw new UserInputError('filter.to', '截止日期不能早于起始日期');
  return { from, to };
}

/** Cases in the viewer's scope, newest first. */
export async function listServiceCases(ctx: Context, args: ServiceCasesArgs): Promise<Page<ServiceCaseType>> {
  const f = args.filter;
  const qb = scopedCases(ctx, 'c');
  const districts = districtsOf(ctx, f);
  if (districts) qb.andWhere('c.districtId IN (:...ds)', { ds: districts.length ? districts : [0] });
  const itemId = parseOptionalId(f?.itemId ?? null, 'filter.itemId');
  if (itemId !== null) qb.andWhere('c.itemId = :itemId', { itemId });
  const { from, to } = receivedRange(f);
  if (from) qb.andWhere('c.receivedAt >= :from', { from });
  if (to) qb.andWhere('c.receivedAt < :to', { to });
  if (f?.late === true) qb.andWhere('c.onTime = :no', { no: false });
  if (f?.late === false) qb.andWhere('c.onTime = :yes', { yes: true });
  const page = await paginate(qb, [{ expression: 'c.id', property: 'id', direction: 'DESC' }], args);
  return {
    ...page,
    nodes: page.nodes.map(caseView),
    edges: page.edges.map((e) => ({ ...e, node: caseView(e.node) })),
    get totalCount() {
      return page.totalCount;
    },
  } as Page<ServiceCaseType>;
}

const GROUP_COLUMN = { NONE: '0', DISTRICT: 'c.district_id', ZONE: 'c.zone_id', ITEM: 'c.item_id' } as const;

const share = (numerator: number, denominator: number): ShareValue => ({
  numerator,
  denominator,
  percent: percentage(BigInt(numerator), BigInt(denominator)),
});

/**
 * The case figures, computed by the database in one statement: counts and sums per group, and the
 * nearest-rank median and 90th percentile of the handling days and of their share of the promise
 * (ROW_NUMBER over the decided cases of each group; rank k is the p-th percentile when
 * 100·k ≥ p·n > 100·(k − 1), as `nearestRankPercentile` in packages/domain defines it).
 */
export async function serviceCaseFigures(
  ctx: Context,
  args: ServiceCaseFiguresArgs,
): Promise<CaseFigureRow[]> {
  const f = args.filter;
  const minSample = args.minSample ?? MIN_CASE_SAMPLE;
  const g = GROUP_COLUMN[args.groupBy];
  const where: string[] = [];
  const params: unknown[] = [];
  const districts = districtsOf(ctx, f);
  if (districts) {
    where.push(`c.district_id IN (${(districts.length ? districts : [0]).map(() => '?').join(', ')})`);
    params.push(...(districts.length ? districts : [0]));
  }
  const itemId = parseOptionalId(f?.itemId ?? null, 'filter.itemId');
  if (itemId !== null) {
    where.push('c.item_id = ?');
    params.push(itemId);
  }
  const { from, to } = receivedRange(f);
  const driver = ctx.db.driver;
  const param = (d: Date) =>
    driver.preparePersistentValue(
      d,
      ctx.db.getMetadata(ServiceCase).findColumnWithPropertyName('receivedAt')!,
    );
  if (from) {
    where.push('c.received_at >= ?');
    params.push(param(from));
  }
  if (to) {
    where.push('c.received_at < ?');
    params.push(param(to));
  }
  const online = ONLINE_CHANNELS.map((c) => `'${c}'`).join(', ');
  const rank = (col: string, p: number, rn: string, n: string) =>
    `MAX(CASE WHEN ${rn} * 100 >= ${n} * ${p} AND (${rn} - 1) * 100 < ${n} * ${p} THEN ${col} END)`;
  const sql = `
    SELECT g, COUNT(*) AS cases, SUM(decided) AS decided, SUM(online) AS online, SUM(timed) AS timed, SUM(on_time) AS on_time, SUM(visits) AS visits,
      ${rank('handling_days', 50, 'rn_d', 'n_d')} AS median_days, ${rank('handling_days', 90, 'rn_d', 'n_d')} AS p90_days,
      ${rank('promised_share_bp', 50, 'rn_r', 'n_r')} AS median_bp, ${rank('promised_share_bp', 90, 'rn_r', 'n_r')} AS p90_bp
    FROM (
      SELECT ${g} AS g, c.handling_days, c.promised_share_bp, c.visits,
        CASE WHEN c.handling_days IS NULL THEN 0 ELSE 1 END AS decided,
        CASE WHEN c.channel IN (${online}) THEN 1 ELSE 0 END AS online,
        CASE WHEN c.on_time IS NULL THEN 0 ELSE 1 END AS timed,
        CASE WHEN c.on_time = 1 THEN 1 ELSE 0 END AS on_time,
        ROW_NUMBER() OVER (PARTITION BY ${g}, CASE WHEN c.handling_days IS NULL THEN 1 ELSE 0 END ORDER BY c.handling_days, c.id) AS rn_d,
        COUNT(c.handling_days) OVER (PARTITION BY ${g}) AS n_d,
        ROW_NUMBER() OVER (PARTITION BY ${g}, CASE WHEN c.promised_share_bp IS NULL THEN 1 ELSE 0 END ORDER BY c.promised_share_bp, c.id) AS rn_r,
        COUNT(c.promised_share_bp) OVER (PARTITION BY ${g}) AS n_r
      FROM service_cases c
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ) x
    GROUP BY g
    ORDER BY COUNT(*) DESC, g`;
  const rows: Array<Record<string, unknown>> = await ctx.db.query(sql, params);
  if (args.groupBy === 'DISTRICT' && itemId === null) {
    // Every district in reach has a row: one with no case reads 0 cases (too small a sample), not absent.
    const own = queryArea(ctx, null);
    const all = districts ?? (own.level === AreaLevel.DISTRICT ? [own.id] : ctx.areas.ofLevel(AreaLevel.DISTRICT, own.id).map((a) => a.id));
    const present = new Set(rows.map((r) => toInt(r.g)));
    for (const id of all) if (!present.has(id)) rows.push({ g: id, cases: 0, decided: 0, online: 0, timed: 0, on_time: 0, visits: 0 });
  }
  const num = (v: unknown) => (v === null || v === undefined ? null : toInt(v));
  return rows.map((r) => {
    const decided = toInt(r.decided);
    const cases = toInt(r.cases);
    const tooSmall = decided < minSample;
    const gid = args.groupBy === 'NONE' ? null : num(r.g);
    const bp = (v: unknown) => (v === null || v === undefined ? null : Math.round(toInt(v) / 10) / 10);
    return {
      districtId: args.groupBy === 'DISTRICT' ? gid : null,
      zoneId: args.groupBy === 'ZONE' ? gid : null,
      itemId: args.groupBy === 'ITEM' ? gid : null,
      cases,
      decided,
      minSample,
      sampleTooSmall: tooSmall,
      onlineShare: tooSmall ? null : share(toInt(r.online), cases),
      onTimeShare: tooSmall ? null : share(toInt(r.on_time), toInt(r.timed)),
      medianDays: tooSmall ? null : num(r.median_days),
      p90Days: tooSmall ? null : num(r.p90_days),
      medianPercentOfPromised: tooSmall ? null : bp(r.median_bp),
      p90PercentOfPromised: tooSmall ? null : bp(r.p90_bp),
      visitsPerCase: tooSmall || cases === 0 ? null : Math.round((toInt(r.visits) * 100) / cases) / 100,
    };
  });
}

/** One case in the viewer's scope. */
export async function serviceCaseById(ctx: Context, id: string): Promise<ServiceCaseType> {
  const row = await scopedCases(ctx, 'c')
    .andWhere('c.id = :id', { id: parseId(id, 'id') })
    .getOne();
  if (!row) throw new NotFoundError('ServiceCase', id);
  return caseView(row);
}
