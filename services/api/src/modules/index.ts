import { AuditRecord } from '../common/audit/audit-record.entity';
import { AuditResolver } from '../common/audit/audit.resolver';
import { AuthResolver } from '../auth/auth.resolver';
import { Session } from '../auth/session.entity';
import { User } from '../auth/user.entity';
import { seedAccounts } from '../auth/seed';
import { Area } from './areas/area.entity';
import { AreasResolver, CitySettingsResolver } from './areas/areas.resolver';
import { CitySettings } from './areas/city-settings.entity';
import { seedAreas } from './areas/seed';
import { fileRoutes } from '../common/files/files.routes';
import { UploadedFileResolver } from '../common/files/files.resolver';
import { StoredFile } from '../common/files/stored-file.entity';
import { livelihoodModule } from './livelihood';
import type { ApiModule } from './module';
import { dispatchModule } from './dispatch';
import { problemsModule } from './problems';
import { projectsModule } from './projects';
import { secretariesModule } from './secretaries';
import { rankingsModule } from './rankings';
import { serviceItemsModule } from './service-items';
import { webRoutes } from './web/web.routes';

const areas: ApiModule = {
  name: 'areas',
  entities: [Area, CitySettings],
  resolvers: [AreasResolver, CitySettingsResolver],
  seedDemo: seedAreas,
};

const accounts: ApiModule = {
  name: 'accounts',
  entities: [User, Session, AuditRecord],
  resolvers: [AuthResolver, AuditResolver],
  seedDemo: seedAccounts,
};

/** Uploaded pictures and workbooks: POST /api/files, GET /api/files/:id. Modules attach and guard them. */
const files: ApiModule = {
  name: 'files',
  entities: [StoredFile],
  resolvers: [UploadedFileResolver],
  routes: fileRoutes,
};

/** The admin's micro-frontends: GET /api/web/manifest lists the remotes the shell loads at run time. */
const web: ApiModule = {
  name: 'web',
  entities: [],
  resolvers: [],
  routes: webRoutes,
};

/** Every domain module, in dependency order (demo seeds run in this order). */
export const modules: ApiModule[] = [areas, accounts, files, projectsModule, secretariesModule, problemsModule, rankingsModule, dispatchModule, serviceItemsModule, livelihoodModule, web];

export const entities = modules.flatMap((m) => m.entities);
