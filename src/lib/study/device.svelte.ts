import { DeviceStore } from './device-store';
import { refreshDeck, syncQueue } from './sync-client';
import type { DeviceCard, QueuedReview, StudyMeta } from './types';

/** The phone's study data for one person, kept in IndexedDB and brought up to date when there is signal. */
export class StudyDevice {
	ready = $state(false);
	cards = $state<DeviceCard[]>([]);
	queue = $state<QueuedReview[]>([]);
	meta = $state<StudyMeta | null>(null);
	offline = $state(false);
	syncing = $state(false);

	private constructor(readonly store: DeviceStore) {}

	static async open(userId: string): Promise<StudyDevice> {
		const device = new StudyDevice(await DeviceStore.open(userId));
		await device.reload();
		device.ready = true;
		return device;
	}

	async reload(): Promise<void> {
		[this.cards, this.queue, this.meta] = await Promise.all([this.store.cards(), this.store.queued(), this.store.meta()]);
	}

	/** Sends what is queued, then fetches the next days' cards; offline, the phone's own data stands. */
	async sync(): Promise<void> {
		if (this.syncing) return;
		this.syncing = true;
		try {
			const sent = await syncQueue(this.store);
			this.offline = sent.kind === 'offline';
			if (!this.offline && sent.kind !== 'signed-out') this.offline = !(await refreshDeck(this.store));
			await this.reload();
			// With signal, let the service worker keep today's pages for the next time there is none.
			if (!this.offline) navigator.serviceWorker?.controller?.postMessage({ type: 'keep-pages' });
		} finally {
			this.syncing = false;
		}
	}
}
