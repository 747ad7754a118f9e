import { EventSubscriber, type EntityMetadata, type EntitySubscriberInterface, type InsertEvent, type ObjectLiteral, type UpdateEvent } from 'typeorm';
import { clockSource, now } from '../core/clock';

/**
 * Rows' creation and update stamps (`@CreateDateColumn`, `@UpdateDateColumn`) come from the service's
 * clock, not the database's: with KPD_TODAY set (the demo runs on 2020-10-15) a row made today is
 * stamped today, not on the machine's date. On the real clock the database's own default stands.
 * Accounts, sign-in sessions and recovery codes keep the real time: a password's age and a
 * session's idle time are security durations, measured on the real clock.
 */
/** Tables whose stamps measure elapsed time for security, on the real clock. */
const REAL_TIME = new Set(['users', 'sessions', 'recovery_codes']);

@EventSubscriber()
export class ClockStamps implements EntitySubscriberInterface {
  beforeInsert(event: InsertEvent<ObjectLiteral>): void {
    if (event.entity) stampNewRows(event.metadata, [event.entity]);
  }

  beforeUpdate(event: UpdateEvent<ObjectLiteral>): void {
    const column = event.metadata.updateDateColumn;
    if (!event.entity || !column || clockSource() === 'real' || REAL_TIME.has(event.metadata.tableName)) return;
    column.setEntityValue(event.entity, now());
  }
}

/** Sets the creation and update stamps a new row leaves empty from the service's clock, when KPD_TODAY is set. */
export function stampNewRows(metadata: EntityMetadata, rows: ObjectLiteral[]): void {
  if (clockSource() === 'real' || REAL_TIME.has(metadata.tableName)) return;
  const columns = [metadata.createDateColumn, metadata.updateDateColumn].filter((c) => c !== undefined);
  if (columns.length === 0) return;
  const at = now();
  for (const row of rows) for (const column of columns) if (column.getEntityValue(row) === undefined) column.setEntityValue(row, at);
}
