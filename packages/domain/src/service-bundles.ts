/**
 * "一件事" bundles (一件事一次办): several items of different departments done as one application at
 * one window. Items are grouped in stages; the items of a stage run side by side (并联审批), the stages
 * one after another, so the bundle's combined time limit is the sum over its stages of the longest
 * promised limit in each. The applicant fills one combined application form (一表申请) instead of each
 * item's own, and hands in a material that several items ask for once; materials the departments share
 * from each other's data are not handed in at all. Against doing the items one by one, the bundle saves
 * materials, visits (one window: at most the most any item needs) and working days.
 *
 * A bundle may carry a cap on its combined limit, e.g. the province's 50 working days for construction
 * approval from project approval to completion acceptance (工程建设项目审批 ≤ 50 个工作日,
 * CONSTRUCTION_APPROVAL_LIMIT_DAYS in procedures.ts).
 */
import type { Problem } from './errors';

export interface BundleMaterial {
  name: string;
  /** Shared from another department's data, so not handed in. */
  shared: boolean;
}

export interface BundleItem {
  itemId: number;
  department: string;
  /** 1, 2, …: the items of a stage run side by side, stages one after another. */
  stage: number;
  /** Promised limit in working days; 0 for 即办件, null when the item has none. */
  promisedDays: number | null;
  /** On-site visits the item needs alone (2 means two or more). */
  visits: number;
  /** The item's materials when its guide lists them; otherwise null and `materialsCount` is used. */
  materials: readonly BundleMaterial[] | null;
  materialsCount: number | null;
}

/** An item's own application form, replaced in a bundle by the one combined form. */
export const APPLICATION_FORM = /申请表》?$/;
export const COMBINED_FORM = '《一件事联办申请表》';

export interface BundleFigures {
  items: number;
  departments: number;
  stages: number;
  /** Working days done one by one: the sum of the promised limits. */
  oneByOneDays: number;
  /** The bundle's combined limit: per stage the longest promised limit, summed. */
  combinedDays: number;
  daysSaved: number;
  oneByOneMaterials: number;
  bundleMaterials: number;
  materialsSaved: number;
  oneByOneVisits: number;
  bundleVisits: number;
  visitsSaved: number;
  /** The materials the applicant hands in for the bundle, each once (the combined form first). */
  materialList: string[];
  /** The cap, and whether the combined limit keeps to it (null without a cap). */
  limitDays: number | null;
  withinLimit: boolean | null;
}

/** The figures of a bundle: what it asks and promises against doing its items one by one. */
export function bundleFigures(items: readonly BundleItem[], limitDays: number | null = null): BundleFigures {
  const longest = new Map<number, number>();
  let oneByOneDays = 0;
  let oneByOneMaterials = 0;
  let oneByOneVisits = 0;
  const handedIn = new Set<string>();
  let anonymous = 0;
  let forms = 0;
  for (const item of items) {
    const days = item.promisedDays ?? 0;
    oneByOneDays += days;
    longest.set(item.stage, Math.max(longest.get(item.stage) ?? 0, days));
    oneByOneVisits += item.visits;
    if (item.materials) {
      for (const m of item.materials) {
        if (m.shared) continue;
        oneByOneMaterials += 1;
        if (APPLICATION_FORM.test(m.name)) forms += 1;
        else handedIn.add(m.name.trim());
      }
    } else {
      oneByOneMaterials += item.materialsCount ?? 0;
      anonymous += item.materialsCount ?? 0;
    }
  }
  const combinedDays = [...longest.values()].reduce((a, b) => a + b, 0);
  const materialList = [...(forms > 0 ? [COMBINED_FORM] : []), ...handedIn];
  const bundleMaterials = materialList.length + anonymous;
  const bundleVisits = items.length === 0 ? 0 : Math.max(...items.map((i) => i.visits));
  return {
    items: items.length,
    departments: new Set(items.map((i) => i.department)).size,
    stages: longest.size,
    oneByOneDays,
    combinedDays,
    daysSaved: oneByOneDays - combinedDays,
    oneByOneMaterials,
    bundleMaterials,
    materialsSaved: oneByOneMaterials - bundleMaterials,
    oneByOneVisits,
    bundleVisits,
    visitsSaved: oneByOneVisits - bundleVisits,
    materialList,
    limitDays,
    withinLimit: limitDays === null ? null : combinedDays <= limitDays,
  };
}

export interface BundleInput {
  name: string;
  items: ReadonlyArray<Pick<BundleItem, 'itemId' | 'stage' | 'promisedDays'>>;
  limitDays: number | null;
}

/**
 * Every problem of a bundle: a name; at least two items, each once, in stages numbered 1, 2, … without
 * a gap; every item with a promised limit; a cap, when given, a positive whole number the combined
 * limit keeps to.
 */
export function bundleProblems(input: BundleInput, at = 'input'): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, reason: string) => problems.push({ field: `${at}.${field}`, reason });
  if (input.name.trim() === '') add('name', '一件事名称不能为空');
  if (input.items.length < 2) add('items', '一件事至少包含两个事项');
  const seen = new Set<number>();
  input.items.forEach((item, i) => {
    if (seen.has(item.itemId)) add(`items[${i}].itemId`, '同一事项不能重复列入');
    seen.add(item.itemId);
    if (!Number.isInteger(item.stage) || item.stage < 1 || item.stage > 20) add(`items[${i}].stage`, '阶段须为 1 至 20 的整数');
    if (item.promisedDays === null) add(`items[${i}].itemId`, '事项未填承诺时限，无法计算合计时限');
  });
  const stages = [...new Set(input.items.map((i) => i.stage))].sort((a, b) => a - b);
  if (stages.every((s) => Number.isInteger(s) && s >= 1 && s <= 20) && stages.some((s, k) => s !== k + 1))
    add('items', `阶段须从 1 起连续编号（现为 ${stages.join('、')}）`);
  if (input.limitDays !== null) {
    if (!Number.isInteger(input.limitDays) || input.limitDays <= 0) add('limitDays', '合计时限上限须为正整数');
    else if (problems.length === 0) {
      const combined = bundleFigures(
        input.items.map((i) => ({ ...i, department: '', visits: 0, materials: [], materialsCount: 0 })),
      ).combinedDays;
      if (combined > input.limitDays)
        add('limitDays', `合计承诺时限 ${combined} 个工作日，超过上限 ${input.limitDays} 个工作日`);
    }
  }
  return problems;
}
