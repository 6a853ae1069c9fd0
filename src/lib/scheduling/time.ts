export const DAY_MS = 86_400_000;

// Without a zone, `new Date('2026-05-01T08:00')` means local time, which differs between phone and server.
const ENDS_WITH_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** A Date for an instant; strings must carry a zone. Throws on anything else rather than guess. */
export function toInstant(value: Date | string): Date {
	const date =
		typeof value === 'string'
			? new Date(ENDS_WITH_ZONE.test(value) ? value : Number.NaN)
			: new Date(value.getTime());
	if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant with a time zone: ${String(value)}`);
	return date;
}
