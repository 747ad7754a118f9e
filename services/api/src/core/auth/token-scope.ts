import { registerEnumType } from 'type-graphql';

/**
 * What an API token may read, named the way analytics tools know it from GitHub (`read:projects`).
 * A token reads only inside its area, and only what its scopes name; a root field no scope names
 * (accounts, the audit log, the tokens themselves) is never open to a token.
 */
export enum TokenScope {
  READ_PROJECTS = 'read:projects',
  READ_FIGURES = 'read:figures',
  READ_SERVICES = 'read:services',
  READ_LIVELIHOOD = 'read:livelihood',
  READ_CONTACTS = 'read:contacts',
}

registerEnumType(TokenScope, {
  name: 'TokenScope',
  description: 'What an API token may read (written read:projects etc. in refusals). 令牌权限范围',
  valuesConfig: {
    READ_PROJECTS: {
      description: 'read:projects — projects with their plans, reports, lights and pictures, secretaries and their service log, problems and dispatch meetings (项目、服务秘书、问题、调度会)',
    },
    READ_FIGURES: {
      description: 'read:figures — statistics, plan against actual, rankings, the live light board, problem, secretary and catalogue figures (统计、排名、亮灯、各类汇总)',
    },
    READ_SERVICES: { description: 'read:services — the service-item catalogues, zones and baselines (政务服务事项)' },
    READ_LIVELIHOOD: {
      description: 'read:livelihood — livelihood proposals in the area, unscreened ones included (民生实事征集); the published boards and results are public anyway',
    },
    READ_CONTACTS: {
      description: 'read:contacts — secretaries’ phone numbers and other contact details; granted only by an admin who reads them (联系方式)',
    },
  },
});

export const ALL_TOKEN_SCOPES: readonly TokenScope[] = Object.values(TokenScope);

/** The scopes column: the scope names separated by spaces, as OAuth writes them. */
export function formatScopes(scopes: Iterable<TokenScope>): string {
  return [...new Set(scopes)].sort().join(' ');
}

/** Reads the scopes column; an unknown word is dropped (it grants nothing). */
export function parseScopes(text: string | null | undefined): Set<TokenScope> {
  const known = new Set<string>(ALL_TOKEN_SCOPES);
  return new Set((text ?? '').split(/[\s,]+/).filter((s): s is TokenScope => known.has(s)));
}
