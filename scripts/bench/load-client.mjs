// The load generator of section 6 (scripts/bench/load.ts), run as its own process so that its CPU is not the
// server's and its timers are not the bench's: autocannon, one connection per trainee, each connection in a loop
// of POST /api/study/sync (a small batch of fresh reviews of cards in that trainee's deck) and GET /today, as the
// phone does after a few answers. Reads its plan from the JSON file named by argv[2]; prints autocannon's result
// as one JSON line on stdout. Bounded by both time (duration) and count (requests per connection).
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { v7 as uuidv7 } from 'uuid';

/** @type {{ url: string; duration: number; perConnection: number; batch: number; paceMs: number; trainees: { cookie: string; cards: string[] }[] }} */
const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));

let next = 0;
/** Which request the response being counted answers, and what came back. */
let last = 'sync';
let unaccepted = 0;
const statuses = {};
/** @type {{ sync: number[]; today: number[] }} */
const latencies = { sync: [], today: [] };
let stamp = Date.now() - 3_600_000;

/** A batch of reviews as the phone queues them: UUIDv7 ids stamped with the answer's time, distinct cards. */
function reviews(cards) {
	const picked = new Set();
	while (picked.size < Math.min(plan.batch, cards.length)) picked.add(cards[Math.floor(Math.random() * cards.length)]);
	return [...picked].map((cardId) => {
		// Strictly increasing times keep every id unique and every answer in the past.
		stamp = Math.min(stamp + 1 + Math.floor(Math.random() * 50), Date.now() - 1000);
		const r = Math.random();
		return {
			id: uuidv7({ msecs: stamp }),
			cardId,
			rating: r < 0.15 ? 1 : r < 0.3 ? 2 : r < 0.9 ? 3 : 4,
			reviewedAt: new Date(stamp).toISOString(),
			durationMs: 2000 + Math.floor(Math.random() * 8000),
			mode: 'recognition',
			overridden: false
		};
	});
}

/**
 * One request per plan.paceMs for this connection, its turns offset by `offset` ms so that the trainees' requests
 * are spread evenly over the period. This replaces autocannon's per-second rate timer (client.rateInterval, which
 * it clears when the client ends) with one of ours; the first request waits for the connection's first turn.
 */
function pace(client, offset) {
	client.reqsMadeThisSecond = Infinity;
	setImmediate(() => {
		clearInterval(client.rateInterval);
		const turn = () => {
			if (client.destroyed) return;
			client.reqsMadeThisSecond = 0;
			if (client.paused) {
				client.paused = false;
				client._doRequest();
			}
		};
		client.rateInterval = setTimeout(() => {
			turn();
			client.rateInterval = setInterval(turn, plan.paceMs);
		}, offset);
	});
}

const instance = autocannon({
	url: plan.url,
	connections: plan.trainees.length,
	duration: plan.duration,
	maxConnectionRequests: plan.perConnection,
	timeout: 10,
	// Paced (below) when plan.paceMs is set: autocannon's own rate limit would start every connection's request at
	// the same instant each second, a burst no real group of phones makes.
	connectionRate: plan.paceMs ? 1 : undefined,
	// Each connection is one trainee: its own session cookie and deck.
	setupClient(client) {
		const index = next++;
		const trainee = plan.trainees[index % plan.trainees.length];
		if (plan.paceMs) pace(client, (index / plan.trainees.length) * plan.paceMs);
		client.setRequests([
			{
				method: 'POST',
				path: '/api/study/sync',
				headers: { cookie: trainee.cookie, 'content-type': 'application/json' },
				setupRequest: (request) => ({ ...request, body: JSON.stringify({ reviews: reviews(trainee.cards) }) }),
				onResponse: (status, body) => {
					last = 'sync';
					if (status !== 200) return;
					const result = JSON.parse(body);
					if (result.accepted?.length !== plan.batch) unaccepted++;
				}
			},
			{ method: 'GET', path: '/today', headers: { cookie: trainee.cookie, accept: 'text/html' }, onResponse: () => (last = 'today') }
		]);
	}
});

instance.on('response', (_client, statusCode, _bytes, responseTime) => {
	// onResponse (above) ran just before, in the same tick: it named the request this response answers.
	latencies[last].push(Math.round(responseTime * 100) / 100);
	const key = `${last} ${statusCode}`;
	statuses[key] = (statuses[key] ?? 0) + 1;
});
instance.on('done', (result) => {
	const { requests, throughput, errors, timeouts, non2xx, duration, start, finish } = result;
	process.stdout.write(`${JSON.stringify({ requests, throughput, errors, timeouts, non2xx, duration, start, finish, statuses, unaccepted, latencies })}\n`);
	process.exit(0);
});
process.once('SIGTERM', () => instance.stop());
