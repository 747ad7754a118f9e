/**
 * Government service items (政务服务事项), DESIGN.md "Service items" and report 000 (Sujiatun:
 * 2180 "10+1" items, 603 by application, 338 fully online, every by-application item able to be
 * done in at most one trip, time limits compressed to within 30% of the legal limit, materials −60%).
 *
 * `complianceViolations` lists every rule an item breaks; `catalogueFigures` computes a catalogue's
 * figures in memory. The API computes the same figures in SQL at scale: the definitions it must
 * follow are exported as CATALOGUE_FIGURE_DEFINITIONS and as the predicates below.
 */
import { type Problem, throwIfProblems } from './errors';
import { type Fraction, fraction, percentage, roundFraction } from './ratios';
import { fractionToBasisPoints } from './validate';

/** The "10+1" types: ten kinds of administrative power plus public service. */
export type ServiceItemType =
  | 'ADMINISTRATIVE_LICENSE'
  | 'ADMINISTRATIVE_PENALTY'
  | 'ADMINISTRATIVE_COERCION'
  | 'ADMINISTRATIVE_LEVY'
  | 'ADMINISTRATIVE_PAYMENT'
  | 'ADMINISTRATIVE_INSPECTION'
  | 'ADMINISTRATIVE_CONFIRMATION'
  | 'ADMINISTRATIVE_REWARD'
  | 'ADMINISTRATIVE_ADJUDICATION'
  | 'OTHER_ADMINISTRATIVE_POWER'
  | 'PUBLIC_SERVICE';

export const SERVICE_ITEM_TYPE_LABELS: Readonly<Record<ServiceItemType, string>> = {
  ADMINISTRATIVE_LICENSE: '行政许可',
  ADMINISTRATIVE_PENALTY: '行政处罚',
  ADMINISTRATIVE_COERCION: '行政强制',
  ADMINISTRATIVE_LEVY: '行政征收',
  ADMINISTRATIVE_PAYMENT: '行政给付',
  ADMINISTRATIVE_INSPECTION: '行政检查',
  ADMINISTRATIVE_CONFIRMATION: '行政确认',
  ADMINISTRATIVE_REWARD: '行政奖励',
  ADMINISTRATIVE_ADJUDICATION: '行政裁决',
  OTHER_ADMINISTRATIVE_POWER: '其他行政权力',
  PUBLIC_SERVICE: '公共服务',
};

export const SERVICE_ITEM_TYPES = Object.keys(SERVICE_ITEM_TYPE_LABELS) as readonly ServiceItemType[];

export type OnlineDepth = 'FULLY_ONLINE' | 'PARTLY_ONLINE' | 'OFFLINE';
export const ONLINE_DEPTH_LABELS: Readonly<Record<OnlineDepth, string>> = {
  FULLY_ONLINE: '全程网办',
  PARTLY_ONLINE: '部分网办',
  OFFLINE: '线下办理',
};

export type CaseKind = 'IMMEDIATE' | 'PROMISED';
export const CASE_KIND_LABELS: Readonly<Record<CaseKind, string>> = {
  IMMEDIATE: '即办件',
  PROMISED: '承诺件',
};

export interface ServiceItem {
  code: string;
  name: string;
  type: ServiceItemType;
  /** 依申请: started by an applicant (the items the rates are about). */
  byApplication: boolean;
  onlineDepth: OnlineDepth;
  /** On-site visits needed; 2 stands for "two or more" when the exact number is not kept. */
  visits: number;
  /** Why the applicant must come on site (required when visits > 0). */
  visitsReason?: string | null;
  caseKind: CaseKind;
  /** Legal time limit in working days; null when the law sets none. */
  legalLimitDays: number | null;
  /** Promised time limit in working days; null when not set. */
  promisedLimitDays: number | null;
  /** Application materials now and before the reform; null when unknown. */
  materialsNow?: number | null;
  materialsBefore?: number | null;
  highFrequency?: boolean;
}

export type ComplianceCode =
  | 'FULLY_ONLINE_WITH_VISITS'
  | 'VISITS_WITHOUT_REASON'
  | 'PROMISED_LIMIT_MISSING'
  | 'PROMISED_EXCEEDS_LEGAL'
  | 'PROMISED_ABOVE_TARGET'
  | 'IMMEDIATE_WITH_PROMISED_TIME';

export interface ComplianceViolation {
  code: ComplianceCode;
  message: string;
}

export interface ComplianceOptions {
  /** Promised ÷ legal time must not exceed this (report 000: "压缩至法定时限的30%以内"). Default 0.3. */
  targetRatio?: number;
}

const nonNegativeIntegerOrNull = (v: unknown) =>
  v === null || v === undefined || (Number.isSafeInteger(v) && (v as number) >= 0);

