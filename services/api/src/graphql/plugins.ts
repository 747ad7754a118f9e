import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { Context } from '../core/context';
import { canIntrospect } from '../core/auth/policy';
import { containsIntrospection, nestingDepth } from './limits';
import { RateLimiter } from '../core/rate-limit';
import { areaListSizes, estimateCost } from './cost';

/**
 * Estimates by parsed document (Apollo keeps one parsed document per query text), operation and
 * variables: a client repeating a query with the same variables is estimated once, not on every request.
 */
const costs = new WeakMap<DocumentNode, Map<string, number>>();
const MAX_COSTS_PER_DOCUMENT = 100;
const MAX_KEY_LENGTH = 2000;

function cachedCost(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined, estimate: () => number): number {
  const key = `${operationName ?? ''}\n${variables ? JSON.stringify(variables) : ''}`;
  if (key.length > MAX_KEY_LENGTH) return estimate();
  let known = costs.get(document);
  if (!known) costs.set(document, (known = new Map()));
  let cost = known.get(key);
  if (cost === undefined) {
    cost = estimate();
    if (known.size >= MAX_COSTS_PER_DOCUMENT) known.clear();
    known.set(key, cost);
  }
  return cost;
}

function refuse(message: string, reason: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: 'query', reason, http: { status: 400 } } });
}

export function limitsPlugin(config: Config, schema: GraphQLSchema): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue, request: req }) {
          if (!operation) return;
          const vars = req.variables;
          if (vars && nestingDepth(vars, config.limits.maxVariableDepth) > config.limits.maxVariableDepth) {
            throw refuse(`Variables are nested more than ${config.limits.maxVariableDepth} levels deep`, 'variables too deep');
          }
          contextValue.res.locals.operationName = req.operationName ?? operation.name?.value ?? null;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
          if (containsIntrospection(operation.selectionSet, fragments)) {
            if (config.env === 'production' && !canIntrospect(contextValue.viewer)) {
              throw new GraphQLError('Introspection is available to signed-in analysts and admins only', {
                extensions: { code: 'FORBIDDEN', http: { status: 403 } },
              });
            }
            return; // introspection is bounded by the schema's size; no cost estimate needed
          }
          // Variables are coerced here, before Apollo does it for execution: a variable of the wrong
          // type (a fraction for an Int, a missing required field) is the caller's error, not ours.
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], req.variables ?? {}, { maxErrors: 10 });
          if (coerced.errors) {
            throw new GraphQLError(coerced.errors.map((e) => e.message).join('; '), {
              extensions: { code: 'BAD_USER_INPUT', field: 'variables', reason: 'invalid variable value', http: { status: 400 } },
            });
          }
          const cost = cachedCost(document, req.operationName, req.variables, () =>
            estimateCost(schema, document, req.operationName, coerced.coerced, { listSizes: areaListSizes(contextValue.areas) }),
          );
          contextValue.cost = { requested: cost, bucket: RateLimiter.keyOf(contextValue.viewer, contextValue.req.ip), variables: coerced.coerced, charged: false };
          if (cost > config.limits.maxCost) {
            throw refuse(`Query would cost ${cost}; the limit is ${config.limits.maxCost}. Ask for smaller pages or fewer fields`, 'too expensive');
          }
        },
      };
    },
  };
}
