import { webConcurrency } from './main';

describe('how many API processes pnpm start runs', () => {
  it.each([
    [{ WEB_CONCURRENCY: '3' }, 2, 3],
    [{ NODE_ENV: 'production' }, 2, 2],
    [{ NODE_ENV: 'production' }, 32, 8],
    [{ NODE_ENV: 'production', WEB_CONCURRENCY: '1' }, 4, 1],
    [{}, 4, 1],
  ])('%j on %i cores: %i', (env, cores, expected) => {
    expect(webConcurrency(env, cores)).toBe(expected);
  });

  it.each(['0', 'two', '1.5', '100'])('refuses WEB_CONCURRENCY=%s, naming it', (raw) => {
    expect(() => webConcurrency({ WEB_CONCURRENCY: raw }, 2)).toThrow(/WEB_CONCURRENCY/);
  });
});
