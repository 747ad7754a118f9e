import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Context } from '../../core/context';
import { DispatchAttendee } from './meeting.entity';

export const attendeesLoader = (ctx: Context) =>
  new DataLoader<number, DispatchAttendee[]>(async (ids) => {
    const rows = await ctx.db.getRepository(DispatchAttendee).find({ where: { meetingId: In([...ids]) }, order: { id: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.meetingId === id));
  });
