import { DEMO, newName, newPhone, openSignUp, signIn, submitSignUp } from './support/app';
import { expect, test } from './support/fixtures';
import { hydrated } from './support/hydration';

const INVITE = /^[A-HJ-NP-Z2-9]{8}$/;

test('an instructor creates a cohort, edits its departure date and regenerates its invite code', async ({ page, newVisitor }) => {
	await signIn(page, DEMO.instructor, DEMO.password);
	await page.getByRole('link', { name: 'Angkatan baru' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Buka angkatan baru' })).toBeVisible();
	await hydrated(page);

	// A name too short comes back with a message at the field, and what was typed is kept.
	const name = newName('Seizou Aichi');
	await page.getByLabel('Nama angkatan').fill('A');
	await page.getByLabel('Bidang kerja').selectOption('manufacturing');
	await page.getByLabel('Ujian sasaran').selectOption('jlpt_n4');
	await page.getByLabel('Tanggal keberangkatan').fill('2028-04-01');
	await page.getByLabel('Prefektur tujuan').fill('Aichi');
	await page.getByLabel('Target ingatan').fill('0.88');
	await page.getByLabel('Kartu baru per hari').fill('12');
	await page.getByRole('button', { name: 'Buat angkatan' }).click();
	await expect(page.getByLabel('Nama angkatan')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByRole('alert')).toHaveText('Nama angkatan 2–120 karakter.');
	await expect(page.getByLabel('Prefektur tujuan')).toHaveValue('Aichi');
	await expect(page.getByLabel('Bidang kerja')).toHaveValue('manufacturing');

	await page.getByLabel('Nama angkatan').fill(name);
	await page.getByRole('button', { name: 'Buat angkatan' }).click();
	await expect(page).toHaveURL(/\/instructor\/cohorts\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	const code = page.locator('p', { hasText: 'Kode undangan:' }).locator('code');
	const firstCode = (await code.textContent())!.trim();
	expect(firstCode).toMatch(INVITE);

	// The departure date moves.
	await page.getByRole('link', { name: 'Ubah angkatan' }).click();
	await expect(page.getByLabel('Kartu baru per hari')).toHaveValue('12');
	await hydrated(page);
	await page.getByLabel('Tanggal keberangkatan').fill('2028-05-15');
	await page.getByRole('button', { name: 'Simpan perubahan' }).click();
	await expect(page).toHaveURL(/\/instructor\/cohorts\/[0-9a-f-]{36}$/);
	await expect(page.getByText('15 Mei 2028')).toBeVisible();

	// A new invite code, only after the warning is confirmed.
	await page.getByRole('link', { name: 'Buat kode undangan baru' }).click();
	await hydrated(page);
	const invite = page.locator('#invite-code');
	await invite.getByText('Buat kode undangan baru').click();
	await expect(invite.getByText(`Kode lama ${firstCode} langsung tidak berlaku`)).toBeVisible();
	await invite.getByRole('button', { name: 'Ya, buat kode baru' }).click();
	await expect(invite.getByRole('status')).toContainText('Kode undangan baru:');
	const secondCode = (await invite.locator('code').first().textContent())!.trim();
	expect(secondCode).toMatch(INVITE);
	expect(secondCode).not.toBe(firstCode);

	// The old code no longer lets anyone in.
	const trainee = await newVisitor();
	await openSignUp(trainee);
	await submitSignUp(trainee, { inviteCode: firstCode, name: newName('Dewi'), phone: newPhone(), password: 'aichi-2028-seizou' });
	await expect(trainee.getByText('Kode undangan tidak dikenal atau sudah kedaluwarsa.', { exact: false })).toBeVisible();
});

test('the cohort form works without JavaScript', async ({ browser, baseURL, address }) => {
	const context = await browser.newContext({ baseURL, javaScriptEnabled: false, extraHTTPHeaders: { 'x-forwarded-for': address } });
	try {
		const page = await context.newPage();
		await page.goto('/signin');
		await page.getByLabel('Nomor HP atau e-mail', { exact: true }).fill(DEMO.instructor);
		await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO.password);
		await page.getByRole('button', { name: 'Masuk', exact: true }).click();
		await expect(page).toHaveURL(/\/instructor$/);

		await page.goto('/instructor/cohorts/new');
		const name = newName('Hoteru Gifu');
		await page.getByLabel('Nama angkatan').fill(name);
		await page.getByLabel('Tanggal keberangkatan').fill('2028-09-01');
		await page.getByLabel('Prefektur tujuan').fill('G');
		await page.getByRole('button', { name: 'Buat angkatan' }).click();
		await expect(page.getByRole('alert')).toHaveText('Nama prefektur 2–40 karakter.');
		await expect(page.getByLabel('Nama angkatan')).toHaveValue(name);
		await page.getByLabel('Prefektur tujuan').fill('Gifu');
		await page.getByRole('button', { name: 'Buat angkatan' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	} finally {
		await context.close();
	}
});
