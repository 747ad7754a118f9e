import { ballotCommitment, chainLink, sealBatch, verifyRound, type BoardEntry, type PublishedRound } from './bulletin';
import { sha256Hex } from './sha256';
import { sessionFingerprintInput, tally } from './tally';

const candidates = ['A', 'B', 'C'].map((id) => ({ id, name: `项目${id}` }));
const canonical = sessionFingerprintInput({ rosterSize: 5, seats: 1, candidates });
const fingerprint = sha256Hex(canonical);
const ballots = [
  { receiptCode: 'R1', marks: ['A'], source: 'ELECTRONIC', salt: 's1' },
  { receiptCode: 'R2', marks: ['A'], source: 'ELECTRONIC', salt: 's2' },
  { receiptCode: 'R3', marks: ['B'], source: 'ELECTRONIC', salt: 's3' },
  { receiptCode: 'R4', marks: ['A', 'B'], source: 'PAPER', salt: 's4' },
];

const trackers = ['t1', 't2', 't3', 't4'].map((t) => sha256Hex(`sealed ${t}`));

/** The board: four sealed ballots' trackers, three in batch 1, one in batch 2. */
function board(): { entries: BoardEntry[]; checkpoints: { number: number; count: number; head: string }[]; head: string } {
  const one = sealBatch(fingerprint, trackers.slice(0, 3));
  const two = sealBatch(one.head, trackers.slice(3));
  const entries = [...one.entries.map((e) => ({ ...e, batch: 1 })), ...two.entries.map((e) => ({ ...e, batch: 2 }))].map((e) => ({ batch: e.batch, ballotHash: e.hash, prevHash: e.prev, chainHash: e.link }));
  return { entries, checkpoints: [{ number: 1, count: 3, head: one.head }, { number: 2, count: 4, head: two.head }], head: two.head };
}

/** The ballots opened at the count, chained on from the board's last head. */
function openAll(head: string, list: typeof ballots): { opened: BoardEntry[]; head: string } {
  const hashes = list.map((b) => ballotCommitment(fingerprint, b.receiptCode, b.marks.join(','), b.source, b.salt));
  const sealed = sealBatch(head, hashes);
  return { opened: sealed.entries.map((e) => ({ batch: 0, ballotHash: e.hash, prevHash: e.prev, chainHash: e.link, ...list[hashes.indexOf(e.hash)] })), head: sealed.head };
}

/** A counted round. */
function published(): PublishedRound {
  const b = board();
  const o = openAll(b.head, ballots);
  const t = tally({ rosterSize: 5, seats: 1, candidates, ballots: ballots.map((x) => x.marks) });
  return {
    number: 1,
    canonical,
    fingerprint,
    counted: true,
    checkpoints: b.checkpoints,
    entries: b.entries,
    opened: o.opened,
    chainHead: o.head,
    tally: { ...t, counts: t.counts.map((c) => ({ candidateId: c.candidateId, votes: c.votes })) },
    attendance: { rosterSize: 5, checkedIn: 4, votedElectronically: 3, votedOnPaper: 1, sheetsIssued: 1, sheetsReturned: 1, spoiled: 1 },
  };
}

const edit = (r: PublishedRound, receipt: string, change: Partial<BoardEntry>): PublishedRound => ({ ...r, opened: r.opened.map((e) => (e.receiptCode === receipt ? { ...e, ...change } : e)) });

describe('sealBatch', () => {
  it('orders a batch by commitment, whatever the cast order, and chains it', () => {
    const a = sealBatch('f', ['c', 'a', 'b']);
    expect(a.entries.map((e) => e.hash)).toEqual(['a', 'b', 'c']);
    expect(sealBatch('f', ['b', 'c', 'a'])).toEqual(a);
    expect(a.entries[1].prev).toBe(a.entries[0].link);
    expect(a.head).toBe(chainLink(chainLink(chainLink('f', 'a'), 'b'), 'c'));
  });
});

