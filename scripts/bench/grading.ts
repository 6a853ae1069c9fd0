// 2. Grading → next card on the device: the time from a grade to the next card being in the DOM, as the drill
// page itself measures it (performance.mark('hashi:grade') … performance.measure('hashi:grade-to-next') after
// Svelte's tick(), in src/routes/(trainee)/study/+page.svelte).
//
// How: the production server (`SKIP_BUILD=1 node scripts/start.js`, loopback only, a fresh temporary DATA_DIR so
// it migrates and seeds the demo center), the system Chromium through playwright-core (never downloaded). A new
// trainee signs up with the demo invite code, completes two caregiving lessons (about 20 words; today's new-card
// limit stays 10), opens the recognition drill from Today and grades: click "Lihat jawaban", then a rating key.
// Ratings are a fixed mix of Lupa/Sulit/Bisa that never graduates a card (no second "Bisa" in a row for a card),
// so learning steps keep all ten cards coming back and the session lasts as long as we like. The page's own
// measures are read with performance.getEntriesByName. A second run with the CPU slowed 4× through CDP
// (Emulation.setCPUThrottlingRate) stands for a cheap phone; the target applies to the unthrottled run.
// Alongside, Event Timing (the API behind INP) reports rating keypresses that took ≥ 16 ms to the next paint (the
// page's measure stops when the DOM is updated; Event Timing goes on to the frame). BENCH_PROFILE=1 adds a CPU
// profile of the 4× run, counting only the samples inside the page's grade→next measures: where that time goes.
import { accessSync, constants, mkdtempSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureBuild, routeJs } from './bundle';
import { run as cleanupRun, onCleanup, removeDirLater, startChild, type Child } from './cleanup';
import { detail, ms, percentile, type Row } from './report';

const GRADES = Number(process.env.BENCH_GRADES || 64);
const TARGET_MS = 16;
const READY = /Hashi is running: (http:\/\/\S+)/;
/** Settings from a developer's shell that would point the server elsewhere (as tests/e2e/support/server.ts). */
const REMOVED = ['DATABASE_URL', 'PUBLIC_SUPABASE_URL', 'PUBLIC_SUPABASE_ANON_KEY', 'ORIGIN', 'AUTH_SECRET', 'SEED_DEMO'];

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no free port'))));
		});
	});
}

