import { creditCodeCheckCharacter, lastDayOf, type Fen } from '@kpd/domain';
import sharp from 'sharp';
import { In, type EntityManager } from 'typeorm';
import { FilePurpose, storeMadePicture } from '../../core/files';
import type { SeedContext } from '../../core/module';
import { ContractNature, ContractStatus, ContractVariation, ProjectCompletion, ProjectContract, ProjectDocument, ProjectDocumentType, VariationKind } from './contracts.entity';
import { PROJECT_DOCUMENT } from './contracts.service';
import { PartyRole, ProjectParty } from './party.entity';
import { Project, ProjectCategory, ProjectStage, ProjectStageChange } from './project.entity';

// Demo data for documents, parties and contracts: ten of 苏家屯区's new and continuing key projects get
// their national project code, their owner and contractors, their approvals (可研, 立项, 环评) and a works
// contract, some varied; five of them are public (公开) in the open OC4IDS file. The organisations' credit codes are made up, with valid check characters.

const CONTRACTORS = ['中建三局第一建设工程有限责任公司', '中国建筑第八工程局有限公司', '沈阳建设集团有限公司', '辽宁省第三建筑工程有限公司', '中铁九局集团有限公司'];
const SUPERVISORS = ['沈阳市工程监理咨询有限公司', '辽宁中咨工程项目管理有限公司'];
/** 国民经济行业 major groups for the code's industry part, by category. */
const INDUSTRY: Record<ProjectCategory, string> = { INFRASTRUCTURE: '48', INDUSTRIAL: '36', MODERN_SERVICES: '72', SOCIAL: '84' };

