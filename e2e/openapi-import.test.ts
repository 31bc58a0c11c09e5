import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createLoopbackOnlyDial, testCertificate } from '@toolgate/core/test';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.js';
import { type E2eApp, shoot, startE2eApp } from './harness.js';
import { signIn } from './session.js';
import { E2E_STEP_MS, E2E_TEST_MS } from './timeouts.js';

/**
 * An operator imports actions from OpenAPI documents in the browser: a blocked document URL is
 * refused with its reason; Swagger Petstore 3.0 is uploaded, two operations chosen, the API key
 * asked (never prefilled) and the actions created with links to them; a re-import shows what
 * changed; XKCD (http only) becomes importable on a typed https base URL.
 */
const fixture = (name: string) =>
  fileURLToPath(new URL(`../packages/core/src/openapi/fixtures/${name}`, import.meta.url));
const PLANTED_KEY = 'planted-import-key-5f2a9c';

const available = await chromiumAvailable();
let app: E2eApp;

beforeAll(async () => {
  if (!available) return;
  const { cert } = await testCertificate();
  // Every name resolves to loopback and only loopback is dialled: the save-time URL check of the
  // imported actions passes, and nothing leaves the machine.
  app = await startE2eApp({
    env: { TOOLGATE_ALLOW_PRIVATE_NETWORKS: '127.0.0.0/8', TOOLGATE_DEMO: 'off' },
    overrides: { ca: cert, dial: createLoopbackOnlyDial(cert).dial, resolve: async () => ['127.0.0.1'] },
  });
}, E2E_TEST_MS);
afterAll(() => app?.close());

async function storedActions(): Promise<Array<{ id: string; definition: Record<string, unknown> }>> {
  const response = await fetch(`${app.server.url}/api/v1/actions`, {
    headers: { authorization: `Bearer ${app.adminKey}` },
  });
  return ((await response.json()) as { actions: Array<{ id: string; definition: Record<string, unknown> }> })
    .actions;
}

async function openWizard(page: Page): Promise<void> {
  await page.goto(`${app.server.url}/actions`);
  await page.getByRole('link', { name: 'Import from OpenAPI' }).click();
  await page.getByRole('heading', { name: 'Import from OpenAPI', level: 1 }).waitFor();
}

const operation = (page: Page, name: string) =>
  page
    .getByRole('list', { name: 'Operations of the document' })
    .getByRole('listitem')
    .filter({
      has: page.locator(`#import-op-${name}`),
    });

