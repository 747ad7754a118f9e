import { applyDemoClockDefault, clockSource, DEMO_TODAY, now, setTodayForTesting, today, currentPeriod } from './clock';

describe('the service clock', () => {
  const saved = process.env.KPD_TODAY;
  afterEach(() => {
    setTodayForTesting(undefined);
    if (saved === undefined) delete process.env.KPD_TODAY;
    else process.env.KPD_TODAY = saved;
  });

  it('is the real date when KPD_TODAY is unset', () => {
    delete process.env.KPD_TODAY;
    const real = Date.now();
    expect(Math.abs(now().getTime() - real)).toBeLessThan(5000);
  });

  it.each(['2020-10-15', '2021-01-01', '2020-02-29', '2030-12-31'])('reads KPD_TODAY=%s as today (Asia/Shanghai)', (date) => {
    process.env.KPD_TODAY = date;
    expect(today()).toBe(date);
    expect(currentPeriod()).toBe(date.slice(0, 7));
    // The time of day runs on: two readings a moment apart keep their order.
    const a = now().getTime();
    const b = now().getTime();
    expect(b).toBeGreaterThanOrEqual(a);
  });

  it('refuses a KPD_TODAY that is not a date', () => {
    process.env.KPD_TODAY = '2020-13-01';
    expect(() => today()).toThrow(/KPD_TODAY/);
  });

  it('lets a test set the date without the environment', () => {
    process.env.KPD_TODAY = '2020-10-15';
    setTodayForTesting('2021-03-08');
    expect(today()).toBe('2021-03-08');
    setTodayForTesting(null);
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(5000);
  });

  it('reads KPD_TODAY=real as the real date', () => {
    process.env.KPD_TODAY = 'real';
    expect(clockSource()).toBe('real');
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(5000);
  });

  it.each([
    [{}, DEMO_TODAY],
    [{ NODE_ENV: 'development' }, DEMO_TODAY],
    [{ KPD_TODAY: '2021-03-08' }, '2021-03-08'],
    [{ KPD_TODAY: 'real' }, 'real'],
    [{ NODE_ENV: 'production' }, undefined],
    [{ SEED_DEMO: 'false' }, undefined],
  ])('the started demo runs on its own day by default: %j gives KPD_TODAY=%s', (env: NodeJS.ProcessEnv, expected) => {
    applyDemoClockDefault(env);
    expect(env.KPD_TODAY).toBe(expected);
  });
});
