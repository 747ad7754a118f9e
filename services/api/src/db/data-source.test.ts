import pino from 'pino';
import { dataSourceOptions, openDatabase } from './data-source';
import { scratchDatabase } from './scratch-database';

const log = pino({ level: 'silent' });

describe('database URL options', () => {
  it.each([
    ['mysql://kpd:s%40cret@db.example:3307/kpd', { host: 'db.example', port: 3307, username: 'kpd', password: 's@cret', database: 'kpd', poolSize: 10, socketPath: undefined }],
    ['mysql://root@localhost/kpd_scale?socketPath=/run/mysqld/mysqld.sock&poolSize=4', { host: 'localhost', port: 3306, username: 'root', database: 'kpd_scale', poolSize: 4, socketPath: '/run/mysqld/mysqld.sock' }],
    ['mariadb://root@127.0.0.1/test', { host: '127.0.0.1', port: 3306, database: 'test', socketPath: undefined }],
  ])('%s', (url, expected) => {
    const options = dataSourceOptions(url, [], log);
    expect(options).toMatchObject(expected);
    // Every MySQL connection is made without a per-statement stack capture.
    expect(options).toMatchObject({ extra: { trace: false } });
  });
});

(process.env.MYSQL_URL ? describe : describe.skip)('a MySQL pool', () => {
  it('keeps one promise wrapper per connection, and statements still run through it', async () => {
    const scratch = await scratchDatabase('mysql', 'ds');
    const db = await openDatabase(scratch.url, [], log);
    try {
      await Promise.all(Array.from({ length: 4 }, () => db.query('SELECT 1 AS one')));
      const pool = (db.driver as unknown as { pool: { getConnection(cb: (err: Error | null, c: { promise(): unknown; release(): void }) => void): void } }).pool;
      const connection = await new Promise<{ promise(): unknown; release(): void }>((resolve, reject) => pool.getConnection((err, c) => (err ? reject(err) : resolve(c))));
      expect(connection.promise()).toBe(connection.promise());
      connection.release();
      expect(await db.query('SELECT 2 AS two')).toEqual([{ two: 2 }]);
    } finally {
      await db.destroy();
      await scratch.drop();
    }
  });
});
