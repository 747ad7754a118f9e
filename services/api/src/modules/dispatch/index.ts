import type { ApiModule } from '../../core/module';
import { dispatchRoutes } from './dispatch.pack';
import { DispatchResolver } from './dispatch.resolver';
import { DispatchAttendee, DispatchListItem, DispatchMeeting } from './meeting.entity';
import { seedDispatch } from './seed';

/**
 * Dispatch meetings (调度会): the must-dispatch report list, attendees, minutes and decisions, the
 * on-site meeting's host, and the meeting pack: /api/dispatch/meetings/:id/pack.html and pack.xlsx.
 */
export const dispatchModule: ApiModule = {
  name: 'dispatch',
  entities: [DispatchMeeting, DispatchListItem, DispatchAttendee],
  resolvers: [DispatchResolver],
  routes: dispatchRoutes,
  seedDemo: seedDispatch,
};
