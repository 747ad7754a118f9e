import { canReadFigures, signedIn } from '../../core/auth/policy';
import { NotFoundError } from '../../core/errors';
import type { Context } from '../../core/context';
import { DispatchMeeting } from './meeting.entity';

/** Meetings the viewer may read: its area's, and its city's city-level meetings. */
export function scopedMeetings(ctx: Context) {
  const viewer = signedIn(ctx.viewer);
  const qb = ctx.db.getRepository(DispatchMeeting).createQueryBuilder('m');
  const { scope } = viewer;
  if (!canReadFigures(viewer)) return qb.andWhere('1 = 0');
  const ids = scope.areaIds();
  if (ids) {
    const city = ctx.areas.cityOf(scope.root.id);
    qb.andWhere('(m.area_id IN (:...__mAreas) OR (m.area_id = m.city_id AND m.city_id = :__mCity))', { __mAreas: ids, __mCity: city?.id ?? -1 });
  }
  return qb;
}

export async function readableMeeting(ctx: Context, id: number): Promise<DispatchMeeting> {
  const m = await scopedMeetings(ctx).andWhere('m.id = :id', { id }).getOne();
  if (!m) throw new NotFoundError('DispatchMeeting', id);
  return m;
}
