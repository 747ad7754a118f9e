import type { ApiModule } from '../module';
import { Problem, ProblemNote } from './problem.entity';
import { ProblemsResolver } from './problems.resolver';
import { seedProblems } from './seed';

/** Problem lists (问题清单): raised against projects, followed monthly, escalated to city supervision, closed out with evidence. */
export const problemsModule: ApiModule = {
  name: 'problems',
  entities: [Problem, ProblemNote],
  resolvers: [ProblemsResolver],
  seedDemo: seedProblems,
};
