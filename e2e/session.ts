import type { Page } from 'playwright-core';

/** Signs an operator in through the sign-in page (unless already signed in) and waits for the app. */
export async function signIn(
  page: Page,
  baseUrl: string,
  operator: { email: string; password: string },
): Promise<void> {
  await page.goto(baseUrl);
  const actions = page.getByRole('heading', { name: 'Actions', level: 1 });
  const email = page.getByLabel('Email');
  await actions.or(email).first().waitFor();
  // The browser profile may already hold a session: the pages of one test file share it.
  if (await actions.isVisible()) return;
  await email.fill(operator.email);
  await page.getByLabel('Password').fill(operator.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await actions.waitFor();
}

/** The operator sign-in a first start prints once. */
export function printedOperator(printed: string): { email: string; password: string } {
  const match = /Operator sign-in:\s+(\S+) \/ (\S+)/.exec(printed);
  if (!match) throw new Error('the first start printed no operator sign-in');
  return { email: match[1] as string, password: match[2] as string };
}
