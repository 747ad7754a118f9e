import { attendanceProblems, type Attendance } from './attendance';
import { DomainError } from './errors';

const demo: Attendance = { rosterSize: 360, checkedIn: 351, votedElectronically: 334, votedOnPaper: 8, sheetsIssued: 8, sheetsReturned: 7, spoiled: 2 };

describe('attendanceProblems', () => {
  it.each<[string, Partial<Attendance>, { electronic: number; paper: number }, string[]]>([
    ['the demo session adds up', {}, { electronic: 334, paper: 7 }, []],
    ['nobody voted', { votedElectronically: 0, votedOnPaper: 0, sheetsIssued: 0, sheetsReturned: 0, spoiled: 0 }, { electronic: 0, paper: 0 }, []],
    ['everyone checked in voted', { checkedIn: 342 }, { electronic: 334, paper: 7 }, []],
    ['more checked in than on the roster', { rosterSize: 300 }, { electronic: 334, paper: 7 }, ['checkedIn']],
    ['more voters than checked in', { checkedIn: 340 }, { electronic: 334, paper: 7 }, ['votedElectronically', 'ballots']],
    ['an app ballot without its voter', {}, { electronic: 335, paper: 7 }, ['votedElectronically']],
    ['an app voter without a ballot', {}, { electronic: 333, paper: 7 }, ['votedElectronically']],
    ['sheets issued differ from delegates handed one', { sheetsIssued: 10 }, { electronic: 334, paper: 7 }, ['sheetsIssued']],
    ['more sheets back than issued', { sheetsReturned: 9 }, { electronic: 334, paper: 9 }, ['sheetsReturned']],
    ['paper ballots differ from sheets returned', {}, { electronic: 334, paper: 8 }, ['sheetsReturned']],
    ['more spoiled than returned', { spoiled: 8 }, { electronic: 334, paper: 7 }, ['spoiled']],
    ['ballots exceed the checked-in delegates', { checkedIn: 10, rosterSize: 10, votedElectronically: 5, votedOnPaper: 5, sheetsIssued: 5, sheetsReturned: 5, spoiled: 0 }, { electronic: 5, paper: 5 }, []],
    ['two invented sheets', { checkedIn: 10, rosterSize: 12, votedElectronically: 5, votedOnPaper: 5, sheetsIssued: 5, sheetsReturned: 5, spoiled: 0 }, { electronic: 5, paper: 7 }, ['sheetsReturned', 'ballots']],
  ])('%s', (_name, change, ballots, fields) => {
    expect(attendanceProblems({ ...demo, ...change }, ballots).map((p) => p.field)).toEqual(fields);
  });

  it('names the field of a number that is not a count', () => {
    expect(() => attendanceProblems({ ...demo, checkedIn: -1 }, { electronic: 0, paper: 0 })).toThrow(DomainError);
    expect(() => attendanceProblems({ ...demo, spoiled: 1.5 }, { electronic: 0, paper: 0 })).toThrow(/spoiled/);
  });

  it('says why in Chinese', () => {
    expect(attendanceProblems({ ...demo, checkedIn: 340 }, { electronic: 334, paper: 7 })[1].reason).toBe('选票 341 张，多于报到代表 340 人');
  });
});
