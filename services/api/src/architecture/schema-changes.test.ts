import fs from 'node:fs';
import path from 'node:path';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { REPO } from '../testing/source-files';

/**
 * Analysts' scripts are built against the schema: a breaking change must be deliberate. The schema is compared
 * with the last release's; each breaking change must be listed, by its path, in CHANGELOG.md's Unreleased
 * section (with what a client must change).
 */
const read = (file: string) => fs.readFileSync(path.join(REPO, file), 'utf8');

function unreleasedSection(changelog: string): string {
  const start = changelog.indexOf('## Unreleased');
  if (start < 0) throw new Error('CHANGELOG.md has no "## Unreleased" section');
  const next = changelog.indexOf('\n## ', start + 1);
  return changelog.slice(start, next < 0 ? undefined : next);
}

describe('schema changes against the last release', () => {
  it('lists every breaking change in CHANGELOG.md', async () => {
    const changes = await diff(buildSchema(read('schema/released.graphql')), buildSchema(read('schema/schema.graphql')));
    const unreleased = unreleasedSection(read('CHANGELOG.md'));
    const unlisted = changes
      .filter((c) => c.criticality.level === CriticalityLevel.Breaking)
      .filter((c) => !unreleased.includes(`\`${c.path ?? c.message}\``))
      .map((c) => `${c.path}: ${c.message}`);
    expect(unlisted).toEqual([]);
  });

  it('sees a breaking change when there is one', async () => {
    // The check itself: removing a field is reported, so the test above cannot pass by seeing nothing.
    const before = buildSchema('type Query { a: Int, b: Int }');
    const after = buildSchema('type Query { a: Int }');
    const breaking = (await diff(before, after)).filter((c) => c.criticality.level === CriticalityLevel.Breaking);
    expect(breaking.map((c) => c.path)).toEqual(['Query.b']);
  });
});
