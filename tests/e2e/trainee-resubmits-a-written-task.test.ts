import { DEMO, newName, newPhone, openSignUp, signIn, submitSignUp } from './support/app';
import { expect, test } from './support/fixtures';
import { hydrated } from './support/hydration';

test('a trainee hands in a written 申し送り, gets feedback, and hands in a better version; both stay', async ({ page, newVisitor }) => {
	const title = `申し送り ${Date.now().toString(36)}`;
	const instructor = await newVisitor();
	await signIn(instructor, DEMO.instructor, DEMO.password);
	await instructor.getByRole('link', { name: `Buka angkatan ${DEMO.kagawa.name}` }).click();
	await hydrated(instructor);
	const section = instructor.locator('section', { has: instructor.getByRole('heading', { name: 'Tugas menulis dan berbicara' }) });
	await section.getByLabel('Tulisan dalam bahasa Jepang').check();
	await section.getByLabel('Judul', { exact: true }).fill(title);
	await section.getByLabel('Petunjuk', { exact: true }).fill('夜勤から日勤へ、利用者さんの様子を申し送ってください。');
	await section.getByLabel('Tenggat (akhir hari)').fill('2099-12-31');
	await section.getByRole('button', { name: 'Tugaskan' }).click();
	const task = section.locator('article', { has: instructor.getByRole('heading', { name: `Tulisan: ${title}` }) });
	await expect(task).toBeVisible();

	const name = newName('Ayu');
	await openSignUp(page);
	await submitSignUp(page, { inviteCode: DEMO.kagawa.inviteCode, name, phone: newPhone(), password: 'kagawa-tulis-1' });
	await page.getByRole('listitem').filter({ hasText: title }).getByRole('link').click();
	await hydrated(page);
	const answer = page.getByRole('textbox', { name: 'Jawaban Anda (bahasa Jepang)' });
	await expect(answer).toHaveAttribute('lang', 'ja');
	await answer.fill('田中さんは夜、二回トイレに行きました。');
	await page.getByRole('button', { name: 'Kirim', exact: true }).click();
	await expect(page.getByText('Terkirim. Instruktur Anda akan memberi nilai dan komentar.')).toBeVisible();
	await expect(answer).toHaveValue('');

	await instructor.reload();
	await task.getByRole('link', { name: `Periksa karya ${name}` }).click();
	await expect(instructor.getByText('田中さんは夜、二回トイレに行きました。')).toBeVisible();
	await hydrated(instructor);
	await instructor.getByLabel('Isi (0–4)').fill('2');
	await instructor.getByLabel('Ketepatan bahasa Jepang (0–4)').fill('3');
	await instructor.getByLabel('Kesopanan (敬語) (0–4)').fill('3');
	await instructor.getByLabel('Komentar untuk peserta').fill('時間も書きましょう。');
	await instructor.getByRole('button', { name: 'Simpan nilai' }).click();
	await expect(instructor.getByText('Nilai tersimpan. Peserta sudah bisa melihatnya.')).toBeVisible();

	await page.reload();
	await hydrated(page);
	await expect(page.locator('article[data-version="1"]')).toContainText('Total 8 dari 12');
	await answer.fill('田中さんは2時と4時にトイレに行きました。');
	await page.getByRole('button', { name: 'Kirim versi baru' }).click();
	await expect(page.locator('article[data-version="2"]')).toContainText('Menunggu penilaian');
	await expect(page.locator('article[data-version="2"]')).toContainText('田中さんは2時と4時にトイレに行きました。');
	await expect(page.locator('article[data-version="1"]')).toContainText('時間も書きましょう。');
	await expect(page.locator('strong.status-in_progress')).toHaveText('Sedang dikerjakan');

	// The instructor's row follows the newest version: waiting for a score again.
	await instructor.goto(instructor.url().replace(/\/work\/.*$/, ''));
	await expect(task.locator('tr[data-status="in_progress"]')).toContainText(name);
});
