// Its own server (not the suite's webServer), killed with SIGKILL — the process dies at once, no shutdown hook —
// while sync batches and mock-test answers are in flight, then started again on the same DATA_DIR. Every write the
// client saw acknowledged (a 200) must be there; a sync batch is all or nothing, and sending an unacknowledged batch
// again stores it exactly once. Driven with fetch from Node (no browser): a phone's requests, many at once.
// The kill comes after a random number of acknowledgements (and a random pause), so rounds differ; the assertions
// are the invariants, which hold wherever it lands. On the embedded PGlite, as `npm start` runs; and, when
// TEST_DATABASE_URL is set, again with the server on a fresh PostgreSQL database there (`pg` pool).
import { randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PRIVACY_NOTICE_VERSION } from '../../src/lib/privacy/notice';
import { DEMO, newName, newPhone } from './support/app';
import { expect, newAddress, test } from './support/fixtures';
import { freePort, startServer, type RunningServer } from './support/server';

const ROUNDS = 5;
/** Sync batches sent at once in each round, and reviews in each (the endpoint takes up to 2,000). */
const BATCHES = 3;
const BATCH_SIZE = 1500;
/** Each mock-test item is answered this many times in a row (a trainee changing their mind), all items at once. */
const CHANGES = 3;

/** A phone: keeps the session cookie, sends the Origin SvelteKit's CSRF check wants, and its own client address. */
class Phone {
	private readonly cookies = new Map<string, string>();
	private readonly address = newAddress();
	constructor(readonly origin: string) {}

