import { DEMO, newName, newPhone, openSignUp, signIn, submitSignUp } from './support/app';
import { expect, test } from './support/fixtures';

test('an instructor assigns a mock test to a cohort, its trainee sees it on Today, and the instructor sees who has not started', async ({ page, newVisitor }) => {
	const instructor = await newVisitor();
	await signIn(instructor, DEMO.instructor, DEMO.password);
	await instructor.getByRole('link', { name: `Buka angkatan ${DEMO.mie.name}` }).click();
	const section = instructor.locator('section', { has: instructor.getByRole('heading', { name: 'Tes yang ditugaskan' }) });
	await section.getByLabel('Tes').selectOption('jft_basic');
	const local = (offsetHours: number) => {
		const d = new Date(Date.now() + offsetHours * 3_600_000 - new Date().getTimezoneOffset() * 60_000);
		return d.toISOString().slice(0, 16);
	};
	// A window that closes before it opens is refused with a message.
	await section.getByLabel('Dibuka').fill(local(2));
	await section.getByLabel('Ditutup').fill(local(1));
	await section.getByRole('button', { name: 'Tugaskan tes' }).click();
	await expect(section.getByRole('alert')).toHaveText('Isi waktu buka dan tutup; waktu tutup harus setelah waktu buka.');
	await section.getByLabel('Dibuka').fill(local(-1));
	await section.getByLabel('Ditutup').fill(local(48));
	await section.getByRole('button', { name: 'Tugaskan tes' }).click();
	const assignment = section.getByRole('article').filter({ hasText: 'JFT-Basic-style' });
	await expect(assignment).toHaveCount(1);

	await openSignUp(page);
	const name = newName('Nanda');
	await submitSignUp(page, { inviteCode: DEMO.mie.inviteCode, name, phone: newPhone(), password: 'hotel-mie-2027' });
	await expect(page).toHaveURL(/\/today$/);
	const assigned = page.locator('section', { has: page.getByRole('heading', { name: 'Tes yang ditugaskan' }) });
	await expect(assigned.getByRole('listitem').filter({ hasText: 'JFT-Basic-style' })).toContainText('Sedang dibuka — kerjakan sekarang');

	await instructor.reload();
	await expect(assignment.locator('tr[data-status="not_started"]')).toContainText(name);
	await expect(assignment.locator('tr[data-status="done"]')).not.toContainText(name);
});
