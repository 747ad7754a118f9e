import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from 'pino';
import { requestStore } from '../core/request-context';

/**
 * Counts the SQL statements each request runs (for the N+1 tests and the benchmarks),
 * and sends database errors and slow statements to the structured log — never the parameters.
 */
export class SqlCounter implements TypeOrmLogger {
  constructor(
    private readonly out: Logger,
    private readonly slowMs = 500,
  ) {}

  logQuery(): void {
    const store = requestStore.getStore();
    if (store) store.sqlStatements += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    this.out.warn({ err: typeof error === 'string' ? { message: error } : error, sql: query.slice(0, 300) }, 'sql error');
  }

  logQuerySlow(time: number, query: string): void {
    if (time >= this.slowMs) this.out.warn({ ms: time, sql: query.slice(0, 300) }, 'slow sql');
  }

  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.out.info({ migration: message }, 'migration');
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.out.warn({ message }, 'typeorm');
  }
}
