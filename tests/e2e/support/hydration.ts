import type { BrowserContext, Page } from '@playwright/test';

/**
 * Clicks before hydration go to the browser's own form handling, not `use:enhance`, so a test that types and
 * submits at once would take a different path at random. Each page notes when it is hydrated, seen as SvelteKit's
 * `use:enhance` attaching its submit handler to a form, and the helpers wait for that before they act.
 */
function noteHydration(): void {
	const original = HTMLFormElement.prototype.addEventListener;
	HTMLFormElement.prototype.addEventListener = function (
		this: HTMLFormElement,
		type: string,
		listener: EventListenerOrEventListenerObject | null,
		options?: boolean | AddEventListenerOptions
	) {
		if (type === 'submit') (window as unknown as { __e2eHydrated?: boolean }).__e2eHydrated = true;
		return original.call(this, type, listener as EventListenerOrEventListenerObject, options);
	};
}

export async function noteHydrationIn(context: BrowserContext): Promise<void> {
	await context.addInitScript(noteHydration);
}

/** Waits until the page is hydrated: its enhanced forms (sign-in, sign-up, sign-out) are live. */
export async function hydrated(page: Page): Promise<void> {
	await page.waitForFunction(() => (window as unknown as { __e2eHydrated?: boolean }).__e2eHydrated === true);
}
