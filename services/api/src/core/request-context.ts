import { AsyncLocalStorage } from 'node:async_hooks';

/** What travels with one HTTP request through async calls: its id, and the SQL statements it ran. */
export interface RequestStore {
  requestId: string;
  sqlStatements: number;
}

export const requestStore = new AsyncLocalStorage<RequestStore>();

export function currentRequestId(): string | undefined {
  return requestStore.getStore()?.requestId;
}
