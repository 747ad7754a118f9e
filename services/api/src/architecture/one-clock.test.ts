import path from 'node:path';
import { read, REPO, sourceFiles } from '../testing/source-files';

/**
 * One clock: the domain modules, the demo seed and the file routes take "now" and "today" from
 * core/clock.ts (which honours KPD_TODAY), never from the machine's clock directly.
 */
const API = 'services/api/src';
const READS_MACHINE_CLOCK = /new Date\(\)|Date\.now\(\)/;

describe('the service clock', () => {
  it('is the only "now" the modules read', () => {
    const files = [
      ...sourceFiles(path.join(REPO, API, 'modules')),
      ...sourceFiles(path.join(REPO, API, 'core/files')),
      ...sourceFiles(path.join(REPO, API, 'core/areas')),
    ].filter((f) => !/\.test\.tsx?$/.test(f) && !f.endsWith('.child.ts'));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) => read(f).split('\n').some((line) => READS_MACHINE_CLOCK.test(line) && !line.includes('clock: elapsed time')));
    expect(offenders).toEqual([]);
  });
});
