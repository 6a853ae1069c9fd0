import { describe, expect, it } from 'vitest';
import { parseIdentifier } from './identifier';

describe('parseIdentifier', () => {
	it.each([
		['0812-3456-7890', '6281234567890'],
		['+62 812 3456 7890', '6281234567890'],
		['812 3456 7890', '6281234567890'],
		['(0811) 555.1234', '628115551234'],
		['+81 90 1234 5678', '819012345678']
	])('reads the phone %s as %s', (typed, digits) => {
		expect(parseIdentifier(typed)).toEqual({ kind: 'phone', value: digits });
	});

	it('lower-cases e-mail addresses', () => {
		expect(parseIdentifier('  Siti.Rahma@Example.ID ')).toEqual({ kind: 'email', value: 'siti.rahma@example.id' });
	});

	it.each(['', 'siti', 'siti@', 'siti@example', '0812', '0812abc4567', '+', '12345678901234567', 'siti\u0000@example.id', 'siti@exa\u0007mple.id'])(
		'refuses %j',
		(typed) => {
			expect(parseIdentifier(typed)).toBeNull();
		}
	);
});
