import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const locales = ['id', 'en', 'ja'] as const;
const messages = Object.fromEntries(
	locales.map((locale) => [locale, JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>])
);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
	it('every locale has every key, none empty, with the same placeholders', () => {
		const keys = Object.keys(messages.id!).filter((k) => k !== '$schema');
		for (const locale of locales) {
			expect(Object.keys(messages[locale]!).filter((k) => k !== '$schema').sort(), locale).toEqual([...keys].sort());
			for (const key of keys) {
				expect(messages[locale]![key]!.trim(), `${locale}.${key}`).not.toBe('');
				expect(placeholders(messages[locale]![key]!), `${locale}.${key}`).toEqual(placeholders(messages.id![key]!));
			}
		}
	});
});

function svelteFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) return name === 'paraglide' ? [] : svelteFiles(full);
		return name.endsWith('.svelte') ? [full] : [];
	});
}

/** Text a person would read that does not come from a message: letters outside {…}, or in labelling attributes. */
function hardCodedText(source: string): string[] {
	let markup = source
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/<style[\s\S]*?<\/style>/g, '')
		.replace(/<!--[\s\S]*?-->/g, '');
	const found: string[] = [];
	for (const match of markup.matchAll(/\b(aria-label|title|alt|placeholder)="([^"{]*[A-Za-z\u3040-\u30ff\u4e00-\u9fff][^"{]*)"/g)) {
		found.push(`${match[1]}="${match[2]}"`);
	}
	let previous = '';
	while (previous !== markup) {
		previous = markup;
		markup = markup.replace(/\{[^{}]*\}/g, ' ');
	}
	markup = markup.replace(/<[^>]*>/g, ' ');
	for (const match of markup.matchAll(/[A-Za-z]{2,}|[\u3040-\u30ff\u4e00-\u9fff]+/g)) {
		if (match[0] !== '橋') found.push(match[0]); // the logo character stands for the name in every language
	}
	return found;
}

describe('UI strings', () => {
	it.each(svelteFiles('src'))('%s has no hard-coded text', (file) => {
		expect(hardCodedText(readFileSync(file, 'utf8'))).toEqual([]);
	});
});
