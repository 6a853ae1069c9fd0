import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { DEMO, failedSignIn, newName, newPhone, openSignIn, openSignUp, signIn, submitSignUp, UI } from './support/app';
import { expect, test } from './support/fixtures';
import { hydrated } from './support/hydration';

async function gradeCards(page: Page, count: number): Promise<void> {
	for (let i = 0; i < count; i++) {
		await page.getByRole('button', { name: 'Lihat jawaban' }).click();
		await page.getByRole('button', { name: /Bisa$/ }).click();
	}
}

test('a trainee agrees to the notice, studies, downloads their data, asks for deletion; the admin confirms and the account is gone', async ({ page, newVisitor }) => {
	test.setTimeout(120_000);
	const name = newName('Wulan');
	const phone = newPhone();
	await openSignUp(page);
	await expect(page.getByRole('heading', { name: 'Pemberitahuan privasi' })).toBeVisible();
	await submitSignUp(page, { inviteCode: DEMO.kagawa.inviteCode, name, phone, password: 'data-saya-sendiri' });
	await expect(page).toHaveURL(/\/today$/);

	// Ten reviews, which go to the server (every tenth is sent).
	await page.goto('/learn/caregiving');
	await page.locator('.lessons a').first().click();
	await page.getByRole('button', { name: 'Selesai — tambahkan kata ke latihan saya' }).click();
	await page.goto('/today');
	await page.getByRole('link', { name: 'Mulai latihan' }).click();
	await gradeCards(page, 10);
	await expect(page.getByTestId('sync-pending')).toHaveText('Semua jawaban sudah terkirim');

	// The archive holds the agreement and every review.
	await page.goto('/account');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh data saya' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^hashi-data-\d{4}-\d{2}-\d{2}\.zip$/);
	const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
	expect(Object.keys(files)).toEqual(expect.arrayContaining(['README.txt', 'profile.json', 'reviews.csv', 'lessons.csv', 'mock-tests.json', 'submissions.json']));
	const reviews = strFromU8(files['reviews.csv']!).trim().split('\r\n');
	expect(reviews).toHaveLength(11);
	expect(reviews[0]!.replace(/^\uFEFF/, '')).toBe('id,card_id,rating,reviewed_at,duration_ms,mode,overridden,received_at');
	const profile = JSON.parse(strFromU8(files['profile.json']!)) as { profile: { display_name: string }; privacyAgreements: { notice_version: string }[] };
	expect(profile.profile.display_name).toBe(name);
	expect(profile.privacyAgreements.map((a) => a.notice_version)).toEqual(['2026-11-24']);

	// Asking for deletion needs the box ticked.
	await hydrated(page);
	await page.getByRole('button', { name: 'Minta penghapusan data' }).click();
	await expect(page.getByRole('alert')).toHaveText('Centang kotak bahwa Anda mengerti, lalu kirim lagi.');
	await page.getByLabel('Saya mengerti bahwa akun dan data saya akan dihapus dan tidak bisa dikembalikan.').check();
	await page.getByRole('button', { name: 'Minta penghapusan data' }).click();
	await expect(page.getByRole('status')).toContainText('Permintaan penghapusan dikirim pada');

	// What the ministry sees before the deletion (every table, as its CSV files give it).
	const ministry = await newVisitor();
	await signIn(ministry, DEMO.ministry, DEMO.password);
	const tables = ['totals', 'province', 'center', 'sector', 'destination', 'departure', 'trends', 'tests'];
	// (Readiness is left out: a periodic job reassesses it as the calendar moves.)
	const ministryFigures = () =>
		Promise.all(
			tables.map(async (t) => {
				const response = await ministry.request.get(`/ministry/export/${t}`);
				expect(response.status(), t).toBe(200);
				return response.text();
			})
		);
	const published = await ministryFigures();

	// The center admin confirms, after a second look.
	const admin = await newVisitor();
	await signIn(admin, DEMO.admin, DEMO.password);
	await admin.goto('/instructor/center');
	await admin.getByRole('link', { name: 'Privasi dan penghapusan data' }).click();
	const row = admin.getByRole('row').filter({ hasText: name });
	await row.getByRole('button', { name: 'Hapus data…' }).click();
	await expect(row.getByRole('alert')).toContainText(`Hapus akun dan semua data pribadi ${name} sekarang?`);
	await row.getByRole('button', { name: 'Ya, hapus permanen' }).click();
	await expect(admin.getByRole('status')).toContainText('Data dihapus');
	await expect(admin.getByRole('row').filter({ hasText: name })).toHaveCount(0);

	// The ministry's figures are what they were: only anonymous counts remain of Wulan.
	expect(await ministryFigures()).toEqual(published);

	// The trail names who did it; the deleted person is no longer named.
	await admin.goto('/instructor/center/audit');
	await expect(admin.locator('tr[data-action="deleted"]').first()).toContainText('(data sudah dihapus)');
	await expect(admin.getByText(name)).toHaveCount(0);

	// Wulan's account is gone: her session ends and her password opens nothing.
	await page.goto('/today');
	await expect(page).toHaveURL(/\/signin/);
	await openSignIn(page);
	await failedSignIn(page, phone, 'data-saya-sendiri');
	await expect(page.getByRole('alert')).toHaveText(UI.id.wrongCredentials);
});
