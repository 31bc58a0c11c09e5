import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ROUTES } from '../create-app.js';

const here = import.meta.dirname;
const routeFiles = readdirSync(here).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

describe('request bodies and queries are checked once, by the router', () => {
  it('no route handler reads or checks a body or a query itself', () => {
    const offenders = routeFiles.filter((name) =>
      /\b(checkBody|readJson)\(/.test(readFileSync(join(here, name), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it("core checks an action's fields; every other body is checked by its schema", () => {
    const byCore = API_ROUTES.filter((route) => route.fieldsCheckedBy === 'core').map(
      (route) => `${route.method} ${route.path}`,
    );
    expect(byCore).toEqual(['post /actions', 'patch /actions/{id}']);
  });
});
