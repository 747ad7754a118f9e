/** The GraphQL documents of the investment-attraction pages (招商图谱) and the shapes they answer. */
import { graphql } from './gql';
import type { ChainMapQuery, CompanyBriefQuery, CompanyMatchesQuery, InvestmentBoardPageQuery, LeadDetailQuery, LeadListQuery, TargetListQuery } from './gql/graphql';

export const CHAINS = graphql(`
  query InvestmentChains($areaId: ID) {
    industryChains(areaId: $areaId) { id name description area { id name } }
  }
`);

export const CHAIN_MAP = graphql(`
  query ChainMap($id: ID!) {
    industryChain(id: $id) {
      id name description area { id name }
      nodes { id name link priority parentId localCompanies targetCompanies leads signedLeads filled gapWeight }
    }
  }
`);

export const CREATE_CHAIN = graphql(`
  mutation CreateIndustryChain($input: CreateChainInput!) {
    createIndustryChain(input: $input) { id name }
  }
`);

export const ADD_NODE = graphql(`
  mutation AddChainNode($input: AddChainNodeInput!) {
    addChainNode(input: $input) { id name link priority }
  }
`);

export const TARGETS = graphql(`
  query TargetList($filter: CompanyFilter, $first: Int, $after: String) {
    targetCompanies(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id name creditCode industry size location local source tags nodes { id name } }
    }
  }
`);

export const DUPLICATES = graphql(`
  query CompanyDuplicates($areaId: ID!, $creditCode: String, $name: String) {
    companyDuplicates(areaId: $areaId, creditCode: $creditCode, name: $name) { id name creditCode }
  }
`);

export const CREATE_COMPANY = graphql(`
  mutation CreateTargetCompany($input: CreateCompanyInput!) {
    createTargetCompany(input: $input) { id name creditCode }
  }
`);

export const LEADS = graphql(`
  query LeadList($filter: LeadFilter, $first: Int, $after: String) {
    investmentLeads(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id name stage amount source responsiblePerson responsibleUnit nextStep nextStepDate lastStepDate daysSinceStep stalled node { id name } company { id name } }
    }
  }
`);

export const LEAD = graphql(`
  query LeadDetail($id: ID!) {
    investmentLead(id: $id) {
      id name stage version amount source responsiblePerson responsibleUnit nextStep nextStepDate lastStepDate signedDate stalled daysSinceStep
      area { id name level }
      node { id name } company { id name creditCode }
      project { id code name district { id name } }
      steps(first: 100) { nodes { id kind fromStage toStage date note recordedBy } }
    }
  }
`);

export const CREATE_LEAD = graphql(`
  mutation CreateInvestmentLead($input: CreateLeadInput!) {
    createInvestmentLead(input: $input) { id name stage }
  }
`);

export const MOVE_LEAD = graphql(`
  mutation MoveInvestmentLead($id: ID!, $input: MoveLeadInput!) {
    moveInvestmentLead(id: $id, input: $input) { id stage version signedDate lastStepDate }
  }
`);

export const LOG_VISIT = graphql(`
  mutation LogInvestmentVisit($leadId: ID!, $input: LeadVisitInput!) {
    logInvestmentVisit(leadId: $leadId, input: $input) { id kind date note }
  }
`);

export const CONVERT = graphql(`
  mutation ConvertLeadToKeyProject($id: ID!, $input: ConvertLeadInput!) {
    convertLeadToKeyProject(id: $id, input: $input) { id stage version project { id code name } }
  }
`);

export const DISTRICT_SECRETARIES = graphql(`
  query ConvertChoices($areaId: ID!) {
    area(id: $areaId) { id name level children { id name level } }
    secretaries(filter: { areaId: $areaId }, first: 100) { nodes { id name workUnit district { id name } } }
  }
`);

