import { DEMO, newName, newPhone, openSignUp, submitSignUp } from './support/app';
import { expect, test } from './support/fixtures';

test('a trainee opens a caregiving lesson, toggles furigana, reveals a word, completes it and sees the track move', async ({ page }) => {
	await openSignUp(page);
	await submitSignUp(page, { inviteCode: DEMO.kagawa.inviteCode, name: newName('Wulan'), phone: newPhone(), password: 'kagawa-belajar-1' });
	await expect(page).toHaveURL(/\/today$/);

	await page.getByRole('navigation').getByRole('link', { name: 'Belajar' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Materi belajar' })).toBeVisible();
	// The trainee's own sector comes first.
	await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('Perawatan lansia');
	await page.getByRole('link', { name: 'Perawatan lansia (kaigo)' }).click();

	const progress = page.getByTestId('track-progress');
	await expect(progress).toHaveText(/^0 dari (\d+) pelajaran selesai$/);
	const total = Number((await progress.textContent())!.match(/dari (\d+)/)![1]);
	expect(total).toBeGreaterThan(10);

	await page.locator('.lessons a').first().click();
	await expect(page).toHaveURL(/\/learn\/lesson\//);
	await expect(page.getByRole('heading', { level: 2, name: 'Target' })).toBeVisible();

	// A word written in kanji: its reading shows while furigana are on, hides when they are turned off…
	const word = page.getByTitle(/^Cara baca /).first();
	const reading = word.locator('rt');
	await expect(reading).toBeVisible();
	const firstExample = page.locator('.examples').first().locator('rt').first();
	await expect(firstExample).toBeVisible();
	await page.getByLabel('Tampilkan furigana (cara baca)').uncheck();
	await expect(reading).toBeHidden();
	await expect(firstExample).toBeHidden();

	// …and a tap on that one word shows its reading again, and only its reading.
	await word.click();
	await expect(word).toHaveAttribute('aria-pressed', 'true');
	await expect(reading).toBeVisible();
	await expect(page.getByTitle(/^Cara baca /).nth(1).locator('rt')).toBeHidden();

	await page.getByRole('button', { name: 'Selesai — tambahkan kata ke latihan saya' }).click();
	await expect(page).toHaveURL(/\/learn\/caregiving\?added=\d+$/);
	await expect(page.getByRole('status')).toContainText(/Pelajaran selesai\. \d+ kata baru masuk ke latihan Anda\./);
	await expect(progress).toHaveText(`1 dari ${total} pelajaran selesai`);
	await expect(page.locator('.lessons li.done')).toHaveCount(1);
});
