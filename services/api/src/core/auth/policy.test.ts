import { Area, AreaKind, AreaLevel } from '../areas/area.entity';
import { AreaDirectory } from '../areas/area-directory';
import * as policy from './policy';
import { AreaScope } from './scope';
import { TokenScope } from './token-scope';
import { Role } from './user.entity';
import { ANONYMOUS, type Viewer } from './viewer';

// 辽宁省 (1) → 沈阳市 (2) → 苏家屯区 (3), 大东区 (4); 阜新市 (5) → 海州区 (6)
const tree: Array<[number, number | null, AreaLevel]> = [
  [1, null, AreaLevel.PROVINCE],
  [2, 1, AreaLevel.CITY],
  [3, 2, AreaLevel.DISTRICT],
  [4, 2, AreaLevel.DISTRICT],
  [5, 1, AreaLevel.CITY],
  [6, 5, AreaLevel.DISTRICT],
];
const pathOf = (id: number): string => {
  const parent = tree.find(([i]) => i === id)![1];
  return `${parent === null ? '/' : pathOf(parent)}${id}/`;
};
const directory = new AreaDirectory(
  tree.map(([id, parentId, level], i) => Object.assign(new Area(), { id, parentId, level, kind: AreaKind.CITY, name: `a${id}`, code: null, path: pathOf(id), sortOrder: i })),
);
const PROVINCE = 1, SHENYANG = 2, SUJIATUN = 3, DADONG = 4, FUXIN = 5;

function viewer(role: Role, areaId: number, readOnly = false, userId = 7): Viewer {
  return { userId, username: 'u', displayName: 'u', role, scope: new AreaScope(directory.get(areaId)!, directory), readOnly, sessionId: 1, sessionKind: 'SESSION', tokenScopes: null };
}

/** An API token as authenticate() makes it: an analyst of its own, read-only, with its scopes. */
function token(areaId: number, scopes: TokenScope[], id = 11): Viewer {
  return { ...viewer(Role.ANALYST, areaId, true, -id), sessionId: id, sessionKind: 'API', tokenScopes: new Set(scopes) };
}

const V = {
  anon: ANONYMOUS,
  provinceAdmin: viewer(Role.ADMIN, PROVINCE),
  cityAdmin: viewer(Role.ADMIN, SHENYANG),
  districtAdmin: viewer(Role.ADMIN, SUJIATUN),
  analyst: viewer(Role.ANALYST, PROVINCE, true),
  secretary: viewer(Role.SECRETARY, SUJIATUN),
  delegate: viewer(Role.DELEGATE, FUXIN),
  evaluator: viewer(Role.EVALUATOR, SHENYANG),
  figuresToken: token(SHENYANG, [TokenScope.READ_FIGURES]),
  contactsToken: token(SUJIATUN, [TokenScope.READ_PROJECTS, TokenScope.READ_CONTACTS], 12),
};
type Who = keyof typeof V;
const EVERYONE = Object.keys(V) as Who[];
/** Signed in as a person (a token's id matches no account). */
const SIGNED_IN_PEOPLE = EVERYONE.filter((w) => w !== 'anon' && !w.endsWith('Token'));

