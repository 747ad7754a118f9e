// Lets a test start a real second Node process on the TypeScript sources (e.g. a second API
// process racing the first): `node -r ./src/testing/register-ts.js some-file.ts`. Same transform as jest.
const fs = require('node:fs');
const swc = require('@swc/core');

require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = swc.transformSync(source, {
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
};
require('reflect-metadata');
