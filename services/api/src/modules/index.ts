import { accountsModule, areasModule, filesModule, noticesModule, webModule } from '../core';
import type { ApiModule } from '../core/module';
import { dispatchModule } from './dispatch';
import { exportsModule } from './exports';
import { investmentModule } from './investment';
import { livelihoodModule } from './livelihood';
import { problemsModule } from './problems';
import { openDataModule, projectsModule } from './projects';
import { rankingsModule } from './rankings';
import { remindersModule } from './reminders';
import { secretariesModule } from './secretaries';
import { serviceItemsModule } from './service-items';

/** Every module, the core's first, in dependency order (demo seeds run in this order). */
export const modules: ApiModule[] = [
  areasModule,
  accountsModule,
  filesModule,
  noticesModule,
  projectsModule,
  openDataModule,
  secretariesModule,
  problemsModule,
  rankingsModule,
  dispatchModule,
  serviceItemsModule,
  livelihoodModule,
  investmentModule,
  exportsModule,
  remindersModule,
  webModule,
];

export const entities = modules.flatMap((m) => m.entities);
