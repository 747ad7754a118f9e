/**
 * For the apps' page tests (jsdom): a GraphQL client whose "server" answers each operation by its
 * name, recording what was sent, and the providers a page expects around it.
 */
import type { ReactNode } from 'react';
import { App as AntApp } from 'antd';
import { Client, fetchExchange, Provider } from 'urql';
import { LocaleProvider } from './i18n';

// The apps' tests take the testing library from here, so each app needs no copy of it.
export * from '@testing-library/react';

export type FakeAnswer = { data?: unknown; errors?: unknown[] };
export type FakeAnswers = Record<string, (variables: Record<string, unknown>) => FakeAnswer>;

/** The client, and the operations it sent in order (name and variables). */
export function fakeServer(answers: FakeAnswers) {
  const calls: Array<{ name: string; variables: Record<string, unknown> }> = [];
  const fetch = async (_url: unknown, init?: { body?: unknown }) => {
    const body = JSON.parse(String(init?.body)) as { operationName: string; variables: Record<string, unknown> };
    calls.push({ name: body.operationName, variables: body.variables });
    const answer = answers[body.operationName];
    if (!answer) throw new Error(`the fake server has no answer for ${body.operationName}`);
    const text = JSON.stringify(answer(body.variables));
    return { ok: true, status: 200, statusText: 'OK', headers: { get: () => 'application/json' }, text: async () => text, json: async () => JSON.parse(text) };
  };
  const client = new Client({ url: 'http://kpd.test/graphql', preferGetMethod: false, exchanges: [fetchExchange], fetch: fetch as unknown as typeof globalThis.fetch });
  return { client, calls, sent: (name: string) => calls.filter((c) => c.name === name) };
}

/** A refusal as the API writes it: BAD_USER_INPUT naming each field, with more in `extensions` if given. */
export function badInput(problems: Array<{ field: string; reason: string }>, extensions: Record<string, unknown> = {}): FakeAnswer {
  const [first] = problems;
  return {
    errors: [
      {
        message: `${first.field}: ${first.reason}`,
        extensions: { code: 'BAD_USER_INPUT', field: first.field, reason: first.reason, problems, ...extensions },
      },
    ],
  };
}

/** A page as the shell mounts it: the client, antd's App (messages) and the language. */
export function Mounted({ client, children, locale = 'zh' }: { client: Client; children: ReactNode; locale?: 'zh' | 'en' }) {
  return (
    <Provider value={client}>
      <LocaleProvider locale={locale}>
        <AntApp>{children}</AntApp>
      </LocaleProvider>
    </Provider>
  );
}
