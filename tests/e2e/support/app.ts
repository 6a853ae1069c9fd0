import { expect, type Locator, type Page } from '@playwright/test';
import { randomInt } from 'node:crypto';
import { hydrated } from './hydration';

/** The demo center seeded on first start (src/lib/server/demo/data.ts). */
export const DEMO = {
	password: 'hashi-demo-2026',
	instructor: 'instruktur@demo.hashi.id',
	admin: 'admin@demo.hashi.id',
	ministry: 'kementerian@demo.hashi.id',
	kagawa: { name: 'Kaigo Kagawa 2027', inviteCode: 'KAGAWA27' },
	kumamoto: { name: 'Seizou Kumamoto 2027', inviteCode: 'KUMAMOTO27' },
	mie: { name: 'Hoteru Mie 2027', inviteCode: 'MIE2027' }
} as const;

export type Lang = 'id' | 'en';

/** What people read on the forms the journeys use, in Bahasa Indonesia (the default) and English. */
export const UI = {
	id: {
		identifier: 'Nomor HP atau e-mail',
		password: 'Kata sandi',
		signIn: 'Masuk',
		signInHeading: 'Masuk ke Hashi',
		signOut: 'Keluar',
		language: 'Bahasa',
		changeLanguage: 'Ganti bahasa',
		inviteCode: 'Kode undangan',
		fullName: 'Nama lengkap',
		createAccount: 'Buat akun',
		agree: 'Saya sudah membaca pemberitahuan privasi ini dan setuju.',
		wrongCredentials: 'Nomor HP/e-mail atau kata sandi salah. Periksa lalu coba lagi.'
	},
	en: {
		identifier: 'Phone number or e-mail',
		password: 'Password',
		signIn: 'Sign in',
		signInHeading: 'Sign in to Hashi',
		signOut: 'Sign out',
		language: 'Language',
		changeLanguage: 'Change language',
		inviteCode: 'Invite code',
		fullName: 'Full name',
		createAccount: 'Create account',
		agree: 'I have read this privacy notice and agree.',
		wrongCredentials: 'Wrong phone/e-mail or password. Check them and try again.'
	}
} as const;

function suffix(): string {
	return String(randomInt(0, 100_000_000)).padStart(8, '0');
}

/** A phone number in the 0812 block that no demo account uses, written as people type it. */
export function newPhone(): string {
	const digits = suffix();
	return `0812-${digits.slice(0, 4)}-${digits.slice(4)}`;
}

/** A person's name no other test uses. */
export function newName(given: string): string {
	return `${given} Uji ${suffix().slice(0, 5)}`;
}

/**
 * Clicks a form's submit button and waits for the server's answer to the POST. The forms post with fetch
 * (SvelteKit's enhance): a success then loads the next page, a failure leaves the form with its messages.
 */
async function submit(page: Page, button: Locator, path: string): Promise<void> {
	const answered = page.waitForResponse(
		(response) => response.request().method() === 'POST' && new URL(response.url()).pathname === path
	);
	await button.click();
	await answered;
}

export async function openSignIn(page: Page, lang: Lang = 'id'): Promise<void> {
	await page.goto('/signin');
	await expect(page.getByRole('heading', { level: 1, name: UI[lang].signInHeading })).toBeVisible();
}

export function signInButton(page: Page, lang: Lang = 'id'): Locator {
	return page.getByRole('button', { name: UI[lang].signIn, exact: true });
}

/** Fills and sends the sign-in form on the current page. */
export async function submitSignIn(page: Page, identifier: string, password: string, lang: Lang = 'id'): Promise<void> {
	const ui = UI[lang];
	await hydrated(page);
	await page.getByLabel(ui.identifier, { exact: true }).fill(identifier);
	await page.getByLabel(ui.password, { exact: true }).fill(password);
	await submit(page, signInButton(page, lang), '/signin');
}

/**
 * A sign-in meant to fail: returns once the page has shown the answer. (The button reads "Sedang masuk…" and is
 * disabled until then; waiting on it matters when the same message comes back twice in a row.)
 */
export async function failedSignIn(page: Page, identifier: string, password: string, lang: Lang = 'id'): Promise<void> {
	await submitSignIn(page, identifier, password, lang);
	await expect(signInButton(page, lang)).toBeEnabled();
}

/** Signs in from the sign-in page and waits to be taken away from it. */
export async function signIn(page: Page, identifier: string, password: string, lang: Lang = 'id'): Promise<void> {
	await openSignIn(page, lang);
	await submitSignIn(page, identifier, password, lang);
	await expect(page).not.toHaveURL(/\/signin/);
}

export interface SignUp {
	inviteCode: string;
	name: string;
	phone: string;
	password: string;
	/** Leave the privacy notice unagreed (the default agrees, as everyone signing up must). */
	disagree?: boolean;
}

/** Fills the sign-up form (opened at /signup) and sends it. */
export async function submitSignUp(page: Page, form: SignUp, lang: Lang = 'id'): Promise<void> {
	const ui = UI[lang];
	await hydrated(page);
	await page.getByLabel(ui.inviteCode, { exact: true }).fill(form.inviteCode);
	await page.getByLabel(ui.fullName, { exact: true }).fill(form.name);
	await page.getByLabel(ui.identifier, { exact: true }).fill(form.phone);
	await page.getByLabel(ui.password, { exact: true }).fill(form.password);
	if (!form.disagree) await page.getByLabel(ui.agree, { exact: true }).check();
	await submit(page, page.getByRole('button', { name: ui.createAccount, exact: true }), '/signup');
}

export async function openSignUp(page: Page): Promise<void> {
	await page.goto('/signup');
	await expect(page.getByRole('heading', { level: 1, name: 'Daftar sebagai peserta' })).toBeVisible();
}

/** Signs out with the button in the main menu; the app shows the sign-in page. */
export async function signOut(page: Page, lang: Lang = 'id'): Promise<void> {
	await page.getByRole('navigation').getByRole('button', { name: UI[lang].signOut, exact: true }).click();
	await expect(page).toHaveURL(/\/signin$/);
}

/** Picks a language in the footer form and sends it (a full page load). */
export async function switchLanguage(page: Page, language: 'English' | 'Bahasa Indonesia', from: Lang = 'id'): Promise<void> {
	await hydrated(page);
	await page.getByLabel(UI[from].language, { exact: true }).selectOption({ label: language });
	await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: UI[from].changeLanguage, exact: true }).click()]);
}
