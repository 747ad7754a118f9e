import type { ApiModule } from '../module';
import { Notice, NoticeAttempt, NoticeChannel, NoticeDelivery, NoticePreference } from './notice.entity';
import { NoticeChannelsResolver, NoticeDeliveriesResolver, NoticesResolver } from './notices.resolver';
import { ResponsibleUnit } from './responsible-unit.entity';
import { ResponsibleUnitsResolver } from './responsible-units.resolver';
import { seedResponsibleUnits } from './responsible-units.seed';
import { startNoticeWorker } from './worker';

export { enqueueNotices, usersAt, type NoticeDraft } from './outbox';
export { NoticeKind } from './notice.types';
export { ownerUnitsOf } from './responsible-units.match';

/**
 * Reminders and to-dos (提醒): the outbox of notices every module writes in its own transactions,
 * the user's inbox and preferences, the admins' outbound webhook channels with their deliveries, and
 * the directory of responsible units (责任单位名录) whose problems' reminders go out by SMS.
 * The route hook starts the delivery worker.
 */
export const noticesModule: ApiModule = {
  name: 'notices',
  entities: [Notice, NoticePreference, NoticeChannel, NoticeDelivery, NoticeAttempt, ResponsibleUnit],
  resolvers: [NoticesResolver, NoticeChannelsResolver, NoticeDeliveriesResolver, ResponsibleUnitsResolver],
  routes: (_router, services) => startNoticeWorker(services),
  seedDemo: seedResponsibleUnits,
};
