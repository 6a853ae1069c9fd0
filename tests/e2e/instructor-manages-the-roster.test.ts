import type { Page } from '@playwright/test';
import { DEMO, newName, newPhone, openSignUp, signIn, submitSignUp } from './support/app';
import { expect, test } from './support/fixtures';
import { hydrated } from './support/hydration';

/** Someone new joins a cohort on their own phone with its invite code. */
async function joins(page: Page, inviteCode: string, identifier: string = newPhone()): Promise<string> {
	const name = newName('Peserta');
	await openSignUp(page);
	await submitSignUp(page, { inviteCode, name, phone: identifier, password: 'roster-2027-uji' });
	await expect(page).toHaveURL(/\/today$/);
	return name;
}

/** The trainees table (the cohort page also names trainees in other sections). */
const roster = (page: Page) => page.locator('section', { has: page.getByRole('heading', { name: /^Peserta \(\d+\)$/ }) });

/** Today in WIB as a date input takes it, and as the page writes it in Bahasa Indonesia. */
function wibDay(daysAhead = 0): { iso: string; written: string } {
	const iso = new Date(Date.now() + 7 * 3_600_000 + daysAhead * 86_400_000).toISOString().slice(0, 10);
	const written = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
	return { iso, written };
}

test('an instructor records a departure, moves a trainee to another cohort, and removes one after confirming', async ({ page, newVisitor }) => {
	const departing = await joins(await newVisitor(), DEMO.mie.inviteCode);
	const moving = await joins(await newVisitor(), DEMO.mie.inviteCode);
	const leaving = await joins(await newVisitor(), DEMO.mie.inviteCode);

	await signIn(page, DEMO.instructor, DEMO.password);
	await page.getByRole('link', { name: `Buka angkatan ${DEMO.mie.name}` }).click();
	const trainees = roster(page);
	await expect(trainees.getByRole('row').filter({ hasText: departing })).toContainText('Dalam pelatihan');

	// Departed: the date is asked for, a date far ahead is refused with the reason, then today is saved.
	await trainees.getByRole('link', { name: departing, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(departing);
	await hydrated(page);
	await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Sudah berangkat' });
	await page.getByRole('button', { name: 'Simpan status' }).click();
	await expect(page.getByRole('alert')).toHaveText('Isi tanggal berangkat peserta ini.');
	await page.getByLabel(/^Tanggal berangkat/).fill(wibDay(90).iso);
	await page.getByRole('button', { name: 'Simpan status' }).click();
	await expect(page.getByRole('alert')).toContainText('lebih dari 60 hari');
	const today = wibDay();
	await page.getByLabel(/^Tanggal berangkat/).fill(today.iso);
	await page.getByRole('button', { name: 'Simpan status' }).click();
	await expect(page.getByRole('status')).toHaveText('Status disimpan.');
	await page.getByRole('link', { name: `← Peserta ${DEMO.mie.name}` }).click();
	await expect(page.getByRole('row').filter({ hasText: departing })).toContainText(`Berangkat ${today.written}`);

	// Moved to Kumamoto: the trainee shows on that cohort's roster, and no longer on Mie's.
	await roster(page).getByRole('link', { name: moving, exact: true }).click();
	await hydrated(page);
	await page.getByLabel('Angkatan tujuan').selectOption({ label: DEMO.kumamoto.name });
	await page.getByRole('button', { name: `Pindahkan ${moving}` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Peserta ${DEMO.kumamoto.name}`);
	await expect(page.getByRole('status')).toHaveText(`${moving} sekarang ada di ${DEMO.kumamoto.name}.`);
	await expect(page.getByRole('row').filter({ hasText: moving })).toContainText('Dalam pelatihan');

	// Removed only after a second, confirming press; then added back.
	await page.goto('/instructor');
	await page.getByRole('link', { name: `Buka angkatan ${DEMO.mie.name}` }).click();
	await expect(roster(page).getByRole('row').filter({ hasText: moving })).toHaveCount(0);
	await roster(page).getByRole('link', { name: leaving, exact: true }).click();
	await hydrated(page);
	await page.getByRole('button', { name: `Keluarkan ${leaving}…` }).click();
	await expect(page.getByRole('alert')).toContainText(`Keluarkan ${leaving} dari ${DEMO.mie.name}?`);
	await page.getByRole('button', { name: 'Ya, keluarkan' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Peserta ${DEMO.mie.name}`);
	await expect(page.getByRole('status')).toContainText(`${leaving} dikeluarkan dari angkatan ini.`);
	await expect(page.getByRole('row').filter({ hasText: leaving })).toHaveCount(0);
	const removed = page.locator('section', { has: page.getByRole('heading', { name: 'Dikeluarkan dari angkatan ini' }) });
	await expect(removed).toContainText(leaving);
	await hydrated(page);
	await removed.getByRole('button', { name: `Masukkan kembali ${leaving}` }).click();
	await expect(page.getByRole('status')).toHaveText(`${leaving} kembali di angkatan ini.`);
	await expect(page.getByRole('row').filter({ hasText: leaving })).toContainText('Dalam pelatihan');
});

test('removing a trainee asks first, also without JavaScript', async ({ browser, baseURL, address, newVisitor }) => {
	const leaving = await joins(await newVisitor(), DEMO.mie.inviteCode);
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false, extraHTTPHeaders: { 'x-forwarded-for': address } });
	try {
		const page = await context.newPage();
		await page.goto('/signin');
		await page.getByLabel('Nomor HP atau e-mail', { exact: true }).fill(DEMO.instructor);
		await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO.password);
		await page.getByRole('button', { name: 'Masuk', exact: true }).click();
		await page.getByRole('link', { name: `Buka angkatan ${DEMO.mie.name}` }).click();
		await roster(page).getByRole('link', { name: leaving, exact: true }).click();
		await page.getByRole('button', { name: `Keluarkan ${leaving}…` }).click();
		await expect(page.getByRole('alert')).toContainText(`Keluarkan ${leaving} dari ${DEMO.mie.name}?`);
		await page.getByRole('button', { name: 'Ya, keluarkan' }).click();
		await expect(page.getByRole('status')).toContainText(`${leaving} dikeluarkan dari angkatan ini.`);
	} finally {
		await context.close();
	}
});

