import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';

/**
 * SQLite through TypeORM has one connection and one query runner for the whole process, so two
 * requests' transactions would otherwise interleave on it (one's rollback undoing the other's writes,
 * a reader seeing uncommitted rows). The gate gives that connection one user at a time: a transaction
 * holds it from BEGIN to COMMIT, and a statement outside any transaction takes it for its own length.
 * Statements issued inside the holding transaction pass straight through (nested calls become savepoints).
 * MySQL has a real pool and needs none of this.
 */
class Gate {
  holder: symbol | null = null;
  private waiting: Array<{ token: symbol; wake: () => void }> = [];

  acquire(token: symbol): Promise<void> {
    if (this.holder === null) {
      this.holder = token;
      return Promise.resolve();
    }
    return new Promise((wake) => this.waiting.push({ token, wake }));
  }

  release(token: symbol): void {
    if (this.holder !== token) return;
    const next = this.waiting.shift();
    this.holder = next ? next.token : null;
    next?.wake();
  }
}

type Query = (query: string, parameters?: unknown[], useStructuredResult?: boolean) => Promise<unknown>;

export function gateSqlite(dataSource: DataSource): void {
  const gate = new Gate();
  const owner = new AsyncLocalStorage<symbol>();
  const holds = () => gate.holder !== null && owner.getStore() === gate.holder;

  const runner = dataSource.driver.createQueryRunner('master');
  const query = runner.query.bind(runner) as Query;
  (runner as unknown as { query: Query }).query = async (sql, parameters, structured) => {
    // IMMEDIATE takes the write lock at BEGIN: another process waits (busy_timeout) instead of failing later.
    const statement = sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql;
    if (holds()) return query(statement, parameters, structured);
    const token = Symbol('statement');
    await gate.acquire(token);
    try {
      return await owner.run(token, () => query(statement, parameters, structured));
    } finally {
      gate.release(token);
    }
  };

  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  (manager as unknown as { transaction: (...args: unknown[]) => Promise<unknown> }).transaction = async (
    ...args: unknown[]
  ) => {
    if (holds()) return transaction(...args);
    const token = Symbol('transaction');
    await gate.acquire(token);
    try {
      return await owner.run(token, () => transaction(...args));
    } finally {
      gate.release(token);
    }
  };
}
