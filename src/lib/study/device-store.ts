import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DeviceCard, QueuedReview, StudyMeta } from './types';

interface StudyDb extends DBSchema {
	cards: { key: string; value: DeviceCard };
	queue: { key: string; value: QueuedReview };
	meta: { key: 'meta'; value: StudyMeta };
}

const EMPTY_META: StudyMeta = { settings: null, activity: [], deckSize: 0, deckFetchedAt: null, lastSyncAt: null, lastRejected: 0 };

/** One database per person, so two trainees sharing a phone never see each other's cards or queue. */
export const databaseName = (userId: string) => `hashi-study-${userId}`;

export class DeviceStore {
	private constructor(private readonly db: IDBPDatabase<StudyDb>) {}

	static async open(userId: string): Promise<DeviceStore> {
		const db: IDBPDatabase<StudyDb> = await openDB<StudyDb>(databaseName(userId), 1, {
			upgrade(database) {
				database.createObjectStore('cards', { keyPath: 'id' });
				database.createObjectStore('queue', { keyPath: 'id' });
				database.createObjectStore('meta');
			},
			// Signing out deletes this database; an open page must let go rather than block it.
			blocking() {
				db.close();
			}
		});
		return new DeviceStore(db);
	}

	cards(): Promise<DeviceCard[]> {
		return this.db.getAll('cards');
	}

	/** The deck as the server sent it; cards with reviews still queued keep the phone's newer schedule. */
	async replaceCards(cards: DeviceCard[], keepLocal: Set<string>): Promise<void> {
		const tx = this.db.transaction('cards', 'readwrite');
		const local = new Map((await tx.store.getAll()).map((card) => [card.id, card]));
		await tx.store.clear();
		for (const card of cards) await tx.store.put(keepLocal.has(card.id) ? (local.get(card.id) ?? card) : card);
		for (const id of keepLocal) if (!cards.some((c) => c.id === id) && local.has(id)) await tx.store.put(local.get(id)!);
		await tx.done;
	}

	putCard(card: DeviceCard): Promise<string> {
		return this.db.put('cards', card);
	}

	/** Appends a review: written before the next card is graded, so closing the tab loses nothing. */
	enqueue(review: QueuedReview): Promise<string> {
		return this.db.put('queue', review);
	}

	queued(): Promise<QueuedReview[]> {
		return this.db.getAll('queue');
	}

	async pendingCount(): Promise<number> {
		return this.db.count('queue');
	}

	async dequeue(ids: Iterable<string>): Promise<void> {
		const tx = this.db.transaction('queue', 'readwrite');
		for (const id of ids) await tx.store.delete(id);
		await tx.done;
	}

	async meta(): Promise<StudyMeta> {
		return (await this.db.get('meta', 'meta')) ?? { ...EMPTY_META };
	}

	async updateMeta(change: Partial<StudyMeta>): Promise<StudyMeta> {
		const next = { ...(await this.meta()), ...change };
		await this.db.put('meta', next, 'meta');
		return next;
	}

	close(): void {
		this.db.close();
	}
}
