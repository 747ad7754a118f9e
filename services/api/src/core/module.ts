import type { Router } from 'express';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../config';
import type { Context } from './context';
import type { AreaDirectory } from './areas/area-directory';

/** What a domain module hands to the service: its tables, its part of the schema, its HTTP routes and demo data. */
export interface ApiModule {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: Function[];
  /** Plain HTTP routes (uploads, spreadsheet downloads), mounted under /api/<name>. */
  routes?: (router: Router, services: ModuleServices) => void;
  /** Fills the demo data on an empty database; modules run in the order listed. */
  seedDemo?: (seed: SeedContext) => Promise<void>;
}

export interface ModuleServices {
  db: DataSource;
  config: Config;
  log: Logger;
  /** The GraphQL context of a plain HTTP request: its viewer, scope and loaders. */
  contextFor(req: import('express').Request, res: import('express').Response): Promise<Context>;
  /** The service's GraphQL schema, for a route that answers through the same resolvers (a figures CSV). */
  schema(): Promise<import('graphql').GraphQLSchema>;
  /**
   * Charges a query a plain route runs through the schema to its caller's cost bucket, as /graphql
   * charges it: refused over the per-query limit, THROTTLED (with the seconds to wait) when the bucket
   * lacks the points. The points are the same estimate /graphql makes.
   */
  chargeQuery(ctx: Context, document: import('graphql').DocumentNode, variables: Record<string, unknown>): QueryCharge;
}

export type QueryCharge =
  | { ok: true; requested: number; remaining: number }
  | { ok: false; code: 'THROTTLED'; requested: number; remaining: number; retryAfterSeconds: number }
  | { ok: false; code: 'BAD_USER_INPUT'; requested: number; reason: string };

export interface SeedContext {
  em: EntityManager;
  config: Config;
  log: Logger;
  areas: AreaDirectory;
  /** The area with this exact name (throws when missing, so a typo in the seed fails loudly). */
  area(name: string): { id: number; name: string; code: string | null };
  /** The id of the demo user with this username. */
  userId(username: string): number;
  /** A password hash for demo accounts (computed once per seed run). */
  demoPasswordHash: string;
  /** "Today" for the demo data: the reports' own time (projects: 2020-10, votes: 2021). */
  now: Date;
}
