import { DEMO, failedSignIn, newName, newPhone, openSignIn, openSignUp, submitSignIn, submitSignUp, UI } from './support/app';
import { expect, test } from './support/fixtures';

const INVITE_UNKNOWN = 'Kode undangan tidak dikenal atau sudah kedaluwarsa. Periksa lagi atau minta kode baru ke instruktur.';
const PASSWORD_SHORT = 'Kata sandi minimal 8 karakter.';
const PHONE_TAKEN = 'Nomor HP atau e-mail ini sudah terdaftar. Silakan masuk, atau pakai nomor/e-mail lain.';
// The hints under the fields; a field's accessible description is its hint, then its message.
const INVITE_HINT = '6–12 huruf dan angka, misalnya KAGAWA27.';
const PASSWORD_HINT = 'Minimal 8 karakter.';
const IDENTIFIER_HINT = 'Misalnya 0812 3456 7890 atau nama@contoh.id. Dipakai untuk masuk.';

test.describe('signing up with bad input', () => {
	test('an unknown invite code is named at its field, what was typed is kept, and no account is made', async ({ page }) => {
		const person = { inviteCode: 'OSAKA99', name: newName('Budi'), phone: newPhone(), password: 'matahari-terbit' };

		await openSignUp(page);
		await submitSignUp(page, person);

		const invite = page.getByLabel(UI.id.inviteCode, { exact: true });
		await expect(invite).toHaveAccessibleDescription(`${INVITE_HINT} ${INVITE_UNKNOWN}`);
		await expect(invite).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByRole('alert')).toHaveText([INVITE_UNKNOWN]);
		await expect(invite).toHaveValue(person.inviteCode);
		await expect(page.getByLabel(UI.id.fullName, { exact: true })).toHaveValue(person.name);
		await expect(page.getByLabel(UI.id.identifier, { exact: true })).toHaveValue(person.phone);
		await expect(page.getByLabel(UI.id.password, { exact: true })).toHaveValue('');
		await expect(page).toHaveURL(/\/signup$/);

		await openSignIn(page);
		await failedSignIn(page, person.phone, person.password);
		await expect(page.getByRole('alert')).toHaveText(UI.id.wrongCredentials);
	});

	test('without agreeing to the privacy notice no account is made, and the box says why', async ({ page }) => {
		const person = { inviteCode: DEMO.kagawa.inviteCode, name: newName('Dian'), phone: newPhone(), password: 'setuju-nanti-1', disagree: true };

		await openSignUp(page);
		await expect(page.getByRole('heading', { name: 'Pemberitahuan privasi' })).toBeVisible();
		await expect(page.getByText('Kementerian hanya melihat jumlah total tanpa nama', { exact: false })).toBeVisible();
		await submitSignUp(page, person);

		const agree = page.getByLabel(UI.id.agree, { exact: true });
		await expect(agree).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByRole('alert')).toHaveText(['Centang persetujuan pemberitahuan privasi untuk membuat akun.']);
		await expect(page.getByLabel(UI.id.fullName, { exact: true })).toHaveValue(person.name);

		await openSignIn(page);
		await failedSignIn(page, person.phone, person.password);
		await expect(page.getByRole('alert')).toHaveText(UI.id.wrongCredentials);
	});

	test('a short password is named at the password field', async ({ page }) => {
		const person = { inviteCode: DEMO.kagawa.inviteCode, name: newName('Sari'), phone: newPhone(), password: 'pendek' };

		await openSignUp(page);
		await submitSignUp(page, person);

		const password = page.getByLabel(UI.id.password, { exact: true });
		await expect(password).toHaveAccessibleDescription(`${PASSWORD_HINT} ${PASSWORD_SHORT}`);
		await expect(password).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByRole('alert')).toHaveText([PASSWORD_SHORT]);
		await expect(password).toHaveValue('');
		await expect(page.getByLabel(UI.id.fullName, { exact: true })).toHaveValue(person.name);
		await expect(page.getByLabel(UI.id.identifier, { exact: true })).toHaveValue(person.phone);

		await openSignIn(page);
		await failedSignIn(page, person.phone, person.password);
		await expect(page.getByRole('alert')).toHaveText(UI.id.wrongCredentials);
	});

	test('a phone number already registered is named at its field and the account keeps its password', async ({ page }) => {
		// Siti Rahmawati's number in the demo cohort.
		const person = { inviteCode: DEMO.kagawa.inviteCode, name: newName('Siti'), phone: '0811-0000-0101', password: 'kata-sandi-baru-1' };

		await openSignUp(page);
		await submitSignUp(page, person);

		const phone = page.getByLabel(UI.id.identifier, { exact: true });
		await expect(phone).toHaveAccessibleDescription(`${IDENTIFIER_HINT} ${PHONE_TAKEN}`);
		await expect(phone).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByRole('alert')).toHaveText([PHONE_TAKEN]);
		await expect(phone).toHaveValue(person.phone);
		await expect(page.getByLabel(UI.id.fullName, { exact: true })).toHaveValue(person.name);
		await expect(page.getByLabel(UI.id.password, { exact: true })).toHaveValue('');

		await openSignIn(page);
		await failedSignIn(page, person.phone, person.password);
		await expect(page.getByRole('alert')).toHaveText(UI.id.wrongCredentials);
		// Siti still signs in with her own password and is still Siti.
		await submitSignIn(page, person.phone, DEMO.password);
		await expect(page).toHaveURL(/\/today$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halo, Siti Rahmawati!');
	});
});
