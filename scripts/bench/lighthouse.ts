// 6. Lighthouse, mobile preset (its default: a mid-range phone on slow 4G, simulated throttling), on the production
// build: the sign-in page, Today and the drill as a trainee, the cohort dashboard as the demo instructor. Per page the
// performance, accessibility and best-practices scores and the Largest Contentful Paint.
// Then the PWA: Lighthouse 12 has no PWA category any more, so Chromium itself is asked over CDP whether the app
// can be installed (Page.getInstallabilityErrors, on a page with the manifest whose service worker is running), and
// the manifest is checked against what installation needs (name, start_url inside scope, standalone display, PNG
// icons of 192 and 512 px, actually that size, and a maskable one).
//
// How: the server as in section 2 (`SKIP_BUILD=1 node scripts/start.js`, loopback, a fresh DATA_DIR with the demo
// center); the system Chromium (CHROMIUM_PATH or CHROME_PATH, default /usr/bin/chromium; nothing is downloaded),
// started by playwright-core with a remote-debugging port that Lighthouse drives. A signed-in page is measured with
// the session cookies the server set at sign-in (POST /signin, as the form sends it), put in the browser's cookie
// jar, which Lighthouse's tab uses. The demo trainee first gets two caregiving lessons' words into the deck, so the drill has cards.
import { accessSync, constants, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import lighthouse from 'lighthouse';
import { ensureBuild } from './bundle';
import { onCleanup, removeDirLater, run as cleanupRun } from './cleanup';
import { freePort, startHashi } from './grading';
import { detail, ms, type Row } from './report';

const PASSWORD = 'hashi-demo-2026';
const TRAINEE = '0811-0000-0101';
const INSTRUCTOR = 'instruktur@demo.hashi.id';
const TARGET = { performance: 90, accessibility: 95 };

/** Signs in as the sign-in form does; returns the session cookies as a Cookie header. */
async function signIn(url: string, identifier: string): Promise<string> {
	const response = await fetch(`${url}/signin`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ identifier, password: PASSWORD })
	});
	const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
	if (!cookies.some((c) => c.startsWith('hashi_access='))) throw new Error(`sign-in as ${identifier} failed (${response.status})`);
	return cookies.join('; ');
}

/** Completes caregiving lessons (the form each lesson page ends with) until two added words, so the drill has cards. */
async function learnTwoLessons(url: string, cookie: string): Promise<number> {
	const track = await (await fetch(`${url}/learn/caregiving`, { headers: { cookie } })).text();
	const lessons = [...track.matchAll(/<li([^>]*)>\s*<a href="\/learn\/lesson\/([^"]+)"/g)].filter((m) => !/\bdone\b/.test(m[1]!)).map((m) => m[2]!);
	let added = 0;
	let completed = 0;
	for (const lesson of lessons.slice(0, 6)) {
		const done = await fetch(`${url}/learn/lesson/${lesson}?/complete`, {
			method: 'POST',
			redirect: 'manual',
			headers: { cookie, origin: url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: ''
		});
		const words = Number(new URL(done.headers.get('location') ?? '/', url).searchParams.get('added') ?? 0);
		if (words > 0) completed++;
		added += words;
		if (completed === 2) break;
	}
	return added;
}

interface Scores {
	performance: number;
	accessibility: number;
	bestPractices: number;
	lcp: number;
	/** Audits that cost points, for the detail lines. */
	notes: string[];
}

/**
 * Puts this session's cookies (or none) in the browser's cookie jar, which Lighthouse's tab shares. (An extra Cookie
 * header would be replaced by the jar's own as soon as the jar holds any cookie for the site, e.g. the locale.)
 */
async function useSession(context: BrowserContext, url: string, cookie: string | null): Promise<void> {
	await context.clearCookies();
	if (!cookie) return;
	const pairs = cookie.split('; ').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as const);
	await context.addCookies(pairs.map(([name, value]) => ({ name, value, url })));
}

