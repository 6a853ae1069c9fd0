/** A same-site path to return to after sign-in; anything else (another host, '//evil') is ignored. */
export function safeNext(next: string | null | undefined): string | null {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
	return next;
}
