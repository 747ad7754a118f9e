import { graphql } from '../gql';

export const EXPORT_JOBS = graphql(`
  query ExportJobs {
    exportJobs { id status format connection rowCount totalCount error downloadUrl createdAt finishedAt }
  }
`);

export const START_EXPORT = graphql(`
  mutation StartExport($query: String!, $variables: String, $format: ExportFormat!) {
    startExport(query: $query, variables: $variables, format: $format) { id status }
  }
`);
