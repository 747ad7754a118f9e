/**
 * Lets a child Node process run the service's TypeScript sources directly (fault tests start real
 * server processes and kill them; the month-end test races a second process; the bench runs its
 * script): `node -r ./services/api/src/testing/ts-register.js some-file.ts`. Compiles each .ts file
 * with SWC as the jest transform does, and loads reflect-metadata as jest's setup does.
 */
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

function compile(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
}

// '.ts' is tried first, as jest and tsc resolve: `./outlines` is outlines.ts, not the outlines.json beside it.
const others = { ...require.extensions };
for (const ext of Object.keys(others)) delete require.extensions[ext];
require.extensions['.ts'] = compile;
Object.assign(require.extensions, others);
require('reflect-metadata');