async function audit(url: string, port: number): Promise<Scores> {
	const result = await lighthouse(url, {
		port,
		logLevel: 'error',
		output: 'json',
		onlyCategories: ['performance', 'accessibility', 'best-practices']
	});
	if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
	const { lhr } = result;
	// BENCH_LIGHTHOUSE_REPORTS=dir keeps each page's full report (JSON; open it in the Lighthouse viewer).
	const keep = process.env.BENCH_LIGHTHOUSE_REPORTS;
	if (keep) {
		mkdirSync(keep, { recursive: true });
		writeFileSync(join(keep, `${new URL(url).pathname.split('/').filter(Boolean).pop() ?? 'root'}.json`), JSON.stringify(lhr));
	}
	if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
	if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
		throw new Error(`${url} ended at ${lhr.finalDisplayedUrl}: the session was not accepted`);
	}
	const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
	const notes: string[] = [];
	for (const id of ['accessibility', 'best-practices', 'performance']) {
		for (const ref of lhr.categories[id]?.auditRefs ?? []) {
			const a = lhr.audits[ref.id];
			if (!a || ref.weight === 0 || a.score === null || a.score >= 0.9) continue;
			notes.push(`${id}: ${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
		}
	}
	return {
		performance: score('performance'),
		accessibility: score('accessibility'),
		bestPractices: score('best-practices'),
		lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
		notes
	};
}

/** Width and height from a PNG's IHDR chunk, or null when it is not a PNG. */
function pngSize(bytes: Uint8Array): [number, number] | null {
	const png = [0x89, 0x50, 0x4e, 0x47];
	if (bytes.length < 24 || png.some((b, i) => bytes[i] !== b)) return null;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return [view.getUint32(16), view.getUint32(20)];
}

interface Manifest {
	name?: string;
	short_name?: string;
	start_url?: string;
	scope?: string;
	display?: string;
	icons?: { src: string; sizes?: string; type?: string; purpose?: string }[];
}

/** What the manifest lacks for installation; icons are fetched and their real size compared. */
async function manifestProblems(url: string, manifestUrl: string): Promise<{ problems: string[]; summary: string }> {
	const manifest = (await (await fetch(manifestUrl)).json()) as Manifest;
	const problems: string[] = [];
	if (!manifest.name && !manifest.short_name) problems.push('no name');
	const start = new URL(manifest.start_url ?? '/', manifestUrl);
	const scope = new URL(manifest.scope ?? '/', manifestUrl);
	if (!start.href.startsWith(scope.href)) problems.push('start_url outside scope');
	if (!['standalone', 'fullscreen', 'minimal-ui'].includes(manifest.display ?? '')) problems.push(`display "${manifest.display}"`);
	const checked: string[] = [];
	for (const icon of manifest.icons ?? []) {
		const response = await fetch(new URL(icon.src, manifestUrl));
		const size = response.ok ? pngSize(new Uint8Array(await response.arrayBuffer())) : null;
		const actual = size ? `${size[0]}x${size[1]}` : response.ok ? 'not a PNG' : `HTTP ${response.status}`;
		if (actual !== icon.sizes) problems.push(`${icon.src} is ${actual}, manifest says ${icon.sizes}`);
		checked.push(`${icon.sizes}${icon.purpose ? ` ${icon.purpose}` : ''}`);
	}
	const sizes = (manifest.icons ?? []).filter((i) => i.type === 'image/png').map((i) => i.sizes);
	for (const needed of ['192x192', '512x512']) if (!sizes.includes(needed)) problems.push(`no ${needed} PNG icon`);
	if (!(manifest.icons ?? []).some((i) => i.purpose?.split(' ').includes('maskable'))) problems.push('no maskable icon');
	return {
		problems,
		summary: `"${manifest.short_name ?? manifest.name}", start_url ${start.pathname}, display ${manifest.display}, icons ${checked.join(', ')}`
	};
}

/** Chromium's own verdict on installing the app from the sign-in page, once its service worker controls it. */
async function installability(context: BrowserContext, url: string): Promise<{ errors: string[]; manifestUrl: string; worker: boolean }> {
	const page = await context.newPage();
	try {
		await page.goto(`${url}/signin`);
		// SvelteKit registers the service worker after load; a reload puts the page under its control.
		const worker = await page
			.evaluate(() => Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 20_000))]))
			.catch(() => false);
		await page.reload();
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		const { url: manifestUrl } = await cdp.send('Page.getAppManifest');
		const errors = installabilityErrors.map((e) => `${e.errorId}${e.errorArguments.length ? ` (${e.errorArguments.map((a) => `${a.name}=${a.value}`).join(', ')})` : ''}`);
		return { errors, manifestUrl, worker };
	} finally {
		await page.close();
	}
}

export async function run(): Promise<Row[]> {
	const executablePath = process.env.CHROMIUM_PATH || process.env.CHROME_PATH || '/usr/bin/chromium';
	try {
		if (!statSync(executablePath).isFile()) throw new Error('not a file');
		accessSync(executablePath, constants.X_OK);
	} catch (error) {
		throw new Error(`Chromium is needed at ${executablePath} (or set CHROMIUM_PATH / CHROME_PATH): ${(error as Error).message}. Nothing is downloaded.`);
	}
	await ensureBuild();
	const { url, server } = await startHashi();
	let context: BrowserContext | undefined;
	const closeBrowser = onCleanup('Chromium (Lighthouse)', async () => {
		await context?.close();
	});
	try {
		const port = await freePort();
		const profile = mkdtempSync(join(tmpdir(), 'hashi-lighthouse-'));
		removeDirLater(profile);
		// A persistent (not incognito) profile: Chromium does not offer to install from an incognito window.
		context = await chromium.launchPersistentContext(profile, {
			executablePath,
			headless: false, // the flag below asks for the new headless mode itself
			args: ['--headless=new', `--remote-debugging-port=${port}`, '--no-sandbox', '--disable-background-networking', '--disable-component-update'],
			timeout: 60_000
		});
		detail(`Chromium ${context.browser()?.version() ?? ''} (${executablePath}), Lighthouse mobile preset (simulated slow 4G, 4× CPU slowdown)`);

		const trainee = await signIn(url, TRAINEE);
		const added = await learnTwoLessons(url, trainee);
		const instructor = await signIn(url, INSTRUCTOR);
		const cohort = /\/instructor\/cohorts\/([0-9a-f-]{36})/.exec(await (await fetch(`${url}/instructor`, { headers: { cookie: instructor } })).text())?.[1];
		if (!cohort) throw new Error('the demo instructor has no cohort link on /instructor');
		detail(`Trainee ${TRAINEE} (${added} words added to the deck for the drill); instructor ${INSTRUCTOR}, cohort ${cohort}`);

		const pages = [
			{ name: 'Sign-in', path: '/signin', cookie: null, trainee: true },
			{ name: 'Today', path: '/today', cookie: trainee, trainee: true },
			{ name: 'Drill', path: '/study', cookie: trainee, trainee: true },
			{ name: 'Cohort dashboard', path: `/instructor/cohorts/${cohort}/dashboard`, cookie: instructor, trainee: false }
		];
		const rows: Row[] = [];
		const lines: string[] = [];
		for (const page of pages) {
			if (cleanupRun.stopping) return rows;
			const started = Date.now();
			await useSession(context, url, page.cookie);
			const s = await audit(`${url}${page.path}`, port);
			const label = page.trainee && page.name !== 'Sign-in' ? `${page.name} (trainee)` : page.name;
			lines.push(`${label.padEnd(26)} ${String(s.performance).padStart(4)} ${String(s.accessibility).padStart(6)} ${String(s.bestPractices).padStart(6)} ${ms(s.lcp, 0).padStart(9)}`);
			detail(`${page.name} ${page.path.length > 40 ? page.path.slice(0, 40) + '…' : page.path}: ${((Date.now() - started) / 1000).toFixed(0)} s${s.notes.length ? `; below 0.9: ${s.notes.join('; ')}` : ''}`);
			const perfOk = page.trainee ? s.performance >= TARGET.performance : null;
			const a11yOk = page.trainee ? s.accessibility >= TARGET.accessibility : null;
			rows.push({ figure: `Lighthouse ${label}: performance`, value: String(s.performance), target: page.trainee ? `≥ ${TARGET.performance}` : '', ok: perfOk });
			rows.push({ figure: '  … accessibility', value: String(s.accessibility), target: page.trainee ? `≥ ${TARGET.accessibility}` : '', ok: a11yOk });
			rows.push({ figure: '  … best practices / LCP', value: `${s.bestPractices} / ${ms(s.lcp, 0)}`, target: '', ok: null });
		}
		detail('');
		detail(`${'Page'.padEnd(26)} ${'Perf'.padStart(4)} ${'A11y'.padStart(6)} ${'BestPr'.padStart(6)} ${'LCP'.padStart(9)}`);
		for (const line of lines) detail(line);

		await useSession(context, url, null);
		const install = await installability(context, url);
		const manifest = await manifestProblems(url, install.manifestUrl);
		const problems = [...install.errors, ...manifest.problems];
		detail('');
		detail(`Manifest ${new URL(install.manifestUrl).pathname}: ${manifest.summary}`);
		detail(`Service worker controlling the page: ${install.worker ? 'yes' : 'no'}`);
		detail(`installable: ${problems.length === 0 ? 'yes' : 'no'} (${problems.length === 0 ? 'Chromium reports no installability errors; manifest complete' : problems.join('; ')})`);
		rows.push({
			figure: 'PWA installable (Chromium over CDP + manifest checks)',
			value: problems.length === 0 ? 'yes' : `no: ${problems.join('; ')}`,
			target: 'yes',
			ok: problems.length === 0 && install.worker
		});
		return rows;
	} catch (error) {
		if (!cleanupRun.stopping) detail(`Server output so far:\n${server.output().split('\n').slice(-20).join('\n')}`);
		throw error;
	} finally {
		await closeBrowser();
		await server.stop();
	}
}
