import { adviceDueDate, type SatisfactionRating } from '@kpd/domain';
import type { EntityManager } from 'typeorm';
import type { LivelihoodProject } from './project.entity';
import { PublicSurvey, RatingRule } from './rating.entity';
import { RatingRuleSource } from './rating.types';
import { RosterEntry } from './session.entity';
import { SubItem } from './subitem.entity';
import { Inspection, SupervisionAdvice, SupervisionGroup, SupervisionMember } from './supervision.entity';
import type { FrozenRule } from './delivery.service';

/**
 * The demo's 人大监督 of Fuxin's 2021 projects (演示数据: the report says the standing committee
 * supervised the projects "from preparation to summing up"; groups, findings and answers are
 * illustrative): three supervision groups of delegates, their inspections and advices to the lead
 * departments — answered in time, answered late, and one left unanswered past its due day.
 */
export async function seedFuxinSupervision(em: EntityManager, sessionId: number, projects: LivelihoodProject[], adminId: number): Promise<void> {
  const roster = await em.find(RosterEntry, { where: { sessionId }, order: { id: 'ASC' }, take: 30 });
  const plan: Array<{
    project: number;
    group: string;
    members: number[];
    inspectedOn: string;
    place: string;
    findings: string;
    advices: Array<{ content: string; days: number; answer?: { on: string; by: string; text: string } }>;
  }> = [
    {
      project: 0,
      group: '第一监督小组',
      members: [0, 4, 8, 12],
      inspectedOn: '2021-06-18',
      place: '海州区西山街道老旧小区改造现场',
      findings: '部分小区外墙保温施工进度滞后，雨季前难以完成；居民反映夜间施工扰民。',
      advices: [
        { content: '倒排工期，雨季前完成外墙保温施工。', days: 15, answer: { on: '2021-07-06', by: '市住房和城乡建设局 城市建设科', text: '已督促施工单位增加作业班组，6月底前完成外墙保温；7月起按周报送进度。' } },
        { content: '公开施工时段和投诉电话，夜间不施工。', days: 10, answer: { on: '2021-06-30', by: '市住房和城乡建设局 城市建设科', text: '各小区已张贴施工时段（8:00—18:00）和投诉电话，夜间停止施工。' } },
      ],
    },
    {
      project: 3,
      group: '第二监督小组',
      members: [1, 5, 9],
      inspectedOn: '2021-08-10',
      place: '彰武县农村公路维修现场',
      findings: '个别路段路基压实度不足，路面已出现裂缝。',
      advices: [{ content: '对压实度不足的路段返工，并委托第三方检测。', days: 15, answer: { on: '2021-09-08', by: '市交通运输局 公路管理科', text: '已返工 3.2 公里，第三方检测合格，检测报告已报市人大常委会。' } }],
    },
    {
      project: 8,
      group: '第三监督小组',
      members: [2, 6, 10, 14],
      inspectedOn: '2021-09-15',
      place: '细河区城区停车泊位施工点',
      findings: '新增停车泊位仅完成计划的六成，部分选址尚未落实。',
      advices: [{ content: '落实剩余泊位选址，制定四季度完成计划并报送。', days: 15 }],
    },
  ];
  for (const g of plan) {
    const project = projects[g.project];
    if (!project) continue;
    const group = em.create(SupervisionGroup, { projectId: project.id, areaId: project.areaId, name: g.group });
    await em.insert(SupervisionGroup, group);
    await em.insert(
      SupervisionMember,
      g.members.map((i, k) => ({ groupId: group.id, userId: roster[i].userId, name: roster[i].name, delegation: roster[i].delegation, leader: k === 0 })),
    );
    const inspection = em.create(Inspection, {
      groupId: group.id,
      projectId: project.id,
      areaId: project.areaId,
      inspectedOn: g.inspectedOn,
      place: g.place,
      findings: g.findings,
      recordedByUserId: roster[g.members[0]].userId,
    });
    await em.insert(Inspection, inspection);
    await em.insert(
      SupervisionAdvice,
      g.advices.map((a) => ({
        inspectionId: inspection.id,
        projectId: project.id,
        areaId: project.areaId,
        content: a.content,
        department: project.leadDepartment,
        issuedOn: g.inspectedOn,
        workingDays: a.days,
        dueDate: adviceDueDate(g.inspectedOn, a.days),
        answer: a.answer?.text ?? null,
        answeredOn: a.answer?.on ?? null,
        answeredBy: a.answer?.by ?? null,
        answeredByUserId: a.answer ? adminId : null,
      })),
    );
  }
}

/** Fuxin's session counts the households as 镇海 does (60 of 100), with its own bands (满意 from 80). */
export const FUXIN_RULE: FrozenRule = { delegateWeight: 40, publicWeight: 60, satisfiedFrom: 80, basicFrom: 60, source: RatingRuleSource.SESSION };

/**
 * The demo's public survey of the 2021 projects (演示数据): 1,200 households per project, fewer
 * satisfied with the parking spaces that fell short. Returns the rows by project id.
 */
export async function seedFuxinSurvey(em: EntityManager, areaId: number, sessionId: number, evaluationId: number, projects: LivelihoodProject[], adminId: number): Promise<Map<number, PublicSurvey>> {
  await em.insert(RatingRule, { areaId, sessionId, delegateWeight: FUXIN_RULE.delegateWeight, publicWeight: FUXIN_RULE.publicWeight, satisfiedFrom: FUXIN_RULE.satisfiedFrom, basicFrom: FUXIN_RULE.basicFrom });
  const rows = projects.map((p, i) => {
    const [satisfied, basic] = i === 8 ? [620, 380] : [960 - 10 * i, 200];
    return em.create(PublicSurvey, { evaluationId, projectId: p.id, satisfied, basic, unsatisfied: 1200 - satisfied - basic, source: '阜新市统计局城乡住户入户调查（演示）', recordedByUserId: adminId });
  });
  await em.save(rows);
  return new Map(rows.map((r) => [r.projectId, r]));
}

/**
 * The demo's sub-items of 实施老旧小区改造工程222万平方米 (湖州's practice; the split by county is
 * illustrative): one per county or district, each evaluated by its delegation; two have rated.
 */
export async function seedFuxinSubItems(em: EntityManager, project: LivelihoodProject, adminId: number): Promise<void> {
  const parts: Array<[string, string, number, SatisfactionRating | null]> = [
    ['海州区', '海州区代表团', 60, 'SATISFIED'],
    ['细河区', '细河区代表团', 50, 'BASICALLY_SATISFIED'],
    ['太平区', '太平区代表团', 40, null],
    ['新邱区', '新邱区代表团', 22, null],
    ['清河门区', '清河门区代表团', 20, null],
    ['阜新蒙古族自治县', '阜新蒙古族自治县代表团', 15, null],
    ['彰武县', '彰武县代表团', 15, null],
  ];
  await em.insert(
    SubItem,
    parts.map(([place, delegation, qty, rating], i) => ({
      projectId: project.id,
      areaId: project.areaId,
      position: i + 1,
      name: `${place}老旧小区改造${qty}万平方米`,
      delegation,
      targetQuantity: BigInt(qty) * 1000n,
      doneQuantity: BigInt(qty) * 1000n,
      unit: '万平方米',
      progressNote: `${place}已完成改造并通过验收`,
      progressOn: '2021-11-25',
      rating,
      ratingNote: rating ? `${delegation}评议：群众反映较好` : null,
      ratedOn: rating ? '2021-12-20' : null,
      ratedByUserId: rating ? adminId : null,
    })),
  );
}
