/** A minimal GraphQL/HTTP client for tests that talk to a child server process. */
export class Client {
  constructor(
    public url: string,
    public token: string | null = null,
  ) {}

  static async signIn(url: string, username: string, password = 'Liaoning@2020'): Promise<Client> {
    const client = new Client(url);
    const res = await client.gql<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: password });
    if (!res.data) throw new Error(`sign-in failed: ${JSON.stringify(res.errors)}`);
    client.token = res.data.login.token;
    return client;
  }

  async gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as object) };
  }

  async download(path: string): Promise<Buffer> {
    const res = await fetch(`${this.url}${path}`, { headers: this.token ? { authorization: `Bearer ${this.token}` } : {} });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  async upload(buffer: Buffer, name: string, purpose: 'photo' | 'spreadsheet'): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(buffer)]), name);
    const res = await fetch(`${this.url}/api/files?purpose=${purpose}`, { method: 'POST', headers: { authorization: `Bearer ${this.token}` }, body: form });
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }
}
