import { formatYuan, isOpenDocumentType, lastDayOf, oc4idsAmount, oc4idsProjectId, oc4idsSectors, oc4idsStatus, termsAfter, type Fen } from '@kpd/domain';
import { In, type ObjectLiteral, type EntityTarget, type SelectQueryBuilder } from 'typeorm';
import type { Area } from '../../core/areas/area.entity';
import { queryArea } from '../../core/areas/areas.service';
import { requireWriter } from '../../core/auth/policy';
import { now } from '../../core/clock';
import type { Context } from '../../core/context';
import { fileUrl, StoredFile } from '../../core/files';
import { chunks } from '../../core/xlsx';
import { ContractVariation, ProjectCompletion, ProjectContract, ProjectDocument } from './contracts.entity';
import { PROJECT_DOCUMENT } from './contracts.service';
import { FundingSource, ProjectFunding } from './funding.entity';
import { ProjectParty, PartyRole } from './party.entity';
import { ProjectMilestone } from './plan.entity';
import { Project } from './project.entity';
import { editableProject, scopedProjects } from './projects.scope';
import { mutate } from '../../core/transaction';

// The OC4IDS 0.9 project package of an area and year: the projects of the area whose construction period
// touches the year, each as an OC4IDS project (identification, sector, location, budget with its
// breakdown by funding source, parties, documents, milestones, contracts with their variations, status
// and completion). Validated against the vendored schema in schema/oc4ids/ by oc4ids.test.ts.

type Json = Record<string, unknown>;
const CNY = (fen: Fen) => ({ amount: oc4idsAmount(fen), currency: 'CNY' });
/** Calendar days as OC4IDS date-times, at midnight China time. */
const day = (date: string | null | undefined) => (date ? `${date}T00:00:00+08:00` : undefined);
/** The scheme of the unified social credit code (统一社会信用代码) in party identifiers. */
export const CREDIT_CODE_SCHEME = 'CN-USCC';
/** The scheme of the national project code (全国投资项目在线审批监管平台 项目代码) in project identifiers. */
export const NATIONAL_CODE_SCHEME = 'CN-TZXMSPJG';

const OC4IDS_ROLES: Record<PartyRole, string[]> = {
  OWNER: ['publicAuthority', 'buyer'],
  IMPLEMENTER: ['administrativeEntity'],
  CONTRACTOR: ['supplier'],
  DESIGNER: ['supplier'],
  SUPERVISOR: ['supplier'],
};

/** Removes undefined members, so optional OC4IDS fields are absent rather than null (the schema refuses null). */
function clean<T extends Json>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))) as T;
}

async function byIds<T extends ObjectLiteral>(ctx: Context, entity: EntityTarget<T>, column: string, ids: number[]): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunks(ids)) out.push(...(await ctx.db.getRepository(entity).find({ where: { [column]: In(part) } as never })));
  return out;
}

