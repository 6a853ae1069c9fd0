import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { DEMO, signIn } from './support/app';
import { expect, test } from './support/fixtures';

test('the demo instructor reads a cohort dashboard, opens an at-risk trainee and downloads a table as CSV', async ({ page }) => {
	await signIn(page, DEMO.instructor, DEMO.password);
	await page.getByRole('link', { name: `Buka dasbor angkatan: ${DEMO.kagawa.name}` }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Dasbor ${DEMO.kagawa.name}` })).toBeVisible();

	// The readiness distribution: the demo trainees have not studied or sat a mock test yet, so all are at risk.
	const distribution = page.getByRole('list', { name: 'Sebaran kesiapan peserta' });
	await expect(distribution.locator('li[data-level="at_risk"]')).toContainText(/\d+ peserta/);
	await expect(page.getByText(/hari lagi menuju keberangkatan/)).toBeVisible();
	const atRisk = page.locator('ul.at-risk > li').filter({ hasText: 'Siti Rahmawati' });
	await expect(atRisk).toContainText('Belum pernah ikut tes simulasi sungguhan');
	// Empty states rather than empty charts.
	await expect(page.getByText(/Belum ada tes simulasi JFT-Basic.* yang dikumpulkan/)).toBeVisible();

	// A CSV of every trainee's readiness, with the columns the page shows.
	await page.getByText('Kesiapan setiap peserta').click();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh CSV: kesiapan' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^kaigo-kagawa-2027-readiness-\d{4}-\d{2}-\d{2}\.csv$/);
	const text = await readFile((await download.path())!, 'utf8');
	const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
	expect(rows[0]).toEqual(['Peserta', 'Tingkat', 'Skor kesiapan (%)', 'Alasan']);
	const siti = rows.find((row) => row[0] === 'Siti Rahmawati');
	expect(siti?.[1]).toBe('Berisiko');
	expect(siti?.[3]).toContain('Belum pernah ikut tes simulasi sungguhan');

	// The trainee's own page.
	await atRisk.getByRole('link', { name: 'Siti Rahmawati' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Siti Rahmawati' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Aktivitas harian' })).toBeVisible();
	await expect(page.getByText(/0 ulasan; belajar 0 dari \d+ hari terakhir/)).toBeVisible();
	await expect(page.getByText('Belum ada tes simulasi yang dikumpulkan.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Tugas yang dikumpulkan' })).toBeVisible();
	await expect(page.getByText('Belum ada tugas tertulis atau lisan yang dikumpulkan.')).toBeVisible();
	const [activity] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh CSV: aktivitas harian' }).click()]);
	const days = Papa.parse<string[]>((await readFile((await activity.path())!, 'utf8')).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
	expect(days[0]).toEqual(['Tanggal', 'Ulasan']);
	expect(days.length).toBeGreaterThan(7 * 15);
});