export const BOARD = graphql(`
  query InvestmentBoardPage($areaId: ID, $year: Int, $chainId: ID) {
    investmentBoard(areaId: $areaId, year: $year, chainId: $chainId) {
      area { id name } year leads platformLeads platformSharePercent
      signedThisYear signedAmountThisYear signedOver2Billion signedOver5Billion signedFromPlatform signedPlatformSharePercent signedTargetPercent
      stalledLeads stallDays visitsThisYear targetCompanies
      targets { year signed over2Billion over5Billion }
      chains { chain { id name } nodes filled missing missingPressing }
      stages { stage count amount reached conversionPercent }
      sources { source leads signed }
    }
  }
`);

export const SET_TARGETS = graphql(`
  mutation SetInvestmentTargets($areaId: ID!, $year: Int!, $input: TargetsInput!) {
    setInvestmentTargets(areaId: $areaId, year: $year, input: $input) { year signed over2Billion over5Billion }
  }
`);

export const IMPORT_CHAINS = graphql(`
  mutation ImportIndustryChains($areaId: ID!, $fileId: ID!, $dryRun: Boolean!) {
    importIndustryChains(areaId: $areaId, fileId: $fileId, dryRun: $dryRun) {
      dryRun committed totalRows validRows created updated problems { row column header reason }
    }
  }
`);

export const COMPANY = graphql(`
  query CompanyBrief($id: ID!) {
    targetCompany(id: $id) {
      id name creditCode industry size location local source tags contactPerson contactPhone
      area { id name }
      nodes { id name link priority filled localCompanies targetCompanies signedLeads gapWeight chain { id name } }
      leads { id name stage amount responsiblePerson responsibleUnit nextStep nextStepDate lastStepDate stalled daysSinceStep }
      visits { id date note recordedBy }
    }
  }
`);

export const MATCHES = graphql(`
  query CompanyMatches($companyId: ID!, $first: Int) {
    companyMatches(companyId: $companyId, first: $first) {
      score customerPairs supplierPairs reasons
      company { id name location size contactPerson }
      nodes { id name link chain { id name } }
    }
  }
`);

export type ChainMap = NonNullable<ChainMapQuery['industryChain']>;
export type ChainNodeRow = ChainMap['nodes'][number];
export type CompanyRow = TargetListQuery['targetCompanies']['nodes'][number];
export type LeadRow = LeadListQuery['investmentLeads']['nodes'][number];
export type Lead = LeadDetailQuery['investmentLead'];
export type Board = InvestmentBoardPageQuery['investmentBoard'];
export type Company = CompanyBriefQuery['targetCompany'];
export type CompanyMatch = CompanyMatchesQuery['companyMatches'][number];

export const STAGES = ['LEAD', 'CONTACTED', 'VISITED', 'NEGOTIATING', 'SIGNED', 'REGISTERED', 'STARTED', 'KEY_PROJECT'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  LEAD: '线索',
  CONTACTED: '已接洽',
  VISITED: '已考察',
  NEGOTIATING: '洽谈中',
  SIGNED: '已签约',
  REGISTERED: '已注册',
  STARTED: '已开工',
  KEY_PROJECT: '入重点项目库',
};
export const SOURCES = ['PLATFORM', 'MATCHMAKING', 'BUSINESS_REFERRAL', 'VISIT', 'EXPO', 'OTHER'] as const;
export const SOURCE_LABELS: Record<(typeof SOURCES)[number], string> = {
  PLATFORM: '产业链图谱平台',
  MATCHMAKING: '撮合招商',
  BUSINESS_REFERRAL: '以商招商',
  VISIT: '走访招商',
  EXPO: '展会推介',
  OTHER: '其他',
};
export const LINK_LABELS = { UPSTREAM: '上游', MIDSTREAM: '中游', DOWNSTREAM: '下游' } as const;
export const SIZE_LABELS = { LARGE: '大型', MEDIUM: '中型', SMALL: '小型', MICRO: '微型' } as const;
export const STEP_LABELS = { CREATED: '录入', STAGE: '推进', VISIT: '走访', CONVERTED: '转入重点项目' } as const;
