import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/** Refuses documents nested deeper than `maxDepth` fields (fragments followed). */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const depthOf = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): number => {
      if (!set || depth > maxDepth) return depth;
      let deepest = depth;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          if (sel.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, depthOf(sel.selectionSet, depth + 1, seen));
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(sel.selectionSet, depth, seen));
        } else {
          const name = sel.name.value;
          if (seen.has(name)) continue; // cycles are reported by NoFragmentCycles
          const frag = fragments.get(name);
          deepest = Math.max(deepest, depthOf(frag?.selectionSet, depth, new Set([...seen, name])));
        }
        if (deepest > maxDepth) break;
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, 0, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Query is nested ${depth > maxDepth ? 'more than' : ''} ${maxDepth} levels deep; the limit is ${maxDepth}`, {
              nodes: [node],
              extensions: { code: 'BAD_USER_INPUT', field: 'query', reason: 'too deep' },
            }),
          );
        }
      },
    };
  };
}

/** Refuses documents with more than `maxAliases` aliased fields: alias floods multiply work cheaply. */
export function aliasLimit(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let reported = false;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
        if (aliases > maxAliases && !reported) {
          reported = true;
          context.reportError(
            new GraphQLError(`Query uses more than ${maxAliases} aliases`, {
              nodes: [node],
              extensions: { code: 'BAD_USER_INPUT', field: 'query', reason: 'too many aliases' },
            }),
          );
        }
      },
    };
  };
}

/** How deeply nested the variables object is (objects and lists). */
export function nestingDepth(value: unknown, limit: number, depth = 0): number {
  if (depth > limit) return depth;
  if (Array.isArray(value)) {
    let deepest = depth + 1;
    for (const v of value) deepest = Math.max(deepest, nestingDepth(v, limit, depth + 1));
    return deepest;
  }
  if (value !== null && typeof value === 'object') {
    let deepest = depth + 1;
    for (const v of Object.values(value)) deepest = Math.max(deepest, nestingDepth(v, limit, depth + 1));
    return deepest;
  }
  return depth;
}

export function containsIntrospection(set: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): boolean {
  if (!set) return false;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value === '__schema' || sel.name.value === '__type') return true;
      if (containsIntrospection(sel.selectionSet, fragments, seen)) return true;
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      if (containsIntrospection(sel.selectionSet, fragments, seen)) return true;
    } else if (!seen.has(sel.name.value)) {
      seen.add(sel.name.value);
      if (containsIntrospection(fragments.get(sel.name.value)?.selectionSet, fragments, seen)) return true;
    }
  }
  return false;
}
