import type { ApiModule } from '../../core/module';
import { INVESTMENT_ENTITIES } from './investment.entity';
import { ChainNodeResolver, IndustryChainResolver, InvestmentLeadResolver, TargetCompanyResolver } from './investment.resolver';
import { investmentRoutes } from './investment.routes';
import { seedInvestment } from './seed';

/**
 * Investment attraction (招商引资, report 004: 沈抚示范区's 产业链图谱招商): industry chains and their nodes,
 * local and target companies, the pipeline from lead to key project (招服一体), the board, matchmaking (撮合),
 * and the chain sheet: GET /api/investment/chain-template.xlsx, /api/investment/chains.xlsx?areaId=….
 */
export const investmentModule: ApiModule = {
  name: 'investment',
  entities: INVESTMENT_ENTITIES,
  resolvers: [IndustryChainResolver, ChainNodeResolver, TargetCompanyResolver, InvestmentLeadResolver],
  routes: investmentRoutes,
  seedDemo: seedInvestment,
};
