import { DEMO, newName, newPhone, openSignUp, signIn, submitSignUp } from './support/app';
import { expect, test } from './support/fixtures';
import { hydrated } from './support/hydration';

/** The coming Friday (today if it is Friday) as a date field writes it, in the browser's zone. */
function nextFriday(now = new Date()): string {
	const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + ((5 - now.getDay() + 7) % 7));
	return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

test('an instructor assigns a spoken task; a new trainee records it; the instructor scores it; the trainee sees the feedback', async ({ page, newVisitor }) => {
	const title = `自己紹介 ${Date.now().toString(36)}`;
	const instructor = await newVisitor();
	await signIn(instructor, DEMO.instructor, DEMO.password);
	await instructor.getByRole('link', { name: `Buka angkatan ${DEMO.kagawa.name}` }).click();
	await hydrated(instructor);
	const section = instructor.locator('section', { has: instructor.getByRole('heading', { name: 'Tugas menulis dan berbicara' }) });
	await section.getByLabel('Rekaman suara').check();
	await section.getByLabel('Judul', { exact: true }).fill(title);
	await section.getByLabel('Petunjuk', { exact: true }).fill('施設の面接で、1分ぐらいで自己紹介をしてください。');
	await section.getByLabel('Tenggat (akhir hari)').fill(nextFriday());
	await section.getByRole('button', { name: 'Tugaskan' }).click();
	const task = section.locator('article', { has: instructor.getByRole('heading', { name: `Rekaman: ${title}` }) });
	await expect(task).toBeVisible();

	const name = newName('Dewi');
	await openSignUp(page);
	await submitSignUp(page, { inviteCode: DEMO.kagawa.inviteCode, name, phone: newPhone(), password: 'kagawa-rekam-1' });
	await expect(page).toHaveURL(/\/today$/);
	const item = page.getByRole('listitem').filter({ hasText: title });
	await expect(item).toContainText('Belum mulai');
	await item.getByRole('link', { name: `Rekaman: ${title}` }).click();
	await expect(page).toHaveURL(/\/work\/[0-9a-f-]{36}$/);
	await expect(page.getByText('施設の面接で、1分ぐらいで自己紹介をしてください。')).toBeVisible();
	await hydrated(page);

	// A file that only claims to be a recording is refused, and nothing is handed in.
	await page.getByLabel('Atau pilih file rekaman').setInputFiles({ name: 'catatan.webm', mimeType: 'audio/webm', buffer: Buffer.from('bukan rekaman, hanya teks biasa') });
	await page.getByRole('button', { name: 'Kirim', exact: true }).click();
	await expect(page.getByRole('alert')).toHaveText('File ini bukan rekaman yang bisa diterima. Gunakan WebM, Ogg atau M4A. Tidak ada yang tersimpan.');
	await expect(page.getByRole('heading', { name: 'Yang sudah Anda kirim' })).toHaveCount(0);
	// So is one over 2 MB, before it is even uploaded.
	const big = Buffer.alloc(2 * 1024 * 1024 + 1);
	big.set([0x1a, 0x45, 0xdf, 0xa3]);
	await page.getByLabel('Atau pilih file rekaman').setInputFiles({ name: 'panjang.webm', mimeType: 'audio/webm', buffer: big });
	await page.getByRole('button', { name: 'Kirim', exact: true }).click();
	await expect(page.getByRole('alert')).toHaveText('Rekaman terlalu besar (maks. 2 MB). Rekam lebih singkat, lalu kirim lagi. Tidak ada yang tersimpan.');
	await expect(page.getByRole('heading', { name: 'Yang sudah Anda kirim' })).toHaveCount(0);

	// Chromium's fake microphone: record a moment, listen back, hand it in.
	const answer = page.locator('section', { has: page.getByRole('heading', { name: 'Rekaman Anda' }) });
	await answer.getByRole('button', { name: 'Mulai merekam' }).click();
	await expect(answer.getByText(/^Merekam… 0:0\d/)).toBeVisible();
	await page.waitForTimeout(1500);
	await answer.getByRole('button', { name: 'Berhenti' }).click();
	await expect(answer.getByText(/siap dikirim/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Rekam ulang' })).toBeVisible();
	await page.getByRole('button', { name: 'Kirim', exact: true }).click();
	await expect(page.getByText('Terkirim. Instruktur Anda akan memberi nilai dan komentar.')).toBeVisible();
	const history = page.locator('section', { has: page.getByRole('heading', { name: 'Yang sudah Anda kirim' }) });
	await expect(history.locator('article[data-version="1"]')).toContainText('Menunggu penilaian');
	const audioUrl = await history.locator('audio source').getAttribute('src');
	const own = await page.request.get(audioUrl!);
	expect([own.status(), own.headers()['content-type']]).toEqual([200, 'audio/webm']);
	expect((await own.body()).subarray(0, 4).toString('hex')).toBe('1a45dfa3');
	const stranger = await newVisitor();
	expect((await stranger.request.get(audioUrl!)).status()).toBe(401);

	await instructor.reload();
	await expect(task.locator('tr[data-status="in_progress"]')).toContainText(name);
	await task.getByRole('link', { name: `Periksa karya ${name}` }).click();
	await expect(instructor.getByRole('heading', { level: 1 })).toHaveText(`Periksa: Rekaman: ${title}`);
	expect((await instructor.request.get(audioUrl!)).status()).toBe(200);
	await hydrated(instructor);
	await instructor.getByLabel('Isi (0–4)').fill('4');
	await instructor.getByLabel('Ketepatan bahasa Jepang (0–4)').fill('3');
	await instructor.getByLabel('Kesopanan (敬語) (0–4)').fill('3');
	await instructor.getByLabel('Pelafalan dan kelancaran (0–4)').fill('2');
	await instructor.getByLabel('Komentar untuk peserta').fill('敬語が上手です。Bicara lebih pelan di bagian akhir.');
	await instructor.getByRole('button', { name: 'Simpan nilai' }).click();
	await expect(instructor.getByText('Nilai tersimpan. Peserta sudah bisa melihatnya.')).toBeVisible();

	await page.reload();
	const scored = history.locator('article[data-version="1"]');
	await expect(scored).toContainText('Total 12 dari 16');
	await expect(scored.locator('tr[data-criterion="delivery"]')).toContainText('2 dari 4');
	await expect(scored).toContainText('敬語が上手です。Bicara lebih pelan di bagian akhir.');
	await expect(page.locator('strong.status-done')).toHaveText('Selesai');
	await page.goto('/today');
	await expect(page.getByRole('listitem').filter({ hasText: title })).toContainText('Selesai');

	await instructor.goto(instructor.url().replace(/\/work\/.*$/, ''));
	await expect(task.locator('tr[data-status="done"]')).toContainText(name);
});
