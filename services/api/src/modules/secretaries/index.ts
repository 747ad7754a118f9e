import type { ApiModule } from '../../core/module';
import {
  ProblemSecretaryResolver,
  ProjectSecretariesResolver,
  QuietProjectResolver,
  SecretariesResolver,
  SecretaryAreaFiguresResolver,
  SecretaryAssignmentResolver,
  ServiceLogEntryResolver,
} from './secretaries.resolver';
import { secretaryRoutes } from './secretaries.xlsx';
import { Secretary, SecretaryAssignment, SecretaryEvaluation, ServiceLogEntry } from './secretary.entity';
import { seedSecretaries } from './seed';

/**
 * Service secretaries (服务秘书): assignments to key projects, the service log, coverage, workload
 * and no-contact warnings, third-party evaluation. Route: /api/secretaries/evaluation-template.xlsx.
 */
export const secretariesModule: ApiModule = {
  name: 'secretaries',
  entities: [Secretary, SecretaryAssignment, ServiceLogEntry, SecretaryEvaluation],
  resolvers: [SecretariesResolver, SecretaryAssignmentResolver, ServiceLogEntryResolver, QuietProjectResolver, SecretaryAreaFiguresResolver, ProjectSecretariesResolver, ProblemSecretaryResolver],
  routes: secretaryRoutes,
  seedDemo: seedSecretaries,
};
