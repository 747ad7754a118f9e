import type { ApiModule } from '../../core/module';
import { startEscalationJob } from './escalation.job';
import { Problem, ProblemNote } from './problem.entity';
import { ProblemsResolver } from './problems.resolver';
import { registerProblemFileAccess } from './problems.files';
import { seedProblems } from './seed';

registerProblemFileAccess();

/**
 * Problem lists (问题清单): raised against projects, followed monthly, escalated to city supervision
 * (by a city admin, or by the background job once the deadline has passed), closed out with evidence.
 */
export const problemsModule: ApiModule = {
  name: 'problems',
  entities: [Problem, ProblemNote],
  resolvers: [ProblemsResolver],
  // No HTTP routes: the hook starts the background escalation job once the service is up.
  routes: (_router, services) => startEscalationJob(services),
  seedDemo: seedProblems,
};
