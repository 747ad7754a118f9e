import { registerFileAccess } from '../../core/files';
import { NotFoundError } from '../../core/errors';
import { readableProblem } from './problems.scope';

/** The pictures attached to a problem's close-out (销号佐证). */
export const PROBLEM_EVIDENCE = 'problem-evidence';

/** A close-out's pictures are served to whoever may read the problem. */
export function registerProblemFileAccess(): void {
  registerFileAccess(PROBLEM_EVIDENCE, async (ctx, file) => {
    if (ctx.viewer.userId === null) return false;
    try {
      await readableProblem(ctx, Number(file.ownerId));
      return true;
    } catch (e) {
      if (e instanceof NotFoundError) return false;
      throw e;
    }
  });
}
