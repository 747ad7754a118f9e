import { type DispatchCandidate, mustDispatchList, mustDispatchReasons } from './dispatch';
import { PROJECT_CATEGORY_LABELS, PROJECT_STAGE_LABELS } from './project';

const project = (over: Partial<DispatchCandidate> & Pick<DispatchCandidate, 'id'>): DispatchCandidate => ({
  keyPush: false,
  stage: 'CONTINUING',
  majorGovernmentInvestment: false,
  openProblemCount: 0,
  ...over,
});

describe('mustDispatchReasons (四个必调)', () => {
  it.each<[string, Partial<DispatchCandidate>, string[]]>([
    ['a key-push project', { keyPush: true }, ['KEY_PUSH']],
    ['a new project', { stage: 'NEW' }, ['NEW']],
    ['a continuing project with open problems', { openProblemCount: 2 }, ['CONTINUING_WITH_PROBLEMS']],
    ['a continuing project without problems', { openProblemCount: 0 }, []],
    ['a new project with problems is listed as new', { stage: 'NEW', openProblemCount: 3 }, ['NEW']],
    ['a major government investment', { majorGovernmentInvestment: true }, ['MAJOR_GOVERNMENT_INVESTMENT']],
    [
      'every reason at once',
      { keyPush: true, openProblemCount: 1, majorGovernmentInvestment: true },
      ['KEY_PUSH', 'CONTINUING_WITH_PROBLEMS', 'MAJOR_GOVERNMENT_INVESTMENT'],
    ],
    ['a key-push reserve project', { stage: 'RESERVE', keyPush: true }, ['KEY_PUSH']],
    ['a plain reserve project', { stage: 'RESERVE', openProblemCount: 2 }, []],
    ['a reserve project held up by an overdue procedure', { stage: 'RESERVE', overdueProcedureCount: 1 }, ['OVERDUE_PROCEDURES']],
    ['a new project with two overdue procedures', { stage: 'NEW', overdueProcedureCount: 2 }, ['NEW', 'OVERDUE_PROCEDURES']],
    ['a continuing project with procedures on time', { overdueProcedureCount: 0 }, []],
    ['overdue procedures and open problems', { openProblemCount: 1, overdueProcedureCount: 1 }, ['CONTINUING_WITH_PROBLEMS', 'OVERDUE_PROCEDURES']],
    ['a completed project with an overdue node left', { stage: 'COMPLETED', overdueProcedureCount: 3 }, []],
    [
      'a completed project',
      { stage: 'COMPLETED', keyPush: true, majorGovernmentInvestment: true, openProblemCount: 1 },
      [],
    ],
    [
      'a removed project',
      { stage: 'REMOVED', keyPush: true, majorGovernmentInvestment: true, openProblemCount: 1 },
      [],
    ],
  ])('%s → %p', (_d, change, reasons) => {
    expect(mustDispatchReasons(project({ id: 'p', ...change }))).toEqual(reasons);
  });

  it('refuses an unknown stage and a negative problem count', () => {
    expect(() => mustDispatchReasons(project({ id: 'p', stage: 'PLANNED' as never }))).toThrow(
      expect.objectContaining({ field: 'project.stage' }),
    );
    expect(() => mustDispatchList([project({ id: 'p', openProblemCount: -1 })])).toThrow(
      expect.objectContaining({ field: 'projects[0].openProblemCount' }),
    );
    expect(() => mustDispatchList([project({ id: 'p', overdueProcedureCount: 1.5 })])).toThrow(
      expect.objectContaining({ field: 'projects[0].overdueProcedureCount' }),
    );
  });
});

describe('mustDispatchList', () => {
  it('lists the projects to report with Chinese labels, in the given order', () => {
    const list = mustDispatchList([
      project({ id: '恒大文化旅游城', keyPush: true, openProblemCount: 2 }),
      project({ id: '桃李面包', stage: 'COMPLETED', keyPush: true }),
      project({ id: '达利食品', stage: 'NEW' }),
      project({ id: '中央大街', majorGovernmentInvestment: true }),
      project({ id: '苏宁易购' }),
    ]);
    expect(list).toEqual([
      {
        id: '恒大文化旅游城',
        reasons: ['KEY_PUSH', 'CONTINUING_WITH_PROBLEMS'],
        labels: ['重点推进项目', '存在问题的续建项目'],
      },
      { id: '达利食品', reasons: ['NEW'], labels: ['新建项目'] },
      { id: '中央大街', reasons: ['MAJOR_GOVERNMENT_INVESTMENT'], labels: ['重大政府投资项目'] },
    ]);
  });

  it('refuses a duplicated project', () => {
    expect(() => mustDispatchList([project({ id: 'a' }), project({ id: 'a' })])).toThrow(
      expect.objectContaining({ field: 'projects[1].id' }),
    );
  });

  it('labels stages and categories', () => {
    expect(PROJECT_STAGE_LABELS.CONTINUING).toBe('续建');
    expect(PROJECT_CATEGORY_LABELS.MODERN_SERVICES).toBe('现代服务业');
  });
});
