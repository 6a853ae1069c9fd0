import { DEMO, openSignIn, signIn, signOut, submitSignIn, switchLanguage } from './support/app';
import { expect, test } from './support/fixtures';

test('a trainee switches to English, and English stays after signing out and on another phone', async ({ page, newVisitor }) => {
	// Dewi Lestari (Kaigo Kagawa 2027); no other test signs in as her.
	const dewi = '0811-0000-0102';

	await signIn(page, dewi, DEMO.password);
	await expect(page).toHaveURL(/\/today$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halo, Dewi Lestari!');
	await expect(page.getByRole('navigation').getByRole('button', { name: 'Keluar', exact: true })).toBeVisible();

	await switchLanguage(page, 'English');

	await expect(page).toHaveURL(/\/today$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Dewi Lestari!');
	await expect(page.getByRole('heading', { level: 2, name: `Your cohort: ${DEMO.kagawa.name}` })).toBeVisible();
	const nav = page.getByRole('navigation');
	await expect(nav.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Home', exact: true })).toBeVisible();
	await expect(page.getByLabel('Language', { exact: true })).toHaveValue('en');

	await signOut(page, 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Hashi');
	await expect(page.getByRole('navigation').getByRole('link', { name: 'Sign up', exact: true })).toBeVisible();

	// Another phone: no cookies, so the sign-in page is in Bahasa Indonesia; the profile brings English back.
	const otherPhone = await newVisitor();
	await openSignIn(otherPhone, 'id');
	await submitSignIn(otherPhone, dewi, DEMO.password, 'id');
	await expect(otherPhone).toHaveURL(/\/today$/);
	await expect(otherPhone.getByRole('heading', { level: 1 })).toHaveText('Hello, Dewi Lestari!');
	await expect(otherPhone.getByRole('navigation').getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();

	// And back on the first phone, signing in again is in English too.
	await submitSignIn(page, dewi, DEMO.password, 'en');
	await expect(page).toHaveURL(/\/today$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Dewi Lestari!');
});
