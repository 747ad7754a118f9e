import type { ApiModule } from '../../core/module';
import { RankingEntry, RankingPublication } from './ranking.entity';
import { MilestoneViewEntryResolver, RankingsResolver } from './rankings.resolver';
import { seedRankings } from './seed';

/** Monthly rankings with publishing and rank history, investment statistics, plan against actual and the milestone view. */
export const rankingsModule: ApiModule = {
  name: 'rankings',
  entities: [RankingPublication, RankingEntry],
  resolvers: [RankingsResolver, MilestoneViewEntryResolver],
  seedDemo: seedRankings,
};
