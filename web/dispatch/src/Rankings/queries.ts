import { graphql } from '../gql';
import type { DispatchStatsFieldsFragment, RankingFieldsFragment } from '../gql/graphql';

graphql(`
  fragment DispatchStatsFields on InvestmentStatsRow {
    key label district { id name } monthActual ytdActual lastYearMonthActual lastYearYtdActual ytdPlanned
    monthGrowth { percent reason } ytdGrowth { percent reason } ytdCompletion { percent reason }
  }
`);
graphql(`
  fragment RankingFields on Ranking {
    period published publishedAt publishedBy sha256
    rows { district { id name } rank projectCount milestonesDue milestonesMetOnTime milestoneRate investmentRate ytdActual ytdPlanned green yellow red score }
  }
`);
export const STATS = graphql(`
  query DispatchStats($areaId: ID!, $period: Period!) {
    investmentStats(areaId: $areaId, period: $period, groupBy: DISTRICT) { total { ...DispatchStatsFields } rows { ...DispatchStatsFields } }
  }
`);
export const RANKING = graphql(`
  query DispatchRanking($cityId: ID!, $period: Period!) { ranking(cityId: $cityId, period: $period) { ...RankingFields } }
`);
export const PUBLISH = graphql(`
  mutation DispatchPublishRanking($cityId: ID!, $period: Period!) { publishRanking(cityId: $cityId, period: $period) { ...RankingFields } }
`);
export const HISTORY = graphql(`
  query DispatchRankHistory($districtId: ID!) { rankHistory(districtId: $districtId) { period rank ranked score } }
`);
export const PLAN_VS_ACTUAL = graphql(`
  query DispatchPlanVsActual($areaId: ID!, $year: Int!, $view: PlanView!) {
    planVsActual(areaId: $areaId, year: $year, view: $view) {
      label from to planned actual cumulativePlanned cumulativeActual completion { percent reason } cumulativeCompletion { percent reason }
    }
  }
`);
export const WARNINGS = graphql(`
  query DispatchEarlyWarnings($areaId: ID!, $period: Period!) {
    earlyWarnings(areaId: $areaId, period: $period, onlyFlagged: true) {
      project { id name district { name } } annualPlanned ytdPlanned ytdActual forecast forecastPercent atRisk earlyWarning backLoaded light reason
    }
  }
`);
export const YEAR_COURSE = graphql(`
  query DispatchYearCourse($areaId: ID!, $year: Int!) { planVsActual(areaId: $areaId, year: $year, view: MONTH) { from actual } }
`);

export type StatsRow = DispatchStatsFieldsFragment;
type Ranking = RankingFieldsFragment;
export type RankingRow = Ranking['rows'][number];