/** The production server on a free loopback port; `extra` settings (e.g. DATABASE_URL) are added to its environment. */
export async function startHashi(extra: NodeJS.ProcessEnv = {}): Promise<{ url: string; server: Child }> {
	const port = await freePort();
	const dataDir = mkdtempSync(join(tmpdir(), 'hashi-bench-'));
	removeDirLater(dataDir); // registered first, so it is removed after the server has stopped
	const env: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(process.env)) if (!REMOVED.includes(name)) env[name] = value;
	Object.assign(env, { SKIP_BUILD: '1', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'production' });
	Object.assign(env, extra);
	const server = startChild('Hashi server', process.execPath, ['scripts/start.js'], { env });
	const started = Date.now();
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`the server did not print "Hashi is running" within 120 s:\n${server.output()}`)), 120_000);
		const check = () => {
			const match = READY.exec(server.output());
			if (match) {
				clearTimeout(timer);
				server.process.stdout!.off('data', check);
				resolve(`http://127.0.0.1:${port}`);
			}
		};
		server.process.stdout!.on('data', check);
		void server.exited.then((code) => {
			clearTimeout(timer);
			reject(new Error(`the server exited (code ${code}) before it was running:\n${server.output()}`));
		});
	});
	detail(`Server on ${url} (DATA_DIR ${dataDir}), ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return { url, server };
}

/** Clicks before hydration reach the browser's own form handling; wait until `use:enhance` is attached. */
function noteHydration(): void {
	const original = HTMLFormElement.prototype.addEventListener;
	HTMLFormElement.prototype.addEventListener = function (this: HTMLFormElement, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
		if (type === 'submit') (window as unknown as { __benchHydrated?: boolean }).__benchHydrated = true;
		return original.call(this, type, listener as EventListenerOrEventListenerObject, options);
	};
}
const hydrated = (page: Page) => page.waitForFunction(() => (window as unknown as { __benchHydrated?: boolean }).__benchHydrated === true);

async function signUpAndLearn(page: Page): Promise<number> {
	await page.goto('/signup');
	await hydrated(page);
	const digits = String(randomInt(0, 100_000_000)).padStart(8, '0');
	await page.getByLabel('Kode undangan', { exact: true }).fill('KAGAWA27');
	await page.getByLabel('Nama lengkap', { exact: true }).fill(`Bench Peserta ${digits.slice(0, 4)}`);
	await page.getByLabel('Nomor HP atau e-mail', { exact: true }).fill(`0812-${digits.slice(0, 4)}-${digits.slice(4)}`);
	await page.getByLabel('Kata sandi', { exact: true }).fill('bench-hashi-2026');
	await page.getByLabel('Saya sudah membaca pemberitahuan privasi ini dan setuju.', { exact: true }).check();
	await page.getByRole('button', { name: 'Buat akun', exact: true }).click();
	await page.waitForURL(/\/today$/);

	let added = 0;
	for (let lesson = 0; lesson < 2; lesson++) {
		await page.goto('/learn/caregiving');
		await page.locator('.lessons li:not(.done)').filter({ hasText: /\d+ kata/ }).first().locator('a').click();
		await page.getByRole('button', { name: 'Selesai — tambahkan kata ke latihan saya' }).click();
		await page.waitForURL(/\/learn\/caregiving\?added=\d+$/);
		added += Number(new URL(page.url()).searchParams.get('added'));
	}
	return added;
}

/** The modulepreload links (tags and Link header) and boot import()s of a page as the server sends it, as build/client paths. */
async function servedJs(page: Page, path: string): Promise<Set<string>> {
	const response = await page.request.get(path);
	const html = await response.text();
	const found = new Set<string>();
	const add = (url: string) => found.add(decodeURI(url.slice(url.indexOf('_app/'))));
	for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
		const href = /href="([^"]+)"/.exec(tag)?.[1];
		if (href && /rel="modulepreload"/.test(tag)) add(href);
	}
	for (const m of (response.headers()['link'] ?? '').matchAll(/<([^>]+)>;\s*rel="modulepreload"/g)) add(m[1]!);
	for (const m of html.matchAll(/import\("([^"]+_app\/[^"]+\.js)"\)/g)) add(m[1]!);
	return found;
}

interface Phase {
	times: number[];
	slowKeys: number;
	slowestKey: number;
	keys: number;
	finishedEarly: boolean;
}

/** Grades `count` cards and returns the page's own grade→next measures for them. */
async function gradePhase(page: Page, count: number, atStepTwo: Map<string, boolean>, offset: number): Promise<Phase> {
	const pattern = [3, 1, 2, 3, 1, 1, 3, 2] as const;
	const before = await page.evaluate(() => performance.getEntriesByName('hashi:grade-to-next').length);
	await page.evaluate(() => {
		const w = window as unknown as { __benchKeys: number[] };
		w.__benchKeys = [];
	});
	const reveal = page.getByRole('button', { name: 'Lihat jawaban' });
	const finished = page.getByText(/^Selesai! \d+ kartu dilatih\.$/);
	let done = 0;
	let finishedEarly = false;
	for (; done < count; done++) {
		await reveal.or(finished).first().waitFor();
		if (await finished.isVisible()) {
			finishedEarly = true;
			break;
		}
		const term = (await page.locator('.drill .prompt').innerText()).trim();
		await reveal.click();
		let rating: number = pattern[(offset + done) % pattern.length]!;
		// A second "Bisa" would graduate the card (next due in days); "Sulit" keeps it on its step instead.
		if (rating === 3 && atStepTwo.get(term)) rating = 2;
		if (rating === 3) atStepTwo.set(term, true);
		if (rating === 1) atStepTwo.set(term, false);
		await page.keyboard.press(String(rating));
		await page.waitForFunction((n) => performance.getEntriesByName('hashi:grade-to-next').length >= n, before + done + 1);
	}
	await page.waitForTimeout(100); // let the last keypress's Event Timing entry arrive
	const { times, keys } = await page.evaluate((from) => ({
		times: performance.getEntriesByName('hashi:grade-to-next').slice(from).map((e) => e.duration),
		keys: (window as unknown as { __benchKeys: number[] }).__benchKeys
	}), before);
	return { times, keys: done, slowKeys: keys.length, slowestKey: keys.length ? Math.max(...keys) : 0, finishedEarly };
}

function observeKeys(): void {
	const w = window as unknown as { __benchKeys: number[] };
	w.__benchKeys = [];
	try {
		new PerformanceObserver((list) => {
			// Only rating keys are pressed on this page (the answer is revealed with a click).
			for (const entry of list.getEntries()) if (entry.name === 'keydown') w.__benchKeys.push(entry.duration);
		}).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
	} catch {
		// no Event Timing: the count stays 0
	}
}

interface CpuProfile {
	startTime: number;
	nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
	samples?: number[];
	timeDeltas?: number[];
}

/**
 * Where the time inside the page's grade→next measures went, from a CDP CPU profile: samples are placed on the
 * page's clock with the marker loop, and only those inside a hashi:grade-to-next window are summed (self time).
 */
function printProfile(profile: CpuProfile, marker: number, windows: [number, number][]): void {
	const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
	const samples = profile.samples ?? [];
	const deltas = profile.timeDeltas ?? [];
	const times: number[] = [];
	let t = profile.startTime;
	for (let i = 0; i < samples.length; i++) times.push((t += deltas[i] ?? 0));
	const first = samples.findIndex((id) => byNode.get(id)?.functionName === '__benchClockMarker');
	if (first < 0) {
		detail('  CPU profile: the clock marker was not sampled; no attribution.');
		return;
	}
	const offset = times[first]! / 1000 - marker; // profile ms − page ms
	const byFunction = new Map<string, number>();
	const byScript = new Map<string, number>();
	let inside = 0;
	for (let i = 0; i < samples.length - 1; i++) {
		const at = times[i]! / 1000 - offset;
		if (!windows.some(([a, b]) => at >= a && at < b)) continue;
		const frame = byNode.get(samples[i]!)!;
		const us = times[i + 1]! - times[i]!;
		inside += us;
		const script = frame.url ? frame.url.slice(frame.url.lastIndexOf('/') + 1) : frame.functionName || '(native)';
		byScript.set(script, (byScript.get(script) ?? 0) + us);
		const key = `${frame.functionName || '(anonymous)'}${frame.url ? ` ${script}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : ''}`;
		byFunction.set(key, (byFunction.get(key) ?? 0) + us);
	}
	const measured = windows.slice(-GRADES).reduce((sum, [a, b]) => sum + b - a, 0);
	const top = (map: Map<string, number>, n: number) =>
		[...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${((100 * us) / Math.max(1, inside)).toFixed(0).padStart(3)}%  ${(us / 1000).toFixed(1).padStart(6)} ms  ${k}`);
	detail(`  CPU profile at 4×, inside the grade→next measures: ${(inside / 1000).toFixed(0)} ms sampled of ${measured.toFixed(0)} ms measured`);
	detail('  by script (self time):');
	for (const line of top(byScript, 10)) detail(`    ${line}`);
	detail('  by function (self time):');
	for (const line of top(byFunction, 15)) detail(`    ${line}`);
}

function keys(phase: Phase): string {
	if (phase.slowKeys === 0) return `all ${phase.keys} under 16 ms`;
	return `${phase.slowKeys} of ${phase.keys} took 16 ms or more, the longest ${ms(phase.slowestKey, 0)} (INP counts ≤ 200 ms as good)`;
}

/** The five slowest grades with their number in the session, e.g. "8.4 ms (#58)". */
function slowest(times: number[], before: number): string {
	return times
		.map((t, i) => ({ t, n: before + i + 1 }))
		.sort((a, b) => b.t - a.t)
		.slice(0, 5)
		.map(({ t, n }) => `${ms(t)} (#${n})`)
		.join(', ');
}

function summary(times: number[]): string {
	return `p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(Math.max(...times))}`;
}

export async function run(): Promise<Row[]> {
	const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
	try {
		if (!statSync(executablePath).isFile()) throw new Error('not a file');
		accessSync(executablePath, constants.X_OK);
	} catch (error) {
		throw new Error(`Chromium is needed at ${executablePath} (or set CHROMIUM_PATH): ${(error as Error).message}. Nothing is downloaded.`);
	}
	await ensureBuild();
	const { url, server } = await startHashi();
	let browser: Browser | undefined;
	const closeBrowser = onCleanup('Chromium', async () => {
		await browser?.close();
	});
	try {
		browser = await chromium.launch({
			executablePath,
			headless: true,
			args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
			timeout: 60_000
		});
		detail(`Chromium ${browser.version()} (${executablePath})`);
		const context = await browser.newContext({ baseURL: url });
		await context.addInitScript(noteHydration);
		const page = await context.newPage();
		page.setDefaultTimeout(30_000);

		const added = await signUpAndLearn(page);
		detail(`Signed up a trainee (KAGAWA27), completed 2 caregiving lessons: ${added} words in the deck`);

		// The manifest walk of section 1, checked against what the server actually sends this trainee.
		const expected = await routeJs(['/(trainee)/today', '/(trainee)/study']);
		for (const route of expected) {
			const path = route.routeId.replace('/(trainee)', '');
			const served = await servedJs(page, path);
			const same = served.size === route.files.length && route.files.every((f) => served.has(f));
			detail(`Cross-check of section 1: ${path} as served preloads ${served.size} JS files; the manifest walk gives ${route.files.length}: ${same ? 'the same set' : 'DIFFERENT'}`);
			if (!same) {
				detail(`  only served: ${[...served].filter((f) => !route.files.includes(f)).join(', ') || '—'}`);
				detail(`  only in the walk: ${route.files.filter((f) => !served.has(f)).join(', ') || '—'}`);
			}
		}

		await page.goto('/today');
		// The phone first shows what IndexedDB held from the visit right after sign-up (no cards yet), then syncs.
		await page.getByTestId('new-count').filter({ hasText: /^[1-9]\d*$/ }).waitFor();
		const newToday = await page.getByTestId('new-count').innerText();
		await page.getByRole('link', { name: 'Mulai latihan' }).click();
		await page.waitForURL(/\/study\?mode=recognition$/);
		await page.evaluate(observeKeys);
		detail(`Drill: recognition, ${newToday} new cards today; grading ${GRADES} cards per row`);

		const atStepTwo = new Map<string, boolean>();
		const started = Date.now();
		const normal = await gradePhase(page, GRADES, atStepTwo, 0);
		detail(`  unthrottled: ${normal.times.length} grades in ${((Date.now() - started) / 1000).toFixed(1)} s — ${summary(normal.times)}`);
		detail(`    rating keypress → next paint (Event Timing, as INP counts it; includes waiting for the next frame): ${keys(normal)}`);

		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
		// BENCH_PROFILE=1: a CPU profile of the page while it grades at 4×, summed by function (where the time goes).
		const profiling = process.env.BENCH_PROFILE === '1';
		let marker = 0;
		if (profiling) {
			await cdp.send('Profiler.enable');
			await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
			await cdp.send('Profiler.start');
			// A named busy loop whose start we know on the page's clock: it lines the profile's clock up with it.
			// (A string, so the bundler's name-keeping helpers do not end up in the page.)
			marker = await page.evaluate<number>(
				'(function __benchClockMarker() { const start = performance.now(); while (performance.now() - start < 20); return start; })()'
			);
		}
		const slowStarted = Date.now();
		const slow = await gradePhase(page, GRADES, atStepTwo, normal.keys);
		const profile = profiling ? (await cdp.send('Profiler.stop')).profile : null;
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
		detail(`  4× slower CPU: ${slow.times.length} grades in ${((Date.now() - slowStarted) / 1000).toFixed(1)} s — ${summary(slow.times)}`);
		detail(`    rating keypress → next paint (Event Timing): ${keys(slow)}`);
		if (profile) {
			const windows = await page.evaluate(() =>
				performance.getEntriesByName('hashi:grade-to-next').map((e) => [e.startTime, e.startTime + e.duration] as [number, number])
			);
			printProfile(profile, marker, windows);
		}
		detail(`  slowest grades (#n counts from the session's start; it syncs after #10, #20, …), unthrottled: ${slowest(normal.times, 0)}`);
		detail(`  … at 4×: ${slowest(slow.times, normal.times.length)}`);
		if (normal.finishedEarly || slow.finishedEarly) detail('  WARNING: the session ran out of cards before the planned number of grades.');

		const p95 = percentile(normal.times, 95);
		const slowP95 = percentile(slow.times, 95);
		return [
			{
				figure: `Grade → next card, p95 (n=${normal.times.length})`,
				value: ms(p95),
				target: `< ${TARGET_MS} ms`,
				ok: normal.times.length >= 60 && p95 < TARGET_MS
			},
			{ figure: '  … p50 / max', value: `${ms(percentile(normal.times, 50))} / ${ms(Math.max(...normal.times))}`, target: '', ok: null },
			{
				figure: `Grade → next card, p95, 4× CPU slowdown, like a cheap phone (n=${slow.times.length})`,
				value: ms(slowP95),
				target: `(target is for the row above)`,
				ok: null
			},
			{ figure: '  … p50 / max', value: `${ms(percentile(slow.times, 50))} / ${ms(Math.max(...slow.times))}`, target: '', ok: null }
		];
	} catch (error) {
		if (!cleanupRun.stopping) detail(`Server output so far:\n${server.output().split('\n').slice(-30).join('\n')}`);
		throw error;
	} finally {
		await closeBrowser();
		await server.stop();
	}
}
