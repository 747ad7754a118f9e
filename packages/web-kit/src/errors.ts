/** The readable message of a failed request, as the server wrote it. */
export interface ReadableError {
  message: string;
  code?: string;
  field?: string;
  /** Every problem the server listed (BAD_USER_INPUT with several problems). */
  problems: Array<{ field?: string; reason?: string; message?: string }>;
  network: boolean;
}

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

interface CombinedErrorLike {
  message?: string;
  graphQLErrors?: GraphQLErrorLike[];
  networkError?: Error;
  response?: { status?: number };
}

/**
 * Reads an urql CombinedError (or any thrown value) into what a user should see: the server's
 * own message (never urql's "[GraphQL]" prefix), its code, the field and every listed problem.
 */
export function readableError(error: unknown): ReadableError {
  const e = error as CombinedErrorLike | null | undefined;
  const first = e?.graphQLErrors?.[0];
  if (first) {
    const ext = first.extensions ?? {};
    const problems = Array.isArray(ext.problems) ? (ext.problems as ReadableError['problems']) : [];
    return {
      message: first.message,
      code: typeof ext.code === 'string' ? ext.code : undefined,
      field: typeof ext.field === 'string' ? ext.field : undefined,
      problems,
      network: false,
    };
  }
  if (e?.networkError) {
    return { message: e.networkError.message, problems: [], network: true };
  }
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : 'Unknown error';
  return { message, problems: [], network: false };
}