/** Each predicate, the call, and exactly who it lets through. */
const TABLE: Array<[string, (v: Viewer) => boolean, Who[]]> = [
  ['canWrite', (v) => policy.canWrite(v), ['provinceAdmin', 'cityAdmin', 'districtAdmin', 'secretary', 'delegate', 'evaluator']],
  ['isAdmin', (v) => policy.isAdmin(v), ['provinceAdmin', 'cityAdmin', 'districtAdmin']],
  ['canActAsAdmin', (v) => policy.canActAsAdmin(v), ['provinceAdmin', 'cityAdmin', 'districtAdmin']],
  ['canAdminister(苏家屯区)', (v) => policy.canAdminister(v, SUJIATUN), ['provinceAdmin', 'cityAdmin', 'districtAdmin']],
  ['canAdminister(大东区)', (v) => policy.canAdminister(v, DADONG), ['provinceAdmin', 'cityAdmin']],
  ['canAdminister(沈阳市)', (v) => policy.canAdminister(v, SHENYANG), ['provinceAdmin', 'cityAdmin']],
  ['canAdminister(no area)', (v) => policy.canAdminister(v, null), ['provinceAdmin']],
  ['canChangeCitySettings(沈阳市)', (v) => policy.canChangeCitySettings(v, SHENYANG), ['provinceAdmin', 'cityAdmin']],
  ['canChangeCitySettings(阜新市)', (v) => policy.canChangeCitySettings(v, FUXIN), ['provinceAdmin']],
  ['canApproveCorrection(沈阳市, asked by another)', (v) => policy.canApproveCorrection(v, SHENYANG, 99), ['provinceAdmin', 'cityAdmin']],
  ['canApproveCorrection(沈阳市, asked by oneself)', (v) => policy.canApproveCorrection(v, SHENYANG, 7), []],
  ['canApproveCorrection(阜新市)', (v) => policy.canApproveCorrection(v, FUXIN, 99), ['provinceAdmin']],
  ['canReadFigures', (v) => policy.canReadFigures(v), ['provinceAdmin', 'cityAdmin', 'districtAdmin', 'analyst', 'figuresToken']],
  ['concernsViewer(沈阳市)', (v) => policy.concernsViewer(v, SHENYANG), ['provinceAdmin', 'cityAdmin', 'districtAdmin', 'analyst', 'secretary', 'evaluator', 'figuresToken', 'contactsToken']],
  ['concernsViewer(阜新市)', (v) => policy.concernsViewer(v, FUXIN), ['provinceAdmin', 'analyst', 'delegate']],
  ['canIntrospect', (v) => policy.canIntrospect(v), ['provinceAdmin', 'cityAdmin', 'districtAdmin', 'analyst', 'figuresToken', 'contactsToken']],
  ['canSeeLockOf(user 7)', (v) => policy.canSeeLockOf(v, 7), SIGNED_IN_PEOPLE],
  ['canSeeLockOf(user 8)', (v) => policy.canSeeLockOf(v, 8), ['provinceAdmin', 'cityAdmin', 'districtAdmin']],
  ['canReportFor(苏家屯区)', (v) => policy.canReportFor(v, SUJIATUN), ['provinceAdmin', 'cityAdmin', 'districtAdmin', 'secretary']],
  ['canReportFor(大东区)', (v) => policy.canReportFor(v, DADONG), ['provinceAdmin', 'cityAdmin', 'secretary']],
  ['isActingSecretary', (v) => policy.isActingSecretary(v), ['secretary']],
  ['canReadContacts(苏家屯区)', (v) => policy.canReadContacts(v, SUJIATUN), ['provinceAdmin', 'cityAdmin', 'districtAdmin', 'contactsToken']],
  ['canReadContacts(大东区)', (v) => policy.canReadContacts(v, DADONG), ['provinceAdmin', 'cityAdmin']],
  ['canScoreSecretaries', (v) => policy.canScoreSecretaries(v), ['evaluator']],
  ['canImportEvaluations', (v) => policy.canImportEvaluations(v), ['provinceAdmin', 'cityAdmin', 'districtAdmin', 'evaluator']],
  ['canHoldMeetings', (v) => policy.canHoldMeetings(v), ['provinceAdmin', 'cityAdmin', 'districtAdmin']],
  ['canEditCatalogue(苏家屯区)', (v) => policy.canEditCatalogue(v, SUJIATUN), ['provinceAdmin', 'cityAdmin', 'districtAdmin']],
  ['canAttachAnyUpload(大东区)', (v) => policy.canAttachAnyUpload(v, DADONG), ['provinceAdmin', 'cityAdmin']],
  ['canManageSessions(阜新市)', (v) => policy.canManageSessions(v, FUXIN), ['provinceAdmin']],
  ['canManageSessions(沈阳市)', (v) => policy.canManageSessions(v, SHENYANG, AreaLevel.CITY), ['provinceAdmin', 'cityAdmin']],
  ['canManageSessions(苏家屯区, a county congress)', (v) => policy.canManageSessions(v, SUJIATUN, AreaLevel.DISTRICT), ['districtAdmin']],
  ['canManageSessions(大东区, a county congress)', (v) => policy.canManageSessions(v, DADONG, AreaLevel.DISTRICT), []],
  ['canScreenProposals(沈阳市)', (v) => policy.canScreenProposals(v, SHENYANG), ['provinceAdmin', 'cityAdmin']],
  ['canManageLivelihoodProjects(沈阳市)', (v) => policy.canManageLivelihoodProjects(v, SHENYANG), ['provinceAdmin', 'cityAdmin']],
  ['canVote', (v) => policy.canVote(v), ['delegate']],
  ['canEvaluate', (v) => policy.canEvaluate(v), ['delegate']],
  ['canRecordInspection(阜新市, not in the group)', (v) => policy.canRecordInspection(v, FUXIN, AreaLevel.CITY, false), ['provinceAdmin']],
  ['canRecordInspection(阜新市, in the group)', (v) => policy.canRecordInspection(v, FUXIN, AreaLevel.CITY, true), ['provinceAdmin', 'delegate']],
  ['canRecordInspection(苏家屯区, a county congress)', (v) => policy.canRecordInspection(v, SUJIATUN, AreaLevel.DISTRICT, false), ['districtAdmin']],
  ['canAnswerSupervision(苏家屯区)', (v) => policy.canAnswerSupervision(v, SUJIATUN), ['provinceAdmin', 'cityAdmin', 'districtAdmin', 'secretary']],
  ['canAnswerSupervision(阜新市)', (v) => policy.canAnswerSupervision(v, FUXIN), ['provinceAdmin']],
  ['canHandlePaperBallots(阜新市, not a scrutineer)', (v) => policy.canHandlePaperBallots(v, FUXIN, false), ['provinceAdmin']],
  ['canHandlePaperBallots(阜新市, a scrutineer)', (v) => policy.canHandlePaperBallots(v, FUXIN, true), ['provinceAdmin', 'cityAdmin', 'districtAdmin', 'secretary', 'delegate', 'evaluator']],
  ['canSeeProposer(沈阳市, by user 7)', (v) => policy.canSeeProposer(v, { areaId: SHENYANG, submitterUserId: 7 }), SIGNED_IN_PEOPLE],
  ['canSeeProposer(沈阳市, by the public)', (v) => policy.canSeeProposer(v, { areaId: SHENYANG, submitterUserId: null }), ['provinceAdmin', 'cityAdmin']],
  ['canManageApiTokens', (v) => policy.canManageApiTokens(v), ['provinceAdmin', 'cityAdmin', 'districtAdmin', 'analyst']],
  ['canGrantScope(read:contacts, 苏家屯区)', (v) => policy.canGrantScope(v, TokenScope.READ_CONTACTS, SUJIATUN), ['provinceAdmin', 'cityAdmin', 'districtAdmin']],
  ['canGrantScope(read:figures, 苏家屯区)', (v) => policy.canGrantScope(v, TokenScope.READ_FIGURES, SUJIATUN), ['provinceAdmin', 'cityAdmin', 'districtAdmin', 'analyst']],
  ['canGrantScope(read:figures, 大东区)', (v) => policy.canGrantScope(v, TokenScope.READ_FIGURES, DADONG), ['provinceAdmin', 'cityAdmin', 'analyst']],
  ['canManageToken(苏家屯区, made by user 7)', (v) => policy.canManageToken(v, { areaId: SUJIATUN, createdByUserId: 7 }), ['provinceAdmin', 'cityAdmin', 'districtAdmin', 'analyst']],
  ['canManageToken(大东区, made by user 9)', (v) => policy.canManageToken(v, { areaId: DADONG, createdByUserId: 9 }), ['provinceAdmin', 'cityAdmin']],
  ['mayRunMutation(createApiToken)', (v) => policy.mayRunMutation(v, 'createApiToken'), ['anon', 'provinceAdmin', 'cityAdmin', 'districtAdmin', 'analyst', 'secretary', 'delegate', 'evaluator']],
  ['mayRunMutation(createProject)', (v) => policy.mayRunMutation(v, 'createProject'), ['anon', 'provinceAdmin', 'cityAdmin', 'districtAdmin', 'secretary', 'delegate', 'evaluator']],
  ['canReadProposalsInScope', (v) => policy.canReadProposalsInScope(v), SIGNED_IN_PEOPLE],
  ['canProposeFor(沈阳市)', (v) => policy.canProposeFor(v, SHENYANG), ['anon', 'provinceAdmin', 'cityAdmin', 'districtAdmin', 'secretary', 'evaluator']],
];