/** Every data problem of an item (unknown codes, negative or fractional counts), for imports that report each bad cell. */
export function serviceItemProblems(item: ServiceItem, at = 'item'): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, reason: string) => problems.push({ field: `${at}.${field}`, reason });
  if (typeof item.code !== 'string' || item.code.trim() === '') add('code', '事项编码不能为空');
  if (typeof item.name !== 'string' || item.name.trim() === '') add('name', '事项名称不能为空');
  if (!SERVICE_ITEM_TYPES.includes(item.type)) add('type', `未知的事项类型 "${item.type}"`);
  if (typeof item.byApplication !== 'boolean') add('byApplication', '必须说明是否依申请');
  if (!(item.onlineDepth in ONLINE_DEPTH_LABELS)) add('onlineDepth', `未知的网办深度 "${item.onlineDepth}"`);
  if (!(item.caseKind in CASE_KIND_LABELS)) add('caseKind', `未知的办件类型 "${item.caseKind}"`);
  if (!Number.isSafeInteger(item.visits) || item.visits < 0) add('visits', '到现场次数必须是非负整数');
  for (const f of ['legalLimitDays', 'promisedLimitDays', 'materialsNow', 'materialsBefore'] as const) {
    if (!nonNegativeIntegerOrNull(item[f])) add(f, '必须是非负整数');
  }
  return problems;
}

/**
 * Every compliance rule the item breaks, with a Chinese message: a fully online item needing a
 * visit; a visit without a stated reason; a 承诺件 without a promised limit; a promised limit
 * longer than the legal one, or above the target share of it; a 即办件 with a promised time.
 * Bad data (not a compliance matter) throws a DomainValidationError naming each field.
 */
export function complianceViolations(
  item: ServiceItem,
  options: ComplianceOptions = {},
): ComplianceViolation[] {
  throwIfProblems(serviceItemProblems(item));
  const targetRatio = options.targetRatio ?? 0.3;
  const targetBp = fractionToBasisPoints(targetRatio, 'targetRatio');
  const targetText = `${roundFraction(fraction(targetBp, 100n), 2)}%`;
  const violations: ComplianceViolation[] = [];
  const add = (code: ComplianceCode, message: string) => violations.push({ code, message });
  const { visits, legalLimitDays: legal, promisedLimitDays: promised } = item;

  if (item.onlineDepth === 'FULLY_ONLINE' && visits > 0) {
    add('FULLY_ONLINE_WITH_VISITS', `全程网办事项到现场次数应为0，现为${visits}次`);
  }
  if (visits > 0 && (item.visitsReason ?? '').trim() === '') {
    add('VISITS_WITHOUT_REASON', `需到现场${visits}次，但未说明到现场办理的理由`);
  }
  if (item.caseKind === 'PROMISED' && promised === null) {
    add('PROMISED_LIMIT_MISSING', '承诺件须填写承诺时限');
  }
  if (promised !== null && legal !== null && promised > legal) {
    add('PROMISED_EXCEEDS_LEGAL', `承诺时限${promised}个工作日超过法定时限${legal}个工作日`);
  }
  if (
    promised !== null &&
    legal !== null &&
    legal > 0 &&
    BigInt(promised) * 10_000n > BigInt(legal) * targetBp
  ) {
    const allowed = roundFraction(fraction(BigInt(legal) * targetBp, 10_000n), 2);
    add(
      'PROMISED_ABOVE_TARGET',
      `承诺时限${promised}个工作日超过法定时限的${targetText}（${legal}个工作日×${targetText}=${allowed}个工作日）`,
    );
  }
  if (item.caseKind === 'IMMEDIATE' && promised !== null && promised > 0) {
    add('IMMEDIATE_WITH_PROMISED_TIME', `即办件的承诺时限应为0，现为${promised}个工作日`);
  }
  return violations;
}

// ---------------------------------------------------------------------------------------------
// Catalogue figures and their definitions
// ---------------------------------------------------------------------------------------------

/** Items the online and one-trip rates are about: by application (依申请). */
export const countsForServiceRates = (item: ServiceItem): boolean => item.byApplication;
/** At most one trip (最多跑一次): no more than one on-site visit. */
export const isAtMostOneTrip = (item: ServiceItem): boolean => item.visits <= 1;
/** Items in the time ratio: a legal limit above 0 and a promised limit set. */
export const countsForTimeRatio = (item: ServiceItem): boolean =>
  item.legalLimitDays !== null && item.legalLimitDays > 0 && item.promisedLimitDays !== null;
/** Items in the materials reduction: both material counts known. */
export const countsForMaterials = (item: ServiceItem): boolean =>
  item.materialsNow != null && item.materialsBefore != null;

