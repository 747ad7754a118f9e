import { addWorkingDays, workingDaysBetween } from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import type { SeedContext } from '../../core/module';
import { ProcedureNode, ProcedureState, ProcedureType } from './procedure.entity';
import { departmentFor } from './procedures.service';
import { Project, ProjectStage } from './project.entity';

/**
 * 沈阳市's pre-construction template (工程建设项目审批制度改革: 立项用地规划许可、工程建设许可、
 * 施工许可): promised limits about a quarter of the legal ones, and a critical path of 28 working
 * days, inside the 50 working days Sujiatun promises from 立项 to 竣工验收 (report 000).
 * 环评 and 节能审查 run in parallel with the planning permits (并联审批).
 */
export const SHENYANG_PROCEDURES: { code: string; name: string; department: string; legalDays: number; promisedDays: number; predecessors: string[] }[] = [
  { code: 'LX', name: '项目审批（核准、备案）', department: '{区县}发展和改革局', legalDays: 20, promisedDays: 5, predecessors: [] },
  { code: 'YDYS', name: '用地预审与选址意见书', department: '沈阳市自然资源局{简称}分局', legalDays: 20, promisedDays: 5, predecessors: ['LX'] },
  { code: 'HP', name: '环境影响评价审批', department: '沈阳市生态环境局{简称}分局', legalDays: 60, promisedDays: 15, predecessors: ['LX'] },
  { code: 'JN', name: '节能审查', department: '{区县}发展和改革局', legalDays: 20, promisedDays: 5, predecessors: ['LX'] },
  { code: 'YDGH', name: '建设用地规划许可', department: '沈阳市自然资源局{简称}分局', legalDays: 20, promisedDays: 5, predecessors: ['YDYS'] },
  { code: 'GCGH', name: '建设工程规划许可', department: '沈阳市自然资源局{简称}分局', legalDays: 20, promisedDays: 5, predecessors: ['YDGH'] },
  { code: 'SGT', name: '施工图审查', department: '{区县}住房和城乡建设局', legalDays: 20, promisedDays: 5, predecessors: ['GCGH'] },
  { code: 'SGXK', name: '建筑工程施工许可', department: '{区县}住房和城乡建设局', legalDays: 15, promisedDays: 3, predecessors: ['SGT', 'HP', 'JN'] },
];

/** Approval document numbers in the style of each department. */
const DOC_PREFIX: Record<string, string> = {
  LX: '沈苏发改审批', YDYS: '用字第', HP: '沈环苏审字', JN: '沈苏发改能审', YDGH: '地字第', GCGH: '建字第', SGT: '沈审图', SGXK: '施字第',
};

interface Plan {
  /** Where the chain starts (立项 applied for). */
  start: string;
  /** Codes approved, in order; the rest are open. */
  approved: number;
  /** The next node(s) in progress with their request date, or none. */
  open: { code: string; requestedDate: string }[];
  /** A node that took longer than promised. */
  late?: string;
  /** Not required for this project. */
  notRequired?: string[];
}

const ORDER = ['LX', 'YDYS', 'HP', 'JN', 'YDGH', 'GCGH', 'SGT', 'SGXK'];

/**
 * The chains of 苏家屯区's reserve and new projects as they stood in mid-October 2020: most new
 * projects have their construction permit; a few wait on one, and a handful of nodes are overdue
 * (环评 and 施工许可 past their promised days), for the admin to raise as problems.
 */
function planFor(stage: ProjectStage, k: number): Plan {
  if (stage === ProjectStage.RESERVE) {
    return k === 0
      // 社区卫生服务中心改造: 环评 overdue since September, planning permit in time.
      ? { start: '2020-08-03', approved: 2, open: [{ code: 'HP', requestedDate: '2020-08-20' }, { code: 'JN', requestedDate: '2020-10-12' }, { code: 'YDGH', requestedDate: '2020-10-13' }] }
      : { start: '2020-10-09', approved: 0, open: [{ code: 'LX', requestedDate: '2020-10-09' }] };
  }
  switch (k % 6) {
    case 1: return { start: '2019-09-02', approved: 8, open: [], late: 'HP' };
    case 2: return { start: '2019-10-08', approved: 7, open: [{ code: 'SGXK', requestedDate: '2020-09-21' }], notRequired: ['JN'] };
    case 4: return { start: '2019-11-04', approved: 6, open: [{ code: 'SGT', requestedDate: '2020-10-12' }] };
    default: return { start: '2019-08-01', approved: 8, open: [], notRequired: k % 4 === 0 ? ['JN'] : [] };
  }
}

