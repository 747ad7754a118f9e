import { daysBetween, deadlineFromWorkingDays } from '@kpd/domain';
import type { SeedContext } from '../../core/module';
import { Project } from '../projects/project.entity';
import { answerableSecretary } from '../secretaries/secretaries.responsible';
import { EscalationReason, Problem, ProblemCategory, ProblemLevel, ProblemNote, ProblemStatus } from './problem.entity';

interface DemoProblem {
  project: string;
  category: ProblemCategory;
  title: string;
  ownerUnit: string;
  raisedDate: string;
  workingDays: number;
  level?: ProblemLevel;
  cityLeader?: string;
  status: ProblemStatus;
  resolvedDate?: string;
  closedOutDate?: string;
  evidence?: string[];
  escalationRequested?: string;
  notes?: [string, string][];
}

/**
 * Report 000: the district "破解了恒大文化旅游城、桃李面包、达利食品、苏宁易购、航空生物联仪等项目建设中遇到的问题"
 * (resolved and closed out here), with problems still open on others; report 001: Dalian's two-level
 * mechanism (区级限时解决, 市级挂牌督办) over bottlenecks such as 林地调规, 动迁, 市政管网配套.
 */
const PROBLEMS: DemoProblem[] = [
  { project: '恒大文化旅游城', category: ProblemCategory.UTILITIES, title: '园区供水管网接入滞后', ownerUnit: '苏家屯区水务局', raisedDate: '2020-06-08', workingDays: 20, status: ProblemStatus.CLOSED_OUT, resolvedDate: '2020-06-30', closedOutDate: '2020-07-06', evidence: ['供水接入验收单（2020-06-30）'], notes: [['2020-06', '水务局已完成管线设计，进场施工']] },
  { project: '桃李面包沈阳生产基地扩建', category: ProblemCategory.POWER, title: '新建厂房双回路供电未落实', ownerUnit: '国网沈阳供电公司苏家屯分公司', raisedDate: '2020-07-06', workingDays: 15, status: ProblemStatus.CLOSED_OUT, resolvedDate: '2020-07-24', closedOutDate: '2020-08-03', evidence: ['供电方案批复', '送电记录'] },
  { project: '达利食品沈阳生产基地', category: ProblemCategory.PERMITS, title: '二期厂房施工许可手续办理', ownerUnit: '苏家屯区行政审批局', raisedDate: '2020-05-11', workingDays: 10, status: ProblemStatus.RESOLVED, resolvedDate: '2020-05-29' },
  { project: '苏宁易购沈阳物流基地', category: ProblemCategory.LAND, title: '物流仓储用地规划指标调整', ownerUnit: '苏家屯区自然资源分局', raisedDate: '2020-04-13', workingDays: 30, status: ProblemStatus.CLOSED_OUT, resolvedDate: '2020-06-12', closedOutDate: '2020-06-19', evidence: ['规划条件调整批复'] },
  { project: '航空生物联仪产业园', category: ProblemCategory.DEMOLITION, title: '地块内3户动迁未完成', ownerUnit: '苏家屯区征收办', raisedDate: '2020-08-03', workingDays: 20, status: ProblemStatus.RESOLVED, resolvedDate: '2020-09-25', notes: [['2020-08', '已完成入户评估2户'], ['2020-09', '3户均已签约']] },
  { project: '姚千街道医共体医院改扩建项目（98号）', category: ProblemCategory.FINANCING, title: '专项债资金未到位', ownerUnit: '苏家屯区财政局', raisedDate: '2020-08-10', workingDays: 20, status: ProblemStatus.OPEN, escalationRequested: '需市财政协调专项债额度', notes: [['2020-08', '已上报市财政局'], ['2020-09', '仍待市级额度分配']] },
  { project: '姚千街道新材料产业园项目（99号）', category: ProblemCategory.LAND, title: '土地摘牌后交地延期', ownerUnit: '苏家屯区自然资源分局', raisedDate: '2020-09-01', workingDays: 15, status: ProblemStatus.IN_PROGRESS, notes: [['2020-09', '地上附着物清理中']] },
  { project: '姚千街道汽车零部件项目（100号）', category: ProblemCategory.PLANNING, title: '规划方案审查意见未回复', ownerUnit: '苏家屯区自然资源分局', raisedDate: '2020-09-07', workingDays: 10, status: ProblemStatus.OPEN },
  { project: '恒大文化旅游城', category: ProblemCategory.UTILITIES, title: '二期燃气管线迁改', ownerUnit: '苏家屯区住建局', raisedDate: '2020-09-14', workingDays: 30, status: ProblemStatus.IN_PROGRESS },
  // Dalian (report 001)
  { project: '保利天禧', category: ProblemCategory.DEMOLITION, title: '地块剩余动迁户协调', ownerUnit: '中山区东港街道', raisedDate: '2020-07-01', workingDays: 20, level: ProblemLevel.CITY, cityLeader: '分管副市长', status: ProblemStatus.IN_PROGRESS, notes: [['2020-07', '列入市级挂牌督办'], ['2020-08', '剩余2户进入司法程序']] },
  { project: '凯丹广场', category: ProblemCategory.UTILITIES, title: '市政管网配套接入', ownerUnit: '大连市城建局', raisedDate: '2020-08-03', workingDays: 15, status: ProblemStatus.RESOLVED, resolvedDate: '2020-08-21' },
  { project: '国宏普兰店热电厂', category: ProblemCategory.LAND, title: '林地调规手续', ownerUnit: '普兰店区自然资源局', raisedDate: '2020-06-15', workingDays: 30, level: ProblemLevel.CITY, cityLeader: '分管副市长', status: ProblemStatus.OPEN },
  { project: '沙河口区总部经济园回迁区', category: ProblemCategory.DEMOLITION, title: '回迁区动迁进度滞后', ownerUnit: '沙河口区征收办', raisedDate: '2020-08-17', workingDays: 20, status: ProblemStatus.IN_PROGRESS },
];