describe('the policy: who may', () => {
  it.each(TABLE)('%s lets through exactly the listed principals', (_name, allows, expected) => {
    expect(EVERYONE.filter((who) => allows(V[who]))).toEqual(expected);
  });

  it.each([
    ['projectReach', (v: policy.SignedInViewer) => policy.projectReach(v), { provinceAdmin: 'area', analyst: 'area', secretary: 'assigned', delegate: 'none', evaluator: 'none', figuresToken: 'none', contactsToken: 'area' }],
    ['secretaryReach', (v: policy.SignedInViewer) => policy.secretaryReach(v), { provinceAdmin: 'area', analyst: 'area', evaluator: 'area', secretary: 'self', delegate: 'none', figuresToken: 'none', contactsToken: 'area' }],
  ] as const)('%s says how far a principal reads', (_name, reach, expected) => {
    for (const [who, answer] of Object.entries(expected)) expect([who, reach(V[who as Who] as policy.SignedInViewer)]).toEqual([who, answer]);
  });

  it('refuses without a credential as UNAUTHENTICATED and with a wrong one as FORBIDDEN', () => {
    const code = (f: () => void) => {
      try {
        f();
        return 'allowed';
      } catch (e) {
        return (e as { extensions: { code: string } }).extensions.code;
      }
    };
    expect(code(() => policy.requireThat(V.anon, true, 'x'))).toBe('UNAUTHENTICATED');
    expect(code(() => policy.requireThat(V.secretary, false, 'x'))).toBe('FORBIDDEN');
    expect(code(() => policy.requireThat(V.secretary, true, 'x'))).toBe('allowed');
    expect(code(() => policy.requireWriter(V.anon))).toBe('UNAUTHENTICATED');
    expect(code(() => policy.requireWriter(V.analyst))).toBe('FORBIDDEN');
    expect(code(() => policy.requireWriter(V.figuresToken))).toBe('FORBIDDEN');
    expect(code(() => policy.requireWriter(V.secretary))).toBe('allowed');
    expect(code(() => policy.signedIn(V.anon))).toBe('UNAUTHENTICATED');
    expect(code(() => policy.requireSignedIn(V.delegate))).toBe('allowed');
  });

  it('answers the role gate of @Authorized the same way', () => {
    const check = (v: Viewer, roles: readonly Role[]) => {
      try {
        return policy.authChecker({ context: { viewer: v } } as never, [...roles]);
      } catch (e) {
        return (e as { extensions: { code: string } }).extensions.code;
      }
    };
    expect(check(V.anon, [])).toBe('UNAUTHENTICATED');
    expect(check(V.anon, policy.FIGURE_READERS)).toBe('UNAUTHENTICATED');
    expect(check(V.delegate, [])).toBe(true);
    expect(check(V.delegate, policy.FIGURE_READERS)).toBe(false); // type-graphql answers false as FORBIDDEN
    expect(check(V.analyst, policy.FIGURE_READERS)).toBe(true);
  });

  it('asks a token for the scope of a root field first, and names the missing scope', () => {
    const check = (v: Viewer, field: string, roles: readonly Role[]) => {
      try {
        return policy.authChecker({ context: { viewer: v }, info: { parentType: { name: 'Query' }, fieldName: field } } as never, [...roles]);
      } catch (e) {
        const { extensions, message } = e as { extensions: { code: string; missingScope?: string | null }; message: string };
        return { code: extensions.code, missingScope: extensions.missingScope, message };
      }
    };
    expect(check(V.figuresToken, 'investmentStats', [])).toBe(true);
    expect(check(V.figuresToken, 'areas', [])).toBe(true);
    expect(check(V.figuresToken, 'projects', [])).toEqual({ code: 'FORBIDDEN', missingScope: 'read:projects', message: expect.stringContaining('read:projects') });
    expect(check(V.contactsToken, 'serviceItems', [])).toEqual({ code: 'FORBIDDEN', missingScope: 'read:services', message: expect.stringContaining('read:services') });
    for (const field of ['users', 'auditLog', 'apiTokens', 'somethingNew']) {
      expect(check(V.contactsToken, field, [Role.ADMIN])).toEqual({ code: 'FORBIDDEN', missingScope: null, message: expect.stringContaining('no token scope grants it') });
    }
    // The same fields for a person: the role decides, scopes do not apply.
    expect(check(V.analyst, 'projects', [])).toBe(true);
    expect(check(V.cityAdmin, 'users', [Role.ADMIN])).toBe(true);
  });

  it('keeps a token to scopes it may be granted: every listed field names a real scope', () => {
    for (const needed of Object.values(policy.TOKEN_SCOPE_OF_ROOT_FIELD)) expect(['any', ...Object.values(TokenScope)]).toContain(needed);
  });
});
