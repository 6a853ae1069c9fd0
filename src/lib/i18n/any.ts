import { m } from '$lib/paraglide/messages.js';

/**
 * Any message without parameters, chosen at run time. Reaching every message means shipping them all, so this
 * lives in its own module, imported by staff pages only; trainee pages use commonMessage (./common).
 */
export function message(key: string): string {
	const fn = (m as unknown as Record<string, (() => string) | undefined>)[key];
	return fn ? fn() : key;
}
