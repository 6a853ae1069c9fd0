import { DEMO, newName, newPhone, openSignUp, signIn, submitSignUp } from './support/app';
import { expect, test } from './support/fixtures';

test('a trainee signs up with an invite code and their instructor sees them in the cohort', async ({ page, newVisitor }) => {
	const trainee = { inviteCode: DEMO.kagawa.inviteCode, name: newName('Rina'), phone: newPhone(), password: 'sakura-2027-kagawa' };

	await openSignUp(page);
	await submitSignUp(page, trainee);

	await expect(page).toHaveURL(/\/today$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Halo, ${trainee.name}!`);
	await expect(page.getByRole('heading', { level: 2, name: `Angkatan Anda: ${DEMO.kagawa.name}` })).toBeVisible();
	await expect(page.getByRole('navigation').getByRole('button', { name: 'Keluar' })).toBeVisible();

	// The instructor, on another device.
	const instructor = await newVisitor();
	await signIn(instructor, DEMO.instructor, DEMO.password);
	await expect(instructor).toHaveURL(/\/instructor$/);
	await expect(instructor.getByRole('heading', { level: 1, name: 'Angkatan yang Anda ajar' })).toBeVisible();
	await instructor.getByRole('link', { name: `Buka angkatan ${DEMO.kagawa.name}` }).click();

	await expect(instructor).toHaveURL(/\/instructor\/cohorts\/[0-9a-f-]{36}$/);
	await expect(instructor.getByRole('heading', { level: 1 })).toHaveText(DEMO.kagawa.name);
	await expect(instructor.getByRole('heading', { level: 2, name: /^Peserta \(\d+\)$/ })).toBeVisible();
	const row = instructor.getByRole('row').filter({ has: instructor.getByRole('cell', { name: trainee.name, exact: true }) });
	await expect(row).toHaveCount(1);
	const digits = trainee.phone.replace(/-/g, '').slice(1);
	await expect(row.getByRole('cell', { name: `+62${digits}`, exact: true })).toBeVisible();
});
