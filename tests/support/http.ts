// A real server on a fresh database, and a small cookie-keeping client that behaves like a browser form.
import { type RunningServer, startServer } from "../../server/main.ts";
import { testConfig } from "./db.ts";

export interface TestServer extends RunningServer {
  stop(): Promise<void>;
}

export async function startTestServer(overrides: Parameters<typeof testConfig>[0] = {}): Promise<TestServer> {
  const env = await testConfig({ demo: true, ...overrides });
  const running = await startServer({ config: env.config, host: "127.0.0.1" });
  const url = running.url.replace("localhost", "127.0.0.1");
  return {
    ...running,
    url,
    async stop() {
      await running.close();
      await env.cleanup();
    },
  };
}

export class Client {
  private cookies = new Map<string, string>();
  csrf = "";

  constructor(private readonly base: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const [name, value] = pair!.split("=");
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim()));
      if (expired || value === "") this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value!.trim());
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const response = await fetch(this.base + path, { ...init, headers, redirect: "manual" });
    this.remember(response);
    return response;
  }

  /** GET a page and pick up the CSRF token its forms carry. */
  async page(path: string): Promise<{ status: number; html: string; response: Response }> {
    const response = await this.request(path);
    const html = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token) this.csrf = token;
    return { status: response.status, html, response };
  }

  /** POST a form as our own pages do (same-origin, with the CSRF token unless told otherwise). */
  async form(
    path: string,
    fields: Record<string, string>,
    opts: { csrf?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const body = new URLSearchParams(fields);
    const token = opts.csrf === undefined ? this.csrf || this.cookie("linli_csrf") : opts.csrf;
    if (token) body.set("_csrf", token);
    return this.request(path, {
      method: "POST",
      body,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "sec-fetch-site": "same-origin",
        ...opts.headers,
      },
    });
  }

  async json(
    path: string,
    method = "GET",
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: "application/json", ...extra };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (method !== "GET" && this.csrf) headers["x-csrf-token"] = this.csrf;
    return this.request(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** Sign in through the login form; afterwards `csrf` holds the session's token. */
  async login(username: string, password = "Linli@2026"): Promise<Response> {
    await this.page("/login");
    const response = await this.form("/login", { login: username, password });
    if (response.status === 302) {
      await this.page(response.headers.get("location") ?? "/");
    }
    return response;
  }
}
