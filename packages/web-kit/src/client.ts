import { Client, cacheExchange, fetchExchange, mapExchange, type CombinedError, type Operation } from 'urql';

export interface KpdClientOptions {
  url?: string;
  /** Called when the server answers UNAUTHENTICATED: the session ended. */
  onUnauthenticated?: (error: CombinedError, operation: Operation) => void;
}

/**
 * The one GraphQL client of the admin (shared with every remote through urql's Provider). It signs
 * requests with the session cookie, always POSTs JSON and sends the preflight header, so the
 * server's CSRF prevention lets it through while a foreign page cannot.
 */
export function createKpdClient(options: KpdClientOptions = {}): Client {
  return new Client({
    url: options.url ?? '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ credentials: 'same-origin', headers: { 'apollo-require-preflight': 'true' } }),
    exchanges: [
      mapExchange({
        onError(error, operation) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) options.onUnauthenticated?.(error, operation);
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}
