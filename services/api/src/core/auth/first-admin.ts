/**
 * The first administrator of a production database (`pnpm admin:create`). Production starts without demo data,
 * so without this nobody could sign in to create the others. It also lays down the province's area tree (the
 * GB/T 2260 divisions, reference data rather than demo data) when the database has none yet.
 */
import { isValidUsername, normalizeUsername } from '@kpd/domain';
import type { DataSource } from 'typeorm';
import { Area, AreaLevel } from '../areas/area.entity';
import { insertAreaTree, seedCitySettings } from '../areas/seed';
import { LIAONING } from '../areas/liaoning';
import { writeSystemAudit } from '../transaction';
import { UserInputError } from '../errors';
import { hashPassword, passwordWeakness } from './password';
import { Role, User } from './user.entity';

export interface FirstAdminInput {
  username: string;
  displayName: string;
  password: string;
  /** The GB/T 2260 code of the area the admin is scoped to (default: the province). */
  areaCode?: string | null;
}

export async function createAdministrator(db: DataSource, input: FirstAdminInput, passwordCostN: number): Promise<{ user: User; area: Area; areasCreated: boolean }> {
  const username = normalizeUsername(input.username);
  if (!isValidUsername(username)) throw new UserInputError('username', '用户名只能包含字母、数字、点、横线和下划线（3–64 位）');
  const displayName = input.displayName.trim();
  if (!displayName) throw new UserInputError('name', '姓名不能为空');
  const weakness = passwordWeakness(input.password);
  if (weakness) throw new UserInputError('password', weakness);
  const passwordHash = await hashPassword(input.password, passwordCostN);
  return db.transaction(async (em) => {
    const areasCreated = (await em.count(Area)) === 0;
    if (areasCreated) {
      await insertAreaTree(em, LIAONING, null);
      await seedCitySettings(em, await em.find(Area, { where: { level: AreaLevel.CITY } }));
    }
    const area = input.areaCode ? await em.findOneBy(Area, { code: input.areaCode }) : await em.findOne(Area, { where: { level: AreaLevel.PROVINCE } });
    if (!area) throw new UserInputError('area', `没有代码为 ${input.areaCode} 的区划`);
    if (await em.findOneBy(User, { username })) throw new UserInputError('username', `用户名 ${username} 已存在`);
    const user = await em.save(em.create(User, { username, displayName, role: Role.ADMIN, areaId: area.id, passwordHash, active: true }));
    await writeSystemAudit(em, 'admin:create', { action: 'user.create', entityType: 'User', entityId: user.id, areaId: area.id, after: user });
    return { user, area, areasCreated };
  });
}

