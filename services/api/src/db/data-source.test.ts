import pino from 'pino';
import { dataSourceOptions } from './data-source';

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
