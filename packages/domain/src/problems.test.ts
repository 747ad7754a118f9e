import { DomainError } from './errors';
import {
  allowedProblemActions,
  deadlineFromWorkingDays,
  escalationReasons,
  isOverdue,
  openProblem,
  PROBLEM_CATEGORIES,
  PROBLEM_CATEGORY_LABELS,
  type ProblemAction,
  problemFigures,
  type ProblemState,
  type ProblemStatus,
  resolvedOnTime,
  shouldEscalate,
  transition,
  type TransitionPayload,
} from './problems';

const base = openProblem({
  category: 'DEMOLITION',
  level: 'DISTRICT',
  raisedDate: '2020-09-21',
  deadline: '2020-10-12',
});
const inState = (status: ProblemStatus, over: Partial<ProblemState> = {}): ProblemState => ({
  ...base,
  status,
  resolvedDate: status === 'RESOLVED' || status === 'CLOSED_OUT' ? '2020-10-09' : null,
  closedOutDate: status === 'CLOSED_OUT' ? '2020-10-10' : null,
  evidence: status === 'CLOSED_OUT' ? ['动迁协议签订完毕（附件 17）'] : [],
  ...over,
});
const on = (date: string, more: Omit<TransitionPayload, 'date'> = {}): TransitionPayload => ({
  date,
  ...more,
});

describe('openProblem', () => {
  it('opens a district problem', () => {
    expect(base).toMatchObject({
      status: 'OPEN',
      level: 'DISTRICT',
      cityLeader: null,
      reopenCount: 0,
      evidence: [],
    });
  });

  it('a listed (city-level) problem needs a city leader', () => {
    const input = {
      category: 'LAND' as const,
      level: 'CITY' as const,
      raisedDate: '2020-09-21',
      deadline: '2020-10-30',
    };
    expect(() => openProblem(input)).toThrow(expect.objectContaining({ field: 'cityLeader' }));
    expect(() => openProblem({ ...input, cityLeader: '  ' })).toThrow(
      expect.objectContaining({ field: 'cityLeader' }),
    );
    expect(openProblem({ ...input, cityLeader: ' 王副市长 ' }).cityLeader).toBe('王副市长');
  });

  it.each<[string, object, string]>([
    ['an unknown category', { category: 'WEATHER' }, 'category'],
    ['an unknown level', { level: 'PROVINCE' }, 'level'],
    ['a deadline before it was raised', { deadline: '2020-09-20' }, 'deadline'],
    ['an impossible date', { raisedDate: '2020-09-31' }, 'raisedDate'],
  ])('refuses %s', (_d, change, field) => {
    const input = {
      category: 'LAND',
      level: 'DISTRICT',
      raisedDate: '2020-09-21',
      deadline: '2020-10-12',
      ...change,
    };
    expect(() => openProblem(input as never)).toThrow(expect.objectContaining({ field }));
  });

  it('labels every category in Chinese', () => {
    expect(PROBLEM_CATEGORIES.map((c) => PROBLEM_CATEGORY_LABELS[c])).toEqual([
      '土地',
      '规划',
      '审批手续',
      '电力',
      '征收动迁',
      '市政配套',
      '融资',
      '其他',
    ]);
  });
});

