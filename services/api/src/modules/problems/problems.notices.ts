import type { EntityManager } from 'typeorm';
import { Role } from '../../core/auth/user.entity';
import { enqueueNotices, NoticeKind, usersAt } from '../../core/notices';
import type { Problem } from './problem.entity';

const WHY: Record<string, string> = { DEADLINE_PASSED: '超过办理期限', DISTRICT_REQUESTED: '区县申请', CITY_DECISION: '市里决定' };

/** The district's admins learn, in the escalation's own transaction, that a problem went to city supervision. */
export async function noticeProblemsEscalated(em: EntityManager, problems: Problem[]): Promise<void> {
  if (problems.length === 0) return;
  const admins = await usersAt(em, Role.ADMIN, problems.map((p) => p.areaId));
  await enqueueNotices(
    em,
    problems.flatMap((p) =>
      admins
        .filter((a) => a.areaId === p.areaId)
        .map((a) => ({
          userId: a.id,
          kind: NoticeKind.PROBLEM_ESCALATED,
          title: `问题升级市级督办：${p.title}`,
          body: `${p.escalatedDate ?? ''} 列为市级挂牌督办（${WHY[p.escalationReason ?? ''] ?? '市里决定'}），牵头市领导：${p.cityLeader ?? '—'}；原办理期限 ${p.deadline}，责任单位：${p.ownerUnit}`,
          recordType: 'Problem',
          recordId: p.id,
          link: `/dispatch?problem=${p.id}`,
          areaId: p.areaId,
        })),
    ),
  );
}
