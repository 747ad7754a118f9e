import type { ApiModule } from '../module';
import { Notice, NoticeAttempt, NoticeChannel, NoticeDelivery, NoticePreference } from './notice.entity';
import { NoticeChannelsResolver, NoticeDeliveriesResolver, NoticesResolver } from './notices.resolver';
import { startNoticeWorker } from './worker';

export { enqueueNotices, usersAt, type NoticeDraft } from './outbox';
export { NoticeKind } from './notice.types';

/**
 * Reminders and to-dos (提醒): the outbox of notices every module writes in its own transactions,
 * the user's inbox and preferences, and the admins' outbound webhook channels with their deliveries.
 * The route hook starts the delivery worker.
 */
export const noticesModule: ApiModule = {
  name: 'notices',
  entities: [Notice, NoticePreference, NoticeChannel, NoticeDelivery, NoticeAttempt],
  resolvers: [NoticesResolver, NoticeChannelsResolver, NoticeDeliveriesResolver],
  routes: (_router, services) => startNoticeWorker(services),
};
