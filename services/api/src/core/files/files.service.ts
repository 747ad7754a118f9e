import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { canAttachAnyUpload, isSignedIn, requireSignedIn } from '../auth/policy';
import { loader, type Context } from '../context';
import { UserInputError, type FieldProblem } from '../errors';
import type { Tx } from '../transaction';
import { storageFor } from './storage';
import { FilePurpose, StoredFile } from './stored-file.entity';

/** Decides whether the viewer may read a file attached to one of the module's records. */
export type FileAccessCheck = (ctx: Context, file: StoredFile) => Promise<boolean>;

const accessChecks = new Map<string, FileAccessCheck>();

/** A module declares who may read the files it attaches (e.g. `project-photo`: viewers who can read the project). */
export function registerFileAccess(ownerType: string, check: FileAccessCheck): void {
  accessChecks.set(ownerType, check);
}

/** Unattached files: only the uploader. Attached ones: whatever their owner's module says. */
export async function canReadFile(ctx: Context, file: StoredFile): Promise<boolean> {
  if (!isSignedIn(ctx.viewer) && !file.ownerType) return false;
  if (!file.ownerType) return file.uploadedByUserId === ctx.viewer.userId;
  const check = accessChecks.get(file.ownerType);
  return check ? check(ctx, file) : false;
}

export function fileUrl(file: Pick<StoredFile, 'id'>): string {
  return `/api/files/${file.id}`;
}

export function thumbnailUrl(file: Pick<StoredFile, 'id' | 'thumbnailKey'>): string | null {
  return file.thumbnailKey ? `/api/files/${file.id}/thumbnail` : null;
}

const PURPOSE_NAMES: Record<FilePurpose, string> = { PHOTO: '图片', SPREADSHEET: '表格', EXPORT: '导出文件', DOCUMENT: 'PDF 或扫描件' };

export interface AttachTarget {
  ownerType: string;
  ownerId: string | number;
  /** The area of the record, for admins' scope checks and audits. */
  areaId: number | null;
  purpose: FilePurpose;
}

/**
 * Attaches uploaded files to a record inside the caller's transaction. Each id must be a file of
 * the right purpose, not attached elsewhere, uploaded by the caller (or by anyone, when the caller
 * is an admin whose scope covers the record). Every refusal names its `field[i]`.
 */
export async function attachFiles(ctx: Context, tx: Tx, fileIds: string[], target: AttachTarget, field = 'fileIds'): Promise<StoredFile[]> {
  requireSignedIn(ctx.viewer);
  if (fileIds.length === 0) return [];
  const unique = [...new Set(fileIds)];
  const files = await tx.em.find(StoredFile, { where: { id: In(unique) } });
  const byId = new Map(files.map((f) => [f.id, f]));
  const ownerId = String(target.ownerId);
  const adminHere = canAttachAnyUpload(ctx.viewer, target.areaId);
  const problems: FieldProblem[] = [];
  fileIds.forEach((id, i) => {
    const file = byId.get(id);
    const at = `${field}[${i}]`;
    if (!file) problems.push({ field: at, reason: '没有这个文件 (no such file)' });
    else if (file.purpose !== target.purpose) problems.push({ field: at, reason: `应为${PURPOSE_NAMES[target.purpose]} (wrong kind of file)` });
    else if (file.ownerType && (file.ownerType !== target.ownerType || file.ownerId !== ownerId)) problems.push({ field: at, reason: '文件已用于其他记录 (already attached elsewhere)' });
    else if (file.uploadedByUserId !== ctx.viewer.userId && !adminHere) problems.push({ field: at, reason: '只能使用自己上传的文件 (not your upload)' });
  });
  if (fileIds.length !== unique.length) problems.push({ field, reason: '同一文件出现多次 (a file is listed twice)' });
  if (problems.length) throw UserInputError.of(problems);
  await tx.em.update(StoredFile, { id: In(unique) }, { ownerType: target.ownerType, ownerId, areaId: target.areaId });
  return unique.map((id) => Object.assign(byId.get(id)!, { ownerType: target.ownerType, ownerId, areaId: target.areaId }));
}

/** Releases files from a record (they stay stored, readable by their uploader only). */
export async function detachFiles(tx: Tx, ownerType: string, ownerId: string | number, keep: string[] = []): Promise<void> {
  const qb = tx.em
    .createQueryBuilder()
    .update(StoredFile)
    .set({ ownerType: null, ownerId: null, areaId: null })
    .where('owner_type = :ownerType AND owner_id = :ownerId', { ownerType, ownerId: String(ownerId) });
  if (keep.length) qb.andWhere('id NOT IN (:...keep)', { keep });
  await qb.execute();
}

/** The bytes of a workbook the caller uploaded, for an import. */
export async function readUploadedSpreadsheet(ctx: Context, fileId: string, field = 'fileId'): Promise<Buffer> {
  requireSignedIn(ctx.viewer);
  const file = await ctx.db.getRepository(StoredFile).findOneBy({ id: fileId });
  if (!file || file.uploadedByUserId !== ctx.viewer.userId) throw new UserInputError(field, '没有这个上传文件 (no such upload of yours)');
  if (file.purpose !== FilePurpose.SPREADSHEET) throw new UserInputError(field, '不是表格文件 (not a spreadsheet)');
  return storageFor(ctx.config).get(file.storageKey);
}

/** Files attached to records of one type, batched per request: `filesOf(ctx, 'project-photo').load(id)`. */
export function filesOf(ctx: Context, ownerType: string): DataLoader<string, StoredFile[]> {
  return loader(ctx, filesLoaderFor(ownerType));
}

const factories = new Map<string, (ctx: Context) => DataLoader<string, StoredFile[]>>();
function filesLoaderFor(ownerType: string) {
  let factory = factories.get(ownerType);
  if (!factory) {
    factory = (ctx: Context) =>
      new DataLoader<string, StoredFile[]>(async (ownerIds) => {
        const rows = await ctx.db
          .getRepository(StoredFile)
          .find({ where: { ownerType, ownerId: In([...ownerIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
        const grouped = new Map<string, StoredFile[]>();
        for (const row of rows) grouped.set(row.ownerId!, [...(grouped.get(row.ownerId!) ?? []), row]);
        return ownerIds.map((id) => grouped.get(id) ?? []);
      });
    factories.set(ownerType, factory);
  }
  return factory;
}
