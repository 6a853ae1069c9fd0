import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO, newName, newPhone, openSignUp, signIn, submitSignUp } from './support/app';
import { expect, test } from './support/fixtures';

const TABLES = ['totals', 'province', 'center', 'sector', 'destination', 'departure', 'trends', 'tests', 'readiness'];

/** Every route file of the ministry group, so a page or endpoint added later is not left out of the walk. */
function ministryRoutes(dir = 'src/routes/(ministry)'): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? ministryRoutes(join(dir, entry.name)) : /^\+(page|server|layout)/.test(entry.name) ? [join(dir, entry.name)] : []
	);
}

test('no ministry page or endpoint shows a trainee name, phone number or e-mail', async ({ page, newVisitor }) => {
	expect(ministryRoutes().sort()).toEqual(
		['src/routes/(ministry)/ministry/+page.server.ts', 'src/routes/(ministry)/ministry/+page.svelte', 'src/routes/(ministry)/ministry/export/[table]/+server.ts'].sort()
	);

	// Two new trainees in the demo cohorts: one signs up with a phone number, one with an e-mail address.
	const people = [
		{ name: newName('Rahasia'), login: newPhone(), code: DEMO.kagawa.inviteCode },
		{ name: newName('Pribadi'), login: `pribadi.${Date.now()}@example.test`, code: DEMO.mie.inviteCode }
	];
	for (const person of people) {
		const visitor = await newVisitor();
		await openSignUp(visitor);
		await submitSignUp(visitor, { inviteCode: person.code, name: person.name, phone: person.login, password: 'rahasia-sekali-1' });
		await expect(visitor).toHaveURL(/\/today$/);
		// A trainee gets neither the page nor the files.
		expect((await visitor.request.get('/ministry')).status()).toBe(403);
		expect((await visitor.request.get('/ministry/export/totals.csv')).status()).toBe(403);
	}
	const digits = people[0]!.login.replace(/\D/g, '');
	const secrets = [
		...people.map((p) => p.name),
		people[0]!.login,
		digits,
		`62${digits.slice(1)}`,
		people[1]!.login,
		...DEMO_TRAINEE_NAMES
	];

	await signIn(page, DEMO.ministry, DEMO.password);
	await expect(page).toHaveURL(/\/ministry$/);
	const options = await page.locator('form select').evaluateAll((selects) =>
		selects.flatMap((s) => [...(s as HTMLSelectElement).options].filter((o) => o.value).map((o) => `${(s as HTMLSelectElement).name}=${encodeURIComponent(o.value)}`))
	);
	expect(options.length).toBeGreaterThan(5);
	const queries = ['', ...options, options.filter((o) => /^(sector|province)=/.test(o)).join('&')];
	const urls = queries.flatMap((q) => [`/ministry?${q}`, `/ministry/__data.json?${q}`, ...TABLES.map((t) => `/ministry/export/${t}.csv?${q}`)]);
	for (const url of urls) {
		const response = await page.request.get(url);
		expect(response.status(), url).toBe(200);
		const body = await response.text();
		for (const secret of secrets) expect(body.includes(secret), `${url} contains ${secret}`).toBe(false);
	}
	// And what the browser rendered.
	const html = await page.content();
	for (const secret of secrets) expect(html).not.toContain(secret);
});

/** The demo trainees (src/lib/server/demo/data.ts). */
const DEMO_TRAINEE_NAMES = ['Siti Rahmawati', 'Dewi Lestari', 'Agus Setiawan', 'Putri Ayu', 'Maria Goreti'];
