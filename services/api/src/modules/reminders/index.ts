import type { ApiModule } from '../../core/module';
import { startRemindersJob } from './reminders.job';

/**
 * Scheduled reminders (定时提醒) to secretaries and responsible units: reports due, problems near or
 * past their deadline, projects gone quiet. It owns no tables: it reads the projects, problems and
 * secretaries through their services and writes notices to the outbox (core/notices).
 */
export const remindersModule: ApiModule = {
  name: 'reminders',
  entities: [],
  resolvers: [],
  routes: (_router, services) => startRemindersJob(services),
};
