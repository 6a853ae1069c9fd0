/** Whole days from today to the departure date ('YYYY-MM-DD'), counted in calendar days (UTC). */
export function daysUntil(departureDate: string, today: Date): number {
	const departure = Date.UTC(
		Number(departureDate.slice(0, 4)),
		Number(departureDate.slice(5, 7)) - 1,
		Number(departureDate.slice(8, 10))
	);
	const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
	return Math.round((departure - start) / 86_400_000);
}
