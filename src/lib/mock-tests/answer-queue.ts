import { openDB } from 'idb';

export interface PendingAnswer {
	key: string;
	attemptId: string;
	itemId: string;
	section: number;
	choice: number;
}

// Answers given without signal wait here and go to the server when it is back.
const db = () =>
	openDB('hashi-test-answers', 1, {
		upgrade(database) {
			database.createObjectStore('pending', { keyPath: 'key' });
		}
	});

export async function keep(answer: Omit<PendingAnswer, 'key'>): Promise<void> {
	await (await db()).put('pending', { ...answer, key: `${answer.attemptId}:${answer.itemId}` });
}

export async function pendingFor(attemptId: string): Promise<PendingAnswer[]> {
	return ((await (await db()).getAll('pending')) as PendingAnswer[]).filter((a) => a.attemptId === attemptId);
}

/** Everything waiting on this phone (one person's: signing out sends or clears it). */
export async function allPending(): Promise<PendingAnswer[]> {
	return (await (await db()).getAll('pending')) as PendingAnswer[];
}

export async function clearAll(): Promise<void> {
	await (await db()).clear('pending');
}

export async function drop(key: string): Promise<void> {
	await (await db()).delete('pending', key);
}

export type SaveOutcome = { kind: 'saved' } | { kind: 'offline' } | { kind: 'refused'; reason: string };

/** Sends one answer; offline, keeps it on the phone to send later. */
export async function send(answer: Omit<PendingAnswer, 'key'>): Promise<SaveOutcome> {
	let response: Response;
	try {
		response = await fetch(`/api/tests/${answer.attemptId}/answers`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({ itemId: answer.itemId, section: answer.section, choice: answer.choice })
		});
	} catch {
		await keep(answer);
		return { kind: 'offline' };
	}
	if (response.ok) return { kind: 'saved' };
	const body = (await response.json().catch(() => ({}))) as { message?: string };
	return { kind: 'refused', reason: body.message ?? String(response.status) };
}
