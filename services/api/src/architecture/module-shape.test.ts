import path from 'node:path';
import { read, REPO, sourceFiles } from '../testing/source-files';

/**
 * One module shape (CONTRIBUTING.md, "A domain module"): a resolver is thin — arguments in, a
 * service call out — and never touches the data source; the work, transactions and audit are in
 * services, scoped query builders in `<d>.scope.ts`, loaders in `<d>.loaders.ts`, GraphQL object
 * types in `<d>.types.ts` (or the entity), input and argument types in `<d>.inputs.ts`.
 */
const API = 'services/api/src';
const files = [...sourceFiles(path.join(REPO, API, 'core')), ...sourceFiles(path.join(REPO, API, 'modules'))].filter((f) => !/\.test\.tsx?$/.test(f));
const resolverFiles = files.filter((f) => /@Resolver\(/.test(read(f)));

/** What a resolver may not hold: the data source, a query builder, a transaction, a loader's query. */
const DATA_SOURCE: Array<[string, RegExp]> = [
  ['ctx.db', /\bctx\.db\b/],
  ['a repository', /\.getRepository\s*\(/],
  ['a query builder', /\bcreateQueryBuilder\s*\(/],
  ['an entity manager', /\bEntityManager\b|\btx\.em\b|\.manager\b/],
  ['a transaction', /\bmutate\s*\(/],
  ['typeorm', /from\s+'typeorm'/],
  ['a scoped query', /\bscoped[A-Z]\w*\s*\(/],
  ['a loader’s query', /\bnew\s+DataLoader\b/],
];

/**
 * Resolvers allowed to touch the data source for now, each with its reason. An entry whose file
 * has become thin must leave the list (a test below says so).
 */
const EXCEPTIONS: Record<string, string> = {};

/** Files allowed to declare GraphQL types outside <d>.types.ts / <d>.inputs.ts, each with its reason. */
const TYPE_EXCEPTIONS: Record<string, string> = {
  'services/api/src/core/pagination.ts': 'the generic Connection and PageInfo types, beside the pager that fills them',
  'services/api/src/modules/livelihood/livelihood.types.ts': 'being restructured with the vote (holds its inputs too)',
};

function dataSourceTouches(source: string): string[] {
  return DATA_SOURCE.filter(([, pattern]) => pattern.test(source)).map(([what]) => what);
}

describe('the module shape', () => {
  it('finds the resolvers', () => {
    expect(resolverFiles.length).toBeGreaterThan(10);
  });

  it('names every resolver file <name>.resolver.ts', () => {
    expect(resolverFiles.filter((f) => !f.endsWith('.resolver.ts'))).toEqual([]);
  });

  it('keeps resolvers off the data source', () => {
    const touching = resolverFiles.filter((f) => !EXCEPTIONS[f]).flatMap((f) => dataSourceTouches(read(f)).map((what) => `${f}: ${what}`));
    expect(touching).toEqual([]);
  });

  it('lists as exceptions only resolvers that still touch the data source', () => {
    expect(Object.keys(EXCEPTIONS).filter((f) => !resolverFiles.includes(f) || dataSourceTouches(read(f)).length === 0)).toEqual([]);
  });

  it('declares object types in <d>.types.ts or an entity, inputs and arguments in <d>.inputs.ts', () => {
    const misplaced = files.flatMap((f) => {
      const source = read(f);
      const out: string[] = [];
      if (/@ObjectType\(/.test(source) && !/\.(types|entity)\.ts$/.test(f)) out.push(`${f}: @ObjectType`);
      if (/@(InputType|ArgsType)\(/.test(source) && !/\.inputs\.ts$/.test(f)) out.push(`${f}: @InputType/@ArgsType`);
      return out;
    });
    expect(misplaced.filter((m) => !TYPE_EXCEPTIONS[m.split(':')[0]])).toEqual([]);
  });

  it('lists as type exceptions only files that still need them', () => {
    const stale = Object.keys(TYPE_EXCEPTIONS).filter((f) => {
      if (!files.includes(f)) return true;
      const source = read(f);
      return f.endsWith('.types.ts') ? !/@(InputType|ArgsType)\(/.test(source) : !/@(ObjectType|InputType|ArgsType)\(/.test(source);
    });
    expect(stale).toEqual([]);
  });

  it('sees a resolver that reaches for the data source (the check can fail)', () => {
    expect(dataSourceTouches("const rows = await ctx.db.getRepository(Project).find();")).toEqual(['ctx.db', 'a repository']);
    expect(dataSourceTouches('return mutate(ctx, async (tx) => tx.em.save(row));')).toEqual(['an entity manager', 'a transaction']);
    expect(dataSourceTouches('const qb = scopedProjects(ctx);')).toEqual(['a scoped query']);
    expect(dataSourceTouches('return listProjects(ctx, filter, page);')).toEqual([]);
  });
});