describe('transition', () => {
  it.each<[ProblemStatus, ProblemAction, TransitionPayload, Partial<ProblemState>]>([
    ['OPEN', 'START', on('2020-09-22'), { status: 'IN_PROGRESS' }],
    ['OPEN', 'RESOLVE', on('2020-09-25'), { status: 'RESOLVED', resolvedDate: '2020-09-25' }],
    ['IN_PROGRESS', 'RESOLVE', on('2020-10-09'), { status: 'RESOLVED', resolvedDate: '2020-10-09' }],
    [
      'RESOLVED',
      'CLOSE_OUT',
      on('2020-10-10', { evidence: [' 现场照片 ', ''] }),
      { status: 'CLOSED_OUT', closedOutDate: '2020-10-10', evidence: ['现场照片'] },
    ],
    [
      'RESOLVED',
      'REOPEN',
      on('2020-10-15', { reason: '复查发现管网未接通' }),
      { status: 'OPEN', resolvedDate: null, closedOutDate: null, evidence: [], reopenCount: 1 },
    ],
    [
      'CLOSED_OUT',
      'REOPEN',
      on('2020-11-02', { reason: '问题反弹', deadline: '2020-11-20' }),
      {
        status: 'OPEN',
        resolvedDate: null,
        closedOutDate: null,
        evidence: [],
        reopenCount: 1,
        deadline: '2020-11-20',
      },
    ],
    [
      'OPEN',
      'ESCALATE',
      on('2020-10-13', { cityLeader: '李副市长' }),
      { status: 'OPEN', level: 'CITY', cityLeader: '李副市长' },
    ],
    [
      'IN_PROGRESS',
      'ESCALATE',
      on('2020-10-13', { cityLeader: '李副市长', deadline: '2020-11-30' }),
      { status: 'IN_PROGRESS', level: 'CITY', deadline: '2020-11-30' },
    ],
    [
      'IN_PROGRESS',
      'REQUEST_ESCALATION',
      on('2020-10-01', { reason: '涉及林地调规，区级无权审批' }),
      { escalationRequested: true },
    ],
  ])('%s —%s→ %p', (status, action, payload, expected) => {
    const next = transition(inState(status), action, payload);
    expect(next).toMatchObject(expected);
  });

  it.each<[ProblemStatus, ProblemAction, string]>([
    ['IN_PROGRESS', 'START', '「办理中」的问题不能开始办理'],
    ['RESOLVED', 'START', '「已解决」的问题不能开始办理'],
    ['CLOSED_OUT', 'RESOLVE', '「已销号」的问题不能标记已解决'],
    ['OPEN', 'CLOSE_OUT', '「待办理」的问题不能销号'],
    ['IN_PROGRESS', 'CLOSE_OUT', '「办理中」的问题不能销号'],
    ['CLOSED_OUT', 'CLOSE_OUT', '「已销号」的问题不能销号'],
    ['OPEN', 'REOPEN', '「待办理」的问题不能重新打开'],
    ['IN_PROGRESS', 'REOPEN', '「办理中」的问题不能重新打开'],
    ['RESOLVED', 'ESCALATE', '「已解决」的问题不能提级为市级挂牌督办'],
    ['CLOSED_OUT', 'REQUEST_ESCALATION', '「已销号」的问题不能申请市级协调'],
  ])('refuses %s —%s→ on the field action', (status, action, reason) => {
    const payload = on('2020-10-20', { evidence: ['x'], reason: 'x', cityLeader: 'x' });
    const call = () => transition(inState(status), action, payload);
    expect(call).toThrow(DomainError);
    expect(call).toThrow(expect.objectContaining({ field: 'action', reason }));
  });

  it('refuses to escalate a problem that is already listed', () => {
    const listed = inState('OPEN', { level: 'CITY', cityLeader: '李副市长' });
    expect(() => transition(listed, 'ESCALATE', on('2020-10-13', { cityLeader: '王副市长' }))).toThrow(
      expect.objectContaining({ field: 'action', reason: '问题已是市级挂牌督办' }),
    );
  });

  it.each<[ProblemStatus, ProblemAction, TransitionPayload, string]>([
    ['RESOLVED', 'CLOSE_OUT', on('2020-10-10'), 'evidence'],
    ['RESOLVED', 'CLOSE_OUT', on('2020-10-10', { evidence: ['  '] }), 'evidence'],
    ['RESOLVED', 'CLOSE_OUT', on('2020-10-01', { evidence: ['照片'] }), 'date'],
    ['RESOLVED', 'REOPEN', on('2020-10-15'), 'reason'],
    ['OPEN', 'ESCALATE', on('2020-10-13'), 'cityLeader'],
    ['OPEN', 'ESCALATE', on('2020-10-13', { cityLeader: '李副市长', deadline: '2020-10-01' }), 'deadline'],
    ['OPEN', 'REQUEST_ESCALATION', on('2020-10-13'), 'reason'],
    ['OPEN', 'START', on('2020-09-20'), 'date'],
    ['OPEN', 'START', on('2020-13-01'), 'date'],
  ])('%s —%s→ without what it needs names %s', (status, action, payload, field) => {
    expect(() => transition(inState(status), action, payload)).toThrow(expect.objectContaining({ field }));
  });

  it('refuses an unknown action', () => {
    expect(() => transition(base, 'DELETE' as ProblemAction, on('2020-10-01'))).toThrow(
      expect.objectContaining({ field: 'action' }),
    );
  });

  it('runs a whole life: raised, escalated, resolved late, closed out, reopened, resolved again', () => {
    let p = transition(base, 'START', on('2020-09-22'));
    p = transition(p, 'ESCALATE', on('2020-10-13', { cityLeader: '李副市长', deadline: '2020-10-30' }));
    p = transition(p, 'RESOLVE', on('2020-11-02'));
    expect(resolvedOnTime(p)).toBe(false);
    p = transition(p, 'CLOSE_OUT', on('2020-11-03', { evidence: ['验收单'] }));
    p = transition(p, 'REOPEN', on('2020-11-10', { reason: '复查未通过', deadline: '2020-11-20' }));
    expect(resolvedOnTime(p)).toBeNull();
    p = transition(p, 'START', on('2020-11-10'));
    p = transition(p, 'RESOLVE', on('2020-11-19'));
    expect(p).toMatchObject({ status: 'RESOLVED', level: 'CITY', reopenCount: 1 });
    expect(resolvedOnTime(p)).toBe(true);
  });
});