export async function seedProblems(seed: SeedContext): Promise<void> {
  const { em } = seed;
  const projects = await em.find(Project);
  const byName = new Map(projects.map((p) => [p.name, p]));
  for (const d of PROBLEMS) {
    const project = byName.get(d.project);
    if (!project) throw new Error(`demo problem names an unknown project: ${d.project}`);
    const level = d.level ?? ProblemLevel.DISTRICT;
    const problem = await em.save(
      em.create(Problem, {
        projectId: project.id,
        areaId: project.areaId,
        cityId: project.cityId,
        category: d.category,
        title: d.title,
        description: '',
        ownerUnit: d.ownerUnit,
        raisedByUserId: null,
        secretaryId: await answerableSecretary(em, null, project.id, d.raisedDate),
        raisedBy: project.responsibleUnit,
        raisedDate: d.raisedDate,
        workingDays: d.workingDays,
        deadline: deadlineFromWorkingDays(d.raisedDate, d.workingDays),
        level,
        cityLeader: d.cityLeader ?? null,
        status: d.status,
        resolvedDate: d.resolvedDate ?? null,
        daysToResolve: d.resolvedDate ? daysBetween(d.raisedDate, d.resolvedDate) : null,
        closedOutDate: d.closedOutDate ?? null,
        evidenceJson: d.evidence ? JSON.stringify(d.evidence) : null,
        escalationRequested: Boolean(d.escalationRequested),
        escalationRequestReason: d.escalationRequested ?? null,
        escalatedDate: level === ProblemLevel.CITY ? d.raisedDate : null,
        escalationReason: level === ProblemLevel.CITY ? EscalationReason.CITY_DECISION : null,
        reopenCount: 0,
        meetingId: null,
        version: 1,
      }),
    );
    for (const [period, note] of d.notes ?? []) {
      await em.insert(ProblemNote, { problemId: problem.id, period, note, author: project.responsibleUnit, createdAt: new Date(`${period}-28T08:00:00.000Z`) });
    }
  }
  seed.log.info({ problems: PROBLEMS.length }, 'demo problems seeded');
}
