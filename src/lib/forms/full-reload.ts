import type { SubmitFunction } from '@sveltejs/kit';

/**
 * use:enhance for sign-in and sign-up: after a redirect, a full page load, so the next page comes in the
 * person's own language and with their session; other answers update the form in place.
 */
export function fullReloadOnRedirect(pending: (busy: boolean) => void): SubmitFunction {
	return () => {
		pending(true);
		return async ({ result, update }) => {
			if (result.type === 'redirect') window.location.href = result.location;
			else await update({ reset: false });
			pending(false);
		};
	};
}
