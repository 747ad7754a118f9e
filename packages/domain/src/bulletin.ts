import { attendanceProblems, type Attendance } from './attendance';
import { sha256Hex } from './sha256';
import { tally, validateBallot } from './tally';

/*
 * The bulletin board of a round (公告板) and its public verification.
 *
 * Each ballot is cast sealed under the round's counting key; its tracker is the SHA-256 of the sealed
 * text. While the round is open the board publishes the trackers, in sealed batches: a batch holds
 * the ballots cast since the last one (at least BOARD_BATCH of them, the rest at the count), sorted
 * by tracker — never in cast order — and chained to the batches before: link = SHA-256(previous link
 * | tracker), from the round fingerprint. Each batch's head is a checkpoint anyone can note.
 *
 * At the count the scrutineers' key shares open the ballots, which are published shuffled (sorted by
 * commitment), with nothing shared with the tracker they came from: each opened ballot has its
 * commitment, SHA-256(fingerprint | receipt code | marks | source | salt), chained on from the last
 * checkpoint to the published chain head. Anyone can recompute the chain, that as many ballots were
 * opened as sealed, the commitments, the tally and the attendance arithmetic; each delegate finds
 * their tracker on the board and their receipt code among the opened ballots.
 */

/** Ballots gathered before a batch is sealed onto the board while the round is open. */
export const BOARD_BATCH = 10;

/** The commitment of one ballot (its hash on the board). */
export function ballotCommitment(fingerprint: string, receiptCode: string, content: string, source: string, salt: string): string {
  return sha256Hex(`${fingerprint}|${receiptCode}|${content}|${source}|${salt}`);
}

/** One chain link: SHA-256(previous link | commitment). */
export function chainLink(prev: string, hash: string): string {
  return sha256Hex(`${prev}|${hash}`);
}

/** Seals a batch onto the board: its commitments sorted ascending, chained from the previous head. */
export function sealBatch(prevHead: string, hashes: readonly string[]): { entries: { hash: string; prev: string; link: string }[]; head: string } {
  let prev = prevHead;
  const entries = [...hashes].sort().map((hash) => {
    const link = chainLink(prev, hash);
    const entry = { hash, prev, link };
    prev = link;
    return entry;
  });
  return { entries, head: prev };
}

export interface BoardEntry {
  /** The batch (checkpoint number) in which it was sealed; 0 for a ballot opened at the count. */
  batch: number;
  ballotHash: string;
  prevHash: string;
  chainHash: string;
  /** Opened after the count (null while the round is open). */
  receiptCode?: string | null;
  marks?: readonly string[] | null;
  source?: string | null;
  salt?: string | null;
}

export interface BoardCheckpoint {
  number: number;
  /** Entries on the board once this batch was sealed. */
  count: number;
  head: string;
}

export interface PublishedTally {
  ballotsCast: number;
  validBallots: number;
  blankBallots: number;
  invalidBallots: number;
  counts: readonly { candidateId: string; votes: number }[];
  adopted: readonly string[];
}

/** Everything a round publishes, as anyone can fetch it. */
export interface PublishedRound {
  number: number;
  /** The frozen rules and candidate list, and their SHA-256. */
  canonical: string;
  fingerprint: string;
  counted: boolean;
  checkpoints: readonly BoardCheckpoint[];
  /** The sealed ballots' trackers on the board. */
  entries: readonly BoardEntry[];
  /** The ballots opened at the count, chained on from the last checkpoint (empty while open). */
  opened: readonly BoardEntry[];
  /** The head published at the count. */
  chainHead: string | null;
  tally: PublishedTally | null;
  attendance: Attendance | null;
}

export interface RoundVerification {
  round: number;
  verified: boolean;
  /** Where it breaks, one line each (Chinese, then English). */
  problems: string[];
  entries: number;
  checkpoints: number;
}

/**
 * Recomputes a round from its public data alone: the fingerprint from the frozen text, every
 * commitment from the opened ballot, the chain batch by batch against every checkpoint, the tally
 * from the marks and the attendance arithmetic. `knownHeads` are checkpoint heads noted earlier
 * (on a receipt check, on the public page): each must still be on the chain.
 */
