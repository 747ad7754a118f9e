import { fromShanghaiInput, quantity, toShanghaiInput } from './shared';

describe('Beijing time in the session forms', () => {
  test.each([
    ['2021-01-15T09:00', '2021-01-15T01:00:00.000Z'],
    ['2021-01-15T07:30', '2021-01-14T23:30:00.000Z'],
    ['2021-01-01T00:00', '2020-12-31T16:00:00.000Z'],
    ['2021-01-15T09:00:30', '2021-01-15T01:00:30.000Z'],
  ])('%s in Beijing is %s', (input, iso) => {
    expect(fromShanghaiInput(input)).toBe(iso);
    expect(toShanghaiInput(iso)).toBe(input.slice(0, 16));
  });

  test.each([[''], [null], [undefined], ['not a time']])('%p is no time', (input) => expect(fromShanghaiInput(input)).toBeNull());

  test('no instant, no value to edit', () => {
    expect(toShanghaiInput(null)).toBeUndefined();
    expect(toShanghaiInput('garbage')).toBeUndefined();
  });
});

describe('quantities with their unit', () => {
  test.each([
    ['222', '万平方米', '222 万平方米'],
    ['0.5', '公里', '0.5 公里'],
    ['20', null, '20'],
    [null, '个', '—'],
    ['', '个', '—'],
  ])('%p %p reads %p', (value, unit, text) => expect(quantity(value, unit)).toBe(text));
});
