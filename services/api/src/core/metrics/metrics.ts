import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';

/**
 * The process's metrics in the Prometheus text format (version 0.0.4), served at `/metrics`: GraphQL
 * requests by operation (count, duration histogram, errors by code), HTTP answers by status, the
 * database pool, background job runs and durations, and backlogs (audit records not yet sealed,
 * export jobs waiting). Counters live in this process: with WEB_CONCURRENCY > 1 each worker counts
 * its own, and a scrape reaches one of them (see docs/RUNBOOK.md).
 */

type Labels = Record<string, string>;

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Operation names come from clients: past this many distinct ones, the rest count as `other`. */
const MAX_OPERATIONS = 200;

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

class Counter {
  readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(readonly name: string, readonly help: string) {}
  inc(labels: Labels, by = 1): void {
    const key = labelText(labels);
    const entry = this.values.get(key);
    if (entry) entry.value += by;
    else this.values.set(key, { labels, value: by });
  }
  render(): string[] {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`, ...[...this.values.values()].map((e) => `${this.name}${labelText(e.labels)} ${e.value}`)];
  }
}

class Histogram {
  readonly values = new Map<string, { labels: Labels; buckets: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string) {}
  observe(labels: Labels, seconds: number): void {
    const key = labelText(labels);
    let entry = this.values.get(key);
    if (!entry) this.values.set(key, (entry = { labels, buckets: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 }));
    DURATION_BUCKETS.forEach((le, i) => {
      if (seconds <= le) entry.buckets[i] += 1;
    });
    entry.sum += seconds;
    entry.count += 1;
  }
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const e of this.values.values()) {
      DURATION_BUCKETS.forEach((le, i) => lines.push(`${this.name}_bucket${labelText({ ...e.labels, le: String(le) })} ${e.buckets[i]}`));
      lines.push(`${this.name}_bucket${labelText({ ...e.labels, le: '+Inf' })} ${e.count}`);
      lines.push(`${this.name}_sum${labelText(e.labels)} ${e.sum}`);
      lines.push(`${this.name}_count${labelText(e.labels)} ${e.count}`);
    }
    return lines;
  }
}

export const graphqlRequests = new Counter('kpd_graphql_requests_total', 'GraphQL operations answered, by operation name, type and outcome (ok or the first error code).');
export const graphqlDuration = new Histogram('kpd_graphql_request_duration_seconds', 'Time to answer a GraphQL operation, by operation name.');
export const graphqlErrors = new Counter('kpd_graphql_errors_total', 'GraphQL errors returned, by code.');
export const httpResponses = new Counter('kpd_http_responses_total', 'HTTP answers, by route group and status class.');
export const jobRuns = new Counter('kpd_job_runs_total', 'Background job runs, by job and outcome.');
export const jobDuration = new Histogram('kpd_job_duration_seconds', 'Duration of a background job run, by job.');

const operations = new Set<string>();

/** The label of a client's operation name: bounded in number, `(anonymous)` when it has none. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return '(anonymous)';
  if (operations.has(name)) return name;
  if (operations.size >= MAX_OPERATIONS || !/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return 'other';
  operations.add(name);
  return name;
}

/** Records one answered GraphQL operation. */
export function recordOperation(name: string | null | undefined, type: string, errorCodes: string[], seconds: number): void {
  const operation = operationLabel(name);
  graphqlRequests.inc({ operation, type, outcome: errorCodes[0] ?? 'ok' });
  graphqlDuration.observe({ operation }, seconds);
  for (const code of errorCodes) graphqlErrors.inc({ code });
}

/** A gauge read at scrape time (backlogs held in the database, the pool). */
export interface GaugeSource {
  name: string;
  help: string;
  read(db: DataSource): Promise<Array<{ labels: Labels; value: number }>>;
}

const gauges = new Map<string, GaugeSource>();

/** Adds a gauge read at every scrape (once per name; a module calls this from its routes hook). */
export function registerGauge(source: GaugeSource): void {
  if (!gauges.has(source.name)) gauges.set(source.name, source);
}

const loopDelay = monitorEventLoopDelay({ resolution: 20 });
loopDelay.enable();

interface MysqlPoolInternals {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

function poolLines(db: DataSource): string[] {
  const lines = ['# HELP kpd_db_pool_connections Database connections of this process, by state (MySQL pool; SQLite has one).', '# TYPE kpd_db_pool_connections gauge'];
  const pool = (db.driver as unknown as { pool?: MysqlPoolInternals }).pool;
  if (pool && pool._allConnections) {
    lines.push(`kpd_db_pool_connections{state="open"} ${pool._allConnections.length}`);
    lines.push(`kpd_db_pool_connections{state="idle"} ${pool._freeConnections?.length ?? 0}`);
    lines.push(`kpd_db_pool_connections{state="waiting"} ${pool._connectionQueue?.length ?? 0}`);
    lines.push(`kpd_db_pool_connections{state="max"} ${pool.config?.connectionLimit ?? 0}`);
  } else {
    lines.push(`kpd_db_pool_connections{state="open"} ${db.isInitialized ? 1 : 0}`);
  }
  return lines;
}

/** The whole exposition: process, pool, counters, and the gauges read now. */
export async function renderMetrics(db: DataSource): Promise<string> {
  const mem = process.memoryUsage();
  const lines = [
    '# HELP process_resident_memory_bytes Resident memory of the process.',
    '# TYPE process_resident_memory_bytes gauge',
    `process_resident_memory_bytes ${mem.rss}`,
    '# HELP nodejs_heap_used_bytes V8 heap in use.',
    '# TYPE nodejs_heap_used_bytes gauge',
    `nodejs_heap_used_bytes ${mem.heapUsed}`,
    '# HELP process_uptime_seconds Seconds since the process started.',
    '# TYPE process_uptime_seconds gauge',
    `process_uptime_seconds ${Math.round(process.uptime())}`,
    '# HELP nodejs_eventloop_delay_p99_seconds 99th percentile of the event loop delay since the last scrape.',
    '# TYPE nodejs_eventloop_delay_p99_seconds gauge',
    `nodejs_eventloop_delay_p99_seconds ${(loopDelay.percentile(99) / 1e9).toFixed(6)}`,
    ...poolLines(db),
    ...graphqlRequests.render(),
    ...graphqlDuration.render(),
    ...graphqlErrors.render(),
    ...httpResponses.render(),
    ...jobRuns.render(),
    ...jobDuration.render(),
  ];
  loopDelay.reset();
  for (const gauge of gauges.values()) {
    lines.push(`# HELP ${gauge.name} ${gauge.help}`, `# TYPE ${gauge.name} gauge`);
    try {
      for (const s of await gauge.read(db)) lines.push(`${gauge.name}${labelText(s.labels)} ${s.value}`);
    } catch {
      // A gauge that cannot be read now is left out of this scrape (the counters still are).
    }
  }
  return `${lines.join('\n')}\n`;
}