test('the center admin adds instructors by e-mail: an existing account at once, a new one by invitation', async ({ page, newVisitor }) => {
	await signIn(page, DEMO.admin, DEMO.password);
	await page.getByRole('link', { name: 'Kelola LPK: instruktur dan semua angkatan' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('LPK Demo Borneo: instruktur dan angkatan');
	const instructors = page.locator('section', { has: page.getByRole('heading', { name: 'Instruktur', exact: true }) });
	await expect(instructors).toContainText('Ibu Ratna Sari');
	const cohorts = page.locator('section', { has: page.getByRole('heading', { name: 'Semua angkatan di LPK ini' }) });
	for (const cohort of [DEMO.kagawa, DEMO.kumamoto, DEMO.mie]) await expect(cohorts.getByRole('link', { name: cohort.name })).toBeVisible();
	await hydrated(page);

	// Someone who already has an account becomes an instructor at once.
	const existing = `${newName('guru').replace(/\s/g, '').toLowerCase()}@example.id`;
	const existingName = await joins(await newVisitor(), DEMO.kagawa.inviteCode, existing);
	await page.getByLabel('E-mail instruktur').fill(existing.toUpperCase());
	await page.getByRole('button', { name: 'Tambah instruktur', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText(`${existing} sekarang instruktur di LPK ini.`);
	await expect(instructors).toContainText(existingName);

	// A new e-mail gets an invitation code; signing up with it and that e-mail makes an instructor.
	const invited = `${newName('pengajar').replace(/\s/g, '').toLowerCase()}@example.id`;
	await page.getByLabel('E-mail instruktur').fill(invited);
	await page.getByRole('button', { name: 'Tambah instruktur', exact: true }).click();
	await expect(page.getByRole('status')).toContainText(`Belum ada akun dengan ${invited}.`);
	const pending = page.getByRole('row').filter({ hasText: invited });
	const code = (await pending.locator('code').textContent())!.trim();
	expect(code).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);

	const teacher = await newVisitor();
	const teacherName = newName('Pak Guru');
	await teacher.goto(`/signup?code=${code}`);
	await submitSignUp(teacher, { inviteCode: code, name: teacherName, phone: `lain.${invited}`, password: 'guru-2027-baru' });
	await expect(teacher.getByRole('alert')).toContainText('Kode undangan ini untuk alamat e-mail lain.');
	await submitSignUp(teacher, { inviteCode: code, name: teacherName, phone: invited, password: 'guru-2027-baru' });
	await expect(teacher).toHaveURL(/\/instructor$/);

	await page.reload();
	await expect(instructors).toContainText(teacherName);
	await expect(page.getByRole('row').filter({ hasText: invited })).toHaveCount(0);

	// Removing an instructor asks first.
	await hydrated(page);
	await instructors.getByRole('button', { name: `Keluarkan ${existingName} dari LPK…` }).click();
	await expect(page.getByRole('alert')).toContainText(`Keluarkan ${existingName} dari LPK Demo Borneo?`);
	await page.getByRole('button', { name: 'Ya, keluarkan' }).click();
	await expect(page.getByRole('status')).toHaveText('Instruktur dikeluarkan dari LPK.');
	await expect(instructors).not.toContainText(existingName);
});

test('an instructor who is no center admin cannot open the center page', async ({ page }) => {
	await signIn(page, DEMO.instructor, DEMO.password);
	await expect(page.getByRole('link', { name: 'Kelola LPK: instruktur dan semua angkatan' })).toHaveCount(0);
	const response = await page.goto('/instructor/center');
	expect(response?.status()).toBe(403);
	await expect(page.getByText('Halaman ini bukan untuk peran Anda.', { exact: true })).toBeVisible();
	await expect(page.getByLabel('E-mail instruktur')).toHaveCount(0);
});
