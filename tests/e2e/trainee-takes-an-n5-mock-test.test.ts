import { DEMO, newName, newPhone, openSignUp, submitSignUp } from './support/app';
import { expect, test } from './support/fixtures';

test('a trainee takes an N5 form: answers survive a reload, a section ends when its time runs out, results explain every item', async ({ page }) => {
	test.setTimeout(150_000);
	page.on('dialog', (dialog) => void dialog.accept());
	await openSignUp(page);
	await submitSignUp(page, { inviteCode: DEMO.kumamoto.inviteCode, name: newName('Bayu'), phone: newPhone(), password: 'ujian-n5-latihan' });
	await expect(page).toHaveURL(/\/today$/);

	await page.getByRole('navigation').getByRole('link', { name: 'Tes' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Tes simulasi' })).toBeVisible();
	await page.locator('section', { has: page.getByRole('heading', { name: 'JLPT N5' }) }).getByRole('button', { name: 'Mulai tes' }).click();
	await expect(page).toHaveURL(/\/tests\/[0-9a-f-]{36}$/);
	await expect(page.getByText('Bagian 1 dari 3: 言語知識（文字・語彙）')).toBeVisible();

	// Two answers, each saved as it is given.
	const items = page.locator('.test-item');
	await expect(items).toHaveCount(21);
	await items.nth(0).getByRole('radio').nth(2).check();
	await expect(items.nth(0).getByRole('status')).toHaveText('Jawaban tersimpan');
	await items.nth(3).getByRole('radio').nth(1).check();
	await expect(items.nth(3).getByRole('status')).toHaveText('Jawaban tersimpan');

	await page.reload();
	await expect(items.nth(0).getByRole('radio').nth(2)).toBeChecked();
	await expect(items.nth(3).getByRole('radio').nth(1)).toBeChecked();

	// The 20-minute section (24 s in this test server) runs out and goes in by itself.
	await expect(page.getByRole('status').filter({ hasText: 'Waktu habis. Bagian ini sudah dikirim.' })).toBeVisible({ timeout: 40_000 });
	await expect(page.getByText('Bagian 2 dari 3: 言語知識（文法）・読解')).toBeVisible();

	// A finished section cannot take answers any more.
	const closed = await page.request.post(page.url().replace(/\?.*$/, '').replace('/tests/', '/api/tests/') + '/answers', {
		data: { itemId: 'n5-kanji-yomi-001', section: 0, choice: 1 }
	});
	expect(closed.status()).toBe(409);

	await page.getByRole('button', { name: 'Selesai bagian ini' }).click();
	await expect(page.getByText('Bagian 3 dari 3: 聴解')).toBeVisible();
	await page.getByRole('button', { name: 'Selesai bagian ini' }).click();

	await expect(page).toHaveURL(/\/results$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Hasil: JLPT N5' })).toBeVisible();
	await expect(page.getByTestId('total')).toContainText('(batas lulus 80)');
	await expect(page.getByRole('heading', { name: /言語知識（文字・語彙） — \d+\/21 benar/ })).toBeVisible();
	const reviewed = page.locator('.review-item');
	await expect(reviewed).toHaveCount(21 + 22 + 24);
	await expect(reviewed.first().getByText(/^Jawaban benar: /)).toBeVisible();
	await expect(reviewed.nth(1).getByText('Tidak dijawab')).toBeVisible();
});
