#!/usr/bin/env node
/**
 * Runs the reliability and security battery and prints how many cases each category has and how
 * many pass. `pnpm battery` (add `-- --write` to refresh the table in README.md).
 * MySQL cases run too when MYSQL_URL is set. `-- --from results.json` counts a finished run's cases
 * instead (the file `jest --json --outputFile=results.json` writes), so a full run need not be repeated.
 */
const fs = require('node:fs');
const path = require('node:path');
const { runCLI } = require('jest');

const root = path.join(__dirname, '..');
const rel = (p) => path.relative(root, p).split(path.sep).join('/');

/** Which category a test belongs to: by folder, or by the describe block it sits in. */
const CATEGORIES = [
  ['Authorization matrix', (file) => file.startsWith('tests/security/')],
  ['GraphQL abuse', (file) => file.startsWith('tests/abuse/')],
  ['Bad input', (file) => file.startsWith('tests/input/')],
  ['Uploads', (file) => file === 'services/api/src/core/files/files.test.ts'],
  ['Faults', (file, titles) => file.startsWith('tests/faults/') || (file === 'services/api/src/server.test.ts' && /losing the database|graceful shutdown/.test(titles))],
  ['Secrets', (file, titles) => file.startsWith('tests/secrets/') || (file === 'services/api/src/server.test.ts' && /passwords and tokens|TLS-terminating/.test(titles))],
];
const FILES = ['tests/security', 'tests/abuse', 'tests/input', 'tests/faults', 'tests/secrets', 'services/api/src/core/files/files.test.ts', 'services/api/src/server.test.ts'];

async function main() {
  const from = process.argv.indexOf('--from');
  const results = from > 0 ? fromJson(process.argv[from + 1]) : (await runCLI({ _: FILES, runInBand: false, maxWorkers: 2, silent: true, $0: 'battery' }, [root])).results;
  const rows = new Map(CATEGORIES.map(([name]) => [name, { cases: 0, passed: 0, failed: 0 }]));
  for (const suite of results.testResults) {
    const file = rel(suite.testFilePath);
    if (!FILES.some((prefix) => file.startsWith(prefix))) continue;
    for (const test of suite.testResults) {
      const titles = [...test.ancestorTitles, test.title].join(' › ');
      const category = CATEGORIES.find(([, match]) => match(file, titles));
      if (!category || test.status === 'pending' || test.status === 'skipped') continue;
      const row = rows.get(category[0]);
      row.cases++;
      if (test.status === 'passed') row.passed++;
      else row.failed++;
    }
    if (suite.testExecError) console.error(`${file}: ${suite.testExecError.message}`);
  }
  const drivers = process.env.MYSQL_URL ? 'SQLite and MySQL' : 'SQLite';
  const lines = [
    `| category | cases | passing |`,
    `|---|---:|---:|`,
    ...[...rows].map(([name, r]) => `| ${name} | ${r.cases} | ${r.passed} |`),
    `| **total** | ${[...rows.values()].reduce((n, r) => n + r.cases, 0)} | ${[...rows.values()].reduce((n, r) => n + r.passed, 0)} |`,
    '',
    `Drivers: ${drivers}. Made by \`${process.env.MYSQL_URL ? 'MYSQL_URL=… ' : ''}pnpm battery\`.`,
  ];
  const table = lines.join('\n');
  console.log(`\n${table}\n`);
  if (process.argv.includes('--write')) {
    const readme = path.join(root, 'README.md');
    const text = fs.readFileSync(readme, 'utf8');
    const start = '<!-- battery:start -->';
    const end = '<!-- battery:end -->';
    if (!text.includes(start)) throw new Error('README.md has no battery markers');
    fs.writeFileSync(readme, text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n${table}\n${end}`));
  }
  const failed = [...rows.values()].some((r) => r.failed > 0) || results.numRuntimeErrorTestSuites > 0;
  process.exit(failed ? 1 : 0);
}

/** A `jest --json` file in the shape runCLI returns (it names the file `name` and its tests `assertionResults`). */
function fromJson(file) {
  const json = JSON.parse(fs.readFileSync(path.resolve(file), 'utf8'));
  return {
    numRuntimeErrorTestSuites: json.numRuntimeErrorTestSuites,
    testResults: json.testResults.map((suite) => ({
      testFilePath: suite.name,
      testResults: suite.assertionResults,
      testExecError: suite.status === 'failed' && suite.assertionResults.length === 0 ? { message: suite.message } : undefined,
    })),
  };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
