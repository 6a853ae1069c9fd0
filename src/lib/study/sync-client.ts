import type { DeviceStore } from './device-store';
import type { DeckResponse, SyncResponse } from './types';

const CHUNK = 500;

export type SyncOutcome =
	| { kind: 'synced'; sent: number; refused: number }
	| { kind: 'nothing-to-send' }
	| { kind: 'offline' }
	| { kind: 'signed-out' }
	| { kind: 'failed'; status: number };

/**
 * Sends the queued reviews in order, in chunks, and keeps the server's schedules. A review leaves the queue
 * only once the server has answered for it (stored, already stored, or refused for good).
 */
export async function syncQueue(store: DeviceStore, fetcher: typeof fetch = fetch): Promise<SyncOutcome> {
	const queue = (await store.queued()).sort((a, b) => a.reviewedAt.localeCompare(b.reviewedAt) || a.id.localeCompare(b.id));
	if (queue.length === 0) return { kind: 'nothing-to-send' };
	let refused = 0;
	for (let start = 0; start < queue.length; start += CHUNK) {
		const chunk = queue.slice(start, start + CHUNK);
		let response: Response;
		try {
			response = await fetcher('/api/study/sync', {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify({ reviews: chunk })
			});
		} catch {
			return { kind: 'offline' };
		}
		if (response.status === 401) return { kind: 'signed-out' };
		if (response.status !== 200 && response.status !== 422) return { kind: 'failed', status: response.status };
		const result = (await response.json()) as SyncResponse;
		await store.dequeue([...result.accepted, ...result.duplicates, ...result.rejected.flatMap((r) => (r.id ? [r.id] : []))]);
		refused += result.rejected.length;
		const later = new Set(queue.slice(start + CHUNK).map((r) => r.cardId));
		for (const card of await store.cards()) {
			const schedule = result.schedules[card.id];
			// A card with reviews still to send keeps the phone's own, newer schedule.
			if (schedule && !later.has(card.id)) await store.putCard({ ...card, schedule });
		}
	}
	await store.updateMeta({ lastSyncAt: new Date().toISOString(), lastRejected: refused });
	return { kind: 'synced', sent: queue.length, refused };
}

/** Fetches the next days' cards and settings; keeps the phone's schedule where reviews are still queued. */
export async function refreshDeck(store: DeviceStore, fetcher: typeof fetch = fetch): Promise<boolean> {
	let response: Response;
	try {
		const tz = -new Date().getTimezoneOffset();
		response = await fetcher(`/api/study/deck?tz=${tz}`, { headers: { accept: 'application/json' } });
	} catch {
		return false;
	}
	if (!response.ok) return false;
	const deck = (await response.json()) as DeckResponse;
	const pending = new Set((await store.queued()).map((r) => r.cardId));
	await store.replaceCards(deck.cards, pending);
	await store.updateMeta({
		settings: deck.settings,
		activity: deck.activity,
		deckSize: deck.deckSize,
		deckFetchedAt: deck.serverTime,
		lastSyncAt: new Date().toISOString()
	});
	return true;
}
