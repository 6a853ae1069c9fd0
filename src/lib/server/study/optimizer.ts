import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { inReplayOrder, type Review } from '$lib/scheduling';
import { asService } from '../db/service';
import { forTrainee } from './settings';
// fsrs-rs aborts its whole process on some inputs (a Rust panic no try/catch stops), so it runs in a child process.
// Its code is inlined into the server bundle (?raw) and run with `node --eval`: no separate file to ship or find.
import fitWorker from './fit-worker.js?raw';

/** Reviews a trainee needs before their own FSRS parameters are fitted, and how many more before each refit. */
export const FIRST_FIT_REVIEWS = 400;
export const REFIT_AFTER_REVIEWS = 200;
const PARAMETER_COUNT = 21; // FSRS-6
const DAY_MS = 86_400_000;
// Optional, and only for this platform: the registry here has no other platform's build (see the README).
const BINDING = '@open-spaced-repetition/binding-linux-x64-gnu';

export interface FitOptions {
	/** Code for the child process in place of fit-worker.js: tests pass one that crashes or hangs. */
	workerSource?: string;
	/** The child is killed after this long. */
	timeoutMs?: number;
}

/** A fit's input: each card's reviews as [rating, whole UTC days since the card's previous review]. */
interface FitInput {
	cards: [number, number][][];
	relearningSteps: number;
}

/**
 * Fits the trainee's own FSRS parameters from their review log at 400 reviews and again every 200 more; every later
 * replay then uses them instead of ts-fsrs's defaults. Resolves with the saved weights, or null when nothing was
 * saved. Never rejects: whatever goes wrong leaves the current weights in place and logs one line.
 */
export async function maybeFitParameters(userId: string, options: FitOptions = {}): Promise<number[] | null> {
	try {
		const fit = await claimFit(userId);
		if (!fit) return null;
		const binding = bindingPath();
		if (!binding) throw new Error(`${BINDING} is not installed on this platform`);
		const output = await runWorker(options.workerSource ?? fitWorker, binding, fit.input, options.timeoutMs ?? 20_000);
		const weights = parseWeights(output);
		if (!weights) return null; // too few reviews a day or more apart to fit anything
		await asService((sql) =>
			sql.query(
				`update public.study_preferences set fsrs_weights = $2::float8[], weights_fitted_at = now(), updated_at = now()
				 where user_id = $1 and weights_fitted_on_reviews = $3`, // unless a later fit has claimed the row since
				[userId, weights, fit.reviews]
			)
		);
		return weights;
	} catch (error) {
		console.warn(`FSRS parameters for ${userId} not fitted, current ones kept: ${(error as Error).message}`);
		return null;
	}
}

/**
 * Claims a fit when one is due, in one statement so that two syncs never fit at once. The claim is recorded before
 * the fit runs: a fit that crashes or times out is tried again only 200 reviews later, not on every sync.
 */
function claimFit(userId: string): Promise<{ reviews: number; input: FitInput } | null> {
	return asService(async (sql) => {
		const [claimed] = await sql.query<{ reviews: number }>(
			`with logged as (select count(*)::int as reviews from public.review_logs where user_id = $1)
			 insert into public.study_preferences as p (user_id, weights_fitted_on_reviews)
			 select $1, reviews from logged where reviews >= $2
			 on conflict (user_id) do update set weights_fitted_on_reviews = excluded.weights_fitted_on_reviews, updated_at = now()
			 where p.weights_fitted_on_reviews is null or excluded.weights_fitted_on_reviews >= p.weights_fitted_on_reviews + $3
			 returning weights_fitted_on_reviews as reviews`,
			[userId, FIRST_FIT_REVIEWS, REFIT_AFTER_REVIEWS]
		);
		if (!claimed) return null;
		const settings = await forTrainee(sql, userId);
		const logs = await sql.query<Review>(
			`select id, card_id as "cardId", rating, to_char(reviewed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "reviewedAt",
				duration_ms as "durationMs"
			 from public.review_logs where user_id = $1`,
			[userId]
		);
		return {
			reviews: claimed.reviews,
			input: { cards: histories(logs), relearningSteps: settings.scheduling.relearningSteps.length }
		};
	});
}

/** Each card's reviews in replay order as [rating, whole UTC days since its previous review (0 for the first)]. */
function histories(reviews: Review[]): [number, number][][] {
	const byCard = new Map<string, Review[]>();
	for (const review of reviews) {
		const log = byCard.get(review.cardId);
		if (log) log.push(review);
		else byCard.set(review.cardId, [review]);
	}
	return [...byCard.values()]
		.filter((log) => log.length > 1)
		.map((log) => {
			let previousDay: number | null = null;
			return inReplayOrder(log).map((review): [number, number] => {
				// Calendar days in UTC, as ts-fsrs counts a card's elapsed days.
				const day = Math.floor(Date.parse(review.reviewedAt) / DAY_MS);
				const deltaT = previousDay === null ? 0 : day - previousDay;
				previousDay = day;
				return [review.rating, deltaT];
			});
		});
}

function bindingPath(): string | null {
	try {
		return createRequire(import.meta.url).resolve(BINDING);
	} catch {
		return null;
	}
}

/** Runs the optimizer in a child process: its stdout if it exits cleanly in time, else rejects with why not. */
function runWorker(source: string, binding: string, input: FitInput, timeoutMs: number): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--input-type=module', '--eval', source, binding], {
			stdio: ['pipe', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, timeoutMs);
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
			if (stdout.length > 65_536) child.kill('SIGKILL'); // 21 numbers are far less
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4096)));
		child.stdin.on('error', () => {}); // a child that died early: its exit below says why
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (code === 0) return resolve(stdout);
			const how = timedOut ? `did not finish in ${timeoutMs} ms` : signal ? `was stopped by ${signal}` : `exited with code ${code}`;
			const said = stderr.trim().split('\n').at(-1);
			reject(new Error(`the optimizer ${how}${said ? ` (${said})` : ''}`));
		});
		child.stdin.end(JSON.stringify(input));
	});
}

/** The fitted weights; null when there was too little to fit. Throws on anything but 21 finite numbers. */
function parseWeights(output: string): number[] | null {
	const value: unknown = JSON.parse(output);
	if (value === null) return null;
	if (Array.isArray(value) && value.length === PARAMETER_COUNT && value.every((w) => typeof w === 'number' && Number.isFinite(w))) {
		return value;
	}
	throw new Error(`the optimizer returned ${output.slice(0, 60)}, not ${PARAMETER_COUNT} parameters`);
}
