import { DEMO, failedSignIn, newPhone, openSignIn, submitSignIn, UI } from './support/app';
import { expect, test } from './support/fixtures';

const RATE_LIMITED = /^Terlalu banyak percobaan gagal\. Coba lagi dalam (\d+) detik\.$/;

/** The seconds the rate-limit message asks the person to wait. */
async function secondsToWait(alertText: string): Promise<number> {
	const match = RATE_LIMITED.exec(alertText);
	expect(match, `"${alertText}" is the rate-limit message`).not.toBeNull();
	return Number(match![1]);
}

test.describe('signing in with wrong passwords', () => {
	test('the sixth wrong password in a minute is refused with the rate-limit message, even from another phone', async ({
		page,
		newVisitor
	}) => {
		// Putri Ayu (Hoteru Mie 2027); no other test signs in as her.
		const account = '0811-0000-0301';
		await openSignIn(page);
		const alert = page.getByRole('alert');

		for (let attempt = 1; attempt <= 5; attempt++) {
			await failedSignIn(page, account, `salah-${attempt}`);
			await expect(alert, `attempt ${attempt}`).toHaveText(UI.id.wrongCredentials);
		}

		await failedSignIn(page, account, 'salah-6');
		await expect(alert).toHaveText(RATE_LIMITED);
		const seconds = await secondsToWait(await alert.innerText());
		expect(seconds).toBeGreaterThan(0);
		expect(seconds).toBeLessThanOrEqual(60);
		await expect(page).toHaveURL(/\/signin$/);
		await expect(page.getByLabel(UI.id.identifier, { exact: true })).toHaveValue(account);

		// The limit is on the account: from another phone (another address), even the right password waits.
		const otherPhone = await newVisitor();
		await openSignIn(otherPhone);
		await failedSignIn(otherPhone, account, DEMO.password);
		await expect(otherPhone.getByRole('alert')).toHaveText(RATE_LIMITED);
		await expect(otherPhone).toHaveURL(/\/signin$/);
	});

	test('the wrong-password message is the same whether or not the account exists', async ({ page, newVisitor }) => {
		// Fajar Nugroho (Hoteru Mie 2027), with a wrong password.
		await openSignIn(page);
		await failedSignIn(page, '0811-0000-0302', 'bukan-sandinya');
		const forExisting = await page.getByRole('alert').innerText();

		const stranger = await newVisitor();
		await openSignIn(stranger);
		await failedSignIn(stranger, newPhone(), 'bukan-sandinya');
		const forUnknown = await stranger.getByRole('alert').innerText();

		expect(forExisting).toBe(UI.id.wrongCredentials);
		expect(forUnknown).toBe(forExisting);
	});

	test('one phone trying many accounts is slowed down too, while other phones still sign in', async ({ page, newVisitor }) => {
		await openSignIn(page);
		const alert = page.getByRole('alert');
		for (let attempt = 1; attempt <= 5; attempt++) {
			await failedSignIn(page, newPhone(), 'tebak-tebakan');
			await expect(alert, `attempt ${attempt}`).toHaveText(UI.id.wrongCredentials);
		}
		await failedSignIn(page, newPhone(), 'tebak-tebakan');
		await expect(alert).toHaveText(RATE_LIMITED);

		// Maria Goreti, on her own phone, is not held up by someone else's guessing.
		const maria = await newVisitor();
		await openSignIn(maria);
		await submitSignIn(maria, '0811-0000-0303', DEMO.password);
		await expect(maria).toHaveURL(/\/today$/);
		await expect(maria.getByRole('heading', { level: 1 })).toHaveText('Halo, Maria Goreti!');
	});
});
