import { pageOfList, type Page } from './pagination';
import { UserInputError } from './errors';

const items = Array.from({ length: 7 }, (_, i) => `item${i}`);

function walk(direction: 'forwards' | 'backwards', size: number): string[][] {
  const pages: string[][] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page: Page<string> = direction === 'forwards' ? pageOfList(items, { first: size, after: cursor }) : pageOfList(items, { last: size, before: cursor });
    pages.push(page.nodes);
    const more = direction === 'forwards' ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
    if (!more) return pages;
    cursor = direction === 'forwards' ? page.pageInfo.endCursor : page.pageInfo.startCursor;
  }
  throw new Error('paging did not end');
}

describe('pageOfList', () => {
  it.each([1, 2, 3, 7, 10])('forwards and backwards by %i read the same list', (size) => {
    expect(walk('forwards', size).flat()).toEqual(items);
    expect(walk('backwards', size).reverse().flat()).toEqual(items);
  });

  it.each<[string, Parameters<typeof pageOfList>[1], string[], boolean, boolean]>([
    ['the first three', { first: 3 }, ['item0', 'item1', 'item2'], false, true],
    ['the last three', { last: 3 }, ['item4', 'item5', 'item6'], true, false],
    ['three after item1', { first: 3, after: Buffer.from('1').toString('base64url') }, ['item2', 'item3', 'item4'], true, true],
    ['three before item2', { last: 3, before: Buffer.from('2').toString('base64url') }, ['item0', 'item1'], false, true],
    ['none', { first: 0 }, [], false, true],
  ])('%s', (_what, args, nodes, hasPreviousPage, hasNextPage) => {
    const page = pageOfList(items, args);
    expect(page.nodes).toEqual(nodes);
    expect(page.pageInfo).toMatchObject({ hasPreviousPage, hasNextPage });
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
  });

  it.each<[Parameters<typeof pageOfList>[1], string]>([
    [{ first: 2, last: 2 }, 'last'],
    [{ last: 101 }, 'last'],
    [{ first: -1 }, 'first'],
    [{ after: 'bm9wZQ' }, 'after'],
    [{ before: Buffer.from('99').toString('base64url') }, 'before'],
    [{ after: Buffer.from('1').toString('base64url'), before: Buffer.from('3').toString('base64url') }, 'before'],
  ])('%p is refused naming %p', (args, field) => {
    expect(() => pageOfList(items, args)).toThrow(UserInputError);
    try {
      pageOfList(items, args);
    } catch (e) {
      expect((e as UserInputError).extensions.field).toBe(field);
    }
  });
});
