import type { AuthCheckerFn } from 'type-graphql';
import { AreaLevel } from '../areas/area.entity';
import type { Context } from '../context';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { AreaScope } from './scope';
import { TokenScope } from './token-scope';
import { Role } from './user.entity';
import { isSignedIn, type Viewer } from './viewer';

/**
 * Who may do what, once. Every resolver, service and route asks these predicates instead of
 * comparing roles itself, and every root field declares its gate: `@Authorized()` (signed in),
 * `@Authorized(roles)` (one of these roles) or `@Public(why)` (anyone). A refusal is
 * UNAUTHENTICATED when there is no credential and FORBIDDEN when the credential is the wrong one.
 *
 * Scope (which rows) is the scope files' business; this file says which principals reach them.
 */

export { isSignedIn };
export type SignedInViewer = Viewer & { userId: number; role: Role; scope: AreaScope };

// ───────────────────────────── the role gates of root fields ─────────────────────────────

/** Admins and analysts: the readers of figures, statistics, rankings and dispatch lists. */
export const FIGURE_READERS: readonly Role[] = [Role.ADMIN, Role.ANALYST];
/** Admins over a project and the secretaries assigned to it: who reports for it and raises its problems. */
export const PROJECT_REPORTERS: readonly Role[] = [Role.ADMIN, Role.SECRETARY];
/** Who reads the secretaries of an area and their service log: admins, analysts and the third-party evaluators. */
export const SECRETARY_OVERSEERS: readonly Role[] = [Role.ADMIN, Role.ANALYST, Role.EVALUATOR];

/**
 * type-graphql's check behind `@Authorized`: no credential is UNAUTHENTICATED (sign in); a
 * credential without one of the roles is FORBIDDEN (the `UNAUTHORIZED` type-graphql raises is
 * answered as FORBIDDEN by the error formatter).
 */
export const authChecker: AuthCheckerFn<Context> = ({ context, info }, roles) => {
  const { viewer } = context;
  if (viewer.userId === null || viewer.role === null) throw new UnauthenticatedError();
  // A token is asked for its scope first, so its refusal names the scope rather than a role.
  if (info && (info.parentType.name === 'Query' || info.parentType.name === 'Mutation')) requireTokenReach(viewer, info.fieldName);
  return roles.length === 0 || roles.includes(viewer.role);
};

// ───────────────────────────── API tokens ─────────────────────────────

/** Signed in with an API token (its own principal: ANALYST, read-only, scoped). */
export function isApiToken(viewer: Viewer): boolean {
  return viewer.tokenScopes !== null;
}

/** Whether the credential holds a scope: every credential but a token holds them all (its role decides). */
export function hasScope(viewer: Viewer, scope: TokenScope): boolean {
  return viewer.tokenScopes === null || viewer.tokenScopes.has(scope);
}

/**
 * Which scope a token needs for each root query it may call at all; `any` for the area directory,
 * which every token reads. A signed-in root field missing here is closed to tokens (accounts, the
 * audit log, the tokens, anything new until it is listed). Public fields (sign-in, the published
 * boards and vote results) are open to tokens as to anyone.
 */
