// End-to-end tests: the production build served by scripts/start.js on an embedded PGlite database in a fresh
// temporary DATA_DIR, driven by the system Chromium (never a downloaded one). Run `npm run test:e2e`
// (scripts/e2e.js checks the browser and builds first); extra arguments go to `playwright test`.
import { defineConfig } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from './tests/e2e/support/browser';
import { SERVER_ENV_REMOVED, serverEnv } from './tests/e2e/support/server';

const port = Number(process.env.E2E_PORT || 4173);
const baseURL = `http://127.0.0.1:${port}`;

// This file is read by the runner and again by each worker. The runner makes the data directory, workers inherit
// it through the environment, and the runner removes it as it exits (after it has stopped the server).
if (!process.env.E2E_DATA_DIR) {
	const dir = mkdtempSync(join(tmpdir(), 'hashi-e2e-'));
	process.env.E2E_DATA_DIR = dir;
	process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
}

// Playwright lays webServer.env over its own environment, so what the server must not see goes from there too.
for (const name of SERVER_ENV_REMOVED) delete process.env[name];

export default defineConfig({
	testDir: './tests/e2e',
	testMatch: '**/*.test.ts',
	outputDir: './test-results/e2e',
	globalSetup: './tests/e2e/support/global-setup.ts',
	// PGlite is one connection and CI machines may have two cores: one test at a time, in a fixed order.
	workers: 1,
	fullyParallel: false,
	// A flaky journey is a defect to fix, not one to hide behind a retry.
	retries: 0,
	forbidOnly: !!process.env.CI,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL,
		browserName: 'chromium',
		headless: true,
		// A fake microphone (a beep) that needs no permission prompt, for the spoken-task journey.
		launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] },
		navigationTimeout: 30_000,
		actionTimeout: 15_000,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	webServer: {
		command: 'node scripts/start.js',
		cwd: '.',
		url: `${baseURL}/signin`,
		// SKIP_BUILD=1, this port and data directory, client addresses from x-forwarded-for (see support/server.ts).
		env: serverEnv({ port, dataDir: process.env.E2E_DATA_DIR }),
		reuseExistingServer: false,
		// The first start migrates and seeds the demo center (bcrypt in WASM): generous for a slow 2-core machine.
		timeout: 180_000,
		stdout: 'ignore',
		stderr: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 }
	}
});
