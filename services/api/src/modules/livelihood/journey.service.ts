import { adviceState, SATISFACTION_RATING_LABELS, type SatisfactionRating } from '@kpd/domain';
import { In } from 'typeorm';
import type { Context } from '../../core/context';
import { evaluationResult, shanghaiToday, type ProjectEvaluation } from './delivery.service';
import { Inspection, SupervisionAdvice, SupervisionGroup } from './supervision.entity';
import { JourneyStage, type ProposalJourneyStep } from './journey.types';
import { EvaluationRound, LivelihoodProgress, LivelihoodProject, ObligationStatus } from './project.entity';
import { LivelihoodProposal, ProposalStatus, SCREENING_REASON_LABELS } from './proposal.entity';
import { formatQuantity } from './quantity';
import { ReserveItem, ReserveStatus } from './reserve.entity';
import { RoundStatus, VoteCandidateEntity, VoteRound, VoteSession } from './session.entity';

const day = (d: Date | null | undefined): string | null => (d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10) : null);
const ids = (list: string): number[] => (list ? list.split(',').map(Number) : []);

function step(stage: JourneyStage, on: string | null, title: string, detail: string | null = null, sessionId: number | null = null, projectId: number | null = null): ProposalJourneyStep {
  return { stage, on, title, detail, sessionId: sessionId === null ? null : String(sessionId), projectId: projectId === null ? null : String(projectId) };
}

/**
 * A proposal's whole path under its one tracking code (MS…), from what is published: received,
 * screened (a merged one follows the proposal it went into), each candidate list it stood on and the
 * counted vote, the reserve library, and for an adopted project its delivery, close-out and
 * year-end rating. Nothing here is secret: counts appear only once a round is counted, ratings only
 * once the evaluation is closed.
 */
export async function journeyOf(ctx: Context, proposal: LivelihoodProposal): Promise<ProposalJourneyStep[]> {
  const em = ctx.db.manager;
  const steps: ProposalJourneyStep[] = [step(JourneyStage.SUBMITTED, day(proposal.createdAt), '收到建议', proposal.title)];
  if (proposal.status === ProposalStatus.SUBMITTED) return steps;
  const reason = proposal.reasonCode ? SCREENING_REASON_LABELS[proposal.reasonCode] : null;
  steps.push(step(JourneyStage.SCREENED, day(proposal.screenedAt), proposal.status === ProposalStatus.ACCEPTED ? '筛选：采纳' : '筛选：不予采纳', [reason, proposal.reasonNote].filter(Boolean).join('；') || null));
  // A merged proposal follows the one it went into.
  const followed = [proposal.id];
  let into = proposal.mergedIntoId;
  while (into !== null && followed.length < 10 && !followed.includes(into)) {
    const target = await em.findOneBy(LivelihoodProposal, { id: into });
    if (!target) break;
    steps.push(step(JourneyStage.MERGED, day(proposal.screenedAt), `并入建议“${target.title}”`, '此后按合并后的建议办理'));
    followed.push(target.id);
    into = target.mergedIntoId;
  }
  if (proposal.status !== ProposalStatus.ACCEPTED) return steps;

  const sessions = await em.find(VoteSession, { where: { areaId: proposal.areaId }, order: { meetingDate: 'ASC', id: 'ASC' } });
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const candidates = sessions.length ? (await em.find(VoteCandidateEntity, { where: { sessionId: In(sessions.map((s) => s.id)) } })).filter((c) => ids(c.proposalIds).some((id) => followed.includes(id))) : [];
  const reserve = (await em.find(ReserveItem, { where: { areaId: proposal.areaId }, order: { reservedAt: 'ASC', id: 'ASC' } })).filter((r) => ids(r.proposalIds).some((id) => followed.includes(id)) || (r.fromProposalId !== null && followed.includes(r.fromProposalId)));
  const rounds = candidates.length ? await em.find(VoteRound, { where: { sessionId: In([...new Set(candidates.map((c) => c.sessionId))]), status: RoundStatus.CLOSED }, order: { number: 'DESC' } }) : [];
  const projects = candidates.length ? await em.find(LivelihoodProject, { where: { candidateId: In(candidates.map((c) => c.id)) } }) : [];

  const timeline: Array<{ order: string; step: ProposalJourneyStep }> = [];
  for (const c of candidates) {
    const s = sessionById.get(c.sessionId)!;
    timeline.push({ order: `${s.meetingDate}|1|${c.id}`, step: step(JourneyStage.CANDIDATE, s.meetingDate, `列入“${s.name}”候选项目（第 ${c.position} 项）`, c.name, s.id) });
    const round = rounds.find((r) => r.sessionId === s.id && ids(r.candidateIds).includes(c.id) && r.result);
    if (round) {
      const result = JSON.parse(round.result!) as { rosterSize: number; majorityVotes: number; counts: { candidateId: string; votes: number }[] };
      const votes = result.counts.find((x) => x.candidateId === String(c.id))?.votes ?? 0;
      timeline.push({
        order: `${s.meetingDate}|2|${c.id}`,
        step: step(JourneyStage.VOTED, day(round.closedAt), c.adopted ? '代表票决：通过' : '代表票决：未通过', `第 ${round.number} 轮，得票 ${votes} / ${result.rosterSize}（过半数须 ${result.majorityVotes} 票）`, s.id),
      });
    }
    const project = projects.find((p) => p.candidateId === c.id);
    if (project) {
      const done = (await em.find(LivelihoodProgress, { where: { projectId: project.id } })).reduce((n, r) => n + r.quantityDone, 0n);
      timeline.push({ order: `${s.meetingDate}|5|${c.id}`, step: step(JourneyStage.DELIVERY, s.meetingDate, `列入${project.year}年民生实事，由${project.leadDepartment}牵头实施`, `已完成 ${formatQuantity(done)} / ${formatQuantity(project.targetQuantity)} ${project.unit}`, s.id, project.id) });
      await supervisionSteps(ctx, project.id, s.id, c.id, timeline);
      if (project.status === ObligationStatus.COMPLETED) timeline.push({ order: `${project.completedOn}|6|${c.id}`, step: step(JourneyStage.COMPLETED, project.completedOn, '完成并销号', null, s.id, project.id) });
      const evaluations = await em.find(EvaluationRound, { where: { sessionId: s.id, status: RoundStatus.CLOSED }, order: { year: 'ASC' } });
      for (const e of evaluations) {
        const rated = evaluationResult(e)?.projects.find((x) => x.projectId === project.id);
        if (rated) {
          timeline.push({
            order: `${day(e.closedAt)}|7|${c.id}`,
            step: step(JourneyStage.EVALUATED, day(e.closedAt), `${e.year}年度满意度测评：${SATISFACTION_RATING_LABELS[rated.rating as SatisfactionRating]}`, evaluationDetail(rated, evaluationResult(e)?.rule?.publicWeight ?? 0), s.id, project.id),
          });
        }
      }
    }
  }
  for (const r of reserve) {
    const from = sessionById.get(r.fromSessionId);
    const on = day(r.reservedAt);
    timeline.push({ order: `${from?.meetingDate ?? on}|3|r${r.id}`, step: step(JourneyStage.RESERVED, on, '进入项目储备库', r.reason, r.fromSessionId) });
    if (r.status === ReserveStatus.WITHDRAWN) timeline.push({ order: `${from?.meetingDate ?? on}|4|r${r.id}`, step: step(JourneyStage.WITHDRAWN, null, '出库', r.withdrawnReason, r.fromSessionId) });
  }
  timeline.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  return [...steps, ...timeline.map((x) => x.step)];
}