export const TOKEN_SCOPE_OF_ROOT_FIELD: Readonly<Record<string, TokenScope | 'any'>> = {
  areas: 'any',
  area: 'any',
  districts: 'any',
  district: 'any',
  projects: TokenScope.READ_PROJECTS,
  project: TokenScope.READ_PROJECTS,
  secretaries: TokenScope.READ_PROJECTS,
  secretary: TokenScope.READ_PROJECTS,
  serviceLog: TokenScope.READ_PROJECTS,
  problems: TokenScope.READ_PROJECTS,
  problem: TokenScope.READ_PROJECTS,
  // The directory of responsible units; their contact person and phone need READ_CONTACTS as well.
  responsibleUnits: TokenScope.READ_PROJECTS,
  lightCorrections: TokenScope.READ_PROJECTS,
  planVersionRequests: TokenScope.READ_PROJECTS,
  procedureTemplate: TokenScope.READ_PROJECTS,
  fundingSources: TokenScope.READ_PROJECTS,
  investmentStats: TokenScope.READ_FIGURES,
  planVsActual: TokenScope.READ_FIGURES,
  earlyWarnings: TokenScope.READ_FIGURES,
  milestoneView: TokenScope.READ_FIGURES,
  ranking: TokenScope.READ_FIGURES,
  rankHistory: TokenScope.READ_FIGURES,
  problemFigures: TokenScope.READ_FIGURES,
  secretaryOverview: TokenScope.READ_FIGURES,
  quietProjects: TokenScope.READ_FIGURES,
  dispatchList: TokenScope.READ_FIGURES,
  dispatchMeetings: TokenScope.READ_FIGURES,
  dispatchMeeting: TokenScope.READ_FIGURES,
  suggestedMeetingHost: TokenScope.READ_FIGURES,
  serviceCatalogueFigures: TokenScope.READ_FIGURES,
  monthClose: TokenScope.READ_FIGURES,
  procedureFigures: TokenScope.READ_FIGURES,
  fundingStats: TokenScope.READ_FIGURES,
  serviceItems: TokenScope.READ_SERVICES,
  serviceItem: TokenScope.READ_SERVICES,
  serviceZones: TokenScope.READ_SERVICES,
  serviceBaseline: TokenScope.READ_SERVICES,
  serviceCases: TokenScope.READ_SERVICES,
  serviceCaseFigures: TokenScope.READ_FIGURES,
  serviceRectifications: TokenScope.READ_SERVICES,
  serviceRectification: TokenScope.READ_SERVICES,
  serviceRatingFigures: TokenScope.READ_FIGURES,
  serviceBundles: TokenScope.READ_SERVICES,
  industryChains: TokenScope.READ_PROJECTS,
  industryChain: TokenScope.READ_PROJECTS,
  targetCompanies: TokenScope.READ_PROJECTS,
  targetCompany: TokenScope.READ_PROJECTS,
  companyDuplicates: TokenScope.READ_PROJECTS,
  companyMatches: TokenScope.READ_PROJECTS,
  investmentLeads: TokenScope.READ_PROJECTS,
  investmentLead: TokenScope.READ_PROJECTS,
  investmentBoard: TokenScope.READ_FIGURES,
  // A bulk export runs its query through the same resolvers, which ask the token for their scopes.
  startExport: 'any',
  exportJob: 'any',
  exportJobs: 'any',
};

/** FORBIDDEN naming the missing scope. */
export function missingScope(scope: TokenScope, what: string): ForbiddenError {
  return new ForbiddenError(`This API token lacks the scope ${scope}, which ${what} needs`, { missingScope: scope });
}

/** A token may call the root field: it is listed and the token holds its scope (other credentials pass). */
export function requireTokenReach(viewer: Viewer, field: string): void {
  if (!isApiToken(viewer)) return;
  const needed = TOKEN_SCOPE_OF_ROOT_FIELD[field];
  if (needed === undefined) throw new ForbiddenError(`API tokens cannot read ${field}: no token scope grants it`, { missingScope: null });
  if (needed !== 'any' && !hasScope(viewer, needed)) throw missingScope(needed, field);
}

/** FORBIDDEN naming the scope when a token lacks it; nothing for other credentials. */
export function requireScope(viewer: Viewer, scope: TokenScope, what: string): void {
  if (!hasScope(viewer, scope)) throw missingScope(scope, what);
}

/** Who manages API tokens: admins (any in their area) and analysts (their own), signed in themselves, never with a token. */
export const TOKEN_MANAGERS: readonly Role[] = [Role.ADMIN, Role.ANALYST];

export function canManageApiTokens(viewer: Viewer): viewer is SignedInViewer {
  return isSignedIn(viewer) && !isApiToken(viewer) && TOKEN_MANAGERS.includes(viewer.role);
}

/** Mutations a read-only session may still run because they change only its own credentials. */
const SELF_SERVICE_MUTATIONS = new Set(['createApiToken', 'revokeApiToken']);

/** Whether a root mutation may run for this credential at all (who may change what is decided inside). */
export function mayRunMutation(viewer: Viewer, field: string): boolean {
  return !isSignedIn(viewer) || canWrite(viewer) || (SELF_SERVICE_MUTATIONS.has(field) && canManageApiTokens(viewer)) || READ_ONLY_MUTATIONS.has(field);
}

/**
 * Mutations that only read for the caller (a bulk export runs a query as the caller and keeps a job
 * of its own), open to every signed-in credential, read-only analysts and API tokens included.
 */
