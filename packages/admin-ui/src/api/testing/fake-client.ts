import type { ApiClient, HttpMethod, RequestOptions } from '../api-client';

/** An ApiClient for tests: answers every request with `answer` and records what was sent. */
export function fakeClient(answer: unknown) {
  const sent: { method: HttpMethod; path: string; options: RequestOptions | undefined }[] = [];
  const client: ApiClient = {
    async request(method, path, options) {
      sent.push({ method, path, options });
      return answer;
    },
    async stream() {},
    setCsrfToken() {},
    csrfToken: () => undefined,
  };
  return { client, sent };
}
