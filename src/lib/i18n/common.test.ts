import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMON_KEYS, COMMON_PREFIXES, commonMessage } from './common';

const messages = JSON.parse(readFileSync(new URL('../../../messages/id.json', import.meta.url), 'utf8')) as Record<string, string>;

describe('the messages trainee pages look up at run time', () => {
	it('include every parameterless message with one of the common prefixes, so none shows as its raw key', () => {
		const wanted = Object.keys(messages).filter(
			(key) => (COMMON_PREFIXES.some((p) => key.startsWith(p)) || (COMMON_KEYS as readonly string[]).includes(key)) && !messages[key]!.includes('{')
		);
		expect(wanted.length).toBeGreaterThan(40);
		const missing = wanted.filter((key) => commonMessage(key) === key);
		expect(missing, 'regenerate src/lib/i18n/common.ts').toEqual([]);
	});
	it('answers an unknown key with the key itself', () => {
		expect(commonMessage('no_such_message')).toBe('no_such_message');
	});
});
