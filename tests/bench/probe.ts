import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startChildServer } from '../../services/api/src/testing/child-server';
import { Client } from '../faults/client';

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpd-probe-'));
  const server = await startChildServer({
    databaseUrl: 'mysql://root@localhost/kpd_scale?socketPath=/run/mysqld/mysqld.sock', built: true,
    dataDir,
    env: { NODE_ENV: 'production', SEED_DEMO: 'false', LOG_LEVEL: 'info', MONTH_END_JOB_MINUTES: '0', PROBLEM_ESCALATION_JOB_MINUTES: '0', GRAPHQL_MAX_COST: '100000', ...(process.env.PROF ? { NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=/tmp/prof' } : {}) },
  });
  const admin = await Client.signIn(server.url, 'admin.liaoning', 'Liaoning@2020');
  const bodies: Record<string, string> = {
    typename: JSON.stringify({ query: '{ __typename }' }),
    me: JSON.stringify({ query: '{ me { id username } }' }),
    q3: JSON.stringify({ query: `query($id: ID!) { project(id: $id) { id code name category stage totalInvestment constructionStart constructionEnd enterprise district { name }
        location { geoJson east west south north } planYears { year plannedInvestment } planMonths(year: 2020) { period plannedInvestment }
        reports { period actualInvestment progress reporterName submittedAt } lights { period color reason reasonCode } milestones { name dueDate metDate progress }
        stageHistory { fromStage toStage changedAt } libraryMembership { member reason } } }`, variables: { id: '20830' } }),
    ytd: JSON.stringify({ query: 'query($a: ID!, $p: Period!) { investmentStats(areaId: $a, groupBy: DISTRICT, period: $p) { rows { district { id name } ytdActual ytdPlanned ytdCompletion { percent } } } }', variables: { a: '1', p: '2020-12' } }),
  };
  for (const [name, body] of Object.entries(bodies).filter(([n]) => !process.env.ONLY || process.env.ONLY === n)) {
    const r = await autocannon({ url: `${server.url}/graphql`, connections: 10, duration: 8, method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` }, body });
    console.log(name, 'rps', r.requests.average, 'p50', r.latency.p50, 'p97.5', r.latency.p97_5, 'non2xx', r.non2xx);
  }
  console.log('exit', await server.kill('SIGTERM'));
}
void main();
