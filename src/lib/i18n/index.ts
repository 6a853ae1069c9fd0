import { getLocale } from '$lib/paraglide/runtime.js';
import { commonMessage } from './common';

export const sectorLabel = (sector: string) => commonMessage(`sector_${sector}`);
export const examLabel = (exam: string) => commonMessage(`exam_${exam}`);
export const roleLabel = (role: string) => commonMessage(`role_${role}`);

const intlLocale = { id: 'id-ID', en: 'en-GB', ja: 'ja-JP' } as const;
const dateFormats: Partial<Record<keyof typeof intlLocale, Intl.DateTimeFormat>> = {};

/** A date the way the reader's language writes it: 15 Maret 2027, 15 March 2027, 2027年3月15日. */
export function formatDate(value: string | Date): string {
	const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
	const locale = getLocale();
	// Making a formatter costs about a millisecond; a page renders several dates, the server many pages.
	const format = (dateFormats[locale] ??= new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'UTC' }));
	return format.format(date);
}

/** Curriculum text in the reader's language: Indonesian, English, or the Japanese original where there is one. */
export function localized(text: { id: string; en: string; ja?: string }): string {
	const locale = getLocale();
	if (locale === 'ja') return text.ja ?? text.en;
	return locale === 'en' ? text.en : text.id;
}

export const registerLabel = (register: string) => commonMessage(`register_${register.replace('-', '_')}`);

/** A translation of a Japanese sentence: Indonesian, or English for English and Japanese readers. */
export const translation = (text: { id: string; en: string }) => localized({ id: text.id, en: text.en });