describe.runIf(available)('importing actions from OpenAPI in chromium', () => {
  it(
    'refuses a blocked URL, imports two Petstore operations with their API key, then diffs a re-import',
    async () => {
      const page = await app.browser.context.newPage();
      page.setDefaultTimeout(E2E_STEP_MS);
      await signIn(page, app.server.url, app.operator);
      await openWizard(page);

      // A URL the outbound policy refuses: the server's reason, at the URL field.
      await page.getByLabel('Enter a URL').check();
      await page.getByLabel('Document URL').fill('https://docs.internal/openapi.json');
      await page.getByRole('button', { name: 'Read the document' }).click();
      const refused = page.getByRole('alert').filter({ hasText: 'The URL was refused' });
      await refused.getByText(/Names ending in \.internal are local names/).waitFor();
      expect(await page.getByLabel('Document URL').getAttribute('aria-invalid')).toBe('true');

      await page.getByLabel('Upload a file').check();
      await page.getByLabel('Document file').setInputFiles(fixture('petstore-openapi-3.0.yaml'));
      await page.getByRole('button', { name: 'Read the document' }).click();
      await page.getByRole('heading', { name: /Swagger Petstore - OpenAPI 3\.0/ }).waitFor();
      await page
        .getByText(/19 operations \(openapi-3\.0\): 11 new, 0 changed, 0 unchanged, 8 cannot/)
        .waitFor();
      // Refused operations say why, and cannot be chosen; warnings are shown.
      await operation(page, 'add_pet')
        .getByText(/petstore_auth" is oauth2/)
        .waitFor();
      expect(await page.locator('#import-op-add_pet').isDisabled()).toBe(true);
      await operation(page, 'find_pets_by_tags')
        .getByText(/Warning: optional query parameter "tags" left out/i)
        .waitFor();
      await shoot(page, 'openapi-import-operations');

      await page.getByRole('button', { name: 'Choose none' }).click();
      await page.locator('#import-op-get_pet_by_id').check();
      await page.locator('#import-op-place_order').check();
      await page.getByRole('button', { name: 'Next: base URL and credentials' }).click();
      await page.getByRole('heading', { name: 'Base URL and credentials' }).waitFor();
      await page.getByText('https://petstore3.swagger.io/api/v3').waitFor();
      const key = page.getByLabel(/^API key/);
      expect(await key.inputValue()).toBe('');
      expect(await key.getAttribute('type')).toBe('password');
      await page.getByRole('button', { name: 'Create 2 actions' }).click();
      await page.getByText('Enter the API key for api_key.').waitFor();
      await key.fill(PLANTED_KEY);
      await page.getByText('Enter the API key for api_key.').waitFor({ state: 'hidden' });
      await shoot(page, 'openapi-import-credentials');
      await page.getByRole('button', { name: 'Create 2 actions' }).click();

      await page.getByRole('heading', { name: 'Created 2 actions' }).waitFor();
      const created = page.getByRole('list', { name: 'Created actions' });
      await created.getByText(/Signing secret of get_pet_by_id/).waitFor();
      expect(await page.content()).not.toContain(PLANTED_KEY);
      await shoot(page, 'openapi-import-created');
      const stored = await storedActions();
      expect(stored.map((action) => action.definition.name).sort()).toEqual(['get_pet_by_id', 'place_order']);
      const getPet = stored.find((action) => action.definition.name === 'get_pet_by_id');
      expect(getPet?.definition.url).toBe('https://petstore3.swagger.io/api/v3/pet/{pet_id}');
      expect(getPet?.definition.auth).toEqual({
        type: 'api_key',
        in: 'header',
        name: 'api_key',
        value: { set: true },
      });

      await created.getByRole('link', { name: 'get_pet_by_id' }).click();
      await page.waitForURL(`**/actions/${getPet?.id}`);
      await page.getByRole('region', { name: 'Basics' }).waitFor();

      // A re-import of a changed document: what differs, what is the same, each linked.
      const changed = (await readFile(fixture('petstore-openapi-3.0.yaml'), 'utf8')).replace(
        'summary: Find pet by ID.',
        'summary: Find one pet of the store by its numeric ID.',
      );
      expect(changed).toContain('Find one pet of the store');
      await openWizard(page);
      await page.getByLabel('Paste the document').check();
      await page.getByLabel('Document (JSON or YAML)').fill(changed);
      await page.getByRole('button', { name: 'Read the document' }).click();
      await page
        .getByText(/19 operations \(openapi-3\.0\): 9 new, 1 changed, 1 unchanged, 8 cannot/)
        .waitFor();
      const changedRow = operation(page, 'get_pet_by_id');
      await changedRow.getByText('Changed', { exact: true }).waitFor();
      await changedRow
        .getByRole('row', { name: /\/displayName Find pet by ID\. Find one pet of the store/ })
        .waitFor();
      await changedRow.getByRole('link', { name: 'get_pet_by_id' }).waitFor();
      await operation(page, 'place_order').getByText('Unchanged', { exact: true }).waitFor();
      expect(await page.locator('#import-op-place_order').isDisabled()).toBe(true);
      await shoot(page, 'openapi-import-reimport');
      await page.close();
    },
    E2E_TEST_MS,
  );

  it(
    'builds the actions of an http-only document on a typed https base URL',
    async () => {
      const page = await app.browser.context.newPage();
      page.setDefaultTimeout(E2E_STEP_MS);
      await signIn(page, app.server.url, app.operator);
      await openWizard(page);
      await page.getByLabel('Document file').setInputFiles(fixture('xkcd-swagger-2.0.yaml'));
      await page.getByRole('button', { name: 'Read the document' }).click();
      await page.getByText(/2 operations \(swagger-2\.0\): 0 new, .* 2 cannot/).waitFor();
      await page.getByText(/No operation can be created as the document stands/).waitFor();
      await page.getByRole('button', { name: 'Next: base URL and credentials' }).click();
      await page
        .getByText(/http:\/\/xkcd\.com\/.*is not https/)
        .first()
        .waitFor();

      await page.getByLabel('Another base URL').check();
      await page.getByLabel('Base URL (https)').fill('https://xkcd.com');
      await page.getByRole('button', { name: 'Use this base URL' }).click();
      await page.getByText('The list uses https://xkcd.com: 2 of 2 operations can become actions.').waitFor();
      await page.getByRole('button', { name: /2\. Operations/ }).click();
      await page.getByRole('button', { name: 'Choose every new operation (2)' }).click();
      await page.getByRole('button', { name: 'Next: base URL and credentials' }).click();
      await page.getByText('The chosen operations need no credentials.').waitFor();
      await page.getByRole('button', { name: 'Create 2 actions' }).click();
      await page.getByRole('heading', { name: 'Created 2 actions' }).waitFor();
      const urls = (await storedActions())
        .filter((action) => String(action.definition.url).startsWith('https://xkcd.com'))
        .map((action) => action.definition.url)
        .sort();
      expect(urls).toEqual(['https://xkcd.com/info.0.json', 'https://xkcd.com/{comic_id}/info.0.json']);
      await page.close();
    },
    E2E_TEST_MS,
  );
});
