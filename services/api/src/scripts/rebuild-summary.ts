/**
 * `pnpm --filter @kpd/api summary:rebuild`: recomputes the investment summary of the database
 * DATABASE_URL names from its plans and reports, in one transaction. The service keeps the summary
 * itself; this is for plans or reports loaded with SQL past the service.
 */
import { loadConfig } from '../config';
import { openDatabase } from '../db/data-source';
import { createLogger } from '../logger';
import { entities } from '../modules';
import { rebuildInvestmentSummary } from '../modules/projects/investment-summary';

async function main() {
  const log = createLogger('info');
  const db = await openDatabase(loadConfig().databaseUrl, entities, log);
  const started = Date.now();
  await db.transaction((em) => rebuildInvestmentSummary(em));
  const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM investment_summary');
  log.info({ rows: Number(n), ms: Date.now() - started }, 'investment summary rebuilt');
  await db.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
