import { DomainError, DomainValidationError } from './errors';
import {
  assessNode,
  chainTotal,
  checkNodeChange,
  CONSTRUCTION_APPROVAL_LIMIT_DAYS,
  holdUp,
  validateTemplate,
  type ProcedureNodeState,
  type ProcedureState,
  type ProcedureTypeRule,
} from './procedures';

const t = (code: string, promisedDays: number, predecessors: string[] = [], legalDays = promisedDays * 3): ProcedureTypeRule => ({ code, name: code, legalDays, promisedDays, predecessors });

/** The demo city's template (立项 → 施工许可): 环评 and 用地预审 run in parallel after 立项. */
const CITY = [
  t('LX', 3, [], 20),
  t('YDYS', 5, ['LX'], 20),
  t('HP', 10, ['LX'], 60),
  t('YDGH', 5, ['YDYS'], 20),
  t('GCGH', 7, ['YDGH'], 20),
  t('SGT', 10, ['GCGH'], 20),
  t('SGXK', 3, ['SGT', 'HP'], 15),
];

describe('chainTotal', () => {
  it.each<[string, ProcedureTypeRule[], number, number, string[]]>([
    ['one node', [t('A', 5, [], 10)], 5, 10, ['A']],
    ['serial nodes add up', [t('A', 5, [], 10), t('B', 7, ['A'], 10)], 12, 20, ['A', 'B']],
    ['parallel nodes count once: the longer branch', [t('A', 2, [], 4), t('B', 7, ['A'], 7), t('C', 3, ['A'], 30), t('D', 1, ['B', 'C'], 1)], 10, 35, ['A', 'B', 'D']],
    ['two separate chains: the longer', [t('A', 4, [], 4), t('B', 9, [], 9)], 9, 9, ['B']],
    ['the demo template', CITY, 33, 115, ['LX', 'YDYS', 'YDGH', 'GCGH', 'SGT', 'SGXK']],
    ['empty template', [], 0, 0, []],
  ])('%s', (_name, types, promised, legal, path) => {
    expect(chainTotal(types)).toEqual({ promisedDays: promised, legalDays: legal, criticalPath: path });
  });

  it('the demo template keeps Sujiatun’s ≤ 50 working days', () => {
    expect(chainTotal(CITY).promisedDays).toBeLessThanOrEqual(CONSTRUCTION_APPROVAL_LIMIT_DAYS);
  });
});

describe('validateTemplate', () => {
  it.each<[string, ProcedureTypeRule[], string, RegExp]>([
    ['unknown predecessor', [t('A', 1, ['Z'])], 'types[0].predecessors', /不在模板中/],
    ['itself as predecessor', [t('A', 1, ['A'])], 'types[0].predecessors', /它自己/],
    ['a cycle', [t('A', 1, ['B']), t('B', 1, ['A'])], 'types[0].predecessors', /成环/],
    ['promised over legal', [t('A', 10, [], 5)], 'types[0].promisedDays', /超过法定/],
    ['zero promised', [t('A', 0, [], 5)], 'types[0].promisedDays', /1–365/],
    ['duplicate code', [t('A', 1), t('A', 1)], 'types[1].code', /重复/],
    ['bad code', [t('a-1', 1)], 'types[0].code', /大写/],
    ['empty name', [{ ...t('A', 1), name: ' ' }], 'types[0].name', /不能为空/],
  ])('refuses %s', (_name, types, field, reason) => {
    try {
      validateTemplate(types);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const problems = e instanceof DomainValidationError ? e.problems : [e as DomainError];
      expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ field, reason: expect.stringMatching(reason) })]));
    }
  });

  it('accepts the demo template', () => expect(() => validateTemplate(CITY)).not.toThrow());
});

