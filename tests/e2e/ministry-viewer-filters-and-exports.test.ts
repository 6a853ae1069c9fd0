import { readFileSync } from 'node:fs';
import { DEMO, signIn } from './support/app';
import { expect, test } from './support/fixtures';

test('a ministry viewer signs in, filters by sector and province, and exports a table as CSV', async ({ page }) => {
	await signIn(page, DEMO.ministry, DEMO.password);
	await expect(page).toHaveURL(/\/ministry$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Ringkasan kesiapan nasional' })).toBeVisible();
	await expect(page.getByTestId('scope')).toHaveText('Seluruh Indonesia');

	const filters = page.getByRole('form', { name: 'Saring' });
	await filters.getByLabel('Sektor').selectOption('caregiving');
	await filters.getByLabel('Provinsi').selectOption('Kalimantan Tengah');
	await filters.getByRole('button', { name: 'Terapkan' }).click();
	await expect(page).toHaveURL(/[?&]sector=caregiving/);
	await expect(page).toHaveURL(/[?&]province=Kalimantan\+Tengah/);
	await expect(page.getByTestId('scope')).toContainText('Kalimantan Tengah');
	await expect(filters.getByLabel('Sektor')).toHaveValue('caregiving');

	// The demo center has a handful of trainees per cohort: every count about them reads "<5".
	const byProvince = page.locator('section', { has: page.getByRole('heading', { name: 'Menurut provinsi' }) });
	const row = byProvince.getByRole('row', { name: /Kalimantan Tengah/ });
	await expect(row).toContainText('<5');
	await expect(byProvince.getByRole('img', { name: 'Grafik: Menurut provinsi' })).toBeVisible();

	const [download] = await Promise.all([page.waitForEvent('download'), byProvince.getByRole('link', { name: 'Unduh CSV: Menurut provinsi' }).click()]);
	expect(download.suggestedFilename()).toBe('hashi-province.csv');
	const csv = readFileSync((await download.path())!, 'utf8');
	const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
	expect(lines[0]).toBe('Provinsi,Dalam pelatihan,Siap berangkat,Sudah berangkat,Mengundurkan diri,Jumlah');
	expect(lines[1]).toMatch(/^Kalimantan Tengah,/);
	// No figure under 5 in the file: each is either "<5" or 5 or more.
	for (const cell of lines.slice(1).flatMap((line) => line.split(',').slice(1))) expect(cell === '<5' || Number(cell) >= 5).toBe(true);
});
