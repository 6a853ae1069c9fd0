/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
// Offline first: the app shell (this build's files) is cached on install; the trainee's study pages are kept
// from their last online visit, so a reload with no signal still opens Today and the drill. Cards and the
// review queue live in IndexedDB (src/lib/study), not here.
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `shell-${version}`;
const PAGES = 'pages';
/** Pages (and their data) a trainee must be able to open offline. */
const OFFLINE_PAGES = ['/today', '/study'];
const NETWORK_WAIT_MS = 4000;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			await (await caches.open(SHELL)).addAll([...build, ...files.filter((f) => !f.endsWith('.DS_Store'))]);
			await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key.startsWith('shell-') && key !== SHELL) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

// Lessons a trainee has opened stay readable offline too.
const isOfflinePage = (url: URL) =>
	OFFLINE_PAGES.some((path) => url.pathname === path || url.pathname === `${path}/__data.json`) ||
	url.pathname === '/learn' ||
	url.pathname.startsWith('/learn/');

/** Network first with a time limit; the last good copy when there is no signal. */
async function networkFirst(request: Request): Promise<Response> {
	const cache = await caches.open(PAGES);
	const key = new URL(request.url);
	// /study?mode=recall is the same page; a track page's ?added= note is not worth keeping
	key.search = key.pathname.endsWith('__data.json') ? key.search : '';
	try {
		const response = await Promise.race([
			fetch(request),
			new Promise<never>((_, reject) => setTimeout(() => reject(new Error('slow network')), NETWORK_WAIT_MS))
		]);
		if (response.ok && response.type === 'basic' && !response.redirected) await cache.put(key, response.clone());
		return response;
	} catch (error) {
		const cached = await cache.match(key);
		if (cached) return cached;
		throw error;
	}
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (build.includes(url.pathname) || files.includes(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(request)));
	} else if (isOfflinePage(url)) {
		event.respondWith(networkFirst(request));
	}
});

/** Keeps fresh copies of the study pages, so they open offline even if the trainee never loaded them directly. */
async function keepPages(): Promise<void> {
	const cache = await caches.open(PAGES);
	await Promise.all(
		OFFLINE_PAGES.map(async (path) => {
			try {
				const response = await fetch(path, { credentials: 'same-origin' });
				if (response.ok && !response.redirected) await cache.put(new URL(path, sw.location.origin), response);
			} catch {
				// no signal: keep what is there
			}
		})
	);
}

sw.addEventListener('message', (event) => {
	const type = (event.data as { type?: string } | null)?.type;
	// Signing out must not leave this person's pages on a shared phone.
	if (type === 'forget-pages') event.waitUntil(caches.delete(PAGES));
	if (type === 'keep-pages') event.waitUntil(keepPages());
});