/** A made-up unified social credit code of an enterprise registered in 苏家屯区 (210111), with its check character. */
export function demoCreditCode(serial: number): string {
  const first17 = `91210111MA0${String(100_000 + serial * 7919).slice(-6)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function seedContracts(em: EntityManager, seed: SeedContext): Promise<void> {
  const district = seed.area('苏家屯区');
  const projects = await em.find(Project, { where: { areaId: district.id, stage: In([ProjectStage.NEW, ProjectStage.CONTINUING]) }, order: { code: 'DESC' }, take: 10 });
  let contracts = 0;
  let variations = 0;
  for (const [k, p] of projects.entries()) {
    const start = `${p.constructionStart}-01`;
    const approvalYear = Math.max(2015, Number(p.constructionStart.slice(0, 4)) - 1);
    const nationalCode = `${approvalYear}-210111-${INDUSTRY[p.category]}-${p.majorGovernmentInvestment ? '01' : '03'}-${String(200_001 + k * 13).padStart(6, '0')}`;
    // Every other one is marked public (公开): the open file of 苏家屯区 2020 holds these five.
    await em.update(Project, { id: p.id }, { nationalCode, openData: k % 2 === 0 });
    const parties = await em.save(ProjectParty, [
      { projectId: p.id, areaId: p.areaId, role: PartyRole.OWNER, name: p.enterprise, creditCode: demoCreditCode(k * 3 + 1), version: 1 },
      { projectId: p.id, areaId: p.areaId, role: PartyRole.CONTRACTOR, name: CONTRACTORS[k % CONTRACTORS.length], creditCode: demoCreditCode(1000 + (k % CONTRACTORS.length)), version: 1 },
      { projectId: p.id, areaId: p.areaId, role: PartyRole.SUPERVISOR, name: SUPERVISORS[k % SUPERVISORS.length], creditCode: demoCreditCode(2000 + (k % SUPERVISORS.length)), version: 1 },
    ]);
    const approved = addDays(start, -75);
    await em.insert(ProjectDocument, [
      { projectId: p.id, areaId: p.areaId, documentType: ProjectDocumentType.FEASIBILITY_STUDY, title: `${p.name}可行性研究报告`, number: null, issuer: p.enterprise, issuedOn: addDays(start, -120), version: 1 },
      { projectId: p.id, areaId: p.areaId, documentType: ProjectDocumentType.BUDGET_APPROVAL, title: `关于${p.name}${p.majorGovernmentInvestment ? '可行性研究报告的批复' : '备案的通知'}`, number: `沈苏发改${p.majorGovernmentInvestment ? '审批' : '备'}〔${approved.slice(0, 4)}〕${10 + k * 3}号`, issuer: '沈阳市苏家屯区发展和改革局', issuedOn: approved, version: 1 },
      { projectId: p.id, areaId: p.areaId, documentType: ProjectDocumentType.ENVIRONMENTAL_IMPACT, title: `关于${p.name}环境影响报告表的批复`, number: `沈环苏审字〔${addDays(start, -40).slice(0, 4)}〕${20 + k}号`, issuer: '沈阳市生态环境局苏家屯分局', issuedOn: addDays(start, -40), version: 1 },
    ]);
    // The works contract: about 60% of the total investment, to the whole 万元.
    const value = ((p.totalInvestment * 6n) / 10n / 1_000_000n) * 1_000_000n;
    const endDate = lastDayOf(p.constructionEnd);
    const contract = await em.save(ProjectContract, {
      projectId: p.id, areaId: p.areaId, title: `${p.name}施工总承包`, number: `SJT-SG-${p.code.slice(-3)}`, nature: ContractNature.CONSTRUCTION, status: ContractStatus.ACTIVE,
      supplierPartyId: parties[1].id, originalValue: value, signedOn: addDays(start, -10), startDate: start, originalEndDate: endDate, version: 1,
    });
    contracts++;
    const rows: Partial<ContractVariation>[] = [];
    if (k % 3 === 0) {
      rows.push({ contractId: contract.id, projectId: p.id, seq: 1, kind: VariationKind.VALUE, date: addDays(start, 150), reason: '设计变更，增加地下室及室外配套工程量', oldValue: value, newValue: (value * 105n) / 100n / 100n * 100n, oldEndDate: null, newEndDate: null, recordedBy: '苏家屯区发改局' });
    }
    if (k % 4 === 1) {
      rows.push({ contractId: contract.id, projectId: p.id, seq: rows.length + 1, kind: VariationKind.DURATION, date: '2020-04-15', reason: '受新冠肺炎疫情影响停工，工期顺延', oldValue: null, newValue: null, oldEndDate: endDate, newEndDate: addDays(endDate, 61), recordedBy: '苏家屯区发改局' });
    }
    if (rows.length) await em.insert(ContractVariation, rows);
    variations += rows.length;
    await em.insert(ProjectContract, {
      projectId: p.id, areaId: p.areaId, title: `${p.name}施工监理`, number: `SJT-JL-${p.code.slice(-3)}`, nature: ContractNature.SUPERVISION, status: ContractStatus.ACTIVE,
      supplierPartyId: parties[2].id, originalValue: (value / 50n / 1_000_000n) * 1_000_000n, signedOn: addDays(start, -10), startDate: start, originalEndDate: endDate, version: 1,
    });
    contracts++;
  }
  seed.log.info({ projects: projects.length, contracts, variations }, 'demo documents, parties and contracts seeded');
}

/** A scanned page of a completion acceptance (竣工验收备案表), drawn at seed time as a 480×640 JPEG. */
async function acceptanceScan(p: Project, endDate: string): Promise<Buffer> {
  const esc = (t: string) => t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const font = 'font-family="Noto Serif CJK SC, Noto Sans CJK SC, serif"';
  const rows = [['工程名称', p.name], ['项目代码', p.code], ['建设单位', p.enterprise], ['竣工验收日期', endDate], ['验收结论', '符合设计和规范要求，同意验收']];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="640"><rect width="480" height="640" fill="#f7f5ef"/>
    <text x="240" y="70" text-anchor="middle" ${font} font-size="24" fill="#222">工程竣工验收备案表</text>
    ${rows.map(([k, v], i) => `<rect x="40" y="${110 + i * 60}" width="400" height="60" fill="none" stroke="#444"/><line x1="150" y1="${110 + i * 60}" x2="150" y2="${170 + i * 60}" stroke="#444"/>
    <text x="48" y="${146 + i * 60}" ${font} font-size="14" fill="#222">${esc(k)}</text><text x="160" y="${146 + i * 60}" ${font} font-size="13" fill="#222">${esc(v.slice(0, 20))}</text>`).join('')}
    <circle cx="360" cy="520" r="52" fill="none" stroke="#c0392b" stroke-width="4"/><text x="360" y="526" text-anchor="middle" ${font} font-size="14" fill="#c0392b">验收专用章</text>
    <text x="40" y="610" ${font} font-size="12" fill="#555">沈阳市大东区住房和城乡建设局</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

/**
 * The demo's completed project (竣工): its owner and contractor, its approval, its completion acceptance
 * with the scanned 竣工验收备案表 as the document's file, and its completion record with final cost,
 * final scope and why the cost came in under the plan. The project is COMPLETED: out of the monthly
 * cycle, its 2020 reports still in the year's figures and its OC4IDS record with status `completion`.
 */
export async function recordDemoCompletion(em: EntityManager, seed: SeedContext, p: Project, completion: { endDate: string; finalCost: Fen; finalScope: string; deviationReason: string }): Promise<void> {
  await em.save(ProjectParty, [
    { projectId: p.id, areaId: p.areaId, role: PartyRole.OWNER, name: p.enterprise, creditCode: demoCreditCode(3001), version: 1 },
    { projectId: p.id, areaId: p.areaId, role: PartyRole.CONTRACTOR, name: CONTRACTORS[2], creditCode: demoCreditCode(1002), version: 1 },
  ]);
  const approved = `${Number(p.constructionStart.slice(0, 4))}-03-18`;
  await em.insert(ProjectDocument, { projectId: p.id, areaId: p.areaId, documentType: ProjectDocumentType.BUDGET_APPROVAL, title: `关于${p.name}初步设计及概算的批复`, number: `沈东发改审批〔${approved.slice(0, 4)}〕21号`, issuer: '沈阳市大东区发展和改革局', issuedOn: approved, version: 1 });
  const acceptance = await em.save(ProjectDocument, em.create(ProjectDocument, {
    projectId: p.id, areaId: p.areaId, documentType: ProjectDocumentType.COMPLETION_CERTIFICATE, title: `${p.name}竣工验收备案表`, number: `大东竣备〔${completion.endDate.slice(0, 4)}〕08号`, issuer: '沈阳市大东区住房和城乡建设局', issuedOn: completion.endDate, version: 1,
  }));
  await storeMadePicture(em, seed.config, await acceptanceScan(p, completion.endDate), {
    ownerType: PROJECT_DOCUMENT, ownerId: acceptance.id, areaId: p.areaId, uploadedByUserId: seed.userId('admin.dadong'), name: `${p.code}-竣工验收备案表.jpg`, storedAt: new Date(`${completion.endDate}T06:00:00Z`), purpose: FilePurpose.DOCUMENT,
  });
  const recordedAt = new Date(`${completion.endDate}T08:00:00Z`);
  await em.insert(ProjectCompletion, { projectId: p.id, areaId: p.areaId, ...completion, acceptanceDocumentId: acceptance.id, recordedBy: '大东区住建局', recordedAt });
  await em.update(Project, { id: p.id }, { stage: ProjectStage.COMPLETED });
  await em.insert(ProjectStageChange, { projectId: p.id, fromStage: p.stage, toStage: ProjectStage.COMPLETED, reason: `竣工（${completion.endDate}）`, changedBy: 'seed', changedAt: recordedAt });
}
