import type { SeedContext } from '../module';
import { Role, User } from './user.entity';

/** The password of every demo account; printed at start-up and listed in the README. */
export const DEMO_PASSWORD = 'Liaoning@2020';

export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; area: string }[] = [
  { username: 'admin.liaoning', displayName: '辽宁省发展改革委', role: Role.ADMIN, area: '辽宁省' },
  { username: 'admin.shenyang', displayName: '沈阳市发展改革委', role: Role.ADMIN, area: '沈阳市' },
  { username: 'admin.dalian', displayName: '大连市发展改革委', role: Role.ADMIN, area: '大连市' },
  { username: 'admin.fuxin', displayName: '阜新市发展改革委', role: Role.ADMIN, area: '阜新市' },
  { username: 'admin.sujiatun', displayName: '苏家屯区发改局', role: Role.ADMIN, area: '苏家屯区' },
  { username: 'admin.dadong', displayName: '大东区发改局', role: Role.ADMIN, area: '大东区' },
  { username: 'admin.zhongshan', displayName: '中山区发改局', role: Role.ADMIN, area: '中山区' },
  { username: 'admin.shenfu', displayName: '沈抚示范区招商局', role: Role.ADMIN, area: '沈抚改革创新示范区' },
  { username: 'secretary.lijun', displayName: '李军（中山区东港街道）', role: Role.SECRETARY, area: '中山区' },
  { username: 'delegate.001', displayName: '阜新市人大代表 001', role: Role.DELEGATE, area: '阜新市' },
  { username: 'delegate.002', displayName: '阜新市人大代表 002', role: Role.DELEGATE, area: '阜新市' },
  { username: 'delegate.003', displayName: '阜新市人大代表 003', role: Role.DELEGATE, area: '阜新市' },
  { username: 'analyst', displayName: '省统计分析（只读）', role: Role.ANALYST, area: '辽宁省' },
];

export async function seedAccounts(seed: SeedContext): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    await seed.em.insert(User, {
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      areaId: seed.area(account.area).id,
      passwordHash: seed.demoPasswordHash,
      active: true,
      failedLogins: 0,
      lockedUntil: null,
    });
  }
}
