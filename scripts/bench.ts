// `npm run bench`: measures the performance figures Hashi has targets for and prints them as one table.
// Sections run in order, each a module in scripts/bench/ whose run() prints its own detail and returns rows:
//   1. bundle.ts  — gzipped JS a first visit to each trainee route loads (builds first if build/ is stale)
//   2. grading.ts — grade → next card in the drill, in Chromium, against the production server
//   3. sync.ts    — syncReviews for a batch of 1,000 reviews, on PGlite and on TEST_DATABASE_URL/BENCH_DATABASE_URL
//   4. ministry.ts — a generated nation (20M reviews) on the server: the ministry overview and the rollup refresh
//                    (only with BENCH_NATION=1: generating it takes about ten minutes)
//   5. dashboard.ts — the cohort dashboard's and one trainee page's server-side data, 200 trainees and 200,000 review
//                    logs in one cohort, on PGlite and on TEST_DATABASE_URL/BENCH_DATABASE_URL (median and p95)
//   6. lighthouse.ts — Lighthouse (mobile preset) on sign-in, Today and the drill (a trainee) and the cohort dashboard
//                    (the demo instructor), then the PWA's installability as Chromium reports it over CDP
//   7. load.ts      — 200 trainees at once syncing reviews and loading Today: autocannon from a second process against
//                    the production server on TEST_DATABASE_URL/BENCH_DATABASE_URL (requests/s, p50/p95/p99, errors)
// Settings: BENCH_ONLY (sections by file name, comma-separated: BENCH_ONLY=dashboard), BENCH_LIMIT_S (time limit),
// BENCH_GRADES (grades per drill row, default 64), BENCH_PROFILE=1 (CPU profile of the drill at 4×), BENCH_DEBUG=1
// (stack traces), CHROMIUM_PATH (or CHROME_PATH), BENCH_DATABASE_URL / TEST_DATABASE_URL, BENCH_LIGHTHOUSE_REPORTS=dir
// (keep Lighthouse's JSON reports), BENCH_LOAD_SECONDS (default 20), BENCH_LOAD_PACE_MS (each trainee's request interval).
// A figure that misses its target is marked FAIL but the exit code stays 0: the exit code says whether the bench
// could run (1 when a section could not), not whether the app is fast. The whole run is bounded (BENCH_LIMIT_S,
// default 480 s), uses only loopback, and ends every process and temporary directory it made.
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cleanupAll, run as bench } from './bench/cleanup';
import { heading, table, type Row } from './bench/report';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
// The server code imports some files with Vite's `?raw`; teach this process the same.
register('./bench/raw-hooks.mjs', import.meta.url);

interface Section {
	/** What BENCH_ONLY calls it: the module's file name. */
	name: string;
	title: string;
	load: () => Promise<{ run: () => Promise<Row[]> }>;
}

const sections: Section[] = [
	{ name: 'bundle', title: '1. Gzipped JS per route (production build)', load: () => import('./bench/bundle') },
	{ name: 'grading', title: '2. Grading → next card on the device (Chromium)', load: () => import('./bench/grading') },
	{ name: 'sync', title: '3. Syncing 1,000 queued reviews (server)', load: () => import('./bench/sync') },
	{ name: 'ministry', title: '4. Ministry overview and rollups, generated nation (server)', load: () => import('./bench/ministry') },
	{ name: 'dashboard', title: '5. Cohort dashboard: 200 trainees, 200,000 review logs (server)', load: () => import('./bench/dashboard') },
	{ name: 'lighthouse', title: '6. Lighthouse, mobile preset, and installability (production build, Chromium)', load: () => import('./bench/lighthouse') },
	{ name: 'load', title: '7. Load: 200 trainees syncing and loading Today (production server, PostgreSQL)', load: () => import('./bench/load') }
];

// BENCH_ONLY=dashboard (or a comma-separated list) runs only those sections.
const only = (process.env.BENCH_ONLY ?? '').split(',').map((name) => name.trim()).filter(Boolean);
const unknown = only.filter((name) => !sections.some((section) => section.name === name));
if (unknown.length > 0) {
	console.error(`bench: BENCH_ONLY names no section: ${unknown.join(', ')} (sections: ${sections.map((s) => s.name).join(', ')})`);
	process.exit(1);
}
const chosen = only.length === 0 ? sections : sections.filter((section) => only.includes(section.name));

const rows: Row[] = [];
let broken = 0;
const started = Date.now();

const COULD_NOT_RUN = 'could not run';

function printTable(): void {
	heading(`Hashi bench — ${new Date().toISOString()} — ${((Date.now() - started) / 1000).toFixed(0)} s`);
	console.log(table(rows));
	const failed = rows.filter((r) => r.ok === false && r.value !== COULD_NOT_RUN).length;
	console.log(
		`\n${failed === 0 ? 'Every figure measured met its target.' : `${failed} figure(s) missed the target (FAIL).`}` +
			(broken ? ` ${broken} section(s) could not run: the bench exits 1.` : '')
	);
}

let finishing: Promise<never> | undefined;
/** Cleans up and exits; the first caller's exit code stands (a signal or the time limit over a normal end). */
function finish(code: number): Promise<never> {
	finishing ??= (async () => {
		await cleanupAll();
		process.exit(code);
	})();
	return finishing;
}

// Generating the ministry's nation (BENCH_NATION=1) alone takes about ten minutes.
const limitS = Number(process.env.BENCH_LIMIT_S || (process.env.BENCH_NATION === '1' ? 1700 : 480));
const watchdog = setTimeout(() => {
	bench.stopping = true;
	console.error(`\nbench: stopped at its time limit of ${limitS} s (BENCH_LIMIT_S); the figures so far:`);
	rows.push({ figure: `(time limit reached during: ${current})`, value: COULD_NOT_RUN, target: '', ok: false });
	broken++;
	printTable();
	void finish(1);
}, limitS * 1000);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		bench.stopping = true;
		console.error(`\nbench: ${signal}, cleaning up; the figures so far:`);
		printTable();
		void finish(signal === 'SIGINT' ? 130 : 143);
	});
}

let current = '';
for (const section of chosen) {
	current = section.title;
	heading(section.title);
	try {
		const { run } = await section.load();
		rows.push(...(await run()));
	} catch (error) {
		if (bench.stopping) break; // the time limit or a signal ended it: already reported
		broken++;
		const message = error instanceof Error ? error.message : String(error);
		console.error(`   ${COULD_NOT_RUN}: ${message}`);
		if (error instanceof Error && error.stack && process.env.BENCH_DEBUG) console.error(error.stack);
		rows.push({ figure: section.title, value: COULD_NOT_RUN, target: '', ok: false });
	}
	if (bench.stopping) break;
	// Anything a section left behind (it should have stopped its own) goes before the next one starts.
	await cleanupAll();
}
if (bench.stopping) await finishing; // exits with the code of whatever stopped the bench

clearTimeout(watchdog);
printTable();
await finish(broken > 0 ? 1 : 0);
