import {
  isLibraryMember,
  LIBRARY_THRESHOLDS,
  type LibraryCandidate,
  libraryMembership,
  proposesLibraryRemoval,
  removalAfterLighting,
  type RemovalState,
} from './library';
import { wan, yi } from './money';

describe('key-project library membership', () => {
  it.each<[string, LibraryCandidate, bigint, boolean, string[]]>([
    [
      'Shenyang: exactly 1亿元',
      { totalInvestment: yi(1), stage: 'CONTINUING' },
      LIBRARY_THRESHOLDS.SHENYANG,
      true,
      [],
    ],
    [
      'Shenyang: 9,999万元',
      { totalInvestment: wan(9_999), stage: 'NEW' },
      LIBRARY_THRESHOLDS.SHENYANG,
      false,
      ['BELOW_THRESHOLD'],
    ],
    [
      'Shenyang: one fen short',
      { totalInvestment: yi(1) - 1n, stage: 'NEW' },
      LIBRARY_THRESHOLDS.SHENYANG,
      false,
      ['BELOW_THRESHOLD'],
    ],
    ['Dalian: 9,999万元', { totalInvestment: wan(9_999), stage: 'NEW' }, LIBRARY_THRESHOLDS.DALIAN, true, []],
    [
      'Dalian: exactly 5000万元',
      { totalInvestment: wan(5_000), stage: 'RESERVE' },
      LIBRARY_THRESHOLDS.DALIAN,
      true,
      [],
    ],
    [
      'Dalian: 4,999万元',
      { totalInvestment: wan(4_999), stage: 'NEW' },
      LIBRARY_THRESHOLDS.DALIAN,
      false,
      ['BELOW_THRESHOLD'],
    ],
    [
      'a completed project stays',
      { totalInvestment: yi(3), stage: 'COMPLETED' },
      LIBRARY_THRESHOLDS.SHENYANG,
      true,
      [],
    ],
    [
      'a removed project',
      { totalInvestment: yi(3), stage: 'REMOVED' },
      LIBRARY_THRESHOLDS.SHENYANG,
      false,
      ['PROJECT_REMOVED'],
    ],
    [
      'removed from the library after a red light',
      { totalInvestment: yi(3), stage: 'CONTINUING', removedFromLibrary: true },
      LIBRARY_THRESHOLDS.SHENYANG,
      false,
      ['REMOVED_FROM_LIBRARY'],
    ],
    [
      'every reason at once',
      { totalInvestment: wan(10), stage: 'REMOVED', removedFromLibrary: true },
      LIBRARY_THRESHOLDS.SHENYANG,
      false,
      ['BELOW_THRESHOLD', 'PROJECT_REMOVED', 'REMOVED_FROM_LIBRARY'],
    ],
  ])('%s', (_d, project, threshold, member, exclusions) => {
    const m = libraryMembership(project, threshold);
    expect(m.member).toBe(member);
    expect(m.exclusions).toEqual(exclusions);
    expect(isLibraryMember(project, threshold)).toBe(member);
  });

  it('says why', () => {
    expect(
      libraryMembership({ totalInvestment: wan(4_999), stage: 'NEW' }, LIBRARY_THRESHOLDS.DALIAN).reason,
    ).toBe('总投资 4999.00万元 低于入库门槛 5000.00万元');
    expect(
      libraryMembership({ totalInvestment: yi(93), stage: 'NEW' }, LIBRARY_THRESHOLDS.SHENYANG).reason,
    ).toBe('总投资 93.00亿元，达到入库门槛 1.00亿元');
  });

  it.each<[LibraryCandidate, bigint, string]>([
    [{ totalInvestment: yi(1), stage: 'NEW' }, 0n, 'threshold'],
    [{ totalInvestment: yi(1), stage: 'NEW' }, -1n, 'threshold'],
    [{ totalInvestment: -1n, stage: 'NEW' }, yi(1), 'totalInvestment'],
    [{ totalInvestment: yi(1), stage: 'GONE' as never }, yi(1), 'stage'],
  ])('refuses bad input on %s', (project, threshold, field) => {
    expect(() => libraryMembership(project, threshold)).toThrow(expect.objectContaining({ field }));
  });

  it('a red light, and only a red light, proposes removal', () => {
    expect(proposesLibraryRemoval('RED')).toBe(true);
    expect(proposesLibraryRemoval('YELLOW')).toBe(false);
    expect(proposesLibraryRemoval('GREEN')).toBe(false);
    expect(proposesLibraryRemoval(null)).toBe(false);
  });
});

describe('the removal state when a light is lit or relit', () => {
  it.each<[RemovalState, 'GREEN' | 'YELLOW' | 'RED', RemovalState]>([
    [null, 'RED', 'PROPOSED'],
    [null, 'YELLOW', null],
    [null, 'GREEN', null],
    ['PROPOSED', 'RED', 'PROPOSED'],
    ['PROPOSED', 'YELLOW', null],
    ['PROPOSED', 'GREEN', null],
    ['CONFIRMED', 'RED', 'CONFIRMED'],
    ['CONFIRMED', 'GREEN', 'CONFIRMED'],
    ['DECLINED', 'RED', 'DECLINED'],
    ['DECLINED', 'YELLOW', 'DECLINED'],
  ])('was %p, now %s: %p', (previous, color, expected) => {
    expect(removalAfterLighting(color, previous)).toBe(expected);
  });
});
