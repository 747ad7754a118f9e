import { normalMobile, supportPollState } from './support';

const at = (s: string) => new Date(s);

describe('supportPollState', () => {
  it.each([
    ['no poll', null, null, '2022-01-01T00:00:00Z', 'NONE'],
    ['before the opening', '2022-01-02T00:00:00Z', '2022-01-09T00:00:00Z', '2022-01-01T23:59:59Z', 'NOT_YET'],
    ['at the opening', '2022-01-02T00:00:00Z', '2022-01-09T00:00:00Z', '2022-01-02T00:00:00Z', 'OPEN'],
    ['just before the closing', '2022-01-02T00:00:00Z', '2022-01-09T00:00:00Z', '2022-01-08T23:59:59Z', 'OPEN'],
    ['at the closing', '2022-01-02T00:00:00Z', '2022-01-09T00:00:00Z', '2022-01-09T00:00:00Z', 'CLOSED'],
    ['open without a closing', '2022-01-02T00:00:00Z', null, '2030-01-01T00:00:00Z', 'OPEN'],
  ])('%s', (_name, opens, closes, now, expected) => {
    expect(supportPollState(opens ? at(opens) : null, closes ? at(closes) : null, at(now))).toBe(expected);
  });
});

describe('normalMobile', () => {
  it.each([
    ['13904181000', '13904181000'],
    ['139 0418 1000', '13904181000'],
    ['139-0418-1000', '13904181000'],
    ['+8613904181000', '13904181000'],
    ['8613904181000', '13904181000'],
    ['12904181000', null],
    ['1390418100', null],
    ['139041810001', null],
    ['0418-2222333', null],
    ['', null],
  ])('%s → %s', (text, expected) => {
    expect(normalMobile(text)).toBe(expected);
  });
});
