// End-to-end tests: the production build (`node scripts/e2e.js` builds it) served by scripts/start.js on an
// embedded PGlite database in a fresh temporary DATA_DIR, driven by the system Chromium. Run with
// `npm run test:e2e`; see scripts/e2e.js.
import { defineConfig } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from './tests/e2e/support/browser';

const SERVER_ENV_DROPPED = ['DATABASE_URL', 'PUBLIC_SUPABASE_URL', 'PUBLIC_SUPABASE_ANON_KEY', 'ORIGIN', 'SEED_DEMO'];

const port = Number(process.env.E2E_PORT || 4173);
const baseURL = `http://127.0.0.1:${port}`;

// This file is read by the runner and again by every worker. The runner makes the data directory and passes it
// on through the environment (workers inherit it), and removes it when it exits, after the server has stopped.
if (!process.env.E2E_DATA_DIR) {
	const dir = mkdtempSync(join(tmpdir(), 'hashi-e2e-'));
	process.env.E2E_DATA_DIR = dir;
	process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
}
const dataDir = process.env.E2E_DATA_DIR;

// The server gets this environment, without anything that would point it at a developer's Postgres or Supabase
// project, or pin its origin: the tests run against the embedded database on 127.0.0.1.
const serverEnv: Record<string, string> = {};
for (const [name, value] of Object.entries(process.env)) {
	if (value !== undefined && !SERVER_ENV_DROPPED.includes(name)) serverEnv[name] = value;
}

export default defineConfig({
	testDir: './tests/e2e',
	testMatch: '**/*.test.ts',
	outputDir: './test-results/e2e',
	globalSetup: './tests/e2e/support/global-setup.ts',
	// PGlite is one connection and the machine may have two cores: one test at a time, in a fixed order.
	workers: 1,
	fullyParallel: false,
	// A flaky journey is a defect to fix, not to hide behind a retry.
	retries: 0,
	forbidOnly: !!process.env.CI,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list'], ['github']] : [['list']],
	use: {
		baseURL,
		browserName: 'chromium',
		headless: true,
		launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
		navigationTimeout: 30_000,
		actionTimeout: 15_000,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	webServer: {
		command: 'node scripts/start.js',
		cwd: '.',
		url: `${baseURL}/signin`,
		env: {
			...serverEnv,
			SKIP_BUILD: '1',
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			// Each test context sends its own x-forwarded-for, so the sign-in rate limit (per account and per
			// address) one test provokes cannot lock out another.
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1'
		},
		reuseExistingServer: false,
		// First start migrates and seeds (a dozen bcrypt hashes in WASM): allow for a slow 2-core machine.
		timeout: 180_000,
		stdout: 'pipe',
		stderr: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 }
	}
});