export interface MetricsAccess {
  /** METRICS_TOKEN: a scraper sending `Authorization: Bearer <token>` is let in from anywhere. */
  token: string;
  /** METRICS_ALLOW: addresses and CIDR ranges let in without the token (default: this machine). */
  allow: string[];
}

export function parseAllowList(text: string | undefined): string[] {
  return (text ?? '127.0.0.1,::1').split(',').map((s) => s.trim()).filter(Boolean);
}

function blockListOf(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const type = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
    if (!type) throw new Error(`METRICS_ALLOW: "${entry}" is not an IP address or CIDR range`);
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

function sameToken(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/**
 * GET /metrics: answers a scraper holding the token, or one on an allowed address that came straight
 * to the process (a request forwarded by a proxy, with X-Forwarded-For, never counts as local). Others
 * get 403 and nothing about the service.
 */
export function metricsHandler(access: MetricsAccess, db: () => DataSource): (req: Request, res: Response) => Promise<void> {
  const allowed = blockListOf(access.allow);
  return async (req, res) => {
    const auth = req.headers.authorization ?? '';
    const byToken = access.token !== '' && auth.startsWith('Bearer ') && sameToken(auth.slice(7), access.token);
    const peer = (req.socket.remoteAddress ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
    const byAddress = req.headers['x-forwarded-for'] === undefined && peer !== '' && allowed.check(peer, isIPv4(peer) ? 'ipv4' : 'ipv6');
    if (!byToken && !byAddress) {
      res.status(403).type('text/plain').send('forbidden\n');
      return;
    }
    res.type('text/plain; version=0.0.4; charset=utf-8').send(await renderMetrics(db()));
  };
}
