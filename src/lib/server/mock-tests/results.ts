import type { TestType } from '$lib/mock-tests/blueprints';
import type { AttemptScore } from '$lib/mock-tests/scoring';
import { withUser } from '../db';
import type { Claims } from '../db/types';
import { answersOf, type AttemptItem } from './attempts';

export interface ReviewedItem extends AttemptItem {
	choice: number | null;
	key: number;
	explanation: { id: string; en?: string };
	skill: string;
}

export interface AttemptResults {
	id: string;
	test: TestType;
	formNumber: number;
	practice: boolean;
	submittedAt: string;
	score: AttemptScore;
	items: ReviewedItem[];
}

/** A submitted attempt with every item, the answer given, the key and its explanation. */
export async function load(claims: Claims, attemptId: string): Promise<AttemptResults | null> {
	return withUser(claims, async (sql) => {
		const [attempt] = await sql.query<{ id: string; test: TestType; form_number: number; practice: boolean; submitted_at: string | null; score: AttemptScore | null }>(
			'select id, test, form_number, practice, submitted_at, score from test_attempts where id = $1',
			[attemptId]
		);
		if (!attempt?.submitted_at || !attempt.score) return null;
		const items = await sql.query<AttemptItem>(
			`select item_id as "itemId", unit_id as "unitId", section, mondai, stem, choices, passage, script from attempt_items($1)`,
			[attemptId]
		);
		const review = new Map(
			(await sql.query<{ item_id: string; answer_key: number; explanation: ReviewedItem['explanation']; skill: string }>(
				'select item_id, answer_key, explanation, skill from attempt_review($1)',
				[attemptId]
			)).map((r) => [r.item_id, r])
		);
		const answers = await answersOf(sql, attemptId);
		return {
			id: attempt.id,
			test: attempt.test,
			formNumber: attempt.form_number,
			practice: attempt.practice,
			submittedAt: attempt.submitted_at,
			score: attempt.score,
			items: items.map((item) => {
				const r = review.get(item.itemId)!;
				return { ...item, choice: answers.get(item.itemId) ?? null, key: r.answer_key, explanation: r.explanation, skill: r.skill };
			})
		};
	});
}

export interface AttemptSummary {
	id: string;
	test: TestType;
	formNumber: number;
	startedAt: string;
	submittedAt: string | null;
	total: number | null;
	passed: boolean | null;
	practice: boolean;
}

export async function listMine(claims: Claims): Promise<AttemptSummary[]> {
	return withUser(claims, (sql) =>
		sql.query<AttemptSummary>(
			`select id, test, form_number as "formNumber", started_at as "startedAt", submitted_at as "submittedAt",
				(score->>'total')::int as total, (score->>'passed')::boolean as passed, practice
			 from test_attempts where user_id = $1 order by started_at desc limit 50`,
			[claims.sub]
		)
	);
}

export async function formCounts(claims: Claims): Promise<Record<string, number>> {
	const rows = await withUser(claims, (sql) =>
		sql.query<{ test: string; n: number }>('select test::text, count(*)::int as n from test_forms group by test')
	);
	return Object.fromEntries(rows.map((r) => [r.test, r.n]));
}
