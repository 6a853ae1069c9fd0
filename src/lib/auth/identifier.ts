/** How a person signs in: an e-mail address or an Indonesian or international phone number. */
export type Identifier = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

// No control characters: they are never part of an address, and PostgreSQL cannot store U+0000.
const EMAIL = /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]{2,}$/u;

/**
 * Reads what a person typed as "phone or e-mail". Phones become digits with the country code first, as
 * GoTrue stores them: 0812-3456-7890 and +62 812 3456 7890 both give 6281234567890.
 */
export function parseIdentifier(input: string): Identifier | null {
	const text = input.trim();
	if (text.includes('@')) {
		const email = text.toLowerCase();
		return EMAIL.test(email) && email.length <= 254 ? { kind: 'email', value: email } : null;
	}
	const compact = text.replace(/[\s\-().]/g, '');
	if (!/^\+?\d+$/.test(compact)) return null;
	let digits = compact.replace(/^\+/, '');
	if (compact.startsWith('0')) digits = '62' + digits.slice(1);
	else if (!compact.startsWith('+') && digits.startsWith('8')) digits = '62' + digits;
	return digits.length >= 10 && digits.length <= 15 ? { kind: 'phone', value: digits } : null;
}

/** A stored phone as people write it internationally: +6281234567890. */
export function formatPhone(digits: string): string {
	return `+${digits}`;
}
