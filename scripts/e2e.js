// `npm run test:e2e`: the end-to-end tests against a production build, in the system Chromium.
// Checks the browser first (a missing one is a failure, never a skip; nothing is downloaded), builds once unless
// SKIP_BUILD=1, then runs `playwright test` with any extra arguments, e.g. `npm run test:e2e -- --grep language`.
// The server itself is started by playwright.config.ts (webServer) on a fresh temporary DATA_DIR.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
try {
	if (!statSync(chromium).isFile()) throw new Error('not a file');
	accessSync(chromium, constants.X_OK);
} catch (error) {
	console.error(
		`The end-to-end tests need Chromium, but ${chromium} is missing or not executable (${error.code ?? error.message}).\n` +
			'Install the system Chromium (e.g. apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome ' +
			'executable. The tests never download a browser.'
	);
	process.exit(1);
}

function run(args, what) {
	const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
	if (result.error) {
		console.error(`${what} could not start: ${result.error.message}`);
		process.exit(1);
	}
	if (result.signal) {
		console.error(`${what} was stopped by ${result.signal}.`);
		process.exit(1);
	}
	return result.status ?? 1;
}

if (process.env.SKIP_BUILD !== '1') {
	console.log('Building Hashi for the end-to-end tests…');
	const status = run(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], 'The build');
	if (status !== 0) {
		console.error(`\nThe build failed (exit ${status}); see the messages above.`);
		process.exit(status);
	}
}

process.exit(run(['node_modules/@playwright/test/cli.js', 'test', ...process.argv.slice(2)], 'Playwright'));
