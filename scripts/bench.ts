// `npm run bench`: measures the performance figures Hashi has targets for and prints them as one table.
// Sections run in order, each a module in scripts/bench/ whose run() prints its own detail and returns rows:
//   1. bundle.ts  — gzipped JS a first visit to each trainee route loads (builds first if build/ is stale)
//   2. grading.ts — grade → next card in the drill, in Chromium, against the production server
//   3. sync.ts    — syncReviews for a batch of 1,000 reviews, on PGlite and on TEST_DATABASE_URL/BENCH_DATABASE_URL
//   4. ministry.ts — a generated nation (20M reviews) on the server: the ministry overview and the rollup refresh
//                    (only with BENCH_NATION=1: generating it takes about ten minutes)
//   5. dashboard.ts — the cohort dashboard's and one trainee page's server-side data, 200 trainees and 200,000 review
//                    logs in one cohort, on PGlite and on TEST_DATABASE_URL/BENCH_DATABASE_URL (median and p95)
// Settings: BENCH_LIMIT_S (time limit), BENCH_GRADES (grades per drill row, default 64), BENCH_PROFILE=1 (CPU profile
// of the drill at 4×), BENCH_DEBUG=1 (stack traces), CHROMIUM_PATH, BENCH_DATABASE_URL / TEST_DATABASE_URL.
// A figure that misses its target is marked FAIL but the exit code stays 0: the exit code says whether the bench
// could run (1 when a section could not), not whether the app is fast. The whole run is bounded (BENCH_LIMIT_S,
// default 290 s), uses only loopback, and ends every process and temporary directory it made.
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cleanupAll, run as bench } from './bench/cleanup';
import { heading, table, type Row } from './bench/report';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
// The server code imports some files with Vite's `?raw`; teach this process the same.
register('./bench/raw-hooks.mjs', import.meta.url);

interface Section {
	title: string;
	load: () => Promise<{ run: () => Promise<Row[]> }>;
}

const sections: Section[] = [
	{ title: '1. Gzipped JS per route (production build)', load: () => import('./bench/bundle') },
	{ title: '2. Grading → next card on the device (Chromium)', load: () => import('./bench/grading') },
	{ title: '3. Syncing 1,000 queued reviews (server)', load: () => import('./bench/sync') },
	{ title: '4. Ministry overview and rollups, generated nation (server)', load: () => import('./bench/ministry') },
	{ title: '5. Cohort dashboard: 200 trainees, 200,000 review logs (server)', load: () => import('./bench/dashboard') }
];

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
const limitS = Number(process.env.BENCH_LIMIT_S || (process.env.BENCH_NATION === '1' ? 1500 : 290));
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
for (const section of sections) {
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
