import { graphql } from '../gql';
import type { DashboardFiguresQuery, DashboardMapQuery, DistrictsQuery } from '../gql/graphql';

export const DISTRICTS = graphql(`
  query Districts($cityId: ID) {
    districts(cityId: $cityId) { id name code kind outline parent { id name } towns: children { id name kind } }
  }
`);
export const CITIES = graphql(`
  query Cities { areas { id level children { id name level } } }
`);
export const DISTRICT = graphql(`
  query District($id: ID!) {
    district(id: $id) { id name code kind parent { id name } towns: children { id name kind } }
  }
`);
graphql(`
  fragment StatsFields on InvestmentStatsRow {
    key label district { id } ytdActual ytdPlanned ytdCompletion { percent reason } ytdGrowth { percent reason } monthActual lastYearMonthActual
  }
`);
export const FIGURES = graphql(`
  query DashboardFigures($areaId: ID!, $month: Period!, $period: Period!) {
    lightBoard(areaId: $areaId, period: $month) { published districts { district { id } green yellow red total } }
    byDistrict: investmentStats(areaId: $areaId, period: $period, groupBy: DISTRICT) { total { ...StatsFields } rows { ...StatsFields } }
    byMonth: investmentStats(areaId: $areaId, period: $period, groupBy: MONTH) { rows { ...StatsFields } }
  }
`);
export const RANKING = graphql(`
  query DashboardRanking($cityId: ID!, $period: Period!) {
    ranking(cityId: $cityId, period: $period) {
      published publishedAt
      rows { district { id name } rank score lightScore investmentRate milestoneRate projectCount green yellow red }
    }
  }
`);
export const LATEST = graphql(`
  query LatestLit($areaId: ID!) { projects(filter: { areaId: $areaId }, first: 10) { nodes { lights { period } } } }
`);
export const MAP_PAGE = graphql(`
  query DashboardMap($areaId: ID!, $period: Period!, $after: String) {
    projects(filter: { areaId: $areaId }, first: 50, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { id code name location { geoJson } light(period: $period) { color } }
    }
  }
`);
export const DISTRICT_LIGHTS = graphql(`
  query DistrictLights($areaId: ID!, $month: Period!) {
    lightBoard(areaId: $areaId, period: $month) { districts { green yellow red total } projects { projectId name color reason clearing { explanation } } }
  }
`);
export const PUBLISH = graphql(`
  mutation PublishLightBoard($areaId: ID!, $period: Period!) { publishLightBoard(areaId: $areaId, period: $period) }
`);
/**
 * Light counts of each month of a year, one aliased board per month; the months after the one shown
 * are left out by their flags (a static document, so it is typed and checked against the schema).
 */
export const LIGHT_TREND = graphql(`
  query LightTrend(
    $areaId: ID!
    $p01: Period!, $p02: Period!, $p03: Period!, $p04: Period!, $p05: Period!, $p06: Period!
    $p07: Period!, $p08: Period!, $p09: Period!, $p10: Period!, $p11: Period!, $p12: Period!
    $i02: Boolean!, $i03: Boolean!, $i04: Boolean!, $i05: Boolean!, $i06: Boolean!
    $i07: Boolean!, $i08: Boolean!, $i09: Boolean!, $i10: Boolean!, $i11: Boolean!, $i12: Boolean!
  ) {
    m01: lightBoard(areaId: $areaId, period: $p01) { ...TrendCounts }
    m02: lightBoard(areaId: $areaId, period: $p02) @include(if: $i02) { ...TrendCounts }
    m03: lightBoard(areaId: $areaId, period: $p03) @include(if: $i03) { ...TrendCounts }
    m04: lightBoard(areaId: $areaId, period: $p04) @include(if: $i04) { ...TrendCounts }
    m05: lightBoard(areaId: $areaId, period: $p05) @include(if: $i05) { ...TrendCounts }
    m06: lightBoard(areaId: $areaId, period: $p06) @include(if: $i06) { ...TrendCounts }
    m07: lightBoard(areaId: $areaId, period: $p07) @include(if: $i07) { ...TrendCounts }
    m08: lightBoard(areaId: $areaId, period: $p08) @include(if: $i08) { ...TrendCounts }
    m09: lightBoard(areaId: $areaId, period: $p09) @include(if: $i09) { ...TrendCounts }
    m10: lightBoard(areaId: $areaId, period: $p10) @include(if: $i10) { ...TrendCounts }
    m11: lightBoard(areaId: $areaId, period: $p11) @include(if: $i11) { ...TrendCounts }
    m12: lightBoard(areaId: $areaId, period: $p12) @include(if: $i12) { ...TrendCounts }
  }
  fragment TrendCounts on LightBoard { districts { green yellow red } }
`);

export type DistrictRow = DistrictsQuery['districts'][number];

export type Figures = DashboardFiguresQuery;
export type StatsRow = Figures['byMonth']['rows'][number];
export type MapProject = DashboardMapQuery['projects']['nodes'][number];
