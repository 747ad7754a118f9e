import type { CorrectionStatus } from '../gql/graphql';

export const STATUS_COLORS: Record<CorrectionStatus, string> = { PENDING: 'orange', APPROVED: 'green', REJECTED: 'default' };
