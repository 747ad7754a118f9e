import type { Viewer } from './auth/viewer';

/**
 * A leaky bucket of cost points per credential (each API token and each session; anonymous callers
 * per address). A bucket holds at most `burst` points and refills at `pointsPerSecond`; a query
 * takes its requested cost before it runs and gets back what it did not use once answered, so a
 * page that came back short costs what it returned. A query that does not fit waits: THROTTLED
 * with the seconds until it would fit.
 *
 * The buckets live in the process: behind a load balancer each process throttles on its own, so a
 * caller gets at most the processes' count times the rate (the gateway's limit covers the rest).
 */
export interface RateLimitConfig {
  /** Points a bucket regains per second; 0 turns throttling off. */
  pointsPerSecond: number;
  /** The most points a bucket holds: the largest burst. */
  burst: number;
}

export interface BucketState {
  /** The most points the bucket holds. */
  limit: number;
  /** Points available now. */
  remaining: number;
  /** When the bucket is full again. */
  resetAt: Date;
}

interface Bucket {
  available: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private operations = 0;

  constructor(readonly config: RateLimitConfig) {}

  get enabled(): boolean {
    return this.config.pointsPerSecond > 0;
  }

  /** The bucket a request draws on. */
  static keyOf(viewer: Viewer, ip: string | null | undefined): string {
    if (viewer.sessionId !== null) return `${viewer.sessionKind === 'API' ? 'token' : 'session'}:${viewer.sessionId}`;
    return `ip:${ip ?? 'unknown'}`;
  }

  private bucket(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { available: this.config.burst, at: now };
      this.buckets.set(key, bucket);
    } else {
      bucket.available = Math.min(this.config.burst, bucket.available + ((now - bucket.at) / 1000) * this.config.pointsPerSecond);
      bucket.at = now;
    }
    return bucket;
  }

  private state(bucket: Bucket, now: number): BucketState {
    const missing = this.config.burst - bucket.available;
    return {
      limit: this.config.burst,
      remaining: Math.max(0, Math.floor(bucket.available)),
      resetAt: new Date(now + (this.enabled ? Math.ceil((missing / this.config.pointsPerSecond) * 1000) : 0)),
    };
  }

  /** Takes `cost` points, or says how many seconds until they would be there. */
  take(key: string, cost: number, now = Date.now()): { ok: true; state: BucketState } | { ok: false; retryAfterSeconds: number; state: BucketState } {
    if (!this.enabled) return { ok: true, state: { limit: this.config.burst, remaining: this.config.burst, resetAt: new Date(now) } };
    this.sweep(now);
    const bucket = this.bucket(key, now);
    if (bucket.available < cost) {
      const retryAfterSeconds = Math.max(1, Math.ceil((cost - bucket.available) / this.config.pointsPerSecond));
      return { ok: false, retryAfterSeconds, state: this.state(bucket, now) };
    }
    bucket.available -= cost;
    return { ok: true, state: this.state(bucket, now) };
  }

  /** Gives back points a query took but did not use. */
  refund(key: string, points: number, now = Date.now()): BucketState {
    if (!this.enabled) return { limit: this.config.burst, remaining: this.config.burst, resetAt: new Date(now) };
    const bucket = this.bucket(key, now);
    bucket.available = Math.min(this.config.burst, bucket.available + Math.max(0, points));
    return this.state(bucket, now);
  }

  /** The bucket as it stands, without taking anything. */
  peek(key: string, now = Date.now()): BucketState {
    if (!this.enabled) return { limit: this.config.burst, remaining: this.config.burst, resetAt: new Date(now) };
    return this.state(this.bucket(key, now), now);
  }

  /** Forgets full buckets now and then, so the map holds only callers that are spending. */
  private sweep(now: number): void {
    if (++this.operations % 1000 !== 0) return;
    for (const [key, bucket] of this.buckets) {
      if (bucket.available + ((now - bucket.at) / 1000) * this.config.pointsPerSecond >= this.config.burst) this.buckets.delete(key);
    }
  }
}
