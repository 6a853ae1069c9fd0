import { DEMO, signIn } from './support/app';
import { expect, test } from './support/fixtures';

test.describe('pages refuse the wrong role', () => {
	const FORBIDDEN = 'Halaman ini bukan untuk peran Anda.';

	test("a trainee opening the instructors' cohorts gets the not-for-your-role page", async ({ page }) => {
		await signIn(page, '0811-0000-0103', DEMO.password);
		await expect(page).toHaveURL(/\/today$/);

		const response = await page.goto('/instructor');
		expect(response?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ada masalah');
		await expect(page.getByText(FORBIDDEN, { exact: true })).toBeVisible();
		await expect(page.getByRole('link', { name: /Buka angkatan/ })).toHaveCount(0);
	});

	test("the ministry viewer opening the instructors' cohorts or a trainee home gets the same page", async ({ page }) => {
		await signIn(page, DEMO.ministry, DEMO.password);
		for (const path of ['/instructor', '/today']) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(403);
			await expect(page.getByText(FORBIDDEN, { exact: true })).toBeVisible();
		}
	});
});
