import type { ApiModule } from '../../core/module';
import { InvestmentDistrictSummary, InvestmentSummary } from './investment-summary';
import { LightCount } from './light-counts';
import { LightBoardPublication, ProjectLight } from './light.entity';
import { LightsResolver } from './lights.resolver';
import { LightCorrection, MonthClose } from './month-close.entity';
import { MonthCloseResolver } from './month-close.resolver';
import { registerProjectFileAccess } from './projects.files';
import { MonthlyReport, PlanMonth, PlanYear, ProjectMilestone } from './plan.entity';
import { Project, ProjectAssignment, ProjectStageChange } from './project.entity';
import { MonthlyReportResolver, PlanImportResolver, ProjectsResolver } from './projects.resolver';
import { projectRoutes } from './projects.routes';
import { startMonthEndJob } from './lights.job';
import { seedProjects } from './seed';

registerProjectFileAccess();

/**
 * The key-project ledger with its plan table and three pictures (一表三图), the monthly lights
 * (红黄绿灯) and the public light board. Routes: /api/projects/plan-template.xlsx,
 * /api/projects/monthly-report.xlsx.
 */
export const projectsModule: ApiModule = {
  name: 'projects',
  entities: [Project, ProjectStageChange, ProjectAssignment, PlanYear, PlanMonth, MonthlyReport, ProjectMilestone, ProjectLight, LightBoardPublication, InvestmentSummary, InvestmentDistrictSummary, LightCount, MonthClose, LightCorrection],
  resolvers: [ProjectsResolver, MonthlyReportResolver, LightsResolver, PlanImportResolver, MonthCloseResolver],
  routes: (router, services) => {
    projectRoutes(router, services);
    startMonthEndJob(services);
  },
  seedDemo: seedProjects,
};
