import { addDays, shanghaiDate, wan, parsePeriod, periodOfDate } from '@kpd/domain';
import { MoreThan } from 'typeorm';
import { Role, User } from '../../core/auth/user.entity';
import { chunks } from '../../core/xlsx';
import type { SeedContext } from '../../core/module';
import { demoSiteGeoJson, siteOutlineCode } from '../../core/areas/outlines';
import { Project, ProjectCategory, ProjectStage, ProjectStageChange } from '../projects/project.entity';
import { grantProjectAccess } from '../projects/secretary-access.service';
import { generator } from '../projects/seed';
import { Secretary, SecretaryAssignment, SecretaryEvaluation, ServiceKind, ServiceLogEntry, TeamRole } from './secretary.entity';

/** Report 001: Dalian chose 378 secretaries for 719 major projects. */
export const DALIAN_SECRETARIES = { secretaries: 378, projects: 719 } as const;

/** The thirteen secretaries report 001 names, with their work units and projects. */
export const NAMED_SECRETARIES: { name: string; district: string; workUnit: string; projects: string[]; username?: string }[] = [
  { name: '李军', district: '中山区', workUnit: '中山区东港街道', projects: ['凯丹广场', '辉盛阁国际公寓', '保利天禧'], username: 'secretary.lijun' },
  { name: '刘文峰', district: '西岗区', workUnit: '西岗区站北街道', projects: ['黑嘴子码头及周边地块改造'] },
  { name: '孙野', district: '沙河口区', workUnit: '沙河口区春柳街道', projects: ['冰山慧谷智慧综合产业园区'] },
  { name: '徐大明', district: '沙河口区', workUnit: '沙河口区白山路街道', projects: ['沙河口区总部经济园回迁区'] },
  { name: '郭天靖', district: '甘井子区', workUnit: '甘井子工业园区管委会招商局', projects: ['瑞士碧琪食品'] },
  { name: '李福建', district: '甘井子区', workUnit: '甘井子区大连湾街道', projects: ['中国一重核电主设备升级改造'] },
  { name: '宋家瑶', district: '旅顺口区', workUnit: '旅顺口区发改局', projects: ['66千伏白双线工程'] },
  { name: '董学博', district: '旅顺口区', workUnit: '旅顺经济技术开发区经济发展局', projects: ['机车配套产业园区铁路轨道车辆配套及机车配件生产线建设', '德迈仕精密生产线扩建'] },
  { name: '宋文江', district: '普兰店区', workUnit: '普兰店区发展和改革局', projects: ['国宏普兰店热电厂'] },
  { name: '都宁', district: '瓦房店市', workUnit: '瓦房店轴承产业园区管委会招商局', projects: ['瓦轴工业机器人'] },
  { name: '李秀军', district: '金州区（金普新区）', workUnit: '大连双D港园区管委会', projects: ['大众DQ200五期'] },
  { name: '孙雅楠', district: '金州区（金普新区）', workUnit: '金普新区拥政街道', projects: ['佳林自动化设备新建厂区'] },
  { name: '孙国轩', district: '大连高新区', workUnit: '大连高新区凌水街道', projects: ['大湖山语', '梁家北湾居住区'] },
];

/** Projects the named secretaries serve that the projects' demo data does not hold yet (amounts are demo figures). */
const NAMED_EXTRA_PROJECTS: { district: string; name: string; category: ProjectCategory; enterprise: string; unit: string; totalWan: number }[] = [
  { district: '旅顺口区', name: '机车配套产业园区铁路轨道车辆配套及机车配件生产线建设', category: ProjectCategory.INDUSTRIAL, enterprise: '大连机车配套产业园有限公司', unit: '旅顺经济技术开发区经济发展局', totalWan: 60_000 },
  { district: '旅顺口区', name: '德迈仕精密生产线扩建', category: ProjectCategory.INDUSTRIAL, enterprise: '大连德迈仕精密科技股份有限公司', unit: '旅顺经济技术开发区经济发展局', totalWan: 12_000 },
  { district: '大连高新区', name: '大湖山语', category: ProjectCategory.MODERN_SERVICES, enterprise: '大连高新置业有限公司', unit: '大连高新区凌水街道', totalWan: 180_000 },
  { district: '大连高新区', name: '梁家北湾居住区', category: ProjectCategory.SOCIAL, enterprise: '大连凌水城市建设有限公司', unit: '大连高新区凌水街道', totalWan: 90_000 },
];

