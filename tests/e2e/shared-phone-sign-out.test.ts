import type { Page } from '@playwright/test';
import { DEMO, newName, newPhone, openSignUp, signIn, submitSignUp } from './support/app';
import { expect, test } from './support/fixtures';

async function gradeCards(page: Page, count: number): Promise<void> {
	for (let i = 0; i < count; i++) {
		await page.getByRole('button', { name: 'Lihat jawaban' }).click();
		await page.getByRole('button', { name: /Bisa$/ }).click();
	}
}

async function reviewsOnServer(page: Page): Promise<number> {
	const response = await page.request.get('/api/study/deck?tz=0');
	expect(response.ok()).toBe(true);
	const deck = (await response.json()) as { activity: { reviews: number }[] };
	return deck.activity.reduce((sum, day) => sum + day.reviews, 0);
}

const studyDatabases = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('hashi-study-')));
const cachedPages = (page: Page) =>
	page.evaluate(async () => {
		const texts: string[] = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) if (!/\.(js|css|png|svg|webmanifest|json)$/.test(request.url)) texts.push(await (await cache.match(request))!.text());
		}
		return texts.join('\n');
	});

test('on one phone, trainee A signs out (warned while reviews cannot be sent) and trainee B then finds nothing of A', async ({ page, context }) => {
	test.setTimeout(120_000);
	const ani = newName('Ani');
	const aniPhone = newPhone();
	await openSignUp(page);
	await submitSignUp(page, { inviteCode: DEMO.kagawa.inviteCode, name: ani, phone: aniPhone, password: 'hp-bersama-ani-1' });
	await expect(page).toHaveURL(/\/today$/);
	await page.goto('/learn/caregiving');
	await page.locator('.lessons a').first().click();
	await page.getByRole('button', { name: 'Selesai — tambahkan kata ke latihan saya' }).click();
	await expect(page).toHaveURL(/\/learn\/caregiving\?added=\d+$/);
	await page.goto('/today');
	await page.getByRole('link', { name: 'Mulai latihan' }).click();
	// Three reviews (sent every tenth), then two more without signal: five wait on the phone.
	await gradeCards(page, 3);
	await expect(page.getByTestId('sync-pending')).toHaveText('3 jawaban menunggu dikirim');
	expect(await studyDatabases(page)).toHaveLength(1);
	await context.setOffline(true);
	await gradeCards(page, 2);
	await expect(page.getByTestId('sync-pending')).toHaveText('5 jawaban menunggu dikirim');
	let warning = '';
	page.once('dialog', (dialog) => {
		warning = dialog.message();
		void dialog.dismiss();
	});
	await page.getByRole('button', { name: 'Keluar' }).click();
	await expect.poll(() => warning).toContain('5 latihan kartu');
	await expect(page.getByRole('button', { name: 'Keluar' })).toBeVisible();
	expect(await studyDatabases(page)).toHaveLength(1);

	// Signing out without signal, warned and confirmed, would lose them; with signal it sends them first.
	await context.setOffline(false);
	page.once('dialog', (dialog) => void dialog.dismiss());
	await page.getByRole('button', { name: 'Keluar' }).click();
	await expect(page).toHaveURL(/\/signin$/);
	expect(await studyDatabases(page)).toEqual([]);
	expect(await cachedPages(page)).not.toContain(ani);

	// Budi signs up on the same phone: his own Today, and nothing of Ani's anywhere on it.
	const budi = newName('Budi');
	await openSignUp(page);
	await submitSignUp(page, { inviteCode: DEMO.kagawa.inviteCode, name: budi, phone: newPhone(), password: 'hp-bersama-budi-1' });
	await expect(page).toHaveURL(/\/today$/);
	await expect(page.getByText(budi).first()).toBeVisible();
	await expect(page.getByText(ani)).toHaveCount(0);
	expect(await reviewsOnServer(page)).toBe(0);
	expect(await cachedPages(page)).not.toContain(ani);
	expect((await studyDatabases(page)).length).toBeLessThanOrEqual(1);

	// Ani's five reviews all reached the server before her data left the phone.
	await page.getByRole('button', { name: 'Keluar' }).click();
	await expect(page).toHaveURL(/\/signin$/);
	await signIn(page, aniPhone, 'hp-bersama-ani-1');
	expect(await reviewsOnServer(page)).toBe(5);
});