const READ_ONLY_MUTATIONS = new Set(['startExport']);

/** A token is managed by the admins whose scope holds its area, and by whoever made it. */
export function canManageToken(viewer: Viewer, token: { areaId: number | null; createdByUserId: number | null }): boolean {
  if (!canManageApiTokens(viewer)) return false;
  if (viewer.role === Role.ADMIN && viewer.scope.contains(token.areaId)) return true;
  return token.createdByUserId !== null && token.createdByUserId === viewer.userId;
}

/**
 * Which scopes a credential may put on a token for an area: the reading scopes its role has there,
 * contacts only when it reads contacts there itself.
 */
export function canGrantScope(viewer: Viewer, scope: TokenScope, areaId: number): boolean {
  if (!canManageApiTokens(viewer) || !viewer.scope.contains(areaId)) return false;
  if (scope === TokenScope.READ_CONTACTS) return canReadContacts(viewer, areaId);
  return true;
}

const publicFields = new Map<string, string>();

/**
 * Declares a root field open to anyone, signed in or not (sign-in itself, the published boards and
 * vote results). The reason is kept beside the declaration; finer rules still apply inside.
 */
export function Public(reason: string): MethodDecorator {
  if (!reason.trim()) throw new Error('@Public needs a reason');
  return (target, propertyKey) => {
    publicFields.set(`${(target as { constructor: { name: string } }).constructor.name}.${String(propertyKey)}`, reason);
  };
}

/** Why a resolver method is open to anyone, or undefined when it is not declared public. */
export function publicReason(resolverClass: string, method: string): string | undefined {
  return publicFields.get(`${resolverClass}.${method}`);
}

// ───────────────────────────── refusals ─────────────────────────────

/** The signed-in viewer, or UNAUTHENTICATED. */
export function signedIn(viewer: Viewer): SignedInViewer {
  if (!isSignedIn(viewer)) throw new UnauthenticatedError();
  return viewer;
}

/** UNAUTHENTICATED unless signed in. */
export function requireSignedIn(viewer: Viewer): asserts viewer is SignedInViewer {
  if (!isSignedIn(viewer)) throw new UnauthenticatedError();
}

/** UNAUTHENTICATED without a credential; FORBIDDEN with `reason` when the predicate said no. */
export function requireThat(viewer: Viewer, allowed: boolean, reason: string): asserts viewer is SignedInViewer {
  if (!isSignedIn(viewer)) throw new UnauthenticatedError();
  if (!allowed) throw new ForbiddenError(reason);
}

/** A credential that may change data: signed in (UNAUTHENTICATED) and not read-only (FORBIDDEN). */
export function requireWriter(viewer: Viewer): asserts viewer is SignedInViewer {
  requireThat(viewer, canWrite(viewer), 'This credential is read-only');
}

// ───────────────────────────── who may ─────────────────────────────

/** Analysts only ever read: their sessions are read-only whatever the session says. */
export function isReadOnlyRole(role: Role): boolean {
  return role === Role.ANALYST;
}

/** Signed in with a credential that may change data (API tokens and analysts are read-only). */
export function canWrite(viewer: Viewer): viewer is SignedInViewer {
  return isSignedIn(viewer) && !viewer.readOnly;
}

/** An admin's credential, read-only tokens included (they read what admins read). */
export function isAdmin(viewer: Viewer): viewer is SignedInViewer {
  return isSignedIn(viewer) && viewer.role === Role.ADMIN;
}

/** An admin who may change data somewhere (not a read-only token). */
export function canActAsAdmin(viewer: Viewer): viewer is SignedInViewer {
  return isAdmin(viewer) && !viewer.readOnly;
}

/** An admin, not read-only, whose scope contains the area: who changes the area's records. */
export function canAdminister(viewer: Viewer, areaId: number | null | undefined): boolean {
  return canActAsAdmin(viewer) && viewer.scope.contains(areaId);
}

/** A city's settings are changed by admins of the city or the province; a district admin only reads them. */
export function canChangeCitySettings(viewer: Viewer, cityId: number): boolean {
  if (!isAdmin(viewer) || !viewer.scope.contains(cityId)) return false;
  const level = viewer.scope.root.level;
  return level !== AreaLevel.DISTRICT && level !== AreaLevel.TOWNSHIP;
}

