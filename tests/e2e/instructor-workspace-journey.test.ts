import { DEMO, newName, newPhone, openSignUp, signIn, submitSignUp } from './support/app';
import { expect, test } from './support/fixtures';
import { hydrated } from './support/hydration';

/** The coming Friday (today if it is Friday) as a date field writes it, in the browser's zone. */
function nextFriday(now = new Date()): string {
	const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + ((5 - now.getDay() + 7) % 7));
	return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

// Issue 6's journey, end to end: a new cohort, its roster from a CSV, a lesson due Friday, a spoken task scored.
test('an instructor opens a cohort, imports its roster, assigns a lesson and a spoken task; the trainee does both and reads the feedback', async ({ page, newVisitor }) => {
	const ayu = { name: newName('Ayu'), phone: newPhone() };
	const rini = { name: newName('Rini'), phone: newPhone() };

	const instructor = await newVisitor();
	await signIn(instructor, DEMO.instructor, DEMO.password);
	await instructor.getByRole('link', { name: 'Angkatan baru' }).click();
	await hydrated(instructor);
	const cohortName = newName('Kaigo Oita');
	await instructor.getByLabel('Nama angkatan').fill(cohortName);
	await instructor.getByLabel('Bidang kerja').selectOption('caregiving');
	await instructor.getByLabel('Ujian sasaran').selectOption('jlpt_n4');
	await instructor.getByLabel('Tanggal keberangkatan').fill('2027-10-01');
	await instructor.getByLabel('Prefektur tujuan').fill('Oita');
	await instructor.getByRole('button', { name: 'Buat angkatan' }).click();
	await expect(instructor.getByRole('heading', { level: 1 })).toHaveText(cohortName);
	const cohortUrl = instructor.url();
	const inviteCode = (await instructor.locator('p', { hasText: 'Kode undangan:' }).locator('code').textContent())!.trim();

	// The roster from a CSV: one bad row is reported, the two good ones are imported.
	await instructor.getByRole('link', { name: 'Impor CSV' }).click();
	await hydrated(instructor);
	const csv = ['Nama,HP', `${ayu.name},${ayu.phone}`, 'Nomor Salah,0800,', `${rini.name},${rini.phone}`].join('\n');
	await instructor.getByLabel('Berkas CSV').setInputFiles({ name: 'angkatan.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await instructor.getByRole('button', { name: 'Periksa berkas' }).click();
	await expect(instructor.getByRole('heading', { level: 2, name: '3 baris: 2 siap diimpor, 1 bermasalah' })).toBeVisible();
	await expect(instructor.getByRole('row').filter({ hasText: 'Nomor Salah' })).toContainText('Nomor HP tidak valid');
	await instructor.getByRole('button', { name: 'Impor 2 baris yang benar' }).click();
	await expect(instructor.getByRole('status')).toHaveText('2 orang ditambahkan sebagai peserta yang ditunggu.');

	// A caregiving lesson due Friday.
	await instructor.goto(cohortUrl);
	await hydrated(instructor);
	const section = instructor.locator('section', { has: instructor.getByRole('heading', { name: 'Tugas pelajaran dan target belajar' }) });
	const lessons = section.getByLabel('Pelajaran', { exact: true });
	const lesson = (await lessons.locator('option').first().textContent())!.trim();
	await lessons.selectOption({ label: lesson });
	await section.locator('form', { has: instructor.getByRole('button', { name: 'Tugaskan pelajaran' }) }).getByLabel('Tenggat (akhir hari)').fill(nextFriday());
	await section.getByRole('button', { name: 'Tugaskan pelajaran' }).click();
	const assignment = section.locator('article', { has: instructor.getByRole('heading', { name: lesson }) });
	await expect(assignment).toHaveCount(1);

	// Ayu signs up with the invite code and the number on the roster, and finds the lesson on Today.
	await openSignUp(page);
	await submitSignUp(page, { inviteCode, name: ayu.name, phone: ayu.phone, password: 'oita-kaigo-2027' });
	await expect(page).toHaveURL(/\/today$/);
	const work = page.locator('section', { has: page.getByRole('heading', { name: 'Tugas', exact: true }) });
	await expect(work.getByRole('listitem').filter({ hasText: lesson })).toContainText('Belum mulai');
	await work.getByRole('link', { name: lesson }).click();
	await page.getByRole('button', { name: 'Selesai — tambahkan kata ke latihan saya' }).click();
	await expect(page).toHaveURL(/\/learn\/caregiving\?added=\d+$/);
	await page.goto('/today');
	await expect(work.getByRole('listitem').filter({ hasText: lesson })).toContainText('Selesai');

	await instructor.reload();
	await expect(assignment.locator('tr[data-status="done"]')).toContainText(ayu.name);
	const expected = instructor.locator('section', { has: instructor.getByRole('heading', { name: 'Peserta yang ditunggu' }) });
	await expect(expected.getByRole('row').filter({ hasText: ayu.name })).toContainText('Bergabung');
	await expect(expected.getByRole('row').filter({ hasText: rini.name })).toContainText('Ditunggu');

	// A spoken task: Ayu records it in the browser, the instructor scores it, Ayu reads the feedback.
	const title = `自己紹介 ${Date.now().toString(36)}`;
	await hydrated(instructor);
	const tasks = instructor.locator('section', { has: instructor.getByRole('heading', { name: 'Tugas menulis dan berbicara' }) });
	await tasks.getByLabel('Rekaman suara').check();
	await tasks.getByLabel('Judul', { exact: true }).fill(title);
	await tasks.getByLabel('Petunjuk', { exact: true }).fill('施設の面接で、1分ぐらいで自己紹介をしてください。');
	await tasks.getByLabel('Tenggat (akhir hari)').fill(nextFriday());
	await tasks.getByRole('button', { name: 'Tugaskan' }).click();
	const task = tasks.locator('article', { has: instructor.getByRole('heading', { name: `Rekaman: ${title}` }) });
	await expect(task).toBeVisible();

	await page.goto('/today');
	await work.getByRole('link', { name: `Rekaman: ${title}` }).click();
	await hydrated(page);
	const answer = page.locator('section', { has: page.getByRole('heading', { name: 'Rekaman Anda' }) });
	await answer.getByRole('button', { name: 'Mulai merekam' }).click();
	await expect(answer.getByText(/^Merekam… 0:0\d/)).toBeVisible();
	await page.waitForTimeout(1500);
	await answer.getByRole('button', { name: 'Berhenti' }).click();
	await page.getByRole('button', { name: 'Kirim', exact: true }).click();
	await expect(page.getByText('Terkirim. Instruktur Anda akan memberi nilai dan komentar.')).toBeVisible();

	await instructor.reload();
	await expect(task.locator('tr[data-status="in_progress"]')).toContainText(ayu.name);
	await task.getByRole('link', { name: `Periksa karya ${ayu.name}` }).click();
	await hydrated(instructor);
	await instructor.getByLabel('Isi (0–4)').fill('3');
	await instructor.getByLabel('Ketepatan bahasa Jepang (0–4)').fill('3');
	await instructor.getByLabel('Kesopanan (敬語) (0–4)').fill('4');
	await instructor.getByLabel('Pelafalan dan kelancaran (0–4)').fill('2');
	await instructor.getByLabel('Komentar untuk peserta').fill('はっきり話せました。Latih lagi bagian penutup.');
	await instructor.getByRole('button', { name: 'Simpan nilai' }).click();
	await expect(instructor.getByText('Nilai tersimpan. Peserta sudah bisa melihatnya.')).toBeVisible();

	await page.reload();
	const scored = page.locator('section', { has: page.getByRole('heading', { name: 'Yang sudah Anda kirim' }) }).locator('article[data-version="1"]');
	await expect(scored).toContainText('Total 12 dari 16');
	await expect(scored).toContainText('はっきり話せました。Latih lagi bagian penutup.');
});
