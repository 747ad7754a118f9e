import { validateMilestones, type MilestoneRow } from './milestones';

const ok: MilestoneRow = { name: '主体结构封顶', startDate: '2020-03-01', dueDate: '2020-09-30', metDate: null, progress: 40, weight: 1 };

describe('validateMilestones', () => {
  it.each<[string, Partial<MilestoneRow>, Array<[string, string]>]>([
    ['a sound milestone', {}, []],
    ['met, at 100%', { metDate: '2020-09-20', progress: 100 }, []],
    ['no name', { name: '  ' }, [['name', '请填写节点名称']]],
    ['a due date in another format', { dueDate: '09/30/2020' }, [['dueDate', '日期应写作 YYYY-MM-DD']]],
    ['a day that does not exist', { dueDate: '2020-02-30' }, [['dueDate', '日期应写作 YYYY-MM-DD']]],
    ['a bad start date', { startDate: '2020-3-1' }, [['startDate', '日期应写作 YYYY-MM-DD']]],
    ['a start after the due date', { startDate: '2020-10-01' }, [['startDate', '开始日期不能晚于计划完成日期']]],
    ['met but not at 100%', { metDate: '2020-09-20', progress: 90 }, [['progress', '已完成的节点进度应为100%']]],
    ['progress over 100', { progress: 120 }, [['progress', '完成进度应为 0 到 100 的整数']]],
    ['a fractional progress', { progress: 12.5 }, [['progress', '完成进度应为 0 到 100 的整数']]],
    ['a negative weight', { weight: -1 }, [['weight', '权重应为 0 到 1000 的整数']]],
  ])('%s', (_name, change, expected) => {
    expect(validateMilestones([ok, { ...ok, ...change }])).toEqual(expected.map(([field, reason]) => ({ field: `milestones[1].${field}`, reason })));
  });

  it('names every problem at once', () => {
    expect(validateMilestones([{ ...ok, name: '', dueDate: 'x' }]).map((p) => p.field)).toEqual(['milestones[0].name', 'milestones[0].dueDate']);
  });
});