describe('verifyRound', () => {
  it('verifies an untouched round', () => {
    expect(verifyRound(published())).toMatchObject({ verified: true, problems: [], entries: 4, checkpoints: 2 });
  });

  it('verifies an open round by its board alone (nothing opened yet)', () => {
    const r = published();
    const open: PublishedRound = { ...r, counted: false, chainHead: null, tally: null, attendance: null, opened: [] };
    expect(verifyRound(open).verified).toBe(true);
  });

  it.each<[string, (r: PublishedRound) => PublishedRound, string]>([
    ['marks changed in the database', (r) => edit(r, 'R3', { marks: ['A'] }), '回执码 R3 的选票内容与其哈希不符'],
    [
      'marks changed and the hash fixed up',
      (r) => edit(r, 'R3', { marks: ['A'], ballotHash: ballotCommitment(fingerprint, 'R3', 'A', 'ELECTRONIC', 's3') }),
      '链接哈希不符',
    ],
    ['a sealed ballot deleted from the board', (r) => ({ ...r, entries: r.entries.filter((e) => e.ballotHash !== trackers[1]) }), '检查点 1 的链头'],
    ['an opened ballot deleted', (r) => ({ ...r, opened: r.opened.filter((e) => e.receiptCode !== 'R2') }), '公开的选票 3 张，与公告板上密封的 4 张不符'],
    ['a ballot added at the count', (r) => ({ ...r, opened: openAll(board().head, [...ballots, { receiptCode: 'R5', marks: ['B'], source: 'ELECTRONIC', salt: 's5' }]).opened }), '公开的选票 5 张'],
    ['the rules edited', (r) => ({ ...r, canonical: r.canonical.replace('"seats":1', '"seats":2') }), '规则指纹与规则原文不符'],
    ['a vote count published wrong', (r) => ({ ...r, tally: { ...r.tally!, counts: r.tally!.counts.map((c) => (c.candidateId === 'B' ? { ...c, votes: 3 } : c)) } }), '候选项目 B 公布得票 3，重新计票为 1'],
    ['the adopted list published wrong', (r) => ({ ...r, tally: { ...r.tally!, adopted: ['B'] } }), '当选项目与重新计票不符'],
    ['more ballots than delegates checked in', (r) => ({ ...r, attendance: { ...r.attendance!, checkedIn: 3 } }), '多于报到代表 3 人'],
    ['spoiled sheets published wrong', (r) => ({ ...r, attendance: { ...r.attendance!, spoiled: 0 } }), '废票公布为 0 张'],
    ['the head published wrong', (r) => ({ ...r, chainHead: '0'.repeat(64) }), '公布的哈希链头'],
    ['a ballot never opened', (r) => edit(r, 'R1', { salt: null }), '计票后未公开'],
  ])('finds %s', (_name, tamper, where) => {
    const v = verifyRound(tamper(published()));
    expect(v.verified).toBe(false);
    expect(v.problems.join('\n')).toContain(where);
  });

  it('catches opened ballots rewritten whole against a head noted earlier', () => {
    const r = published();
    const noted = r.chainHead!;
    // The opened ballots rewritten consistently: R3 now marks A, every link and the head recomputed.
    const forged = ballots.map((b) => (b.receiptCode === 'R3' ? { ...b, marks: ['A'] } : b));
    const o = openAll(board().head, forged);
    const t = tally({ rosterSize: 5, seats: 1, candidates, ballots: forged.map((b) => b.marks) });
    const rewritten: PublishedRound = { ...r, opened: o.opened, chainHead: o.head, tally: { ...t, counts: t.counts } };
    expect(verifyRound(rewritten).verified).toBe(true);
    expect(verifyRound(rewritten, [noted]).problems.join('\n')).toContain('早先记下的链头');
    expect(verifyRound(r, [noted]).verified).toBe(true);
  });

  it('catches a board rewritten whole against a checkpoint noted earlier', () => {
    const r = published();
    const noted = r.checkpoints[0].head;
    const other = sealBatch(fingerprint, [sha256Hex('x'), ...trackers.slice(1, 3)]);
    const rewritten: PublishedRound = { ...r, checkpoints: [{ ...r.checkpoints[0], head: other.head }, r.checkpoints[1]] };
    expect(verifyRound(rewritten, [noted]).problems.join('\n')).toContain('早先记下的链头');
  });
});