	async send(path: string, init: { method?: string; json?: unknown; form?: Record<string, string> } = {}): Promise<Response> {
		const headers = new Headers({ origin: this.origin, 'x-forwarded-for': this.address });
		if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
		let body: string | URLSearchParams | undefined;
		if (init.json !== undefined) {
			headers.set('content-type', 'application/json');
			body = JSON.stringify(init.json);
		} else if (init.form) {
			body = new URLSearchParams(init.form);
			headers.set('accept', 'text/html'); // a plain form post (no JavaScript): answered with a 303, not JSON
		}
		const response = await fetch(this.origin + path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
		for (const cookie of response.headers.getSetCookie()) {
			const pair = cookie.split(';', 1)[0]!;
			const at = pair.indexOf('=');
			this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
		}
		return response;
	}

	async json<T>(path: string, json?: unknown): Promise<T> {
		const response = await this.send(path, json === undefined ? {} : { json });
		if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
		return (await response.json()) as T;
	}

	/** A page's server data as the client router fetches it (__data.json, devalue-encoded): the page's own node. */
	async pageData<T>(path: string): Promise<T> {
		const { nodes } = await this.json<{ nodes: ({ type: 'data'; data: unknown[] } | { type: 'skip' })[] }>(`${path}/__data.json`);
		const page = nodes.at(-1);
		if (page?.type !== 'data') throw new Error(`${path}: no page data`);
		return unflatten(page.data) as T;
	}
}

/** devalue's flat form back to values: enough for plain objects, arrays and primitives (what these pages return). */
function unflatten(values: unknown[]): unknown {
	const special: Record<number, unknown> = { [-1]: undefined, [-3]: NaN, [-4]: Infinity, [-5]: -Infinity, [-6]: -0 };
	const hydrate = (index: number): unknown => {
		if (index < 0) return special[index];
		const value = values[index];
		if (value === null || typeof value !== 'object') return value;
		if (Array.isArray(value)) return typeof value[0] === 'string' ? value : value.map((i: number) => hydrate(i)); // tagged (Date…) kept raw
		return Object.fromEntries(Object.entries(value).map(([key, i]) => [key, hydrate(i as number)]));
	};
	return hydrate(0);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts acknowledgements as they come; `reached(n)` resolves once n have come, or once the work has ended anyway. */
class Acks {
	private count = 0;
	private waiting: { n: number; resolve: () => void }[] = [];
	tick(): void {
		this.count += 1;
		for (const waiter of this.waiting.filter((w) => this.count >= w.n)) waiter.resolve();
	}
	reached(n: number, ended: Promise<unknown>): Promise<void> {
		if (this.count >= n) return Promise.resolve();
		return Promise.race([new Promise<void>((resolve) => this.waiting.push({ n, resolve })), ended.then(() => {})]);
	}
}

interface Review {
	id: string;
	cardId: string;
	rating: number;
	reviewedAt: string;
	durationMs: number;
	mode: 'recognition';
	overridden: false;
}

interface SyncResponse {
	accepted: string[];
	duplicates: string[];
	rejected: unknown[];
}

/** A batch as a phone queues it after days offline: answers spread over the last two days, oldest first. */
function batchOf(cardIds: readonly string[], size: number): Review[] {
	const now = Date.now();
	const times = Array.from({ length: size }, () => now - randomInt(60_000, 2 * 86_400_000)).sort((a, b) => a - b);
	return times.map((at) => ({
		id: randomUUID(),
		cardId: cardIds[randomInt(cardIds.length)]!,
		rating: randomInt(1, 5),
		reviewedAt: new Date(at).toISOString(),
		durationMs: randomInt(1000, 9000),
		mode: 'recognition',
		overridden: false
	}));
}

/** Reviews the server holds for this trainee, counted from the deck's activity (the last 60 days, every one here). */
async function reviewsStored(phone: Phone): Promise<number> {
	const deck = await phone.json<{ activity: { reviews: number }[] }>('/api/study/deck?tz=0');
	return deck.activity.reduce((sum, day) => sum + day.reviews, 0);
}

async function signUp(phone: Phone): Promise<void> {
	const response = await phone.send('/signup', {
		form: {
			inviteCode: DEMO.mie.inviteCode,
			displayName: newName('Tahan'),
			identifier: newPhone(),
			password: 'tahan-banting-2027',
			privacyNotice: PRIVACY_NOTICE_VERSION
		}
	});
	expect(response.status, await response.text()).toBe(303);
	expect(response.headers.get('location')).toBe('/today');
}

/** Completes lessons (the first of each track) until the deck has at least `cards` cards; returns their ids. */
async function fillDeck(phone: Phone, cards: number): Promise<string[]> {
	const tracks = [...new Set([...(await (await phone.send('/learn')).text()).matchAll(/href="\/learn\/([\w-]+)"/g)].map((m) => m[1]!))];
	for (const track of tracks.filter((t) => t !== 'lesson')) {
		const html = await (await phone.send(`/learn/${track}`)).text();
		for (const [, lesson] of html.matchAll(/href="\/learn\/lesson\/([\w-]+)"/g)) {
			const done = await phone.send(`/learn/lesson/${lesson}?/complete`, { form: {} });
			expect(done.status).toBe(303);
			const deck = await phone.json<{ cards: { id: string }[]; deckSize: number }>('/api/study/deck?tz=0');
			if (deck.deckSize >= cards) return deck.cards.map((card) => card.id);
		}
	}
	throw new Error(`could not put ${cards} cards in the deck`);
}

async function onServer(url: string, statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

interface Database {
	name: string;
	/** Extra server settings; made before the first start. */
	open(): Promise<Record<string, string>>;
	dispose(): Promise<void>;
}

const embedded: Database = { name: 'PGlite', open: async () => ({}), dispose: async () => {} };

/** A database of its own on the PostgreSQL server at `url`, seeded with the demo center like PGlite; dropped after. */
function postgresAt(url: string): Database {
	const name = `hashi_e2e_crash_${process.pid}_${Date.now().toString(36)}`; // ours, not input
	return {
		name: 'PostgreSQL',
		async open() {
			await onServer(url, `create database ${name}`);
			const target = new URL(url);
			target.pathname = `/${name}`;
			return { DATABASE_URL: target.toString(), SEED_DEMO: '1' };
		},
		dispose: () => onServer(url, `drop database if exists ${name} with (force)`)
	};
}

const databases = [embedded, ...(process.env.TEST_DATABASE_URL ? [postgresAt(process.env.TEST_DATABASE_URL)] : [])];

for (const database of databases) test.describe(`acknowledged writes survive a crash (${database.name})`, () => {
	// A cold start (migrations, demo seed) and ten restarts after SIGKILL on a slow machine.
	test.describe.configure({ timeout: 300_000 });

	let dataDir = '';
	let port = 0;
	let env: Record<string, string> = {};
	let server: RunningServer | undefined;
	const phone = () => new Phone(server!.url);

	test.beforeAll(async () => {
		dataDir = mkdtempSync(join(tmpdir(), 'hashi-e2e-crash-'));
		port = await freePort();
		env = await database.open();
		server = await startServer({ port, dataDir, env });
	});

	test.afterAll(async () => {
		server?.kill();
		await server?.stop();
		await database.dispose();
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	});

	/** SIGKILL now, wait for the process to be gone, and start again on the same data directory (and database). */
	async function crashAndRestart(): Promise<void> {
		server!.kill();
		await server!.stop();
		server = await startServer({ port, dataDir, env });
	}

	/** A trainee who has just signed up and put a few lessons' cards in the deck: no reviews yet. */
	async function newTrainee(): Promise<{ trainee: Phone; cardIds: string[] }> {
		const trainee = phone();
		await signUp(trainee);
		return { trainee, cardIds: await fillDeck(trainee, 10) };
	}

	test('sync batches cut off by a crash are stored whole or not at all; every acknowledged one is there', async () => {
		// One batch without a crash: it is stored, and its time sets where the crashes land.
		const warm = await newTrainee();
		const started = performance.now();
		const first = await warm.trainee.json<SyncResponse>('/api/study/sync', { reviews: batchOf(warm.cardIds, BATCH_SIZE) });
		const batchMs = performance.now() - started;
		expect(first.accepted).toHaveLength(BATCH_SIZE);
		expect(await reviewsStored(warm.trainee)).toBe(BATCH_SIZE);

		// A new trainee each round, so the logs the server replays stay one round long.
		for (let round = 1; round <= ROUNDS; round++) {
			const { trainee, cardIds } = await newTrainee();
			const batches = Array.from({ length: BATCHES }, () => batchOf(cardIds, BATCH_SIZE));
			const answered: { status: number; accepted?: number }[] = [];
			const acks = new Acks();
			const inFlight = batches.map((reviews, i) =>
				trainee
					.send('/api/study/sync', { json: { reviews } })
					.then(async (response) => {
						answered[i] = { status: response.status };
						acks.tick();
						answered[i].accepted = ((await response.json()) as SyncResponse).accepted.length;
					})
					.catch(() => {}) // cut off by the crash: no answer, or no whole body
			);
			// The batches queue behind one another on the server: the crash comes after a random number of them has
			// been answered, a random part of a batch's time later.
			const after = randomInt(BATCHES);
			await acks.reached(after, Promise.all(inFlight));
			const delay = randomInt(Math.round(batchMs));
			await sleep(delay);
			await crashAndRestart();
			await Promise.all(inFlight);
			// Whatever answer came before the crash was a whole success; a 200 counts as acknowledged even if its body
			// was cut off (the server commits before it answers).
			for (const answer of answered) {
				if (answer) expect(answer).toEqual(answer.accepted === undefined ? { status: 200 } : { status: 200, accepted: BATCH_SIZE });
			}
			const acknowledged = batches.map((_, i) => answered[i]?.status === 200);

			// Stored before anything is sent again: the acknowledged batches, and whole unacknowledged ones at most.
			const before = await reviewsStored(trainee);
			const stored: boolean[] = [];
			for (const [i, reviews] of batches.entries()) {
				const again = await trainee.json<SyncResponse>('/api/study/sync', { reviews });
				expect(again.rejected).toEqual([]);
				// All or nothing: either the whole batch was already there, or none of it was.
				expect([0, BATCH_SIZE], `round ${round}, batch ${i + 1}: reviews stored before the re-send`).toContain(again.duplicates.length);
				stored.push(again.duplicates.length === BATCH_SIZE);
				if (acknowledged[i]) expect(stored[i], `round ${round}, batch ${i + 1} was acknowledged`).toBe(true);
			}
			expect(before, 'the reviews stored are exactly the whole batches found stored').toBe(BATCH_SIZE * stored.filter(Boolean).length);
			// After the re-send every review of the round is stored, each exactly once.
			expect(await reviewsStored(trainee)).toBe(BATCHES * BATCH_SIZE);
			console.log(
				`${database.name} sync round ${round}: killed ${delay} ms after answer ${after} (one batch alone ≈ ${Math.round(batchMs)} ms); ` +
					`${acknowledged.filter(Boolean).length}/${BATCHES} batches acknowledged, ${stored.filter(Boolean).length}/${BATCHES} stored whole ` +
					`(${before} reviews), none in part`
			);
		}
	});

	test('a mock-test answer stream cut off by a crash keeps every acknowledged answer', async () => {
		const trainee = phone();
		await signUp(trainee);

		interface Attempt {
			id: string;
			items: { itemId: string }[];
			current: { position: number } | null;
			answers: Record<string, number>;
		}
		async function startAttempt(): Promise<Attempt> {
			const response = await trainee.send('/tests?/start', { form: { test: 'jlpt_n5', practice: '0' } });
			expect(response.status).toBe(303);
			const id = response.headers.get('location')!.replace('/tests/', '');
			return (await trainee.pageData<{ attempt: Attempt }>(`/tests/${id}`)).attempt;
		}
		/** Each item's choices in turn (each different from the one before), every item at once; what was acknowledged. */
		function stream(attempt: Attempt, acks = new Acks()) {
			const section = attempt.current!.position;
			const plan = new Map(attempt.items.map((item, i) => [item.itemId, Array.from({ length: CHANGES }, (_, n) => (i + n) % 4)]));
			const acknowledged = new Map(attempt.items.map((item) => [item.itemId, [] as number[]]));
			let crashed = false;
			const items = [...plan].map(async ([itemId, choices]) => {
				for (const choice of choices) {
					if (crashed) return; // a phone whose request failed stops and tries later
					const response = await trainee.send(`/api/tests/${attempt.id}/answers`, { json: { itemId, section, choice } });
					if (response.status !== 200) throw new Error(`answer ${itemId}: ${response.status} ${await response.text()}`);
					acknowledged.get(itemId)!.push(choice);
					acks.tick();
				}
			});
			return {
				plan,
				acknowledged,
				done: Promise.all(items).then(() => {}),
				/** Waits for every request to end, the ones the crash cut off included. */
				cutOff: () => {
					crashed = true;
					return Promise.allSettled(items);
				}
			};
		}

		// One stream without a crash: every item ends with its last choice (and the time it took is reported).
		const warm = await startAttempt();
		expect(warm.items.length).toBeGreaterThan(10);
		const started = performance.now();
		const whole = stream(warm);
		await whole.done;
		const streamMs = performance.now() - started;
		const saved = (await trainee.pageData<{ attempt: Attempt }>(`/tests/${warm.id}`)).attempt.answers;
		expect(saved).toEqual(Object.fromEntries([...whole.plan].map(([itemId, choices]) => [itemId, choices.at(-1)])));

		for (let round = 1; round <= ROUNDS; round++) {
			const attempt = await startAttempt();
			const acks = new Acks();
			const { acknowledged, done, plan, cutOff } = stream(attempt, acks);
			const ended = done.catch(() => {}); // requests cut off by the crash: not acknowledged
			// After a random number of answers has been acknowledged, with the others in flight.
			const after = randomInt(1, plan.size * CHANGES);
			await acks.reached(after, ended);
			server!.kill();
			// Every request that did not end in a 200 was cut off by the crash (a network error), none refused.
			const ends = await cutOff();
			expect(ends.flatMap((end) => (end.status === 'rejected' && !(end.reason instanceof TypeError) ? [String(end.reason)] : []))).toEqual([]);
			await crashAndRestart();

			const answers = (await trainee.pageData<{ attempt: Attempt }>(`/tests/${attempt.id}`)).attempt.answers;
			let sent = 0;
			let stored = 0;
			for (const [itemId, choices] of plan) {
				const given = acknowledged.get(itemId)!;
				sent += given.length;
				// The last acknowledged choice, or the one that was in flight when the server died; nothing older.
				const allowed = given.length === choices.length ? [choices.at(-1)] : [given.at(-1), choices[given.length]];
				expect(allowed, `round ${round}, ${itemId}: acknowledged ${JSON.stringify(given)}`).toContain(answers[itemId]);
				if (answers[itemId] !== undefined) stored += 1;
			}
			console.log(
				`${database.name} mock-test round ${round}: killed after answer ${after} (a whole stream alone ≈ ${Math.round(streamMs)} ms); ` +
					`${sent}/${plan.size * CHANGES} answers acknowledged, ${stored}/${plan.size} items hold an answer, ` +
					'every one the last acknowledged or the one in flight'
			);
		}
	});
});
