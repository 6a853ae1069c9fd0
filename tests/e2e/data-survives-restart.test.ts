// Its own server (not the suite's webServer): start, sign a trainee up, stop with SIGTERM as a service manager
// would, start again on the same DATA_DIR, and the trainee is still there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO, newName, newPhone, openSignUp, signIn, submitSignUp } from './support/app';
import { expect, test } from './support/fixtures';
import { freePort, startServer, type RunningServer } from './support/server';

test.describe('data survives a restart', () => {
	// Two cold starts of the server (migrations, demo seed) on a slow machine, plus the browser work.
	test.describe.configure({ timeout: 300_000 });

	let dataDir = '';
	const servers: RunningServer[] = [];

	test.beforeAll(() => {
		dataDir = mkdtempSync(join(tmpdir(), 'hashi-e2e-restart-'));
	});

	test.afterAll(async () => {
		for (const server of servers) server.kill();
		await Promise.all(servers.map((server) => server.stop()));
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	});

	test('a trainee who signed up can sign in after the server restarts on the same data directory', async ({ newVisitor }) => {
		const port = await freePort();
		const trainee = { inviteCode: DEMO.mie.inviteCode, name: newName('Wayan'), phone: newPhone(), password: 'omotenashi-2027' };

		const first = await startServer({ port, dataDir });
		servers.push(first);
		const before = await newVisitor({ baseURL: first.url });
		await openSignUp(before);
		await submitSignUp(before, trainee);
		await expect(before).toHaveURL(/\/today$/);
		await expect(before.getByRole('heading', { level: 1 })).toHaveText(`Halo, ${trainee.name}!`);

		const exitCode = await first.stop();
		expect(exitCode, `the server stops cleanly on SIGTERM. Output:\n${first.output()}`).toBe(0);
		// Nothing answers while it is down (asked directly: the service worker would serve the study pages offline).
		await expect(before.request.get('/signin')).rejects.toThrow();

		const second = await startServer({ port, dataDir });
		servers.push(second);

		// The session from before the restart still holds (the signing key is kept in DATA_DIR)...
		await before.goto('/today');
		await expect(before.getByRole('heading', { level: 1 })).toHaveText(`Halo, ${trainee.name}!`);

		// ...and on another phone the trainee signs in with the password chosen at sign-up.
		const after = await newVisitor({ baseURL: second.url });
		await signIn(after, trainee.phone, trainee.password);
		await expect(after).toHaveURL(/\/today$/);
		await expect(after.getByRole('heading', { level: 1 })).toHaveText(`Halo, ${trainee.name}!`);
		await expect(after.getByRole('heading', { level: 2, name: `Angkatan Anda: ${DEMO.mie.name}` })).toBeVisible();
	});
});
