import type { ApiModule } from '../../core/module';
import { templateSheet } from '../../core/xlsx';
import { Ballot, BoardCheckpoint, EvaluationBallot, EvaluationParticipation, RoundParticipation, SealedBallot, PaperBatch, PaperCode, RoundShare } from './ballot.entity';
import { EvaluationResolver, LivelihoodProgressResolver, LivelihoodProjectResolver, ProposalResolver } from './delivery.resolver';
import { EvaluationRound, LivelihoodMilestone, LivelihoodProgress, LivelihoodProject } from './project.entity';
import { LivelihoodProposal } from './proposal.entity';
import { seedLivelihood } from './seed';
import { ReserveItem } from './reserve.entity';
import { ReserveItemResolver } from './reserve.resolver';
import { SupportEntry } from './support.entity';
import { SupportResolver } from './support.resolver';
import { Inspection, SupervisionAdvice, SupervisionGroup, SupervisionMember } from './supervision.entity';
import { InspectionResolver, ProjectSupervisionResolver, SupervisionAdviceResolver, SupervisionGroupResolver } from './supervision.resolver';
import { registerSupervisionFileAccess } from './supervision.service';
import { PublicSurvey, RatingRule } from './rating.entity';
import { EvaluationRatingResolver, PublicSurveyResolver, RatingRuleResolver } from './rating.resolver';
import { SubItem } from './subitem.entity';
import { ProjectSubItemResolver, SubItemResolver } from './subitem.resolver';
import { RosterEntry, VoteCandidateEntity, VoteRound, VoteSession } from './session.entity';
import { ROSTER_SHEET } from './voting.service';
import { BulletinBoardResolver, VoteCandidateResolver, VoteRoundResolver, VoteSessionResolver } from './voting.resolver';

registerSupervisionFileAccess();

/**
 * Livelihood projects chosen by the delegates' vote (民生实事人大代表票决): proposals, congress
 * sessions, secret ballots, tallies, delivery obligations and the year-end evaluation.
 */
export const livelihoodModule: ApiModule = {
  name: 'livelihood',
  entities: [
    LivelihoodProposal,
    VoteSession,
    VoteCandidateEntity,
    RosterEntry,
    VoteRound,
    RoundParticipation,
    Ballot,
    SealedBallot,
    RoundShare,
    PaperBatch,
    PaperCode,
    BoardCheckpoint,
    LivelihoodProject,
    LivelihoodMilestone,
    LivelihoodProgress,
    EvaluationRound,
    EvaluationParticipation,
    EvaluationBallot,
    ReserveItem,
    SupportEntry,
    SupervisionGroup,
    SupervisionMember,
    Inspection,
    SupervisionAdvice,
    RatingRule,
    PublicSurvey,
    SubItem,
  ],
  resolvers: [
    VoteSessionResolver,
    VoteRoundResolver,
    BulletinBoardResolver,
    VoteCandidateResolver,
    ProposalResolver,
    LivelihoodProjectResolver,
    LivelihoodProgressResolver,
    EvaluationResolver,
    ReserveItemResolver,
    SupportResolver,
    SupervisionGroupResolver,
    InspectionResolver,
    SupervisionAdviceResolver,
    ProjectSupervisionResolver,
    RatingRuleResolver,
    PublicSurveyResolver,
    EvaluationRatingResolver,
    SubItemResolver,
    ProjectSubItemResolver,
  ],
  routes: (router) => {
    // The roster template: GET /api/livelihood/roster-template.xlsx
    router.get('/roster-template.xlsx', async (_req, res) => {
      const buffer = await templateSheet(ROSTER_SHEET, [{ username: 'delegate.001', name: '张三', delegation: '海州区代表团', scrutineer: false }]);
      res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('content-disposition', "attachment; filename*=UTF-8''%E4%BB%A3%E8%A1%A8%E5%90%8D%E5%86%8C.xlsx");
      res.send(buffer);
    });
  },
  seedDemo: seedLivelihood,
};