describe('assessNode', () => {
  it.each<[string, ProcedureState, string | null, string | null, number, string, ReturnType<typeof assessNode>]>([
    ['not started', 'NOT_STARTED', null, null, 5, '2020-09-30', { dueDate: null, workingDaysTaken: null, overdue: false, daysOverdue: 0, approvedLate: false }],
    ['not required', 'NOT_REQUIRED', null, null, 5, '2020-09-30', { dueDate: null, workingDaysTaken: null, overdue: false, daysOverdue: 0, approvedLate: false }],
    // Requested Wednesday 2020-09-23 with 5 working days: 24, 25, 27 (make-up Sunday), 28, 29 → due 2020-09-29.
    ['in progress, due tomorrow', 'IN_PROGRESS', '2020-09-23', null, 5, '2020-09-28', { dueDate: '2020-09-29', workingDaysTaken: 4, overdue: false, daysOverdue: 0, approvedLate: false }],
    ['in progress, on its due date', 'IN_PROGRESS', '2020-09-23', null, 5, '2020-09-29', { dueDate: '2020-09-29', workingDaysTaken: 5, overdue: false, daysOverdue: 0, approvedLate: false }],
    ['in progress, one working day late', 'IN_PROGRESS', '2020-09-23', null, 5, '2020-09-30', { dueDate: '2020-09-29', workingDaysTaken: 6, overdue: true, daysOverdue: 1, approvedLate: false }],
    // The National Day holiday (1–8 October) does not count against the department.
    ['overdue across the holiday', 'IN_PROGRESS', '2020-09-23', null, 5, '2020-10-09', { dueDate: '2020-09-29', workingDaysTaken: 7, overdue: true, daysOverdue: 2, approvedLate: false }],
    ['approved in time', 'APPROVED', '2020-09-23', '2020-09-28', 5, '2020-12-01', { dueDate: '2020-09-29', workingDaysTaken: 4, overdue: false, daysOverdue: 0, approvedLate: false }],
    ['approved late is not overdue, but late', 'APPROVED', '2020-09-23', '2020-10-09', 5, '2020-12-01', { dueDate: '2020-09-29', workingDaysTaken: 7, overdue: false, daysOverdue: 0, approvedLate: true }],
  ])('%s', (_name, state, requestedDate, approvedDate, promisedDays, today, expected) => {
    expect(assessNode({ state, requestedDate, approvedDate, promisedDays }, today)).toEqual(expected);
  });
});

describe('holdUp', () => {
  const node = (code: string, state: ProcedureState, predecessors: string[] = [], requestedDate: string | null = null, approvedDate: string | null = null, promisedDays = 5): ProcedureNodeState =>
    ({ code, state, predecessors, requestedDate, approvedDate, promisedDays });
  it.each<[string, ProcedureNodeState[], string, { frontier: string[]; heldBy: string | null; complete: boolean }]>([
    ['nothing started: the first node', [node('A', 'NOT_STARTED'), node('B', 'NOT_STARTED', ['A'])], '2020-09-30', { frontier: ['A'], heldBy: 'A', complete: false }],
    ['serial: the node after the approved one', [node('A', 'APPROVED', [], '2020-09-01', '2020-09-03'), node('B', 'IN_PROGRESS', ['A'], '2020-09-04'), node('C', 'NOT_STARTED', ['B'])], '2020-09-07', { frontier: ['B'], heldBy: 'B', complete: false }],
    ['parallel: the overdue branch holds, not the one in time', [
      node('A', 'APPROVED', [], '2020-09-01', '2020-09-03'),
      node('B', 'IN_PROGRESS', ['A'], '2020-09-04', null, 20),
      node('C', 'IN_PROGRESS', ['A'], '2020-09-04', null, 2),
      node('D', 'NOT_STARTED', ['B', 'C']),
    ], '2020-09-30', { frontier: ['B', 'C'], heldBy: 'C', complete: false }],
    ['in progress holds before not applied for', [node('A', 'NOT_STARTED'), node('B', 'IN_PROGRESS', [], '2020-09-28')], '2020-09-29', { frontier: ['A', 'B'], heldBy: 'B', complete: false }],
    ['the most overdue of two', [node('A', 'IN_PROGRESS', [], '2020-09-01', null, 3), node('B', 'IN_PROGRESS', [], '2020-08-03', null, 3)], '2020-09-30', { frontier: ['A', 'B'], heldBy: 'B', complete: false }],
    ['not required counts as done', [node('A', 'NOT_REQUIRED'), node('B', 'NOT_STARTED', ['A'])], '2020-09-30', { frontier: ['B'], heldBy: 'B', complete: false }],
    ['complete chain holds nothing', [node('A', 'APPROVED', [], '2020-09-01', '2020-09-02'), node('B', 'NOT_REQUIRED', ['A'])], '2020-09-30', { frontier: [], heldBy: null, complete: true }],
  ])('%s', (_name, nodes, today, expected) => {
    expect(holdUp(nodes, today)).toEqual(expected);
  });
});