/** Reinforced teams (加强型) for the mega projects the report names: one lead and members. */
const TEAMS: { project: string; district: string; workUnit: string; size: number }[] = [
  { project: '恒力石化2000万吨/年炼化一体化', district: '瓦房店市', workUnit: '长兴岛经济区管委会', size: 5 },
  { project: '英特尔二期', district: '金州区（金普新区）', workUnit: '金普新区管委会', size: 3 },
];

/** Generated Dalian projects per district, 700 in all, so the city's ledger holds 719. */
const GENERATED_PER_DISTRICT: [string, number][] = [
  ['金州区（金普新区）', 150],
  ['甘井子区', 110],
  ['大连高新区', 70],
  ['中山区', 50],
  ['西岗区', 40],
  ['沙河口区', 55],
  ['旅顺口区', 45],
  ['普兰店区', 45],
  ['瓦房店市', 60],
  ['庄河市', 50],
  ['长海县', 25],
];

const SUBJECTS: [string, ProjectCategory][] = [
  ['智能制造产业园', ProjectCategory.INDUSTRIAL],
  ['冷链物流基地', ProjectCategory.MODERN_SERVICES],
  ['城市更新改造', ProjectCategory.INFRASTRUCTURE],
  ['学校新建', ProjectCategory.SOCIAL],
  ['医院改扩建', ProjectCategory.SOCIAL],
  ['新能源装备', ProjectCategory.INDUSTRIAL],
  ['港航物流中心', ProjectCategory.MODERN_SERVICES],
  ['道路管网工程', ProjectCategory.INFRASTRUCTURE],
  ['集成电路配套', ProjectCategory.INDUSTRIAL],
  ['商业综合体', ProjectCategory.MODERN_SERVICES],
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗', '郑', '梁', '谢', '宋', '唐', '韩', '于', '董', '冯', '曹'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '志强', '海燕', '晓东', '文博', '思远', '雪梅', '国庆'];
const UNITS = ['发展和改革局', '投资促进局', '工业和信息化局', '住房和城乡建设局', '商务局', '营商环境建设局'];
const SUMMARIES: Record<ServiceKind, string[]> = {
  VISIT: ['到项目现场走访，了解施工进度和用工情况', '走访项目单位，核实本月形象进度', '现场检查安全生产和工人食宿'],
  CALL: ['与项目建设负责人电话沟通手续办理进展', '电话了解设备到货和安装计划', '与企业联络人沟通本月投资完成情况'],
  MEETING: ['参加项目推进协调会，梳理制约问题', '组织相关部门召开专题会，研究外部配套条件', '参加企业座谈会，宣讲扶持政策'],
  APPROVAL_HELP: ['陪同企业到审批窗口办理施工许可', '协助办理规划许可变更手续', '代办消防设计审查材料报送'],
};
const KINDS = [ServiceKind.VISIT, ServiceKind.VISIT, ServiceKind.CALL, ServiceKind.CALL, ServiceKind.MEETING, ServiceKind.APPROVAL_HELP];

interface ServedProject {
  projectId: number;
  areaId: number;
  secretaryIndexes: number[]; // first is the lead (or the sole secretary)
  quiet: boolean;
}

/**
 * Dalian's service secretaries: the thirteen of report 001 with their projects, reinforced teams for
 * 恒力石化 and 英特尔二期, and generated secretaries and projects so the city has 378 secretaries
 * serving 719 key projects, each with months of service log up to the seed day and two half-year
 * third-party scores. 保利天禧 and about one project in 23 have had no contact for over 30 days.
 */
export async function seedSecretaries(seed: SeedContext): Promise<void> {
  const { em } = seed;
  const g = generator(378_719);
  const today = shanghaiDate(seed.now);
  const dalian = seed.area('大连市');

  if (!(await em.findOneBy(User, { role: Role.EVALUATOR }))) {
    await em.insert(User, {
      username: 'evaluator.dalian',
      displayName: '大连市服务秘书第三方评估机构',
      role: Role.EVALUATOR,
      areaId: dalian.id,
      passwordHash: seed.demoPasswordHash,
      active: true,
      failedLogins: 0,
      lockedUntil: null,
    });
  }

  // Projects: the four the named secretaries serve beyond the projects' demo data, and 700 generated.
  const rows: Partial<Project>[] = [];
  const base = { stage: ProjectStage.CONTINUING, responsibleLeader: '市领导', keyPush: false, majorGovernmentInvestment: false, removedFromLibrary: false, locationGeoJson: null, version: 1 };
  NAMED_EXTRA_PROJECTS.forEach((p, k) =>
    rows.push({
      ...base,
      areaId: seed.area(p.district).id,
      cityId: dalian.id,
      code: `DL-2020-${String(16 + k).padStart(3, '0')}`,
      locationGeoJson: demoSiteGeoJson(siteOutlineCode(seed.area(p.district)), `DL-2020-${String(16 + k).padStart(3, '0')}`),
      name: p.name,
      category: p.category,
      totalInvestment: wan(p.totalWan),
      constructionStart: '2019-03',
      constructionEnd: '2022-12',
      enterprise: p.enterprise,
      responsibleUnit: p.unit,
    }),
  );
  let n = 0;
  for (const [district, count] of GENERATED_PER_DISTRICT) {
    const short = district.replace(/（.*）/, '').replace(/(区|市|县)$/, '');
    for (let i = 0; i < count; i++) {
      n += 1;
      const [subject, category] = SUBJECTS[n % SUBJECTS.length];
      const isNew = n % 4 === 0;
      rows.push({
        ...base,
        stage: isNew ? ProjectStage.NEW : ProjectStage.CONTINUING,
        areaId: seed.area(district).id,
        cityId: dalian.id,
        code: `DL-2020-G${String(n).padStart(3, '0')}`,
        locationGeoJson: demoSiteGeoJson(siteOutlineCode(seed.area(district)), `DL-2020-G${String(n).padStart(3, '0')}`),
        name: `${short}${subject}项目（${n}号）`,
        category,
        totalInvestment: wan(g.int(5_000, 300_000)),
        constructionStart: isNew ? '2020-03' : `${g.int(2018, 2019)}-${String(g.int(1, 12)).padStart(2, '0')}`,
        constructionEnd: `${g.int(2021, 2023)}-12`,
        enterprise: `大连${short}${subject}有限公司`,
        responsibleUnit: `${district}${g.pick(UNITS)}`,
        majorGovernmentInvestment: category === ProjectCategory.INFRASTRUCTURE,
      });
    }
  }
  const lastProject = (await em.createQueryBuilder(Project, 'p').select('MAX(p.id)', 'm').getRawOne<{ m: number | null }>())?.m ?? 0;
  for (const part of chunks(rows, 200)) await em.insert(Project, part);
  const added = await em.find(Project, { where: { id: MoreThan(Number(lastProject)) }, order: { id: 'ASC' } });
  for (const part of chunks(added, 300)) {
    await em.insert(ProjectStageChange, part.map((p) => ({ projectId: p.id, fromStage: null, toStage: p.stage, reason: '项目录入', changedBy: 'seed', changedAt: new Date(Date.UTC(2020, 0, 2)) })));
  }
  const dalianProjects = await em.find(Project, { where: { cityId: dalian.id }, order: { id: 'ASC' } });
  const byName = new Map(dalianProjects.map((p) => [p.name, p]));
  const must = (name: string) => {
    const p = byName.get(name);
    if (!p) throw new Error(`secretaries seed: no Dalian project named ${name}`);
    return p;
  };

  // Secretaries: named, teams, then generated ones serving the generated projects in pairs.
  const people: (Partial<Secretary> & { start: string })[] = [];
  const served: ServedProject[] = [];
  const phone = () => `139${String(g.int(0, 99_999_999)).padStart(8, '0')}`;
  const person = (name: string, district: string, workUnit: string, title: string, start: string, username?: string) => {
    people.push({ name, areaId: seed.area(district).id, cityId: dalian.id, workUnit, title, contact: `手机 ${phone()}`, userId: username ? seed.userId(username) : null, version: 1, start });
    return people.length - 1;
  };
  for (const s of NAMED_SECRETARIES) {
    const idx = person(s.name, s.district, s.workUnit, '服务秘书', '2018-04-15', s.username);
    for (const name of s.projects) {
      const p = must(name);
      served.push({ projectId: p.id, areaId: p.areaId, secretaryIndexes: [idx], quiet: name === '保利天禧' });
    }
  }
  const fullName = () => `${g.pick(SURNAMES)}${g.pick(GIVEN)}`;
  for (const team of TEAMS) {
    const p = must(team.project);
    const members = Array.from({ length: team.size }, (_, k) => person(fullName(), team.district, team.workUnit, k === 0 ? '加强型服务团队组长' : '加强型服务团队成员', '2018-04-15'));
    served.push({ projectId: p.id, areaId: p.areaId, secretaryIndexes: members, quiet: false });
  }
  const generated = added.filter((p) => p.code.startsWith('DL-2020-G'));
  const groups: Project[][] = [];
  for (const [district] of GENERATED_PER_DISTRICT) {
    const own = generated.filter((p) => p.areaId === seed.area(district).id);
    for (let i = 0; i < own.length; i += 2) groups.push(own.slice(i, i + 2));
  }
  const wanted = DALIAN_SECRETARIES.secretaries - people.length;
  for (let i = 0; groups.length < wanted && i < groups.length; i++) {
    if (groups[i].length === 2) groups.splice(i + 1, 0, [groups[i].pop()!]);
  }
  for (const group of groups) {
    const district = seed.areas.get(group[0].areaId)!.name;
    const idx = person(fullName(), district, `${district}${g.pick(UNITS)}`, '服务秘书', `${g.int(2018, 2020)}-${String(g.int(1, 6)).padStart(2, '0')}-01`);
    for (const p of group) served.push({ projectId: p.id, areaId: p.areaId, secretaryIndexes: [idx], quiet: g.int(0, 22) === 5 });
  }

  const lastSecretary = (await em.createQueryBuilder(Secretary, 's').select('MAX(s.id)', 'm').getRawOne<{ m: number | null }>())?.m ?? 0;
  for (const part of chunks(people, 200)) await em.insert(Secretary, part.map(({ start: _start, ...s }) => s));
  const secretaries = await em.find(Secretary, { where: { id: MoreThan(Number(lastSecretary)) }, order: { id: 'ASC' } });

  const assignments: Partial<SecretaryAssignment>[] = [];
  const log: Partial<ServiceLogEntry>[] = [];
  for (const s of served) {
    s.secretaryIndexes.forEach((idx, k) =>
      assignments.push({
        secretaryId: secretaries[idx].id,
        projectId: s.projectId,
        areaId: s.areaId,
        startDate: people[idx].start,
        endDate: null,
        teamRole: s.secretaryIndexes.length === 1 ? TeamRole.SOLE : k === 0 ? TeamRole.LEAD : TeamRole.MEMBER,
      }),
    );
    // Months of contact up to the seed day: every 5–16 days, the last one recent unless the project went quiet.
    let day = addDays(today, -(s.quiet ? g.int(32, 75) : g.int(0, 12)));
    const oldest = addDays(today, -160);
    while (day >= oldest) {
      const kind = g.pick(KINDS);
      const who = s.secretaryIndexes[g.int(0, s.secretaryIndexes.length - 1)];
      log.push({ secretaryId: secretaries[who].id, projectId: s.projectId, areaId: s.areaId, kind, date: day, summary: g.pick(SUMMARIES[kind]), recordedBy: 'seed' });
      day = addDays(day, -g.int(5, 16));
    }
  }
  for (const part of chunks(assignments, 300)) await em.insert(SecretaryAssignment, part);
  for (const part of chunks(log, 300)) await em.insert(ServiceLogEntry, part);

  // Accounts reach the projects they serve (the projects' scope reads this).
  for (const [idx, s] of secretaries.entries()) {
    if (s.userId === null) continue;
    await grantProjectAccess(em, s.userId, served.filter((p) => p.secretaryIndexes.includes(idx)).map((p) => p.projectId));
  }

  // Two half-year third-party evaluations before the seed day.
  const { year, month } = parsePeriod(periodOfDate(today));
  const periods = month > 6 ? [`${year - 1}-12`, `${year}-06`] : [`${year - 1}-06`, `${year - 1}-12`];
  const scores: Partial<SecretaryEvaluation>[] = [];
  for (const s of secretaries) {
    for (const period of periods) scores.push({ secretaryId: s.id, areaId: s.areaId, period, score: g.int(72, 98), comments: g.pick(['服务主动，问题反馈及时', '走访频次达标', '帮办代办效果明显，企业满意', '需加强与项目单位的日常沟通']), evaluatedBy: '第三方评估机构' });
  }
  for (const part of chunks(scores, 300)) await em.insert(SecretaryEvaluation, part);
  seed.log.info({ secretaries: secretaries.length, projects: served.length, assignments: assignments.length, log: log.length }, 'demo secretaries seeded');
}
