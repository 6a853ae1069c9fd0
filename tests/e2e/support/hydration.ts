import type { BrowserContext, Page } from '@playwright/test';

/**
 * Typing into a server-rendered form before Svelte has hydrated the page is lost: hydration sets each field back
 * to its rendered value (see the report on FormField.svelte). A person on a slow phone can hit that; a test must
 * not, or it fails at random. So each page notes when it is hydrated, seen as SvelteKit's `use:enhance` attaching
 * its submit handler to a form (actions run once the whole page has been hydrated), and the helpers wait for that
 * before they type.
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
		return original.call(this, type, listener, options);
	};
}

export async function noteHydrationIn(context: BrowserContext): Promise<void> {
	await context.addInitScript(noteHydration);
}

/** Waits until the page is hydrated: its enhanced forms (sign-in, sign-up, sign-out) are live. */
export async function hydrated(page: Page): Promise<void> {
	await page.waitForFunction(() => (window as unknown as { __e2eHydrated?: boolean }).__e2eHydrated === true);
}
