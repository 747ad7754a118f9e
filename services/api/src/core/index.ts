import { AuditChainHead, AuditRecord } from './audit/audit-record.entity';
import { startAuditJobs } from './audit/audit.job';
import { AuditResolver } from './audit/audit.resolver';
import { ApiTokenResolver, AuthResolver } from './auth/auth.resolver';
import { RateLimitResolver } from './rate-limit/rate-limit.resolver';
import { Session } from './auth/session.entity';
import { RecoveryCode } from './auth/recovery-code.entity';
import { SignInResolver } from './auth/sign-in.resolver';
import { User } from './auth/user.entity';
import { seedAccounts } from './auth/seed';
import { Area } from './areas/area.entity';
import { AreasResolver, CitySettingsResolver } from './areas/areas.resolver';
import { CitySettings } from './areas/city-settings.entity';
import { seedAreas } from './areas/seed';
import { fileRoutes } from './files/files.routes';
import { UploadedFileResolver } from './files/files.resolver';
import { StoredFile } from './files/stored-file.entity';
import type { ApiModule } from './module';
import { webRoutes } from './web/web.routes';

/** The area tree and each city's settings: the base of every scope. */
export const areasModule: ApiModule = {
  name: 'areas',
  entities: [Area, CitySettings],
  resolvers: [AreasResolver, CitySettingsResolver],
  seedDemo: seedAreas,
};

/** Users, sessions, API tokens and the audit trail. */
export const accountsModule: ApiModule = {
  name: 'accounts',
  entities: [User, Session, RecoveryCode, AuditRecord, AuditChainHead],
  resolvers: [AuthResolver, ApiTokenResolver, SignInResolver, AuditResolver, RateLimitResolver],
  // No routes of its own: the hook starts the audit chain's sealing and anchor jobs.
  routes: (_router, services) => startAuditJobs(services),
  seedDemo: seedAccounts,
};

/** Uploaded pictures and workbooks: POST /api/files, GET /api/files/:id. Modules attach and guard them. */
export const filesModule: ApiModule = {
  name: 'files',
  entities: [StoredFile],
  resolvers: [UploadedFileResolver],
  routes: fileRoutes,
};

/** The admin's micro-frontends: GET /api/web/manifest lists the remotes the shell loads at run time. */
export const webModule: ApiModule = {
  name: 'web',
  entities: [],
  resolvers: [],
  routes: webRoutes,
};

export { noticesModule } from './notices';
