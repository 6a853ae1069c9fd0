import { DEMO, newName, newPhone, openSignUp, signIn, submitSignUp } from './support/app';
import { expect, test } from './support/fixtures';

/** The coming Friday (today if it is Friday) as a date field writes it, in the browser's zone. */
function nextFriday(now = new Date()): string {
	const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + ((5 - now.getDay() + 7) % 7));
	return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

test('an instructor assigns a lesson due Friday; a new trainee completes it from Today; the instructor sees it done', async ({ page, newVisitor }) => {
	const instructor = await newVisitor();
	await signIn(instructor, DEMO.instructor, DEMO.password);
	await instructor.getByRole('link', { name: `Buka angkatan ${DEMO.kagawa.name}` }).click();
	const section = instructor.locator('section', { has: instructor.getByRole('heading', { name: 'Tugas pelajaran dan target belajar' }) });
	// The cohort's own sector comes first: its first lesson is a caregiving one.
	const lessons = section.getByLabel('Pelajaran', { exact: true });
	await expect(lessons.locator('optgroup').first()).toHaveAttribute('label', /^Perawatan lansia/);
	const lesson = (await lessons.locator('option').first().textContent())!.trim();
	await lessons.selectOption({ label: lesson });
	await section.locator('form', { has: instructor.getByRole('button', { name: 'Tugaskan pelajaran' }) }).getByLabel('Tenggat (akhir hari)').fill(nextFriday());
	await section.getByRole('button', { name: 'Tugaskan pelajaran' }).click();
	const assignment = section.locator('article', { has: instructor.getByRole('heading', { name: lesson }) }).first();
	await expect(assignment).toBeVisible();

	const name = newName('Sari');
	await openSignUp(page);
	await submitSignUp(page, { inviteCode: DEMO.kagawa.inviteCode, name, phone: newPhone(), password: 'kagawa-tugas-1' });
	await expect(page).toHaveURL(/\/today$/);
	const work = page.locator('section', { has: page.getByRole('heading', { name: 'Tugas', exact: true }) });
	const item = work.getByRole('listitem').filter({ hasText: lesson }).first();
	await expect(item).toContainText('Belum mulai');
	await item.getByRole('link', { name: lesson }).click();
	await expect(page).toHaveURL(/\/learn\/lesson\//);
	await page.getByRole('button', { name: 'Selesai — tambahkan kata ke latihan saya' }).click();
	await expect(page).toHaveURL(/\/learn\/caregiving\?added=\d+$/);
	await page.goto('/today');
	await expect(work.getByRole('listitem').filter({ hasText: lesson }).first()).toContainText('Selesai');

	await instructor.reload();
	await expect(assignment.locator('tr[data-status="done"]')).toContainText(name);
	await expect(assignment.locator('tr[data-status="not_started"]')).not.toContainText(name);
});
