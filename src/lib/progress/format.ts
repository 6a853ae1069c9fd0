// Figures the way the reader's language writes them; the locale is passed in (paraglide's getLocale()).

// British English, as $lib/i18n formats dates ("24 November", not "November 24").
const intl = (locale: string) => (locale === 'en' ? 'en-GB' : locale);

/** 0.873 → "87%" (id, en, ja all write it so, but Intl knows the exceptions). */
export function formatPercent(share: number, locale: string): string {
	return new Intl.NumberFormat(intl(locale), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** '2026-11-24' → "24 Nov" / "11月24日", for chart axes. */
export function formatShortDay(day: string, locale: string): string {
	return new Intl.DateTimeFormat(intl(locale), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** '2026-11-24' → "Selasa, 24 November" / "Tuesday 24 November", for tables and summaries. */
export function formatLongDay(day: string, locale: string): string {
	return new Intl.DateTimeFormat(intl(locale), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
		new Date(`${day}T00:00:00Z`)
	);
}

const INDONESIAN_ZONES: Record<number, string> = { 420: 'WIB', 480: 'WITA', 540: 'WIT' };

/** 420 → "WIB (UTC+7)", 330 → "UTC+5:30": the zone the days are counted in. */
export function zoneLabel(tzOffsetMinutes: number): string {
	const sign = tzOffsetMinutes < 0 ? '−' : '+';
	const hours = Math.floor(Math.abs(tzOffsetMinutes) / 60);
	const minutes = Math.abs(tzOffsetMinutes) % 60;
	const utc = `UTC${sign}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
	const name = INDONESIAN_ZONES[tzOffsetMinutes];
	return name ? `${name} (${utc})` : utc;
}