function group<T>(rows: T[], key: (r: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
}

export interface Oc4idsPackage {
  fileName: string;
  body: Json;
}

/** Who reads a package: a signed-in admin or analyst (every project in scope), or anyone (the open file). */
type Audience = 'signed-in' | 'public';

/** The package of an area in the viewer's scope (default: the viewer's own) and a year. */
export async function oc4idsPackage(ctx: Context, areaIdArg: number | null, year: number): Promise<Oc4idsPackage> {
  const area = queryArea(ctx, areaIdArg);
  const projects = await inAreaAndYear(scopedProjects(ctx), ctx, area, year).getMany();
  return buildPackage(ctx, area, year, projects, 'signed-in');
}

/**
 * The open file of an area and a year, for anyone: only the projects an admin marked public (公开), and of
 * their documents only the public record types (isOpenDocumentType), as metadata without their files.
 */
export async function openOc4idsPackage(ctx: Context, area: Area, year: number): Promise<Oc4idsPackage> {
  const qb = ctx.db.getRepository(Project).createQueryBuilder('p').where('p.openData = :open', { open: true });
  return buildPackage(ctx, area, year, await inAreaAndYear(qb, ctx, area, year).getMany(), 'public');
}

/**
 * The area an open-file request names: its administrative division code (行政区划代码, e.g. 210111) or its id;
 * undefined when there is none.
 */
export function openDataArea(ctx: Context, ref: string): Area | undefined {
  const all = ctx.areas.roots().flatMap((r) => ctx.areas.subtree(r.id));
  return all.find((a) => a.code !== null && a.code === ref) ?? (/^\d{1,9}$/.test(ref) ? ctx.areas.get(Number(ref)) : undefined);
}

function inAreaAndYear<T extends SelectQueryBuilder<Project>>(qb: T, ctx: Context, area: Area, year: number): T {
  const areaIds = ctx.areas.subtree(area.id).map((a) => a.id);
  return qb
    .andWhere('p.areaId IN (:...areaIds)', { areaIds })
    .andWhere('p.constructionStart <= :last AND p.constructionEnd >= :first', { first: `${year}-01`, last: `${year}-12` })
    .orderBy('p.code', 'ASC') as T;
}

/** Marks a project public (公开) or not: an admin of its area, as any edit of the project; audited. */
export async function setProjectOpenData(ctx: Context, id: number, open: boolean): Promise<Project> {
  requireWriter(ctx.viewer);
  const project = await editableProject(ctx, id);
  return mutate(ctx, async (tx) => {
    if (project.openData === open) {
      tx.unchanged(); // already so: nothing to write
      return project;
    }
    await tx.em.update(Project, { id }, { openData: open });
    await tx.audit({ action: open ? 'project.open-data.publish' : 'project.open-data.withdraw', entityType: 'Project', entityId: id, areaId: project.areaId, before: { openData: project.openData }, after: { openData: open } });
    return Object.assign(project, { openData: open });
  });
}

/** The one builder of a package, for both audiences. */
async function buildPackage(ctx: Context, area: Area, year: number, projects: Project[], audience: Audience): Promise<Oc4idsPackage> {
  const ids = projects.map((p) => p.id);
  const [parties, documents, contracts, completions, funding, milestones] = await Promise.all([
    byIds(ctx, ProjectParty, 'projectId', ids),
    byIds(ctx, ProjectDocument, 'projectId', ids).then((docs) => (audience === 'public' ? docs.filter((d) => isOpenDocumentType(d.documentType)) : docs)),
    byIds(ctx, ProjectContract, 'projectId', ids),
    byIds(ctx, ProjectCompletion, 'projectId', ids),
    byIds(ctx, ProjectFunding, 'projectId', ids),
    byIds(ctx, ProjectMilestone, 'projectId', ids),
  ]);
  const variations = await byIds(ctx, ContractVariation, 'contractId', contracts.map((c) => c.id));
  // A document's first file is its OC4IDS url (read as the API reads it: by whoever may read the project).
  const documentFiles = new Map<number, StoredFile>();
  // The open file links no files: they are served to signed-in readers of the project only.
  for (const part of audience === 'public' ? [] : chunks(documents.map((d) => String(d.id)))) {
    const files = await ctx.db.getRepository(StoredFile).find({ where: { ownerType: PROJECT_DOCUMENT, ownerId: In(part) }, order: { createdAt: 'ASC', id: 'ASC' } });
    for (const f of files) if (!documentFiles.has(Number(f.ownerId))) documentFiles.set(Number(f.ownerId), f);
  }
  const sources = new Map((await byIds(ctx, FundingSource, 'id', [...new Set(funding.map((f) => f.sourceId))])).map((s) => [s.id, s]));
  const partiesOf = group(parties, (r) => r.projectId);
  const documentsOf = group(documents, (r) => r.projectId);
  const contractsOf = group(contracts, (r) => r.projectId);
  const completionOf = group(completions, (r) => r.projectId);
  const fundingOf = group(funding, (r) => r.projectId);
  const milestonesOf = group(milestones, (r) => r.projectId);
  const variationsOf = group(variations, (r) => r.contractId);
  const { openData } = ctx.config;
  const body: Json = {
    uri: audience === 'public' ? `${new URL(openData.uriBase).origin}/api/open/oc4ids.json?area=${area.code ?? area.id}&year=${year}` : `${openData.uriBase}/oc4ids.json?areaId=${area.id}&year=${year}`,
    publishedDate: now().toISOString(),
    version: '0.9',
    publisher: { name: openData.publisher },
    license: openData.license,
    projects: projects.map((p) =>
      projectRecord(ctx, p, {
        parties: partiesOf.get(p.id) ?? [],
        documents: documentsOf.get(p.id) ?? [],
        documentFiles,
        contracts: (contractsOf.get(p.id) ?? []).map((c) => ({ contract: c, variations: (variationsOf.get(c.id) ?? []).sort((a, b) => a.seq - b.seq) })),
        completion: completionOf.get(p.id)?.[0] ?? null,
        funding: (fundingOf.get(p.id) ?? []).map((line) => ({ line, source: sources.get(line.sourceId)! })),
        milestones: milestonesOf.get(p.id) ?? [],
      }),
    ),
  };
  return { fileName: `${area.name}-${year}-oc4ids.json`, body };
}

interface Related {
  parties: ProjectParty[];
  documents: ProjectDocument[];
  documentFiles: Map<number, StoredFile>;
  contracts: { contract: ProjectContract; variations: ContractVariation[] }[];
  completion: ProjectCompletion | null;
  funding: { line: ProjectFunding; source: FundingSource }[];
  milestones: ProjectMilestone[];
}

function projectRecord(ctx: Context, p: Project, r: Related): Json {
  const prefix = ctx.config.openData.idPrefix;
  const district = ctx.areas.get(p.areaId);
  const partyId = (party: ProjectParty) => `${CREDIT_CODE_SCHEME}-${party.creditCode}`;
  // One organisation per credit code, with every role it has in the project.
  const organisations = new Map<string, Json & { roles: string[] }>();
  for (const party of r.parties) {
    const id = partyId(party);
    const org = organisations.get(id) ?? { id, name: party.name, identifier: { scheme: CREDIT_CODE_SCHEME, id: party.creditCode, legalName: party.name }, roles: [] };
    org.roles = [...new Set([...org.roles, ...OC4IDS_ROLES[party.role]])];
    organisations.set(id, org);
  }
  for (const { source } of r.funding) {
    const id = `funding-source-${source.code}`;
    if (!organisations.has(id)) organisations.set(id, { id, name: source.name, roles: ['funder'] });
  }
  const owner = r.parties.find((x) => x.role === PartyRole.OWNER);
  const years = [...new Set(r.funding.map((f) => f.line.year))].sort();
  const geometry = geometryOf(p.locationGeoJson);
  return clean({
    id: oc4idsProjectId(prefix, p.code, p.nationalCode),
    updated: p.updatedAt.toISOString(),
    language: 'zh',
    identifiers: [{ id: p.code, scheme: 'KPD' }, ...(p.nationalCode ? [{ id: p.nationalCode, scheme: NATIONAL_CODE_SCHEME }] : [])],
    title: p.name,
    publicAuthority: owner ? { id: partyId(owner), name: owner.name } : undefined,
    status: oc4idsStatus(p.stage),
    sector: oc4idsSectors(p.category),
    additionalClassifications: [{ scheme: 'KPD-CATEGORY', id: p.category }],
    period: { startDate: day(`${p.constructionStart}-01`), endDate: day(lastDayOf(p.constructionEnd)) },
    locations: geometry || district
      ? [clean({ id: '1', geometry, address: district ? { region: district.name, countryName: '中国' } : undefined, description: [p.boundaryEast && `东至${p.boundaryEast}`, p.boundaryWest && `西至${p.boundaryWest}`, p.boundarySouth && `南至${p.boundarySouth}`, p.boundaryNorth && `北至${p.boundaryNorth}`].filter(Boolean).join('，') || undefined })]
      : undefined,
    budget: clean({
      amount: CNY(p.totalInvestment),
      budgetBreakdowns: years.length
        ? years.map((year) => ({
            id: `funding-${year}`,
            budgetBreakdown: r.funding
              .filter((f) => f.line.year === year)
              .map(({ line, source }) => clean({
                id: `${year}-${source.code}`,
                description: `${year}年${source.name}：计划 ${formatYuan(line.planned)} 元，到位 ${formatYuan(line.received)} 元`,
                amount: CNY(line.planned),
                period: { startDate: day(`${year}-01-01`), endDate: day(`${year}-12-31`) },
                sourceParty: { id: `funding-source-${source.code}`, name: source.name },
              })),
          }))
        : undefined,
    }),
    parties: [...organisations.values()],
    documents: r.documents.map((d) => {
      const file = r.documentFiles.get(d.id);
      const url = file ? `${new URL(ctx.config.openData.uriBase).origin}${fileUrl(file)}` : undefined;
      return clean({ id: String(d.id), documentType: d.documentType, title: d.title, description: d.number ?? undefined, author: d.issuer ?? undefined, datePublished: day(d.issuedOn), url, format: file?.mime });
    }),
    milestones: r.milestones.map((m) => clean({ id: String(m.id), title: m.name, type: 'delivery', dueDate: day(m.dueDate), dateMet: day(m.metDate), status: m.metDate ? 'met' : 'scheduled' })),
    contractingProcesses: r.contracts.map(({ contract: c, variations }) => {
      const terms = termsAfter({ value: c.originalValue, endDate: c.originalEndDate }, variations.map((v) => ({ type: v.kind as 'value' | 'duration' | 'scope', newValue: v.newValue, newEndDate: v.newEndDate })));
      const supplier = c.supplierPartyId === null ? undefined : r.parties.find((x) => x.id === c.supplierPartyId);
      return {
        id: `contract-${c.id}`,
        summary: clean({
          externalReference: c.number ?? undefined,
          title: c.title,
          nature: [c.nature],
          status: c.status,
          suppliers: supplier ? [{ id: partyId(supplier), name: supplier.name }] : undefined,
          contractValue: CNY(c.originalValue),
          finalValue: c.status === 'closed' ? CNY(terms.value) : undefined,
          contractPeriod: c.startDate || terms.endDate ? clean({ startDate: day(c.startDate), endDate: day(terms.endDate) }) : undefined,
          modifications: variations.map((v) => clean({
            id: `contract-${c.id}-variation-${v.seq}`,
            date: day(v.date),
            rationale: v.reason,
            type: v.kind,
            oldContractValue: v.oldValue === null ? undefined : CNY(v.oldValue),
            newContractValue: v.newValue === null ? undefined : CNY(v.newValue),
            oldContractPeriod: v.oldEndDate ? { endDate: day(v.oldEndDate) } : undefined,
            newContractPeriod: v.newEndDate ? { endDate: day(v.newEndDate) } : undefined,
          })),
        }),
      };
    }),
    completion: r.completion
      ? clean({
          endDate: day(r.completion.endDate),
          finalValue: CNY(r.completion.finalCost),
          finalValueDetails: r.completion.deviationReason || undefined,
          finalScope: r.completion.finalScope,
        })
      : undefined,
  });
}

/** The site outline as an OC4IDS geometry (GeoJSON, WGS84), when it is one the standard names. */
function geometryOf(text: string | null): Json | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as { type?: string; coordinates?: unknown; geometry?: { type?: string; coordinates?: unknown } };
    const g = value.type === 'Feature' ? value.geometry : value;
    if (g && ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'].includes(g.type ?? '') && Array.isArray(g.coordinates)) return { type: g.type, coordinates: g.coordinates };
  } catch {
    // A stored outline that does not parse is left out rather than published broken.
  }
  return undefined;
}
