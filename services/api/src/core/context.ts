import type DataLoader from 'dataloader';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Viewer } from './auth/viewer';
import type { Config } from '../config';
import type { AreaDirectory } from './areas/area-directory';
import type { RateLimiter } from './rate-limit';

/** Everything a resolver gets for one request. Loaders are created per request, on first use. */
export interface Context {
  requestId: string;
  db: DataSource;
  config: Config;
  log: Logger;
  viewer: Viewer;
  /** The area tree as of the start of this request. */
  areas: AreaDirectory;
  req: Request;
  res: Response;
  loaders: Map<unknown, unknown>;
  /** Audit records written by this request's mutations (a mutation that writes none is a defect). */
  auditWrites: number;
  /** Mutations that declared they changed nothing (idempotent repeats), so wrote no audit record. */
  unchangedMutations: number;
  /** The process's cost buckets (one per token, session or anonymous address). */
  rateLimiter: RateLimiter;
  /** This request's cost once estimated (null before, and for introspection): see graphql/cost.ts. */
  cost: RequestCost | null;
}

export interface RequestCost {
  /** Points the operation would cost with every list full. */
  requested: number;
  /** The bucket it draws on. */
  bucket: string;
  /** The operation's variables as coerced, for measuring the answer. */
  variables: Record<string, unknown>;
  /** Whether the points were taken from the bucket (false when refused or throttled). */
  charged: boolean;
}

/**
 * The request's instance of a DataLoader, made by `factory` on first use. Keyed by the factory,
 * so each module declares its loaders beside its queries without a central registry.
 */
export function loader<K, V, C = K>(ctx: Context, factory: (ctx: Context) => DataLoader<K, V, C>): DataLoader<K, V, C> {
  let instance = ctx.loaders.get(factory) as DataLoader<K, V, C> | undefined;
  if (!instance) {
    instance = factory(ctx);
    ctx.loaders.set(factory, instance);
  }
  return instance;
}