/**
 * A correction of a closed month (关账后更正) is approved by a city admin (of the city or the
 * province, not read-only) — never by a district admin, and never by the one who asked for it.
 */
export function canApproveCorrection(viewer: Viewer, cityId: number, requestedByUserId: number | null): boolean {
  return canActAsAdmin(viewer) && canChangeCitySettings(viewer, cityId) && viewer.userId !== requestedByUserId;
}

/** Admins and analysts read figures: statistics, rankings, dispatch lists, city settings, exports. */
export function canReadFigures(viewer: Viewer): viewer is SignedInViewer {
  return isSignedIn(viewer) && FIGURE_READERS.includes(viewer.role) && hasScope(viewer, TokenScope.READ_FIGURES);
}

/** Whether a city concerns the viewer: inside its scope, or the scope lies inside the city (a district's viewer and its city). */
export function concernsViewer(viewer: Viewer, cityId: number): boolean {
  return isSignedIn(viewer) && viewer.scope.overlaps(cityId);
}

/** Schema introspection in production: analysts and admins. */
export function canIntrospect(viewer: Viewer): boolean {
  return viewer.role === Role.ANALYST || viewer.role === Role.ADMIN;
}

/** Reading another user's sign-in lock: admins, and the user themself. */
export function canSeeLockOf(viewer: Viewer, userId: number): boolean {
  return viewer.role === Role.ADMIN || viewer.userId === userId;
}

/** Which projects (and their problems) a viewer reads: by area, those assigned to it, or none. */
export type ProjectReach = 'area' | 'assigned' | 'none';

export function projectReach(viewer: SignedInViewer): ProjectReach {
  if (!hasScope(viewer, TokenScope.READ_PROJECTS)) return 'none';
  if (viewer.role === Role.ADMIN || viewer.role === Role.ANALYST) return 'area';
  if (viewer.role === Role.SECRETARY) return 'assigned';
  return 'none';
}

/**
 * Who reports for a project the viewer can read (monthly figures, milestones, problems): an admin
 * over its area, or a secretary (who reads only the projects assigned to it).
 */
export function canReportFor(viewer: Viewer, projectAreaId: number): boolean {
  return canAdminister(viewer, projectAreaId) || (canWrite(viewer) && viewer.role === Role.SECRETARY);
}

/** A secretary account acting for itself (not a read-only token of one). */
export function isActingSecretary(viewer: Viewer): viewer is SignedInViewer {
  return canWrite(viewer) && viewer.role === Role.SECRETARY;
}

/** Which secretaries (and their service log) a viewer reads: by area, itself, or none. */
export type SecretaryReach = 'area' | 'self' | 'none';

export function secretaryReach(viewer: SignedInViewer): SecretaryReach {
  if (!hasScope(viewer, TokenScope.READ_PROJECTS)) return 'none';
  if (SECRETARY_OVERSEERS.includes(viewer.role)) return 'area';
  if (viewer.role === Role.SECRETARY) return 'self';
  return 'none';
}

/** A secretary's contact details: admins whose scope covers the secretary's district, and tokens granted read:contacts there. */
export function canReadContacts(viewer: Viewer, areaId: number): boolean {
  if (!isSignedIn(viewer) || !viewer.scope.contains(areaId)) return false;
  return isApiToken(viewer) ? hasScope(viewer, TokenScope.READ_CONTACTS) : viewer.role === Role.ADMIN;
}

/** Third-party scores are entered one by one by evaluator accounts. */
export function canScoreSecretaries(viewer: Viewer): boolean {
  return canWrite(viewer) && viewer.role === Role.EVALUATOR;
}

/** A workbook of third-party scores is imported by evaluator and admin accounts. */
export function canImportEvaluations(viewer: Viewer): boolean {
  return canWrite(viewer) && (viewer.role === Role.EVALUATOR || viewer.role === Role.ADMIN);
}

/** Dispatch meetings are held by admins; which ones by their area (`canAdminister`). */
export function canHoldMeetings(viewer: Viewer): boolean {
  return canActAsAdmin(viewer);
}

/** A district's service catalogue is edited by admins whose scope covers it. */
export function canEditCatalogue(viewer: Viewer, districtId: number): boolean {
  return isAdmin(viewer) && viewer.scope.contains(districtId);
}

/** Any file of a record in the area may be attached by its admins, not only by its uploader. */
export function canAttachAnyUpload(viewer: Viewer, areaId: number | null): boolean {
  return isAdmin(viewer) && viewer.scope.contains(areaId);
}