/** The delegates' counts, and with the public's part both scores and the combined one. */
function evaluationDetail(rated: ProjectEvaluation, publicWeight: number): string {
  const delegates = `代表测评：满意 ${rated.satisfied}，基本满意 ${rated.basic}，不满意 ${rated.unsatisfied}`;
  if (publicWeight === 0 || !rated.public) return delegates;
  const p = rated.public;
  return `${delegates}（${rated.delegateScore ?? '—'} 分，占 ${100 - publicWeight}%）；群众测评：满意 ${p.satisfied}，基本满意 ${p.basic}，不满意 ${p.unsatisfied}（${rated.publicScore ?? '—'} 分，占 ${publicWeight}%）；综合得分 ${rated.score}`;
}

/** A project's inspections by its supervision groups and the lead department's answers to their advices. */
async function supervisionSteps(ctx: Context, projectId: number, sessionId: number, candidateId: number, timeline: Array<{ order: string; step: ProposalJourneyStep }>): Promise<void> {
  const em = ctx.db.manager;
  const inspections = await em.find(Inspection, { where: { projectId }, order: { inspectedOn: 'ASC', id: 'ASC' } });
  if (!inspections.length) return;
  const groups = await em.find(SupervisionGroup, { where: { projectId } });
  const advices = await em.find(SupervisionAdvice, { where: { projectId }, order: { id: 'ASC' } });
  const today = shanghaiToday();
  for (const i of inspections) {
    const mine = advices.filter((a) => a.inspectionId === i.id);
    const overdue = mine.filter((a) => adviceState(a, today) === 'OVERDUE').length;
    const answered = mine.filter((a) => a.answeredOn !== null).length;
    const tally = mine.length ? `；督办建议 ${mine.length} 条，已答复 ${answered} 条${overdue ? `，超期未答复 ${overdue} 条` : ''}` : '';
    const group = groups.find((g) => g.id === i.groupId)?.name ?? '监督小组';
    timeline.push({ order: `${i.inspectedOn}|5|${candidateId}|i${i.id}`, step: step(JourneyStage.INSPECTED, i.inspectedOn, `人大代表监督检查（${group}）`, tally ? `${i.findings.replace(/[。；]$/, '')}${tally}` : i.findings, sessionId, projectId) });
    for (const a of mine.filter((x) => x.answeredOn !== null)) {
      const late = adviceState(a, today) === 'ANSWERED_LATE' ? '（超期答复）' : '';
      timeline.push({ order: `${a.answeredOn}|5|${candidateId}|a${a.id}`, step: step(JourneyStage.ANSWERED, a.answeredOn, `${a.department}答复督办建议${late}`, `建议：${a.content}；答复：${a.answer}`, sessionId, projectId) });
    }
  }
}
