/**
 * Runs in the sandbox before the operator's code: the only doors out are `fetch` (JSON in and out
 * through one host function that is then removed from the global object) and `console.log`.
 * `secret(name)` gives a placeholder, never the value: Toolgate puts the value into the request
 * on its way out, so the code cannot read, return or log a credential.
 */
export const GUEST_PRELUDE = `
(() => {
  const hostFetch = globalThis.__toolgate_fetch;
  const hostLog = globalThis.__toolgate_log;
  delete globalThis.__toolgate_fetch;
  delete globalThis.__toolgate_log;
  const text = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
  globalThis.fetch = async (url, init) => {
    const options = init || {};
    const raw = JSON.parse(
      await hostFetch(
        JSON.stringify({
          url: String(url),
          method: options.method ? String(options.method) : 'GET',
          headers: options.headers || {},
          body: options.body === undefined || options.body === null ? null : text(options.body),
        }),
      ),
    );
    return {
      ok: raw.status >= 200 && raw.status < 300,
      status: raw.status,
      headers: raw.headers,
      text: async () => raw.body,
      json: async () => JSON.parse(raw.body),
    };
  };
  globalThis.secret = (name) => '\\u27e6secret:' + String(name) + '\\u27e7';
  globalThis.console = { log: (...parts) => hostLog(parts.map(text).join(' ').slice(0, 500)) };
})();
`;
