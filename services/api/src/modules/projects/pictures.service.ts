import { gcj02ToWgs84, isSameImage, periodStart, siteCornerOutside, takenAtSite, validateSiteGeometry, DomainError, type Position, type SiteGeometry } from '@kpd/domain';
import { requireWriter } from '../../core/auth/policy';
import { UserInputError } from '../../core/errors';
import { outlineOf } from '../../core/areas/outlines';
import { attachFiles, detachFiles, FilePurpose, filesOf } from '../../core/files';
import { mutate } from '../../core/transaction';
import { loader, type Context } from '../../core/context';
import type { MonthlyReport } from './plan.entity';
import { Project } from './project.entity';
import type { LocationInput } from './projects.inputs';
import { projectLoader, reportsLoader } from './projects.loaders';
import { editableProject } from './projects.scope';
import type { ProgressPhoto } from './projects.types';

// The three pictures (三图): location, renderings, and the progress photos of the monthly reports.

export const REPORT_PHOTO = 'project-report';
export const RENDERING = 'project-rendering';

/** Reads a GeoJSON text into a validated WGS84 site, converting from GCJ-02 when asked. */
export function parseSite(geoJson: string, gcj02: boolean, field = 'input.geoJson'): SiteGeometry {
  let value: unknown;
  try {
    value = JSON.parse(geoJson);
  } catch {
    throw new UserInputError(field, '不是有效的 GeoJSON 文本 (not JSON)');
  }
  let site: SiteGeometry;
  try {
    site = validateSiteGeometry(value, field);
  } catch (e) {
    if (e instanceof DomainError) throw new UserInputError(e.field, e.reason);
    throw e;
  }
  if (!gcj02) return site;
  const conv = (p: Position): Position => gcj02ToWgs84([p[0], p[1]]);
  return site.type === 'Polygon'
    ? { type: 'Polygon', coordinates: site.coordinates.map((r) => r.map(conv)) }
    : { type: 'MultiPolygon', coordinates: site.coordinates.map((poly) => poly.map((r) => r.map(conv))) };
}

export async function setProjectLocation(ctx: Context, id: number, input: LocationInput): Promise<Project> {
  requireWriter(ctx.viewer);
  const project = await editableProject(ctx, id);
  const site = parseSite(input.geoJson, input.gcj02);
  // The site lies in the project's district: the first area up the tree with a real outline.
  const area = [ctx.areas.get(project.areaId), ...ctx.areas.ancestors(project.areaId).reverse()].find((a) => a && outlineOf(a.code));
  if (area) {
    const corner = siteCornerOutside(site, outlineOf(area.code)!);
    if (corner) throw new UserInputError('input.geoJson', `范围超出${area.name}的边界：顶点 ${corner[0].toFixed(6)}, ${corner[1].toFixed(6)} 不在${area.name}内`);
  }
  return mutate(ctx, async (tx) => {
    const before = { location: project.locationGeoJson, east: project.boundaryEast, west: project.boundaryWest, south: project.boundarySouth, north: project.boundaryNorth };
    const values = {
      locationGeoJson: JSON.stringify(site),
      boundaryEast: input.east.trim(),
      boundaryWest: input.west.trim(),
      boundarySouth: input.south.trim(),
      boundaryNorth: input.north.trim(),
    };
    await tx.em.update(Project, { id }, values);
    await tx.audit({ action: 'project.location', entityType: 'Project', entityId: id, areaId: project.areaId, before, after: values });
    return Object.assign(project, values);
  });
}

/** Replaces the project's renderings (效果图) with these uploaded pictures. */
export async function setProjectRenderings(ctx: Context, id: number, fileIds: string[]): Promise<Project> {
  requireWriter(ctx.viewer);
  const project = await editableProject(ctx, id);
  return mutate(ctx, async (tx) => {
    await detachFiles(tx, RENDERING, id, fileIds);
    await attachFiles(ctx, tx, fileIds, { ownerType: RENDERING, ownerId: id, areaId: project.areaId, purpose: FilePurpose.PHOTO }, 'fileIds');
    await tx.audit({ action: 'project.renderings', entityType: 'Project', entityId: id, areaId: project.areaId, after: { fileIds } });
    return project;
  });
}

function siteOf(project: Project): SiteGeometry | null {
  if (!project.locationGeoJson) return null;
  try {
    return JSON.parse(project.locationGeoJson) as SiteGeometry;
  } catch {
    return null;
  }
}

/** A report's progress photos with what the checks noticed: taken before the month, off the site, reused from an earlier month. */
export async function progressPhotos(ctx: Context, report: MonthlyReport): Promise<ProgressPhoto[]> {
  const files = await filesOf(ctx, REPORT_PHOTO).load(String(report.id));
  if (files.length === 0) return [];
  const project = await loader(ctx, projectLoader).load(report.projectId);
  const site = project ? siteOf(project) : null;
  const earlier = (await loader(ctx, reportsLoader).load(report.projectId)).filter((r) => r.period < report.period);
  const earlierFiles = await Promise.all(earlier.map(async (r) => ({ period: r.period, files: await filesOf(ctx, REPORT_PHOTO).load(String(r.id)) })));
  const start = periodStart(report.period);
  return files.map((file) => {
    const takenBeforeMonth = !!file.takenAt && file.takenAt.getTime() < start.getTime();
    const outsideBoundary = !!site && file.gpsLat !== null && file.gpsLng !== null && !takenAtSite([file.gpsLng, file.gpsLat], site);
    let reusedFromPeriod: string | null = null;
    if (file.perceptualHash) {
      for (const e of earlierFiles) {
        if (e.files.some((f) => f.perceptualHash && isSameImage(f.perceptualHash, file.perceptualHash!))) reusedFromPeriod = e.period;
      }
    }
    const flags: string[] = [];
    if (takenBeforeMonth) flags.push(`拍摄时间（${file.takenAt!.toISOString().slice(0, 10)}）早于填报月份 ${report.period}`);
    if (outsideBoundary) flags.push('拍摄位置不在项目范围内');
    if (reusedFromPeriod) flags.push(`与 ${reusedFromPeriod} 的进展照片相同`);
    return { file, takenBeforeMonth, outsideBoundary, reusedFromPeriod, flags };
  });
}
