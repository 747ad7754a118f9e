import { checkCompletion, checkVariation, termsAfter, type Fen } from '@kpd/domain';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { requireWriter } from '../../core/auth/policy';
import { now, today } from '../../core/clock';
import { attachFiles, detachFiles, FilePurpose, filesOf, type StoredFile } from '../../core/files';
import { loader, type Context } from '../../core/context';
import { ConflictError, NotFoundError, UserInputError, type FieldProblem } from '../../core/errors';
import { parseId, parseOptionalId } from '../../core/ids';
import { mutate, type Tx } from '../../core/transaction';
import { ContractVariation, ProjectCompletion, ProjectContract, ProjectDocument, ProjectDocumentType, VariationKind } from './contracts.entity';
import type { CompletionInput, ContractVariationInput, ProjectContractInput, ProjectDocumentInput } from './contracts.inputs';
import { lockSummaryKey, moveProjectSummary } from './investment-summary';
import { ProjectParty } from './party.entity';
import { Project, ProjectStage, ProjectStageChange } from './project.entity';
import { editableProject } from './projects.scope';

// A project's documents by type, its contracts with their variations, and its completion record:
// the OC4IDS documents, contractingProcesses and completion of the project. Rules in @kpd/domain (contracts.ts).

function byProject<T extends { projectId: number }>(entity: new () => T, order: Record<string, 'ASC' | 'DESC'>) {
  return (ctx: Context) =>
    new DataLoader<number, T[]>(async (ids) => {
      const rows = (await ctx.db.getRepository(entity).find({ where: { projectId: In([...ids]) } as never, order: order as never })) as T[];
      return ids.map((id) => rows.filter((r) => r.projectId === id));
    });
}
const documentsByProject = byProject(ProjectDocument, { issuedOn: 'ASC', id: 'ASC' });
const contractsByProject = byProject(ProjectContract, { id: 'ASC' });
const completionsByProject = byProject(ProjectCompletion, { id: 'ASC' });
function variationsByContract(ctx: Context): DataLoader<number, ContractVariation[]> {
  return new DataLoader<number, ContractVariation[]>(async (ids) => {
    const rows = await ctx.db.getRepository(ContractVariation).find({ where: { contractId: In([...ids]) }, order: { seq: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.contractId === id));
  });
}
function partiesById(ctx: Context): DataLoader<number, ProjectParty | null> {
  return new DataLoader<number, ProjectParty | null>(async (ids) => {
    const rows = await ctx.db.getRepository(ProjectParty).find({ where: { id: In([...ids]) } });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });
}
function documentsById(ctx: Context): DataLoader<number, ProjectDocument | null> {
  return new DataLoader<number, ProjectDocument | null>(async (ids) => {
    const rows = await ctx.db.getRepository(ProjectDocument).find({ where: { id: In([...ids]) } });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });
}

// Nested fields: the caller reached the project (or contract) through a readable project.
export const documentsOf = (ctx: Context, project: Project) => loader(ctx, documentsByProject).load(project.id);
export const contractsOf = (ctx: Context, project: Project) => loader(ctx, contractsByProject).load(project.id);
export const completionOf = async (ctx: Context, project: Project) => (await loader(ctx, completionsByProject).load(project.id))[0] ?? null;
export const variationsOf = (ctx: Context, contract: ProjectContract) => loader(ctx, variationsByContract).load(contract.id);
export const supplierOf = (ctx: Context, contract: ProjectContract) => (contract.supplierPartyId === null ? Promise.resolve(null) : loader(ctx, partiesById).load(contract.supplierPartyId));
export const filesOfDocument = (ctx: Context, doc: ProjectDocument): Promise<StoredFile[]> => filesOf(ctx, PROJECT_DOCUMENT).load(String(doc.id));
export const acceptanceOf = (ctx: Context, c: ProjectCompletion) => (c.acceptanceDocumentId === null ? Promise.resolve(null) : loader(ctx, documentsById).load(c.acceptanceDocumentId));

/** The contract's value and end date after its variations. */
export async function currentTerms(ctx: Context, contract: ProjectContract): Promise<{ value: Fen; endDate: string | null }> {
  return termsAfter({ value: contract.originalValue, endDate: contract.originalEndDate }, asDomain(await variationsOf(ctx, contract)));
}

const asDomain = (rows: ContractVariation[]) => rows.map((v) => ({ type: v.kind as `${VariationKind}`, newValue: v.newValue, newEndDate: v.newEndDate }));
const trimmed = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
const viewerName = (ctx: Context) => ctx.viewer.displayName ?? ctx.viewer.username ?? null;

function stale(what: string, version: number): ConflictError {
  return new ConflictError(`${what}已被他人修改（当前版本 ${version}），请刷新后再改`, { currentVersion: version });
}

/** The owner type of a project document's files (core/files). */
export const PROJECT_DOCUMENT = 'project-document';

/** Replaces a document's files when the input lists them (none listed: they stay). */
async function attachDocumentFiles(ctx: Context, tx: Tx, doc: { id: number; areaId: number }, fileIds: string[] | null | undefined): Promise<string[] | undefined> {
  if (fileIds === null || fileIds === undefined) return undefined;
  await detachFiles(tx, PROJECT_DOCUMENT, doc.id, fileIds);
  const files = await attachFiles(ctx, tx, fileIds, { ownerType: PROJECT_DOCUMENT, ownerId: doc.id, areaId: doc.areaId, purpose: FilePurpose.DOCUMENT }, 'input.fileIds');
  return files.map((f) => `${f.name}（${f.sha256.slice(0, 12)}）`);
}

/** Files or changes a document of a project, with its uploaded files: an admin of the project's area. */
export async function saveProjectDocument(ctx: Context, projectIdArg: string, input: ProjectDocumentInput): Promise<ProjectDocument> {
  requireWriter(ctx.viewer);
  const project = await editableProject(ctx, parseId(projectIdArg, 'projectId'));
  const id = parseOptionalId(input.id, 'input.id');
  const title = input.title.trim();
  if (!title) throw new UserInputError('input.title', '文件名称不能为空');
  const values = { documentType: input.documentType, title, number: trimmed(input.number), issuer: trimmed(input.issuer), issuedOn: input.issuedOn ?? null };
  return mutate(ctx, async (tx) => {
    const repo = tx.em.getRepository(ProjectDocument);
    if (id === null) {
      const saved = await repo.save(repo.create({ ...values, projectId: project.id, areaId: project.areaId, version: 1 }));
      const files = await attachDocumentFiles(ctx, tx, saved, input.fileIds);
      await tx.audit({ action: 'project-document.create', entityType: 'ProjectDocument', entityId: saved.id, areaId: project.areaId, after: { ...saved, files } });
      return saved;
    }
    const before = await repo.findOne({ where: { id, projectId: project.id } });
    if (!before) throw new NotFoundError('ProjectDocument', id);
    const result = await tx.em.createQueryBuilder().update(ProjectDocument).set({ ...values, version: before.version + 1 }).where('id = :id AND version = :v', { id, v: input.version ?? -1 }).execute();
    if (result.affected === 0) throw stale('项目文件', before.version);
    const after = { ...before, ...values, version: before.version + 1 };
    const files = await attachDocumentFiles(ctx, tx, before, input.fileIds);
    await tx.audit({ action: 'project-document.update', entityType: 'ProjectDocument', entityId: id, areaId: project.areaId, before, after: { ...after, files } });
    return after;
  });
}

/** Removes a document from a project, unless it is the project's completion acceptance. */
export async function removeProjectDocument(ctx: Context, idArg: string): Promise<boolean> {
  requireWriter(ctx.viewer);
  const id = parseId(idArg, 'id');
  const doc = await ctx.db.getRepository(ProjectDocument).findOne({ where: { id } });
  if (!doc) throw new NotFoundError('ProjectDocument', id);
  const project = await editableProject(ctx, doc.projectId).catch((e: unknown) => {
    throw e instanceof NotFoundError ? new NotFoundError('ProjectDocument', id) : e;
  });
  return mutate(ctx, async (tx) => {
    if (await tx.em.getRepository(ProjectCompletion).exists({ where: { acceptanceDocumentId: id } })) throw new UserInputError('id', '该文件是项目的竣工验收文件，不能删除');
    const result = await tx.em.getRepository(ProjectDocument).delete({ id });
    if (!result.affected) {
      tx.unchanged();
      return false;
    }
    await detachFiles(tx, PROJECT_DOCUMENT, id);
    await tx.audit({ action: 'project-document.remove', entityType: 'ProjectDocument', entityId: id, areaId: project.areaId, before: doc });
    return true;
  });
}

async function checkSupplier(ctx: Context, project: Project, raw: string | null | undefined, problems: FieldProblem[]): Promise<number | null> {
  const supplierId = parseOptionalId(raw, 'input.supplierPartyId');
  if (supplierId === null) return null;
  const party = await ctx.db.getRepository(ProjectParty).findOne({ where: { id: supplierId, projectId: project.id } });
  if (!party) problems.push({ field: 'input.supplierPartyId', reason: '承包单位须是本项目已登记的参建单位' });
  return supplierId;
}

/** Records or changes a contract of a project (its original terms: later changes are variations). */
export async function saveProjectContract(ctx: Context, projectIdArg: string, input: ProjectContractInput): Promise<ProjectContract> {
  requireWriter(ctx.viewer);
  const project = await editableProject(ctx, parseId(projectIdArg, 'projectId'));
  const id = parseOptionalId(input.id, 'input.id');
  const problems: FieldProblem[] = [];
  const title = input.title.trim();
  if (!title) problems.push({ field: 'input.title', reason: '合同名称不能为空' });
  if (input.originalValue < 0n) problems.push({ field: 'input.originalValue', reason: '合同金额不能为负' });
  if (input.startDate && input.originalEndDate && input.originalEndDate < input.startDate) problems.push({ field: 'input.originalEndDate', reason: '约定完成日期早于开始日期' });
  const supplierPartyId = await checkSupplier(ctx, project, input.supplierPartyId, problems);
  if (problems.length) throw UserInputError.of(problems);
  const values = {
    title, number: trimmed(input.number), nature: input.nature, status: input.status, supplierPartyId,
    originalValue: input.originalValue, signedOn: input.signedOn ?? null, startDate: input.startDate ?? null, originalEndDate: input.originalEndDate ?? null,
  };
  return mutate(ctx, async (tx) => {
    const repo = tx.em.getRepository(ProjectContract);
    if (id === null) {
      const saved = await repo.save(repo.create({ ...values, projectId: project.id, areaId: project.areaId, version: 1 }));
      await tx.audit({ action: 'project-contract.create', entityType: 'ProjectContract', entityId: saved.id, areaId: project.areaId, after: saved });
      return saved;
    }
    const before = await repo.findOne({ where: { id, projectId: project.id } });
    if (!before) throw new NotFoundError('ProjectContract', id);
    const varied = await tx.em.getRepository(ContractVariation).count({ where: { contractId: id } });
    if (varied > 0 && (before.originalValue !== values.originalValue || before.originalEndDate !== values.originalEndDate)) {
      throw new UserInputError(before.originalValue !== values.originalValue ? 'input.originalValue' : 'input.originalEndDate', '合同已有变更，签约金额和约定完成日期不再修改；请登记一项变更');
    }
    const result = await tx.em.createQueryBuilder().update(ProjectContract).set({ ...values, version: before.version + 1 }).where('id = :id AND version = :v', { id, v: input.version ?? -1 }).execute();
    if (result.affected === 0) throw stale('合同', before.version);
    const after = { ...before, ...values, version: before.version + 1 };
    await tx.audit({ action: 'project-contract.update', entityType: 'ProjectContract', entityId: id, areaId: project.areaId, before, after });
    return after;
  });
}

/**
 * Records a variation of a contract: it must start from the terms as they stand after the earlier
 * variations (the rule in @kpd/domain); two variations recorded at once cannot both take the same
 * number, so the second is refused as a conflict and nothing is half-written.
 */
export async function addContractVariation(ctx: Context, contractIdArg: string, input: ContractVariationInput): Promise<ContractVariation> {
  requireWriter(ctx.viewer);
  const contractId = parseId(contractIdArg, 'contractId');
  const contract = await ctx.db.getRepository(ProjectContract).findOne({ where: { id: contractId } });
  if (!contract) throw new NotFoundError('ProjectContract', contractId);
  const project = await editableProject(ctx, contract.projectId).catch((e: unknown) => {
    throw e instanceof NotFoundError ? new NotFoundError('ProjectContract', contractId) : e;
  });
  const variation = {
    type: input.kind as `${VariationKind}`, date: input.date, reason: input.reason,
    oldValue: input.oldValue ?? null, newValue: input.newValue ?? null, oldEndDate: input.oldEndDate ?? null, newEndDate: input.newEndDate ?? null,
  };
  return mutate(ctx, async (tx) => {
    const earlier = await tx.em.getRepository(ContractVariation).find({ where: { contractId }, order: { seq: 'ASC' } });
    checkVariation(termsAfter({ value: contract.originalValue, endDate: contract.originalEndDate }, asDomain(earlier)), variation, contract.signedOn);
    const repo = tx.em.getRepository(ContractVariation);
    const row = repo.create({
      contractId, projectId: project.id, seq: (earlier[earlier.length - 1]?.seq ?? 0) + 1, kind: input.kind, date: input.date, reason: input.reason.trim(),
      oldValue: variation.oldValue, newValue: variation.newValue, oldEndDate: variation.oldEndDate, newEndDate: variation.newEndDate, recordedBy: viewerName(ctx),
    });
    try {
      await repo.insert(row);
    } catch (e) {
      if (isDuplicate(e)) throw new ConflictError('同一合同刚刚登记了另一项变更，请刷新后再登记', { currentVersion: contract.version });
      throw e;
    }
    await tx.audit({ action: 'contract-variation.create', entityType: 'ContractVariation', entityId: row.id, areaId: project.areaId, after: row });
    return row;
  });
}

function isDuplicate(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === 'ER_DUP_ENTRY' || /UNIQUE constraint failed/.test(err?.message ?? '');
}

/**
 * Completes a project (竣工): the completion record (rule in @kpd/domain: a reason whenever the cost or
 * the date depart from the plan), the completion acceptance document when given, and the stage moved to
 * COMPLETED with its reason, so the project leaves the monthly cycle; its reports stay in the year's figures.
 */
export async function completeProject(ctx: Context, projectIdArg: string, input: CompletionInput): Promise<ProjectCompletion> {
  requireWriter(ctx.viewer);
  const project = await editableProject(ctx, parseId(projectIdArg, 'projectId'));
  if (project.stage === ProjectStage.REMOVED) throw new UserInputError('projectId', '已剔除的项目不能登记竣工');
  const acceptanceDocumentId = parseOptionalId(input.acceptanceDocumentId, 'input.acceptanceDocumentId');
  const record = { endDate: input.endDate, finalCost: input.finalCost, finalScope: input.finalScope.trim(), deviationReason: input.deviationReason?.trim() ?? '' };
  checkCompletion(
    { totalInvestment: project.totalInvestment, plannedEnd: lastDayOfPeriod(project.constructionEnd), startDate: `${project.constructionStart}-01` },
    record,
    today(),
  );
  if (acceptanceDocumentId !== null) {
    const doc = await ctx.db.getRepository(ProjectDocument).findOne({ where: { id: acceptanceDocumentId, projectId: project.id } });
    if (!doc) throw new UserInputError('input.acceptanceDocumentId', '竣工验收文件须是本项目已登记的文件');
    if (doc.documentType !== ProjectDocumentType.COMPLETION_CERTIFICATE) throw new UserInputError('input.acceptanceDocumentId', '所选文件不是竣工验收类文件');
  }
  return mutate(ctx, async (tx) => {
    const repo = tx.em.getRepository(ProjectCompletion);
    const before = await repo.findOne({ where: { projectId: project.id } });
    const values = { ...record, acceptanceDocumentId, recordedBy: viewerName(ctx) };
    let saved: ProjectCompletion;
    if (before) {
      await repo.update({ id: before.id }, values);
      saved = { ...before, ...values };
    } else {
      saved = await repo.save(repo.create({ ...values, projectId: project.id, areaId: project.areaId }));
    }
    if (project.stage !== ProjectStage.COMPLETED) {
      const summaryKey = await lockSummaryKey(tx.em, project.id);
      const moved = await tx.em.createQueryBuilder().update(Project).set({ stage: ProjectStage.COMPLETED, version: project.version + 1, updatedAt: now() }).where('id = :id AND version = :v', { id: project.id, v: project.version }).execute();
      if (moved.affected === 0) throw stale('项目', project.version);
      await tx.em.getRepository(ProjectStageChange).insert({ projectId: project.id, fromStage: project.stage, toStage: ProjectStage.COMPLETED, reason: `竣工（${record.endDate}）`, changedBy: ctx.viewer.username, changedAt: now() });
      await moveProjectSummary(tx.em, project.id, summaryKey, { areaId: project.areaId, category: project.category, stage: ProjectStage.COMPLETED });
    }
    await tx.audit({ action: before ? 'project.completion.update' : 'project.complete', entityType: 'ProjectCompletion', entityId: saved.id, areaId: project.areaId, before, after: saved });
    return saved;
  });
}

function lastDayOfPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

