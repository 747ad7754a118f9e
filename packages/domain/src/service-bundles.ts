/**
 * "一件事" bundles (一件事一次办): several items of different departments done as one application at
 * one window. Items are grouped in stages; the items of a stage run side by side (并联审批), the stages
 * one after another, so the bundle's combined time limit is the sum over its stages of the longest
 * promised limit in each. The applicant fills one combined application form (一表申请) instead of each
 * item's own, and hands in a material that several items ask for once; materials the departments share
 * from each other's data are not handed in at all. Against doing the items one by one, the bundle saves
 * materials, visits and working days. Visits: one by one, each item its own trips to its own window (the
 * catalogue's 到现场次数); in a bundle the one window takes everything in and hands everything out
 * together (一窗受理、窗口统一出件、一次办结), so the bundle needs at most one trip, and none when no
 * part needs one.
 *
 * Some parts of a bundle are done by bodies outside the district's own catalogue of 区级 items: the
 * vertically managed tax office (首次申领发票及税控设备), the public-security branch's seal filing (公章刻制),
 * the city's housing provident fund centre (公积金缴存登记), the bank (银行开户). A bundle lists them as
 * outside parts with the same fields (BundlePart); they count in its figures like its items but never
 * in the district's catalogue.
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
  /** The catalogue item; null for an outside part. */
  itemId: number | null;
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
  const bundleVisits = items.some((i) => i.visits > 0) ? 1 : 0;
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

/** A part of a bundle done by a body outside the district's catalogue (进驻部门、银行), as the bundle records it. */
export interface BundlePart {
  name: string;
  /** The body that does it, e.g. 国家税务总局沈阳市苏家屯区税务局. */
  department: string;
  stage: number;
  /** Promised limit in working days (0: on the spot). */
  promisedDays: number;
  /** On-site visits it needs alone: 0, 1, or 2 (two or more). */
  visits: number;
  /** Why it needs a visit (required when it does). */
  visitsReason: string | null;
  materials: readonly BundleMaterial[];
}

/** An outside part as the figures take it. */
export function partAsItem(part: BundlePart): BundleItem {
  return {
    itemId: null,
    department: part.department.trim(),
    stage: part.stage,
    promisedDays: part.promisedDays,
    visits: part.visits,
    materials: part.materials,
    materialsCount: null,
  };
}

export interface BundleInput {
  name: string;
  items: ReadonlyArray<Pick<BundleItem, 'stage' | 'promisedDays'> & { itemId: number }>;
  /** Outside parts (none when absent). */
  parts?: readonly BundlePart[];
  limitDays: number | null;
}

/**
 * Every problem of an outside part: a name and a body; a whole promised limit of 0 to 3650 working
 * days; 0, 1 or 2 visits, with the reason when above 0; materials with names, each once.
 */
export function bundlePartProblems(part: BundlePart, at: string): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, reason: string) => problems.push({ field: `${at}.${field}`, reason });
  if (part.name.trim() === '') add('name', '事项名称不能为空');
  else if (part.name.trim().length > 100) add('name', '事项名称不能超过 100 个字');
  if (part.department.trim() === '') add('department', '办理单位不能为空');
  else if (part.department.trim().length > 100) add('department', '办理单位不能超过 100 个字');
  if (!Number.isInteger(part.stage) || part.stage < 1 || part.stage > 20) add('stage', '阶段须为 1 至 20 的整数');
  if (!Number.isInteger(part.promisedDays) || part.promisedDays < 0 || part.promisedDays > 3650)
    add('promisedDays', '承诺时限须为 0 至 3650 的整数（工作日）');
  if (!Number.isInteger(part.visits) || part.visits < 0 || part.visits > 2) add('visits', '到现场次数须为 0、1 或 2（2 表示 2 次及以上）');
  else if (part.visits > 0 && (part.visitsReason ?? '').trim() === '') add('visitsReason', '需到现场的，须说明理由');
  const names = new Set<string>();
  part.materials.forEach((m, k) => {
    const name = m.name.trim();
    if (name === '') add(`materials[${k}].name`, '材料名称不能为空');
    else if (name.length > 200) add(`materials[${k}].name`, '材料名称不能超过 200 个字');
    else if (names.has(name)) add(`materials[${k}].name`, '同一材料不能重复列入');
    names.add(name);
  });
  if (part.materials.length > 50) add('materials', '材料不能超过 50 项');
  return problems;
}

/**
 * Every problem of a bundle: a name; at least two parts in all, one of them an item of the district's
 * catalogue; items each once, outside parts each by their own name and right by bundlePartProblems; all
 * in stages numbered 1, 2, … without a gap; every item with a promised limit; a cap, when given, a
 * positive whole number the combined limit keeps to.
 */
export function bundleProblems(input: BundleInput, at = 'input'): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, reason: string) => problems.push({ field: `${at}.${field}`, reason });
  if (input.name.trim() === '') add('name', '一件事名称不能为空');
  const parts = input.parts ?? [];
  if (input.items.length + parts.length < 2) add('items', '一件事至少包含两个事项');
  else if (input.items.length === 0) add('items', '一件事至少包含一个本区政务服务事项');
  const seen = new Set<number>();
  input.items.forEach((item, i) => {
    if (seen.has(item.itemId)) add(`items[${i}].itemId`, '同一事项不能重复列入');
    seen.add(item.itemId);
    if (!Number.isInteger(item.stage) || item.stage < 1 || item.stage > 20) add(`items[${i}].stage`, '阶段须为 1 至 20 的整数');
    if (item.promisedDays === null) add(`items[${i}].itemId`, '事项未填承诺时限，无法计算合计时限');
  });
  const partNames = new Set<string>();
  parts.forEach((part, k) => {
    problems.push(...bundlePartProblems(part, `${at}.parts[${k}]`));
    const name = part.name.trim();
    if (name !== '' && partNames.has(name)) add(`parts[${k}].name`, '同一事项不能重复列入');
    partNames.add(name);
  });
  const stages = [...new Set([...input.items, ...parts].map((i) => i.stage))].sort((a, b) => a - b);
  if (stages.every((s) => Number.isInteger(s) && s >= 1 && s <= 20) && stages.some((s, k) => s !== k + 1))
    add('items', `阶段须从 1 起连续编号（现为 ${stages.join('、')}）`);
  if (input.limitDays !== null) {
    if (!Number.isInteger(input.limitDays) || input.limitDays <= 0) add('limitDays', '合计时限上限须为正整数');
    else if (problems.length === 0) {
      const combined = bundleFigures([
        ...input.items.map((i) => ({ ...i, department: '', visits: 0, materials: [], materialsCount: 0 })),
        ...parts.map(partAsItem),
      ]).combinedDays;
      if (combined > input.limitDays)
        add('limitDays', `合计承诺时限 ${combined} 个工作日，超过上限 ${input.limitDays} 个工作日`);
    }
  }
  return problems;
}
