// `npm test`: the whole suite — type and Svelte checks, Vitest (unit and database tests, on PGlite and on
// TEST_DATABASE_URL when set), then Playwright in Chromium against the production build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const results = [];

function step(name, command, args, env = {}) {
	console.log(`\n━━ ${name} ━━`);
	const started = Date.now();
	const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	results.push({ name, ok: run.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
	return run.status === 0;
}

function counts(file, read) {
	if (!existsSync(file)) return { passed: 0, failed: 0 };
	try {
		return read(JSON.parse(readFileSync(file, 'utf8')));
	} catch {
		return { passed: 0, failed: 0 };
	}
}

const node = process.execPath;
rmSync('.tmp/vitest.json', { force: true });
rmSync('.tmp/playwright.json', { force: true });

step('content build', node, ['node_modules/tsx/dist/cli.mjs', 'scripts/content-build.ts', '--no-load']);
step('svelte-check', 'npm', ['run', '--silent', 'check']);
step('vitest', node, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.tmp/vitest.json']);
step('playwright', node, ['scripts/e2e.js', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: '.tmp/playwright.json' });

const unit = counts('.tmp/vitest.json', (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }));
const e2e = counts('.tmp/playwright.json', (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected }));

console.log('\n━━ summary ━━');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds}s)`);
console.log(`vitest: ${unit.passed} passed, ${unit.failed} failed; playwright: ${e2e.passed} passed, ${e2e.failed} failed`);
const failedSteps = results.filter((r) => !r.ok).length;
console.log(`${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed + failedSteps} failed`);
process.exit(failedSteps > 0 ? 1 : 0);
