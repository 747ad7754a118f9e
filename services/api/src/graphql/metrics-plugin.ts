import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../core/context';
import { recordOperation } from '../core/metrics/metrics';

/** Counts and times every GraphQL operation by its name, with the codes of the errors it answered (GET /metrics). */
export function metricsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          const codes = (errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          recordOperation(operationName, operation?.operation ?? 'invalid', codes, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
