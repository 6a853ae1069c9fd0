import type { Page, Request } from '@playwright/test';
import { DEMO, newName, newPhone, openSignUp, submitSignUp } from './support/app';
import { expect, test } from './support/fixtures';

/** Grades the shown cards in the recognition drill: reveal, then "Bisa" (Good). */
async function gradeCards(page: Page, count: number): Promise<void> {
	for (let i = 0; i < count; i++) {
		await page.getByRole('button', { name: 'Lihat jawaban' }).click();
		await page.getByRole('button', { name: /Bisa$/ }).click();
	}
}

/** Reviews the server holds for this trainee, summed from the deck endpoint's activity. */
async function reviewsOnServer(page: Page): Promise<number> {
	const response = await page.request.get('/api/study/deck?tz=0');
	expect(response.ok()).toBe(true);
	const deck = (await response.json()) as { activity: { reviews: number }[] };
	return deck.activity.reduce((sum, day) => sum + day.reviews, 0);
}

test('a trainee studies online, then offline after a reload, and the server ends with every review once', async ({ page, context }) => {
	test.setTimeout(120_000);
	await openSignUp(page);
	await submitSignUp(page, { inviteCode: DEMO.kagawa.inviteCode, name: newName('Sari'), phone: newPhone(), password: 'belajar-tanpa-sinyal' });
	await expect(page).toHaveURL(/\/today$/);

	// A finished lesson puts its words in the deck.
	await page.goto('/learn/caregiving');
	await page.locator('.lessons a').first().click();
	await page.getByRole('button', { name: 'Selesai — tambahkan kata ke latihan saya' }).click();
	await expect(page).toHaveURL(/\/learn\/caregiving\?added=\d+$/);

	await page.goto('/today');
	await expect(page.getByTestId('new-count')).toHaveText('10');
	const batches: string[] = [];
	page.on('request', (request: Request) => {
		if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/study/sync') batches.push(request.postData() ?? '');
	});
	await page.getByRole('link', { name: 'Mulai latihan' }).click();
	await expect(page).toHaveURL(/\/study\?mode=recognition$/);
	await gradeCards(page, 10);
	await expect(page.getByTestId('sync-pending')).toHaveText('Semua jawaban sudah terkirim');
	expect(await reviewsOnServer(page)).toBe(10);

	// No signal: the page comes back from the service worker and the phone's own store.
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Latihan' })).toBeVisible();
	await gradeCards(page, 10);
	await expect(page.getByTestId('sync-pending')).toHaveText('10 jawaban menunggu dikirim');

	// Signal again: the queue goes up by itself.
	await context.setOffline(false);
	await expect(page.getByTestId('sync-pending')).toHaveText('Semua jawaban sudah terkirim', { timeout: 20_000 });
	expect(await reviewsOnServer(page)).toBe(20);

	// The same batches sent again add nothing.
	expect(batches.length).toBeGreaterThanOrEqual(2);
	for (const body of batches) {
		const again = await page.request.post('/api/study/sync', { data: JSON.parse(body) as unknown });
		expect(again.status()).toBe(200);
		expect(((await again.json()) as { accepted: string[] }).accepted).toEqual([]);
	}
	expect(await reviewsOnServer(page)).toBe(20);
});