export function verifyRound(r: PublishedRound, knownHeads: readonly string[] = []): RoundVerification {
  const problems: string[] = [];
  const at = (s: string) => problems.push(`第 ${r.number} 轮：${s}`);
  if (sha256Hex(r.canonical) !== r.fingerprint) at('规则指纹与规则原文不符 (the fingerprint is not the SHA-256 of the frozen rules)');
  let rules: { rosterSize: number; seats: number; candidates: { id: string; name: string }[] } | null = null;
  try {
    rules = JSON.parse(r.canonical);
  } catch {
    at('规则原文不是 JSON (the frozen rules do not parse)');
  }

  // The chain, batch by batch.
  const checkpoints = [...r.checkpoints].sort((a, b) => a.number - b.number);
  const byBatch = new Map<number, BoardEntry[]>();
  for (const e of r.entries) byBatch.set(e.batch, [...(byBatch.get(e.batch) ?? []), e]);
  let prev = r.fingerprint;
  let count = 0;
  checkpoints.forEach((cp, i) => {
    if (cp.number !== i + 1) at(`检查点编号不连续：${cp.number} (checkpoint numbers skip)`);
    const batch = [...(byBatch.get(cp.number) ?? [])].sort((a, b) => (a.ballotHash < b.ballotHash ? -1 : a.ballotHash > b.ballotHash ? 1 : 0));
    byBatch.delete(cp.number);
    for (const e of batch) {
      if (e.prevHash !== prev) at(`哈希 ${e.ballotHash.slice(0, 12)}… 的前一链接不符 (link does not follow, batch ${cp.number})`);
      const link = chainLink(prev, e.ballotHash);
      if (e.chainHash !== link) at(`哈希 ${e.ballotHash.slice(0, 12)}… 的链接哈希不符 (chain hash wrong, batch ${cp.number})`);
      prev = link;
    }
    count += batch.length;
    if (cp.count !== count) at(`检查点 ${cp.number} 记为 ${cp.count} 张，链上为 ${count} 张 (checkpoint count differs)`);
    if (cp.head !== prev) at(`检查点 ${cp.number} 的链头与重新计算的不符 (checkpoint ${cp.number} head differs from the recomputed chain)`);
  });
  for (const [batch, rows] of byBatch) at(`${rows.length} 张选票属于不存在的检查点 ${batch} (entries outside any checkpoint)`);
  const heads = new Set(checkpoints.map((c) => c.head));
  if (r.counted && r.chainHead) heads.add(r.chainHead);
  for (const h of knownHeads) {
    if (!heads.has(h) && h !== r.fingerprint) at(`早先记下的链头 ${h.slice(0, 12)}… 不在链上：公告板被改写 (a head noted earlier is not on the chain: the board was rewritten)`);
  }

  if (r.counted) {
    if (r.opened.length !== r.entries.length) at(`公开的选票 ${r.opened.length} 张，与公告板上密封的 ${r.entries.length} 张不符 (opened ballots differ from sealed ones)`);
    // Every opened ballot matches its commitment, chained on from the board's last head.
    const receipts = new Set<string>();
    const opened = [...r.opened].sort((a, b) => (a.ballotHash < b.ballotHash ? -1 : a.ballotHash > b.ballotHash ? 1 : 0));
    for (const e of opened) {
      if (e.prevHash !== prev) at(`回执码 ${e.receiptCode ?? '—'} 的前一链接不符 (link does not follow, opened ballots)`);
      const link = chainLink(prev, e.ballotHash);
      if (e.chainHash !== link) at(`回执码 ${e.receiptCode ?? '—'} 的链接哈希不符 (chain hash wrong, opened ballots)`);
      prev = link;
      if (e.receiptCode == null || e.marks == null || e.source == null || e.salt == null) {
        at(`哈希 ${e.ballotHash.slice(0, 12)}… 的选票计票后未公开 (a ballot was not opened at the count)`);
        continue;
      }
      if (receipts.has(e.receiptCode)) at(`回执码 ${e.receiptCode} 出现两次 (receipt code twice)`);
      receipts.add(e.receiptCode);
      if (ballotCommitment(r.fingerprint, e.receiptCode, e.marks.join(','), e.source, e.salt) !== e.ballotHash) {
        at(`回执码 ${e.receiptCode} 的选票内容与其哈希不符 (ballot ${e.receiptCode} does not match its hash)`);
      }
    }
    if (r.chainHead !== prev) at('公布的哈希链头与重新计算的不符 (the published chain head differs from the recomputed chain)');
    // The tally, recomputed from the marks under the frozen rules.
    if (rules && r.tally) {
      try {
        const recount = tally({ rosterSize: rules.rosterSize, seats: rules.seats, candidates: rules.candidates, ballots: r.opened.map((e) => [...(e.marks ?? [])]) });
        const t = r.tally;
        for (const k of ['ballotsCast', 'validBallots', 'blankBallots', 'invalidBallots'] as const) {
          if (recount[k] !== t[k]) at(`计票结果 ${k} 公布为 ${t[k]}，重新计票为 ${recount[k]} (${k} differs from the recount)`);
        }
        for (const c of recount.counts) {
          const published = t.counts.find((x) => x.candidateId === c.candidateId);
          if (!published || published.votes !== c.votes) at(`候选项目 ${c.candidateId} 公布得票 ${published?.votes ?? '—'}，重新计票为 ${c.votes} (votes differ)`);
        }
        if ([...recount.adopted].sort().join(',') !== [...t.adopted].sort().join(',')) at('公布的当选项目与重新计票不符 (adopted projects differ from the recount)');
      } catch (e) {
        at(`无法重新计票：${(e as Error).message} (cannot recount)`);
      }
    } else if (!r.tally) at('没有公布计票结果 (no tally published)');
    // The attendance arithmetic.
    if (r.attendance && rules) {
      const paper = r.opened.filter((e) => e.source === 'PAPER');
      const electronic = r.opened.length - paper.length;
      for (const p of attendanceProblems(r.attendance, { electronic, paper: paper.length })) at(`${p.reason} (attendance: ${p.field})`);
      const spoiled = paper.filter((e) => !validateBallot([...(e.marks ?? [])], rules!.seats, rules!.candidates.map((c) => c.id)).valid).length;
      if (spoiled !== r.attendance.spoiled) at(`废票公布为 ${r.attendance.spoiled} 张，重新核对为 ${spoiled} 张 (spoiled differs)`);
      if (r.attendance.rosterSize !== rules.rosterSize) at(`应到代表公布为 ${r.attendance.rosterSize} 人，冻结规则为 ${rules.rosterSize} 人 (roster differs from the frozen rules)`);
    } else if (!r.attendance) at('没有公布出席与投票核对 (no attendance published)');
  }
  return { round: r.number, verified: problems.length === 0, problems, entries: r.entries.length, checkpoints: checkpoints.length };
}

