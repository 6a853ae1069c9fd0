import { deleteDB } from 'idb';
import { allPending, clearAll, drop, send } from '$lib/mock-tests/answer-queue';
import { databaseName, DeviceStore } from '$lib/study/device-store';
import { syncQueue } from '$lib/study/sync-client';

/** The service worker's cache of study pages (src/service-worker.ts). */
const PAGES_CACHE = 'pages';
const LAST_VIEWER = 'hashi-last-viewer';

export interface Unsent {
	reviews: number;
	answers: number;
}

/** Sends queued reviews and test answers while there is signal; says what is still on the phone. */
export async function sendWhatCanBeSent(userId: string): Promise<Unsent> {
	const store = await DeviceStore.open(userId);
	try {
		await syncQueue(store);
		const reviews = await store.pendingCount();
		let answers = 0;
		for (const answer of await allPending()) {
			const outcome = await send(answer);
			// Refused for good (section closed, attempt gone) is answered: only "no signal" stays.
			if (outcome.kind === 'offline') answers += 1;
			else await drop(answer.key);
		}
		return { reviews, answers };
	} finally {
		store.close();
	}
}

/** Removes this person's cards, queues and cached pages from the phone, so the next person finds nothing. */
export async function forgetPerson(userId: string): Promise<void> {
	await Promise.all([deleteDB(databaseName(userId)), clearAll(), 'caches' in globalThis ? caches.delete(PAGES_CACHE) : Promise.resolve(false)]);
	navigator.serviceWorker?.controller?.postMessage({ type: 'forget-pages' });
	localStorage.removeItem(LAST_VIEWER);
}

/**
 * A session can end without a sign-out (expiry, a cleared cookie). When someone else then signs in on the same
 * phone, the pages the service worker kept for the last person are dropped before they could be shown offline.
 */
export async function noteViewer(userId: string): Promise<void> {
	const last = localStorage.getItem(LAST_VIEWER);
	if (last !== null && last !== userId && 'caches' in globalThis) await caches.delete(PAGES_CACHE);
	localStorage.setItem(LAST_VIEWER, userId);
}