/** What each figure means, for the API's SQL and the UI's tooltips. */
export const CATALOGUE_FIGURE_DEFINITIONS = {
  countsByType: {
    label: '各类事项数（10+1）',
    formula: 'COUNT(*) GROUP BY type, over all items',
  },
  fullyOnlineRate: {
    label: '全程网办率',
    formula: 'COUNT(onlineDepth = FULLY_ONLINE) ÷ COUNT(*), over items with byApplication = true',
  },
  highFrequencyAtMostOneTrip: {
    label: '高频“最多跑一次”事项数',
    formula: 'COUNT(highFrequency AND visits <= 1), over items with byApplication = true',
  },
  atMostOneTripRate: {
    label: '最多跑一次率',
    formula: 'COUNT(visits <= 1) ÷ COUNT(*), over items with byApplication = true',
  },
  promisedToLegalRatio: {
    label: '承诺时限占法定时限比例',
    formula:
      'SUM(promisedLimitDays) ÷ SUM(legalLimitDays), over items with legalLimitDays > 0 AND promisedLimitDays IS NOT NULL; target ≤ 30%',
  },
  materialsReduction: {
    label: '申请材料精简率',
    formula:
      '1 − SUM(materialsNow) ÷ SUM(materialsBefore), over items with materialsNow IS NOT NULL AND materialsBefore IS NOT NULL',
  },
} as const;

/** A share as an exact fraction and a percentage with one decimal; null when its base is empty. */
export interface Share {
  numerator: number;
  denominator: number;
  fraction: Fraction | null;
  percent: number | null;
}

function share(numerator: number, denominator: number): Share {
  return {
    numerator,
    denominator,
    fraction: denominator === 0 ? null : fraction(BigInt(numerator), BigInt(denominator)),
    percent: percentage(BigInt(numerator), BigInt(denominator)),
  };
}

export interface CatalogueFigures {
  total: number;
  countsByType: Record<ServiceItemType, number>;
  byApplication: number;
  highFrequency: number;
  /** By-application items that are high-frequency and need at most one trip (高频“最多跑一次”). */
  highFrequencyAtMostOneTrip: number;
  /** Fully online among by-application items. */
  fullyOnlineRate: Share;
  /** At most one trip among by-application items. */
  atMostOneTripRate: Share;
  /** Σ promised days ÷ Σ legal days over items with both (numerator/denominator in days). */
  promisedToLegalRatio: Share;
  /** Promised ÷ legal is within the target (null when no item has both limits). */
  meetsTimeTarget: boolean | null;
  /** 1 − Σ now ÷ Σ before, as the share of materials removed (numerator = before − now; negative when materials grew). */
  materialsReduction: Share;
}

/** A catalogue's figures (see CATALOGUE_FIGURE_DEFINITIONS), for a small in-memory list. */
export function catalogueFigures(
  items: readonly ServiceItem[],
  options: ComplianceOptions = {},
): CatalogueFigures {
  throwIfProblems(items.flatMap((item, i) => serviceItemProblems(item, `items[${i}]`)));
  const targetBp = fractionToBasisPoints(options.targetRatio ?? 0.3, 'targetRatio');
  const countsByType = Object.fromEntries(SERVICE_ITEM_TYPES.map((t) => [t, 0])) as Record<
    ServiceItemType,
    number
  >;
  for (const item of items) countsByType[item.type] += 1;

  const byApplication = items.filter(countsForServiceRates);
  const timed = items.filter(countsForTimeRatio);
  const promisedDays = timed.reduce((sum, i) => sum + i.promisedLimitDays!, 0);
  const legalDays = timed.reduce((sum, i) => sum + i.legalLimitDays!, 0);
  const withMaterials = items.filter(countsForMaterials);
  const materialsNow = withMaterials.reduce((sum, i) => sum + i.materialsNow!, 0);
  const materialsBefore = withMaterials.reduce((sum, i) => sum + i.materialsBefore!, 0);
  return {
    total: items.length,
    countsByType,
    byApplication: byApplication.length,
    highFrequency: items.filter((i) => i.highFrequency === true).length,
    highFrequencyAtMostOneTrip: byApplication.filter((i) => i.highFrequency === true && isAtMostOneTrip(i)).length,
    fullyOnlineRate: share(
      byApplication.filter((i) => i.onlineDepth === 'FULLY_ONLINE').length,
      byApplication.length,
    ),
    atMostOneTripRate: share(byApplication.filter(isAtMostOneTrip).length, byApplication.length),
    promisedToLegalRatio: share(promisedDays, legalDays),
    meetsTimeTarget: legalDays === 0 ? null : BigInt(promisedDays) * 10_000n <= BigInt(legalDays) * targetBp,
    materialsReduction: share(materialsBefore - materialsNow, materialsBefore),
  };
}
