import { test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { randomInt } from 'node:crypto';
import { noteHydrationIn } from './hydration';

export { expect } from '@playwright/test';

/**
 * A client address of our own for each browser context. The server reads it from x-forwarded-for
 * (ADDRESS_HEADER, see support/server.ts) and counts sign-in failures per address, so the rate-limit journey
 * cannot lock out any other test. Random rather than counted: a worker restarted after a failure starts counting
 * afresh, while the server still remembers the addresses it has seen.
 */
export function newAddress(): string {
	return `10.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

export interface VisitorOptions {
	/** Defaults to the test's baseURL. */
	baseURL?: string;
	/** Defaults to a new address (newAddress()). */
	address?: string;
}

export interface Fixtures {
	/** The x-forwarded-for address of the test's own `page`. */
	address: string;
	/**
	 * Another person on another phone: a page in a fresh browser context (no cookies) with its own client address.
	 * Closed after the test.
	 */
	newVisitor: (options?: VisitorOptions) => Promise<Page>;
}

async function openVisitor(browser: Browser, options: Required<VisitorOptions>, opened: BrowserContext[]): Promise<Page> {
	const context = await browser.newContext({
		baseURL: options.baseURL,
		extraHTTPHeaders: { 'x-forwarded-for': options.address }
	});
	opened.push(context);
	await noteHydrationIn(context);
	return context.newPage();
}

export const test = base.extend<Fixtures>({
	address: async ({}, use) => {
		await use(newAddress());
	},
	extraHTTPHeaders: async ({ address }, use) => {
		await use({ 'x-forwarded-for': address });
	},
	context: async ({ context }, use) => {
		await noteHydrationIn(context);
		await use(context);
	},
	newVisitor: async ({ browser, baseURL }, use) => {
		const opened: BrowserContext[] = [];
		await use((options = {}) =>
			openVisitor(browser, { baseURL: options.baseURL ?? baseURL ?? '', address: options.address ?? newAddress() }, opened)
		);
		for (const context of opened) await context.close();
	}
});
