/** A small browser-like HTTP client: keeps cookies, reads the CSRF token from pages, posts forms. */
export class HttpClient {
  private cookies = new Map<string, string>();
  constructor(public readonly base: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim())) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("Cookie", this.cookieHeader());
    const response = await fetch(new URL(path, this.base), { ...init, headers, redirect: "manual" });
    this.remember(response);
    return response;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; response: Response }> {
    const response = await this.request(path, { headers });
    return { status: response.status, text: await response.text(), response };
  }

  /** Follows redirects like a browser after a form post (303 → GET). */
  async follow(response: Response): Promise<{ status: number; text: string; url: string }> {
    let current = response;
    let url = current.url;
    for (let i = 0; i < 5 && current.status >= 300 && current.status < 400; i++) {
      const location = current.headers.get("Location")!;
      url = new URL(location, this.base).toString();
      current = await this.request(url);
    }
    return { status: current.status, text: await current.text(), url };
  }

  /** The CSRF token the page's forms carry. */
  static csrfFrom(html: string): string {
    const match = /name="csrf" value="([^"]+)"/.exec(html);
    if (!match) throw new Error("no CSRF field in the page");
    return match[1];
  }

  static idempotencyKeyFrom(html: string, formId = "form-general"): string {
    const form = html.slice(html.indexOf(`id="${formId}"`));
    const match = /name="idempotencyKey" value="([^"]+)"/.exec(form);
    if (!match) throw new Error(`no idempotency key in ${formId}`);
    return match[1];
  }

  async postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    });
  }

  /**
   * This browser's CSRF token, as a browser gets it: from the page's forms, or — when the page
   * was a render shared by anonymous readers, which carries none (ADR 0060) — from the next page
   * that is not, as the root loader's revalidation does after the first navigation.
   */
  async token(pagePath: string): Promise<string> {
    const page = await this.get(pagePath);
    const found = /name="csrf" value="([^"]+)"/.exec(page.text) ?? /"csrfToken":"([^"]+)"/.exec(page.text);
    if (found) return found[1];
    const lang = /^\/(kk|ru|en)\//.exec(new URL(pagePath, this.base).pathname)?.[1] ?? "kk";
    return HttpClient.csrfFrom((await this.get(`/${lang}/login`)).text);
  }

  /** Loads `pagePath` for a CSRF token, then posts the form there (or to `action`). */
  async submit(pagePath: string, fields: Record<string, string>, action = pagePath): Promise<Response> {
    return this.postForm(action, { csrf: await this.token(pagePath), ...fields });
  }

  async signIn(lang: string, email: string, password: string): Promise<void> {
    const response = await this.submit(`/${lang}/login`, { email, password });
    if (response.status !== 303) throw new Error(`sign-in failed with ${response.status}`);
  }
}

/** The text of an HTML page, without tags, for assertions on what a reader sees. */
export function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}
