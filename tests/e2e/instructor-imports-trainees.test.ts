import { DEMO, newName, newPhone, openSignUp, signIn, submitSignUp } from './support/app';
import { expect, test } from './support/fixtures';
import { hydrated } from './support/hydration';

test('an instructor imports a CSV with one bad row, and an imported person signs up and shows as joined', async ({ page, newVisitor }) => {
	const siti = { name: newName('Siti'), phone: newPhone() };
	const budi = { name: newName('Budi'), email: `${newName('budi').replace(/\s/g, '').toLowerCase()}@example.id` };
	const csv = ['Nama,HP,Email', `${siti.name},${siti.phone},`, 'Tanpa Nomor,12345,', `${budi.name},,${budi.email}`].join('\n');

	const instructor = await newVisitor();
	await signIn(instructor, DEMO.instructor, DEMO.password);
	await instructor.getByRole('link', { name: `Buka angkatan ${DEMO.kumamoto.name}` }).click();
	await expect(instructor).toHaveURL(/\/instructor\/cohorts\/[0-9a-f-]{36}$/);
	const cohortUrl = instructor.url();
	await instructor.getByRole('link', { name: 'Impor CSV' }).click();
	await expect(instructor.getByRole('heading', { level: 1 })).toHaveText('Impor peserta dari CSV');
	await hydrated(instructor);

	await instructor.getByLabel('Berkas CSV').setInputFiles({ name: 'peserta.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await instructor.getByRole('button', { name: 'Periksa berkas' }).click();
	await expect(instructor.getByRole('heading', { level: 2, name: '3 baris: 2 siap diimpor, 1 bermasalah' })).toBeVisible();
	const bad = instructor.getByRole('row').filter({ has: instructor.getByRole('cell', { name: 'Tanpa Nomor', exact: true }) });
	await expect(bad.getByRole('cell').first()).toHaveText('3');
	await expect(bad).toContainText('Nomor HP tidak valid');

	await instructor.getByRole('button', { name: 'Impor 2 baris yang benar' }).click();
	await expect(instructor.getByRole('status')).toHaveText('2 orang ditambahkan sebagai peserta yang ditunggu.');
	const expected = instructor.locator('section', { has: instructor.getByRole('heading', { name: 'Peserta yang ditunggu' }) });
	const sitiRow = expected.getByRole('row').filter({ has: instructor.getByRole('cell', { name: siti.name, exact: true }) });
	await expect(sitiRow).toContainText(`+62${siti.phone.replace(/-/g, '').slice(1)}`);
	await expect(sitiRow).toContainText('Ditunggu');
	await expect(expected.getByRole('row').filter({ hasText: budi.email })).toContainText('Ditunggu');

	// Siti signs up on her own phone with the cohort's invite code and the number the instructor imported.
	await openSignUp(page);
	await submitSignUp(page, { inviteCode: DEMO.kumamoto.inviteCode, name: siti.name, phone: siti.phone, password: 'kumamoto-2027-siti' });
	await expect(page).toHaveURL(/\/today$/);

	await instructor.goto(cohortUrl);
	const onCohortPage = instructor.locator('section', { has: instructor.getByRole('heading', { name: 'Peserta yang ditunggu' }) });
	await expect(onCohortPage.getByText(/^1 dari \d+ sudah bergabung$/)).toBeVisible();
	await expect(onCohortPage.getByRole('row').filter({ hasText: siti.name })).toContainText('Bergabung');
	await expect(onCohortPage.getByRole('row').filter({ hasText: budi.email })).toContainText('Ditunggu');
});