// ───────────────────────────── livelihood (民生实事) ─────────────────────────────

/**
 * A congress session (its rules, candidates, roster, count and delivery) is run by the admins of the
 * congress's own area: a city's by admins of the city (or the province); a county's (区县) or a
 * township's (乡镇街道) by admins of the county — a city admin sees those below but does not run them.
 */
export function canManageSessions(viewer: Viewer, areaId: number, level: AreaLevel = AreaLevel.CITY): boolean {
  if (!canActAsAdmin(viewer) || !viewer.scope.contains(areaId)) return false;
  if (level === AreaLevel.CITY || level === AreaLevel.PROVINCE) return true;
  const own = viewer.scope.root.level;
  return own === AreaLevel.DISTRICT || own === AreaLevel.TOWNSHIP;
}

/** Proposals not yet screened, in the viewer's scope: every signed-in credential but a token without read:livelihood (it sees what the public sees). */
export function canReadProposalsInScope(viewer: Viewer): viewer is SignedInViewer {
  return isSignedIn(viewer) && hasScope(viewer, TokenScope.READ_LIVELIHOOD);
}

/** Proposals are screened by the admins of their city. */
export function canScreenProposals(viewer: Viewer, cityId: number): boolean {
  return canAdminister(viewer, cityId);
}

/** Adopted livelihood projects (targets, milestones, progress, close-out) are run by the admins of their city. */
export function canManageLivelihoodProjects(viewer: Viewer, cityId: number): boolean {
  return canAdminister(viewer, cityId);
}

/** Ballots are cast by delegates; whether on this session's roster the roster says. */
export function canVote(viewer: Viewer): viewer is SignedInViewer {
  return canWrite(viewer) && viewer.role === Role.DELEGATE;
}

/** Year-end evaluation sheets are filled in by delegates; whether on the roster the roster says. */
export function canEvaluate(viewer: Viewer): viewer is SignedInViewer {
  return canVote(viewer);
}

/**
 * An inspection of a livelihood project (人大监督) is recorded by a delegate of its supervision group,
 * or by the admins who run the project's congress (who also form the groups).
 */
export function canRecordInspection(viewer: Viewer, areaId: number, level: AreaLevel, isGroupMember: boolean): boolean {
  return canManageSessions(viewer, areaId, level) || (isGroupMember && canWrite(viewer) && viewer.role === Role.DELEGATE);
}

/** A supervision advice (督办建议) is answered for the lead department by the admins and responsible units (secretaries) whose scope covers the project. */
export function canAnswerSupervision(viewer: Viewer, areaId: number): boolean {
  return canWrite(viewer) && (viewer.role === Role.ADMIN || viewer.role === Role.SECRETARY) && viewer.scope.contains(areaId);
}

/** Paper ballots are issued and entered by the city's admins and by the session's scrutineers. */
export function canHandlePaperBallots(viewer: Viewer, cityId: number, isScrutineer: boolean): boolean {
  return canManageSessions(viewer, cityId) || (isScrutineer && canWrite(viewer));
}

/** A proposal's proposer (name, contact, tracking code) is seen by the admins of its city and by the proposer. */
export function canSeeProposer(viewer: Viewer, proposal: { areaId: number; submitterUserId: number | null }): boolean {
  return canScreenProposals(viewer, proposal.areaId) || (proposal.submitterUserId !== null && proposal.submitterUserId === viewer.userId);
}

/** Anyone proposes (the public throttled per address); a signed-in proposer writes, and for a city that concerns it. */
export function canProposeFor(viewer: Viewer, cityId: number): boolean {
  if (!isSignedIn(viewer)) return true;
  return canWrite(viewer) && concernsViewer(viewer, cityId);
}

/**
 * Investment attraction (招商): admins and analysts read the chains, companies and pipeline of their area
 * (a token with read:projects; the board's figures with read:figures); only admins of the area change them.
 */
export function readsInvestment(viewer: SignedInViewer, scope: TokenScope = TokenScope.READ_PROJECTS): boolean {
  return FIGURE_READERS.includes(viewer.role) && hasScope(viewer, scope);
}

export function canManageInvestment(viewer: Viewer, areaId: number): boolean {
  return canAdminister(viewer, areaId);
}
