import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../core/auth/password';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../core/auth/seed';
import { User } from '../../core/auth/user.entity';
import type { Config } from '../../config';
import { Area } from '../../core/areas/area.entity';
import { AreaDirectory, forgetAreaDirectory } from '../../core/areas/area-directory';
import { modules } from '../../modules';
import { rebuildInvestmentSummary } from '../../modules/projects/investment-summary';
import { rebuildLightCounts } from '../../modules/projects/light-counts';
import type { SeedContext } from '../../core/module';
import { now as clockNow } from '../../core/clock';

/**
 * Fills an empty database with the demo data of the source reports, in one transaction: a seed
 * that fails half-way leaves the database empty, and the next start tries again.
 * Never in production: no demo account may exist there.
 */
export async function seedDemoIfEmpty(
  db: DataSource,
  config: Config,
  log: Logger,
  /** Only these modules' demo data (tests seed what they need); default: all. */
  only?: string[],
): Promise<boolean> {
  if (config.env === 'production' || !config.seedDemo) return false;
  if ((await db.getRepository(User).count()) > 0) return false;
  const started = Date.now();
  const demoPasswordHash = await hashPassword(DEMO_PASSWORD, config.passwordCostN);
  await db.transaction(async (em) => {
    // Re-checked inside the transaction: two processes starting together seed once.
    if ((await em.count(User)) > 0) return;
    const areaByName = new Map<string, Area>();
    const userIds = new Map<string, number>();
    const seed: SeedContext = {
      em,
      config,
      log,
      get areas() {
        return new AreaDirectory([...areaByName.values()]);
      },
      area(name) {
        const area = areaByName.get(name);
        if (!area) throw new Error(`demo seed: no area named ${name}`);
        return area;
      },
      userId(username) {
        const id = userIds.get(username);
        if (id === undefined) throw new Error(`demo seed: no user ${username}`);
        return id;
      },
      demoPasswordHash,
      now: clockNow(),
    };
    for (const module of modules) {
      if (!module.seedDemo || (only && !only.includes(module.name))) continue;
      await module.seedDemo(seed);
      // Later modules look up areas and users by name.
      for (const area of await em.find(Area)) areaByName.set(area.name, area);
      for (const user of await em.find(User, { select: { id: true, username: true } })) userIds.set(user.username, user.id);
    }
    // The seeds write plans, reports and lights directly: the summaries are summed from them once at the end.
    await rebuildInvestmentSummary(em);
    await rebuildLightCounts(em);
  });
  forgetAreaDirectory(db);
  log.info({ ms: Date.now() - started }, 'demo data seeded');
  return true;
}

export function demoAccountsBanner(): string {
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(18)} ${a.role.padEnd(10)} ${a.area}`);
  return [
    '',
    '演示账户 Demo accounts (password for all: ' + DEMO_PASSWORD + '):',
    ...lines,
    '  (delegate.001 … delegate.NNN: the Fuxin congress roster)',
    '',
  ].join('\n');
}
