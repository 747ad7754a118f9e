/**
 * `pnpm admin:create --username <name> --name <display name> [--area <GB/T 2260 code>]`: makes an administrator
 * in the database DATABASE_URL names (migrating it first), for the first sign-in of a production deployment.
 * The password is read from standard input — typed without echo at a terminal, or piped — never from the
 * command line, where other users could read it in the process list. The province's area tree is laid down
 * if the database has none. The account is written to the audit trail as made by 'system' (admin:create).
 */
import { GraphQLError } from 'graphql';
import { loadConfig } from '../config';
import { createAdministrator } from '../core/auth/first-admin';
import { openDatabase } from '../db/data-source';
import { createLogger } from '../logger';
import { entities } from '../modules';

function option(args: string[], name: string): string | null {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1]! : null;
}

/** One line from standard input; at a terminal, asked for without echoing what is typed. */
function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let text = '';
    if (stdin.isTTY) {
      process.stderr.write(prompt);
      stdin.setRawMode(true);
    }
    stdin.setEncoding('utf8');
    const done = (value: string) => {
      if (stdin.isTTY) {
        stdin.setRawMode(false);
        process.stderr.write('\n');
      }
      stdin.pause();
      stdin.removeAllListeners('data');
      resolve(value);
    };
    stdin.on('data', (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\u0003') return reject(new Error('cancelled'));
        if (ch === '\r' || ch === '\n') return done(text);
        if (ch === '\u007f') text = text.slice(0, -1);
        else text += ch;
      }
    });
    stdin.on('end', () => done(text));
  });
}

async function main() {
  const args = process.argv.slice(2);
  const username = option(args, 'username');
  const displayName = option(args, 'name');
  if (!username || !displayName) {
    console.error('usage: pnpm admin:create --username <name> --name <display name> [--area <GB/T 2260 code>]  (password on standard input)');
    process.exit(2);
  }
  const password = await readPassword(`password for ${username}: `);
  const config = loadConfig();
  const db = await openDatabase(config.databaseUrl, entities, createLogger('silent'));
  try {
    const { user, area, areasCreated } = await createAdministrator(db, { username, displayName, password, areaCode: option(args, 'area') }, config.passwordCostN);
    if (areasCreated) console.log('laid down the area tree of 辽宁省');
    console.log(`created administrator ${user.username} (${user.displayName}) of ${area.name}`);
  } catch (e) {
    if (e instanceof GraphQLError) {
      console.error(`refused: ${String(e.extensions.field)}: ${String(e.extensions.reason)}`);
      process.exitCode = 1;
    } else throw e;
  } finally {
    await db.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
