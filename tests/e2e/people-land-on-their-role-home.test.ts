import { DEMO, signIn, submitSignIn } from './support/app';
import { expect, test } from './support/fixtures';

test.describe('each role starts on its own home', () => {
	test('the ministry viewer lands on the national overview', async ({ page }) => {
		await signIn(page, DEMO.ministry, DEMO.password);
		await expect(page).toHaveURL(/\/ministry$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ringkasan kesiapan nasional');
		const nav = page.getByRole('navigation');
		await expect(nav.getByRole('link', { name: 'Ringkasan nasional', exact: true })).toBeVisible();
		await expect(nav.getByRole('link', { name: 'Angkatan', exact: true })).toHaveCount(0);
	});

	test("the center admin lands on the center's cohorts", async ({ page }) => {
		await signIn(page, DEMO.admin, DEMO.password);
		await expect(page).toHaveURL(/\/instructor$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Angkatan di LPK Demo Borneo');
		for (const cohort of [DEMO.kagawa, DEMO.kumamoto, DEMO.mie]) {
			await expect(page.getByRole('link', { name: `Buka angkatan ${cohort.name}` })).toBeVisible();
		}
	});

	test('a signed-out visit to the trainee home goes to sign-in, and back home after it', async ({ page }) => {
		await page.goto('/today');
		await expect(page).toHaveURL(/\/signin\?next=%2Ftoday$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Masuk ke Hashi');
		await expect(page.getByRole('heading', { name: /Halo,/ })).toHaveCount(0);

		// Nur Aini (Kaigo Kagawa 2027).
		await submitSignIn(page, '0811-0000-0103', DEMO.password);
		await expect(page).toHaveURL(/\/today$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halo, Nur Aini!');
	});
});
