import { importsOf, read, REPO, resolveRelative, sourceFiles } from '../testing/source-files';
import path from 'node:path';

/**
 * The picture of imports: packages/domain ← core ← modules ← the app (graphql, app, server, scripts).
 * No arrow runs upward: the core never reaches into a domain module or the app wiring, and the
 * domain package depends on nothing but itself.
 */
const API = 'services/api/src';
const APP_LAYER = ['modules', 'graphql', 'app', 'server', 'main', 'scripts', 'testing', 'architecture'].map((p) => `${API}/${p}`);
const isUnder = (target: string, roots: string[]) => roots.some((r) => target === r || target.startsWith(r + '/') || target.startsWith(r + '.'));

function upwardImports(files: string[], forbidden: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    if (/\.test\.tsx?$/.test(file)) continue; // a test may start the whole server
    for (const spec of importsOf(read(file))) {
      const target = resolveRelative(file, spec);
      if (target && isUnder(target, forbidden)) found.push(`${file} → ${spec}`);
    }
  }
  return found;
}

describe('the layers of the service', () => {
  it('has a core that imports no domain module and none of the app wiring', () => {
    const core = sourceFiles(path.join(REPO, API, 'core'));
    expect(core.length).toBeGreaterThan(40);
    expect(upwardImports(core, APP_LAYER)).toEqual([]);
  });

  it('keeps config, logging and the data source beneath the modules', () => {
    const base = [`${API}/config.ts`, `${API}/logger.ts`, ...sourceFiles(path.join(REPO, API, 'db')).filter((f) => !f.includes('/db/seed/') && !f.includes('/db/migrations/'))];
    expect(upwardImports(base, [`${API}/modules`, `${API}/graphql`, `${API}/app`, `${API}/server`])).toEqual([]);
  });

  it('has a domain package that depends on nothing outside itself', () => {
    const files = sourceFiles(path.join(REPO, 'packages/domain/src')).filter((f) => !/\.test\.ts$/.test(f));
    const outside = files.flatMap((file) =>
      importsOf(read(file))
        .filter((spec) => !spec.startsWith('./'))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(outside).toEqual([]);
    const pkg = JSON.parse(read('packages/domain/package.json')) as { dependencies?: object };
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('sees an upward import when there is one (the check can fail)', () => {
    expect(importsOf("import { x } from '../../modules/projects/projects.service';\nimport type { Y } from './y';")).toEqual(['../../modules/projects/projects.service', './y']);
    expect(upwardImportsOf(`${API}/core/areas/areas.service.ts`, '../../modules/projects/projects.service')).toBe(true);
    expect(upwardImportsOf(`${API}/core/areas/areas.service.ts`, '../context')).toBe(false);
  });
});

function upwardImportsOf(file: string, spec: string): boolean {
  const target = resolveRelative(file, spec);
  return !!target && isUnder(target, APP_LAYER);
}