/** Walks the chain: each node applied for the working day after its predecessors' approval. */
function buildNodes(project: Project, districtName: string, types: ProcedureType[], plan: Plan, serial: number): Partial<ProcedureNode>[] {
  const approved = new Map<string, string>();
  const nodes: Partial<ProcedureNode>[] = [];
  const openCodes = new Map(plan.open.map((o) => [o.code, o.requestedDate]));
  const done = new Set(ORDER.slice(0, plan.approved));
  for (const t of types) {
    const preds = t.predecessorCodes ? t.predecessorCodes.split(',') : [];
    const base = {
      projectId: project.id, areaId: project.areaId, cityId: project.cityId, code: t.code, name: t.name,
      department: departmentFor(t.department, districtName), ownerUnit: project.enterprise,
      legalDays: t.legalDays, promisedDays: t.promisedDays, predecessorCodes: t.predecessorCodes, sortOrder: t.sortOrder,
      note: '', problemId: null, version: 1,
    };
    const none = { requestedDate: null, approvedDate: null, dueDate: null, documentNumber: null, workingDaysTaken: null };
    if (plan.notRequired?.includes(t.code)) {
      nodes.push({ ...base, ...none, state: ProcedureState.NOT_REQUIRED, note: '不涉及' });
      approved.set(t.code, plan.start);
    } else if (done.has(t.code)) {
      const after = preds.map((p) => approved.get(p) ?? plan.start).reduce((a, b) => (a > b ? a : b), plan.start);
      const requested = preds.length ? addWorkingDays(after, 1) : plan.start;
      const taken = t.code === plan.late ? t.promisedDays + 4 : Math.max(1, t.promisedDays - ((serial + t.sortOrder) % 3));
      const on = addWorkingDays(requested, taken);
      approved.set(t.code, on);
      nodes.push({
        ...base, state: ProcedureState.APPROVED, requestedDate: requested, approvedDate: on, dueDate: addWorkingDays(requested, t.promisedDays),
        documentNumber: `${DOC_PREFIX[t.code] ?? ''}〔${on.slice(0, 4)}〕${(serial * 7 + t.sortOrder) % 90 + 10}号`, workingDaysTaken: workingDaysBetween(requested, on),
      });
    } else if (openCodes.has(t.code)) {
      const requested = openCodes.get(t.code)!;
      nodes.push({ ...base, ...none, state: ProcedureState.IN_PROGRESS, requestedDate: requested, dueDate: addWorkingDays(requested, t.promisedDays) });
    } else {
      nodes.push({ ...base, ...none, state: ProcedureState.NOT_STARTED });
    }
  }
  return nodes;
}

/** 沈阳市's template, and the chains of 苏家屯区's reserve and new projects. */
export async function seedProcedures(em: EntityManager, seed: SeedContext): Promise<void> {
  const city = seed.area('沈阳市');
  const district = seed.area('苏家屯区');
  await em.insert(ProcedureType, SHENYANG_PROCEDURES.map((t, i) => ({
    cityId: city.id, code: t.code, name: t.name, department: t.department, legalDays: t.legalDays, promisedDays: t.promisedDays,
    predecessorCodes: t.predecessors.join(','), sortOrder: (i + 1) * 10, version: 1,
  })));
  const types = await em.find(ProcedureType, { where: { cityId: city.id }, order: { sortOrder: 'ASC' } });
  const projects = await em.createQueryBuilder(Project, 'p')
    .where('p.area_id = :a AND p.stage IN (:...stages)', { a: district.id, stages: [ProjectStage.RESERVE, ProjectStage.NEW] })
    .orderBy('p.code', 'ASC').getMany();
  const counters = { [ProjectStage.RESERVE]: 0, [ProjectStage.NEW]: 0 } as Record<string, number>;
  const rows: Partial<ProcedureNode>[] = [];
  projects.forEach((p, serial) => {
    const k = counters[p.stage]++;
    rows.push(...buildNodes(p, district.name, types, planFor(p.stage, k), serial));
  });
  for (let i = 0; i < rows.length; i += 200) await em.insert(ProcedureNode, rows.slice(i, i + 200));
  seed.log.info({ types: types.length, projects: projects.length, nodes: rows.length }, 'demo procedures seeded');
}