describe('checkNodeChange', () => {
  const pred = (state: ProcedureState, approvedDate: string | null = null) => [{ code: 'LX', name: '项目立项', state, approvedDate }];
  it.each<[string, Parameters<typeof checkNodeChange>[0], ReturnType<typeof pred>, string | null, RegExp | null]>([
    ['a request after the predecessor', { state: 'IN_PROGRESS', requestedDate: '2020-09-10', approvedDate: null, documentNumber: null }, pred('APPROVED', '2020-09-09'), null, null],
    ['approval with its document', { state: 'APPROVED', requestedDate: '2020-09-10', approvedDate: '2020-09-14', documentNumber: '沈苏发改审批〔2020〕12号' }, pred('APPROVED', '2020-09-09'), null, null],
    ['a predecessor not required', { state: 'IN_PROGRESS', requestedDate: '2020-09-10', approvedDate: null, documentNumber: null }, pred('NOT_REQUIRED'), null, null],
    ['a request while the predecessor is open', { state: 'IN_PROGRESS', requestedDate: '2020-09-10', approvedDate: null, documentNumber: null }, pred('IN_PROGRESS'), 'state', /尚未办结/],
    ['a request before the predecessor’s approval', { state: 'IN_PROGRESS', requestedDate: '2020-09-08', approvedDate: null, documentNumber: null }, pred('APPROVED', '2020-09-09'), 'requestedDate', /不能早于前置/],
    ['in progress without a request date', { state: 'IN_PROGRESS', requestedDate: null, approvedDate: null, documentNumber: null }, [], 'requestedDate', /申报日期/],
    ['approved without a document', { state: 'APPROVED', requestedDate: '2020-09-10', approvedDate: '2020-09-14', documentNumber: ' ' }, [], 'documentNumber', /文号/],
    ['approved before requested', { state: 'APPROVED', requestedDate: '2020-09-10', approvedDate: '2020-09-09', documentNumber: '1号' }, [], 'approvedDate', /早于申报/],
    ['a future date', { state: 'IN_PROGRESS', requestedDate: '2020-10-10', approvedDate: null, documentNumber: null }, [], 'requestedDate', /将来/],
    ['an approval date on an open node', { state: 'IN_PROGRESS', requestedDate: '2020-09-10', approvedDate: '2020-09-11', documentNumber: null }, [], 'approvedDate', /尚未办结/],
    ['a request date on a node not started', { state: 'NOT_STARTED', requestedDate: '2020-09-10', approvedDate: null, documentNumber: null }, [], 'requestedDate', /未启动/],
    ['a malformed date', { state: 'IN_PROGRESS', requestedDate: '2020-9-1', approvedDate: null, documentNumber: null }, [], 'requestedDate', /./],
  ])('%s', (_name, change, predecessors, field, reason) => {
    const run = () => checkNodeChange(change, predecessors, '2020-09-30');
    if (!field) return expect(run).not.toThrow();
    try {
      run();
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainValidationError);
      expect((e as DomainValidationError).problems).toEqual(expect.arrayContaining([expect.objectContaining({ field, reason: expect.stringMatching(reason!) })]));
    }
  });
});