/** A round's board as the public API answers it (`voteBulletinBoard`). */
export interface BoardAnswer {
  round: number;
  canonical: string;
  fingerprint: string;
  counted: boolean;
  chainHead: string | null;
  checkpoints: readonly BoardCheckpoint[];
  entries: readonly BoardEntry[];
  opened: readonly BoardEntry[];
}

/** A round's published count as the public API answers it (`VoteRound.tally`, `VoteRound.attendance`). */
export interface CountAnswer {
  tally: null | {
    ballotsCast: number;
    validBallots: number;
    blankBallots: number;
    invalidBallots: number;
    counts: readonly { candidate: { id: string }; votes: number }[];
    adopted: readonly { id: string }[];
  };
  attendance: Attendance | null;
}

/** Puts the two public answers together for `verifyRound`. */
export function publishedRound(board: BoardAnswer, count: CountAnswer): PublishedRound {
  const t = count.tally;
  return {
    number: board.round,
    canonical: board.canonical,
    fingerprint: board.fingerprint,
    counted: board.counted,
    checkpoints: board.checkpoints,
    entries: board.entries,
    opened: board.opened,
    chainHead: board.chainHead,
    tally: t && {
      ballotsCast: t.ballotsCast,
      validBallots: t.validBallots,
      blankBallots: t.blankBallots,
      invalidBallots: t.invalidBallots,
      counts: t.counts.map((c) => ({ candidateId: c.candidate.id, votes: c.votes })),
      adopted: t.adopted.map((c) => c.id),
    },
    attendance: count.attendance,
  };
}
