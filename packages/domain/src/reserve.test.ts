import { reserveReason } from './reserve';

describe('reserveReason', () => {
  it.each([
    ['short of the majority', { votes: 139, hasMajority: false, position: 11 }, 181, 10, '得票 139 票，未超过全体代表的半数（须 181 票），未获通过'],
    ['no votes at all', { votes: 0, hasMajority: false, position: 15 }, 181, 10, '得票 0 票，未超过全体代表的半数（须 181 票），未获通过'],
    ['a majority but outside the seats', { votes: 200, hasMajority: true, position: 11 }, 181, 10, '得票 200 票，过半数但名次第 11，未进入应选的 10 项'],
    ['a majority, within the seats, vote ended unfilled (a tie left over)', { votes: 190, hasMajority: true, position: 10 }, 181, 10, '得票 190 票，过半数，票决结束时仍有名额未定，未获通过'],
  ])('%s', (_name, count, majority, seats, expected) => {
    expect(reserveReason(count, majority, seats)).toBe(expected);
  });

  it('refuses a negative count', () => {
    expect(() => reserveReason({ votes: -1, hasMajority: false, position: 1 }, 3, 1)).toThrow(RangeError);
  });
});
