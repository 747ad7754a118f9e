import type { ApiModule } from '../../core/module';
import { InvestmentDistrictSummary, InvestmentSummary } from './investment-summary';
import { LightCount } from './light-counts';
import { LightBoardPublication, ProjectLight } from './light.entity';
import { BoardEntryResolver, LightsResolver } from './lights.resolver';
import { LightCorrection, MonthClose } from './month-close.entity';
import { MonthCloseResolver } from './month-close.resolver';
import { PlanVersion } from './plan-version.entity';
import { PlanVersionsResolver } from './plan-versions.resolver';
import { ProcedureNode, ProcedureType } from './procedure.entity';
import { FundingSource, ProjectFunding, ReportFundingPart } from './funding.entity';
import { FundingResolver, ProjectFundingResolver } from './funding.resolver';
import { ProjectParty } from './party.entity';
import { ContractVariation, ProjectCompletion, ProjectContract, ProjectDocument } from './contracts.entity';
import { ContractsResolver, ProjectCompletionFieldsResolver, ProjectContractFieldsResolver, ProjectContractsResolver, ProjectDocumentFieldsResolver } from './contracts.resolver';
import { PartiesResolver, ProjectPartiesResolver } from './parties.resolver';
import { ProceduresResolver, ProcedureTypeResolver, ProjectProceduresResolver } from './procedures.resolver';
import { registerProjectFileAccess } from './projects.files';
import { MonthlyReport, PlanMonth, PlanYear, ProjectMilestone } from './plan.entity';
import { Project, ProjectAssignment, ProjectStageChange } from './project.entity';
import { MonthlyReportResolver, PlanImportResolver, ProjectsResolver } from './projects.resolver';
import { projectRoutes } from './projects.routes';
import { openDataRoutes } from './open-data.routes';
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
  entities: [Project, ProjectStageChange, ProjectAssignment, PlanYear, PlanMonth, MonthlyReport, ProjectMilestone, ProjectLight, LightBoardPublication, InvestmentSummary, InvestmentDistrictSummary, LightCount, MonthClose, LightCorrection, PlanVersion, ProcedureType, ProcedureNode, FundingSource, ProjectFunding, ReportFundingPart, ProjectParty, ProjectDocument, ProjectContract, ContractVariation, ProjectCompletion],
  resolvers: [ProjectsResolver, MonthlyReportResolver, LightsResolver, BoardEntryResolver, PlanImportResolver, MonthCloseResolver, PlanVersionsResolver, ProceduresResolver, ProcedureTypeResolver, ProjectProceduresResolver, FundingResolver, ProjectFundingResolver, PartiesResolver, ProjectPartiesResolver, ContractsResolver, ProjectContractFieldsResolver, ProjectCompletionFieldsResolver, ProjectDocumentFieldsResolver, ProjectContractsResolver],
  routes: (router, services) => {
    projectRoutes(router, services);
    startMonthEndJob(services);
  },
  seedDemo: seedProjects,
};

/** The open data of the projects, without sign-in: /api/open/oc4ids.json (the projects marked public). */
export const openDataModule: ApiModule = {
  name: 'open',
  entities: [],
  resolvers: [],
  routes: openDataRoutes,
};