describe('deadlines, overdue and escalation', () => {
  it.each([
    ['2020-09-30', 0, '2020-09-30'],
    ['2020-09-30', 1, '2020-10-09'],
    ['2020-09-30', 5, '2020-10-14'], // 9 Fri, 10 Sat (make-up), 12 Mon, 13 Tue, 14 Wed
    ['2021-02-08', 5, '2021-02-20'], // 9, 10, then Spring Festival, 18, 19, 20 (make-up Saturday)
  ])('deadlineFromWorkingDays(%s, %d) = %s', (raised, n, expected) => {
    expect(deadlineFromWorkingDays(raised, n)).toBe(expected);
  });

  it('names its own fields', () => {
    expect(() => deadlineFromWorkingDays('2020-09-31', 5)).toThrow(
      expect.objectContaining({ field: 'raisedDate' }),
    );
    expect(() => deadlineFromWorkingDays('2020-09-30', -1)).toThrow(
      expect.objectContaining({ field: 'workingDays' }),
    );
    expect(() => deadlineFromWorkingDays('2027-12-30', 10)).toThrow(
      expect.objectContaining({ field: 'workingDays' }),
    );
    expect(() => deadlineFromWorkingDays('2017-12-30', 1)).toThrow(
      expect.objectContaining({ field: 'raisedDate' }),
    );
  });

  it.each<[ProblemStatus, string, boolean]>([
    ['OPEN', '2020-10-12', false], // due by the end of the deadline day
    ['OPEN', '2020-10-13', true],
    ['IN_PROGRESS', '2020-10-13', true],
    ['RESOLVED', '2020-12-01', false],
    ['CLOSED_OUT', '2020-12-01', false],
  ])('a %s problem due 2020-10-12 is overdue on %s: %p', (status, today, overdue) => {
    expect(isOverdue(inState(status), today)).toBe(overdue);
  });

  it.each<[string, ProblemState, string, string[]]>([
    ['district, before the deadline', inState('IN_PROGRESS'), '2020-10-12', []],
    ['district, deadline passed', inState('IN_PROGRESS'), '2020-10-13', ['DEADLINE_PASSED']],
    ['district asked', inState('OPEN', { escalationRequested: true }), '2020-10-01', ['DISTRICT_REQUESTED']],
    [
      'district asked and late',
      inState('OPEN', { escalationRequested: true }),
      '2020-10-20',
      ['DEADLINE_PASSED', 'DISTRICT_REQUESTED'],
    ],
    ['already listed', inState('OPEN', { level: 'CITY', cityLeader: '李副市长' }), '2020-10-20', []],
    ['resolved', inState('RESOLVED'), '2020-10-20', []],
  ])('escalation: %s', (_d, problem, today, reasons) => {
    expect(escalationReasons(problem, today)).toEqual(reasons);
    expect(shouldEscalate(problem, today)).toBe(reasons.length > 0);
  });

  it.each<[string | null, boolean | null]>([
    [null, null],
    ['2020-10-12', true],
    ['2020-10-13', false],
  ])('resolved on %p → on time %p', (resolvedDate, expected) => {
    expect(resolvedOnTime(inState(resolvedDate ? 'RESOLVED' : 'IN_PROGRESS', { resolvedDate }))).toBe(
      expected,
    );
  });

  it('counts the problem list', () => {
    const list = [
      inState('OPEN'),
      inState('IN_PROGRESS', { deadline: '2020-11-30' }),
      inState('RESOLVED', { resolvedDate: '2020-10-01' }),
      inState('CLOSED_OUT', { resolvedDate: '2020-10-20', level: 'CITY', cityLeader: '李副市长' }),
    ];
    expect(problemFigures(list, '2020-10-15')).toEqual({
      total: 4,
      live: 2,
      overdue: 1,
      resolved: 2,
      closedOut: 1,
      resolvedOnTime: 1,
      onTimeRate: 50,
      listedForSupervision: 1,
    });
    expect(problemFigures([], '2020-10-15').onTimeRate).toBeNull();
  });
});

describe('allowedProblemActions', () => {
  it.each<[string, ProblemState, ProblemAction[]]>([
    ['open, district', inState('OPEN'), ['START', 'RESOLVE', 'REQUEST_ESCALATION', 'ESCALATE']],
    ['in progress, district', inState('IN_PROGRESS'), ['RESOLVE', 'REQUEST_ESCALATION', 'ESCALATE']],
    ['in progress, escalation already asked', inState('IN_PROGRESS', { escalationRequested: true }), ['RESOLVE', 'ESCALATE']],
    ['open, city', inState('OPEN', { level: 'CITY', cityLeader: '分管副市长' }), ['START', 'RESOLVE']],
    ['resolved', inState('RESOLVED'), ['CLOSE_OUT', 'REOPEN']],
    ['closed out', inState('CLOSED_OUT'), ['REOPEN']],
  ])('%s', (_name, state, expected) => expect(allowedProblemActions(state)).toEqual(expected));

  it('agrees with transition on every state', () => {
    for (const status of ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED_OUT'] as const) {
      const state = inState(status);
      for (const action of allowedProblemActions(state)) {
        expect(() => transition(state, action, on('2020-10-12', { evidence: ['验收单'], reason: '复查', cityLeader: '分管副市长' }))).not.toThrow();
      }
    }
  });
});
