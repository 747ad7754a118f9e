import { DomainError, requireCreditCode } from '@kpd/domain';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { requireWriter } from '../../core/auth/policy';
import { loader, type Context } from '../../core/context';
import { ConflictError, NotFoundError, UserInputError } from '../../core/errors';
import { parseId, parseOptionalId } from '../../core/ids';
import { mutate } from '../../core/transaction';
import { ProjectParty } from './party.entity';
import type { ProjectPartyInput } from './parties.inputs';
import type { Project } from './project.entity';
import { editableProject } from './projects.scope';
import { isDuplicateKey } from './projects.service';

// Parties of a project (参建单位): owner, implementing enterprise, contractors, designers, supervisors,
// each identified by its unified social credit code, checked by the one rule in @kpd/domain.

/** The request's loader of parties by project (callers reach them through a readable project). */
export function partiesByProject(ctx: Context): DataLoader<number, ProjectParty[]> {
  return new DataLoader<number, ProjectParty[]>(async (ids) => {
    const rows = await ctx.db.getRepository(ProjectParty).find({ where: { projectId: In([...ids]) }, order: { role: 'ASC', id: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.projectId === id));
  });
}

export function partiesOf(ctx: Context, project: Project): Promise<ProjectParty[]> {
  return loader(ctx, partiesByProject).load(project.id);
}

/** Adds or changes a party of a project: an admin of the project's area. */
export async function saveProjectParty(ctx: Context, projectIdArg: string, input: ProjectPartyInput): Promise<ProjectParty> {
  requireWriter(ctx.viewer);
  const project = await editableProject(ctx, parseId(projectIdArg, 'projectId'));
  const id = parseOptionalId(input.id, 'input.id');
  const problems: { field: string; reason: string }[] = [];
  let creditCode = '';
  try {
    creditCode = requireCreditCode(input.creditCode, 'input.creditCode');
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    problems.push({ field: e.field, reason: e.reason });
  }
  const name = input.name.trim();
  if (!name) problems.push({ field: 'input.name', reason: '单位名称不能为空' });
  if (problems.length) throw UserInputError.of(problems);
  const values = { role: input.role, name, creditCode };
  try {
    return await mutate(ctx, async (tx) => {
      const repo = tx.em.getRepository(ProjectParty);
      if (id === null) {
        const saved = await repo.save(repo.create({ ...values, projectId: project.id, areaId: project.areaId, version: 1 }));
        await tx.audit({ action: 'project-party.create', entityType: 'ProjectParty', entityId: saved.id, areaId: project.areaId, after: saved });
        return saved;
      }
      const before = await repo.findOne({ where: { id, projectId: project.id } });
      if (!before) throw new NotFoundError('ProjectParty', id);
      const result = await tx.em.createQueryBuilder().update(ProjectParty).set({ ...values, version: before.version + 1 }).where('id = :id AND version = :v', { id, v: input.version ?? -1 }).execute();
      if (result.affected === 0) throw new ConflictError(`参建单位已被他人修改（当前版本 ${before.version}），请刷新后再改`, { currentVersion: before.version });
      const after = { ...before, ...values, version: before.version + 1 };
      await tx.audit({ action: 'project-party.update', entityType: 'ProjectParty', entityId: id, areaId: project.areaId, before, after });
      return after;
    });
  } catch (e) {
    if (isDuplicateKey(e)) throw new UserInputError('input.creditCode', `该单位（${creditCode}）已以同一角色登记在本项目`);
    throw e;
  }
}

/** Removes a party from a project: an admin of the project's area. */
export async function removeProjectParty(ctx: Context, idArg: string): Promise<boolean> {
  requireWriter(ctx.viewer);
  const id = parseId(idArg, 'id');
  const party = await ctx.db.getRepository(ProjectParty).findOne({ where: { id } });
  if (!party) throw new NotFoundError('ProjectParty', id);
  const project = await editableProject(ctx, party.projectId).catch((e: unknown) => {
    if (e instanceof NotFoundError) throw new NotFoundError('ProjectParty', id);
    throw e;
  });
  return mutate(ctx, async (tx) => {
    const result = await tx.em.getRepository(ProjectParty).delete({ id });
    if (!result.affected) {
      tx.unchanged();
      return false;
    }
    await tx.audit({ action: 'project-party.remove', entityType: 'ProjectParty', entityId: id, areaId: project.areaId, before: party });
    return true;
  });
}
