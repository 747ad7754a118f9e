import type { Area } from '../areas/area.entity';
import type { AreaScope } from './scope';
import type { TokenScope } from './token-scope';
import { Role, type User } from './user.entity';

/** Who is asking: anonymous, or a user with a role and a scope. */
export interface Viewer {
  userId: number | null;
  username: string | null;
  displayName: string | null;
  role: Role | null;
  /** Present for every signed-in viewer. */
  scope: AreaScope | null;
  /** Read-only tokens (and analysts) cannot run mutations. */
  readOnly: boolean;
  sessionId: number | null;
  sessionKind: 'SESSION' | 'API' | null;
  /** The signed-in account as the session's statement read it (without its password hash), for `me`. */
  account?: User;
  /**
   * An API token's scopes; null for every other viewer. A token is its own principal: role ANALYST,
   * read-only, its own area, and a `userId` that is the negative of the token's id, so it never
   * matches a person (an uploader, a proposer, a secretary) and never acts as the one who made it.
   */
  tokenScopes: ReadonlySet<TokenScope> | null;
}

export const ANONYMOUS: Viewer = {
  userId: null,
  username: null,
  displayName: null,
  role: null,
  scope: null,
  readOnly: true,
  sessionId: null,
  sessionKind: null,
  tokenScopes: null,
};

export function isSignedIn(viewer: Viewer): viewer is Viewer & { userId: number; role: Role; scope: AreaScope } {
  return viewer.userId !== null && viewer.scope !== null && viewer.role !== null;
}

export function scopeRoot(viewer: Viewer): Area | null {
  return viewer.scope?.root ?? null;
}
