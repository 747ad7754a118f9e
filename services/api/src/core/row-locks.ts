import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** True on the MySQL family (TypeORM calls MariaDB 'mariadb'): row locks are available there. */
export function supportsRowLocks(em: EntityManager): boolean {
  const type = em.connection.options.type;
  return type === 'mysql' || type === 'mariadb';
}

/**
 * Takes the row lock (SELECT … FOR UPDATE) on MySQL/MariaDB; on SQLite every transaction already
 * runs alone (the connection gate plus BEGIN IMMEDIATE), so the lock is implied.
 */
export function forUpdate<T extends ObjectLiteral>(em: EntityManager, qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return supportsRowLocks(em) ? qb.setLock('pessimistic_write') : qb;
}
