import { canonicalJson } from './canonical';
import { DomainError } from './errors';

describe('canonicalJson', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'null'],
    ['a string, escaped', '苏家屯区 "A"', '"苏家屯区 \\"A\\""'],
    ['a whole number', 86, '86'],
    ['a boolean', true, 'true'],
    ['keys sorted, no spaces', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    ['nested, arrays keep their order', { z: [{ y: 1, x: 'b' }, 3], a: { d: null, c: 'x' } }, '{"a":{"c":"x","d":null},"z":[{"x":"b","y":1},3]}'],
    ['a date as its ISO instant', { at: new Date('2020-10-08T02:00:00Z') }, '{"at":"2020-10-08T02:00:00.000Z"}'],
    ['the same content in another key order', { red: 4, green: 86, yellow: 10 }, '{"green":86,"red":4,"yellow":10}'],
  ])('%s', (_name, value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it.each<[string, unknown, string]>([
    ['a fraction', { amount: 1.5 }, 'value.amount'],
    ['undefined', { a: [undefined] }, 'value.a[0]'],
    ['a function', { f: () => 1 }, 'value.f'],
  ])('refuses %s, naming where', (_name, value, field) => {
    expect(() => canonicalJson(value)).toThrow(DomainError);
    try {
      canonicalJson(value);
    } catch (e) {
      expect((e as DomainError).field).toBe(field);
    }
  });
});
