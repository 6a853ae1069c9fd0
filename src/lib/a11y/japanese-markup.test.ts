import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function svelteFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) return name === 'paraglide' ? [] : svelteFiles(full);
		return name.endsWith('.svelte') ? [full] : [];
	});
}

/**
 * Text that may hold Japanese inside another language: lesson content in the reader's language (it quotes
 * お体, 敬語, です/ます), labels built from instructors' titles, their instructions and comments. Printed bare, as
 * `{localized(x)}`, its Japanese would be read with the page's Indonesian voice; it goes through <JaText>, which
 * marks each Japanese run lang="ja". Attributes, <title> and <option> cannot hold markup and are left out (an
 * <option> takes lang={langOf(...)} instead). The e2e accessibility walk checks the rendered pages as well.
 */
const MIXED = /(?<![=\w])\{(?:(?:localized|translation|registerLabel|assignmentLabel)\(|(?:task\.instructions|feedback\.comment|submission\.title)\})/;

function bareMixedText(source: string): string[] {
	const markup = source
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/<style[\s\S]*?<\/style>/g, '')
		.replace(/<!--[\s\S]*?-->/g, '');
	return markup
		.split('\n')
		.filter((line) => !/<title>|<option\b/.test(line))
		.filter((line) => MIXED.test(line))
		.map((line) => line.trim());
}

describe('Japanese inside other text', () => {
	it('the check finds bare mixed text and passes text that goes through JaText', () => {
		expect(bareMixedText('<p>{localized(card.note)}</p>')).toHaveLength(1);
		expect(bareMixedText('<p class="instructions">{task.instructions}</p>')).toHaveLength(1);
		expect(bareMixedText('<p><JaText text={localized(card.note)} /></p>')).toEqual([]);
		expect(bareMixedText('<p class="instructions"><JaText text={task.instructions} /></p>')).toEqual([]);
		expect(bareMixedText('<option lang={langOf(localized(t))}>{localized(t)}</option>')).toEqual([]);
		expect(bareMixedText('<svelte:head><title>{localized(t)} · Hashi</title></svelte:head>')).toEqual([]);
	});

	it('no component prints content that may hold Japanese without marking it', () => {
		const found = svelteFiles('src').flatMap((file) => bareMixedText(readFileSync(file, 'utf8')).map((line) => `${file}: ${line}`));
		expect(found).toEqual([]);
	});
});
