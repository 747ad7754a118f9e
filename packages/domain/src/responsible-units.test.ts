import { responsibleUnitProblems, unitNameKey } from './responsible-units';

describe('responsibleUnitProblems', () => {
  it.each([
    ['a complete unit', { name: '苏家屯区水务局', contactName: '王建国', phone: '139 0418 1000' }, [], '13904181000'],
    ['+86 and dashes', { name: '国网沈阳供电公司苏家屯分公司', contactName: '刘强', phone: '+86-139-0418-1000' }, [], '13904181000'],
    ['no name', { name: '  ', contactName: '王建国', phone: '13904181000' }, ['name'], '13904181000'],
    ['a name too long', { name: '局'.repeat(65), contactName: '王建国', phone: '13904181000' }, ['name'], '13904181000'],
    ['no contact', { name: '苏家屯区财政局', contactName: '', phone: '13904181000' }, ['contactName'], '13904181000'],
    ['a contact too long', { name: '苏家屯区财政局', contactName: '王'.repeat(33), phone: '13904181000' }, ['contactName'], '13904181000'],
    ['a landline', { name: '苏家屯区财政局', contactName: '王建国', phone: '024-89812345' }, ['phone'], null],
    ['no phone', { name: '苏家屯区财政局', contactName: '王建国', phone: '' }, ['phone'], null],
    ['everything wrong', { name: '', contactName: '', phone: '12904181000' }, ['name', 'contactName', 'phone'], null],
  ])('%s', (_name, draft, fields, phone) => {
    const r = responsibleUnitProblems(draft);
    expect(r.problems.map((p) => p.field)).toEqual(fields);
    expect(r.phone).toBe(phone);
  });
});

describe('unitNameKey', () => {
  it.each([
    ['苏家屯区水务局', '苏家屯区水务局'],
    [' 苏家屯区 水务局 ', '苏家屯区水务局'],
    ['苏家屯区\u3000水务局', '苏家屯区水务局'],
    ['State Grid 沈阳', 'stategrid沈阳'],
  ])('%s → %s', (name, key) => {
    expect(unitNameKey(name)).toBe(key);
  });
});
