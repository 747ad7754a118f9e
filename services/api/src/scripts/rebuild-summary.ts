/**
 * `pnpm --filter @kpd/api summary:rebuild`: recomputes the investment summary and the light counts
 * of the database DATABASE_URL names from its plans, reports and lights, in one transaction. The
 * service keeps both itself; this is for plans, reports or lights loaded or changed with SQL past
 * the service.
 */
import { loadConfig } from '../config';
import { openDatabase } from '../db/data-source';
import { createLogger } from '../logger';
import { entities } from '../modules';
import { rebuildInvestmentSummary } from '../modules/projects/investment-summary';
import { rebuildLightCounts } from '../modules/projects/light-counts';

async function main() {
  const log = createLogger('info');
  const db = await openDatabase(loadConfig().databaseUrl, entities, log);
  const started = Date.now();
  await db.transaction(async (em) => {
    await rebuildInvestmentSummary(em);
    await rebuildLightCounts(em);
  });
  const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM investment_summary');
  const [{ m }] = await db.query('SELECT COUNT(*) AS m FROM light_counts');
  log.info({ summaryRows: Number(n), lightCountRows: Number(m), ms: Date.now() - started }, 'investment summary and light counts rebuilt');
  await db.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
