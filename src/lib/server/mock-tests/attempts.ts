import { blueprints, type TestType } from '$lib/mock-tests/blueprints';
import { calibrate, type Observation } from '$lib/mock-tests/rasch';
import { scoreAttempt, type AttemptScore, type ItemResult } from '$lib/mock-tests/scoring';
import { withUser } from '../db';
import { asService } from '../db/service';
import type { Claims, Sql } from '../db/types';

/** Test-only: shortens every section (e.g. 0.01 turns 20 minutes into 12 seconds). Never set in production. */
function timeScale(): number {
	const scale = Number(process.env.MOCK_TEST_TIME_SCALE ?? 1);
	return Number.isFinite(scale) && scale > 0 && scale <= 1 ? scale : 1;
}

export interface AttemptSection {
	position: number;
	section: string;
	startedAt: string | null;
	deadlineAt: string | null;
	submittedAt: string | null;
}

export interface AttemptItem {
	itemId: string;
	unitId: string;
	section: string;
	mondai: string;
	stem: string;
	choices: string[];
	passage: { title?: string; ja: string } | null;
	script: { speaker: 'F' | 'M' | 'N'; ja: string }[] | null;
}

export interface AttemptState {
	id: string;
	test: TestType;
	formNumber: number;
	practice: boolean;
	submittedAt: string | null;
	sections: AttemptSection[];
	current: AttemptSection | null;
	items: AttemptItem[];
	answers: Record<string, number>;
	serverNow: string;
}

export class AttemptError extends Error {}

/** Starts a form of this test the trainee has taken least often; the first section's clock starts now. */
export async function start(claims: Claims, test: TestType, practice: boolean): Promise<string> {
	const form = await withUser(claims, async (sql) => {
		const [row] = await sql.query<{ number: number; item_ids: string[] }>(
			`select f.number, f.item_ids from test_forms f
			 where f.test = $1
			 order by (select count(*) from test_attempts a where a.user_id = $2 and a.test = $1 and a.form_number = f.number), f.number
			 limit 1`,
			[test, claims.sub]
		);
		return row;
	});
	if (!form) throw new AttemptError('no form of this test is ready yet');
	const blueprint = blueprints[test];
	return asService(async (sql) => {
		const [attempt] = await sql.query<{ id: string }>(
			`insert into public.test_attempts (user_id, test, form_number, practice, item_ids) values ($1, $2, $3, $4, $5) returning id`,
			[claims.sub, test, form.number, practice, form.item_ids]
		);
		for (const [position, section] of blueprint.sections.entries()) {
			await sql.query(
				`insert into public.attempt_sections (attempt_id, position, section, started_at, deadline_at)
				 values ($1, $2, $3, case when $2 = 0 then now() end,
					case when $2 = 0 then now() + make_interval(secs => $4) end)`,
				[attempt!.id, position, section.id, section.minutes * 60 * timeScale()]
			);
		}
		return attempt!.id;
	});
}

async function sectionsOf(sql: Sql, attemptId: string): Promise<AttemptSection[]> {
	return sql.query<AttemptSection>(
		`select position, section, started_at as "startedAt", deadline_at as "deadlineAt", submitted_at as "submittedAt"
		 from attempt_sections where attempt_id = $1 order by position`,
		[attemptId]
	);
}

/** The attempt as its owner sees it; a section whose time ran out is submitted first, as on the real test. */
export async function load(claims: Claims, attemptId: string): Promise<AttemptState | null> {
	const read = () =>
		withUser(claims, async (sql) => {
			const [attempt] = await sql.query<{ id: string; test: TestType; form_number: number; practice: boolean; submitted_at: string | null; user_id: string }>(
				'select id, test, form_number, practice, submitted_at, user_id from test_attempts where id = $1 and user_id = $2',
				[attemptId, claims.sub]
			);
			if (!attempt) return null;
			const sections = await sectionsOf(sql, attemptId);
			const [now] = await sql.query<{ now: string }>('select now() as now');
			return { attempt, sections, now: new Date(now!.now) };
		});
	let snapshot = await read();
	if (!snapshot) return null;
	const open = snapshot.sections.find((s) => s.startedAt && !s.submittedAt);
	if (open && open.deadlineAt && new Date(open.deadlineAt) < snapshot.now) {
		await closeSection(claims, attemptId, open.position);
		snapshot = (await read())!;
	}
	const { attempt, sections, now } = snapshot;
	const current = sections.find((s) => s.startedAt && !s.submittedAt) ?? null;
	const { items, answers } = await withUser(claims, async (sql) => ({
		items: current
			? (
					await sql.query<AttemptItem & { item_id: string; unit_id: string }>(
						`select item_id as "itemId", unit_id as "unitId", section, mondai, stem, choices, passage, script
						 from attempt_items($1) where section = $2`,
						[attemptId, current.section]
					)
				).map(({ item_id: _i, unit_id: _u, ...item }) => item)
			: [],
		answers: Object.fromEntries(await answersOf(sql, attemptId))
	}));
	return {
		id: attempt.id,
		test: attempt.test,
		formNumber: attempt.form_number,
		practice: attempt.practice,
		submittedAt: attempt.submitted_at,
		sections,
		current,
		items,
		answers,
		serverNow: now.toISOString()
	};
}

/** The answers given in an attempt, item by item (row-level security: the owner and their teachers). */
export async function answersOf(sql: Sql, attemptId: string): Promise<Map<string, number>> {
	const rows = await sql.query<{ item_id: string; choice: number }>('select item_id, choice from attempt_answers where attempt_id = $1', [attemptId]);
	return new Map(rows.map((a) => [a.item_id, a.choice]));
}

/** Saves one answer; row-level security refuses it after the deadline, in a closed section, or on another's attempt. */
export async function saveAnswer(claims: Claims, attemptId: string, itemId: string, section: number, choice: number): Promise<void> {
	try {
		await withUser(claims, (sql) =>
			sql.query(
				`insert into attempt_answers (attempt_id, item_id, section_position, choice, answered_at) values ($1, $2, $3, $4, now())
				 on conflict (attempt_id, item_id) do update set choice = excluded.choice, answered_at = now()`,
				[attemptId, itemId, section, choice]
			)
		);
	} catch (error) {
		if ((error as { code?: string }).code === '42501') throw new AttemptError('this section is closed: its time is over or it was submitted');
		throw error;
	}
}

/** Submits the section (once: a second submit changes nothing) and starts the next, or scores the attempt. */
export async function closeSection(claims: Claims, attemptId: string, position: number): Promise<void> {
	const owned = await withUser(claims, (sql) => sql.query('select 1 from test_attempts where id = $1 and user_id = $2', [attemptId, claims.sub]));
	if (owned.length === 0) throw new AttemptError('not your attempt');
	const finished = await asService(async (sql) => {
		const [closed] = await sql.query<{ test: TestType }>(
			`update public.attempt_sections s set submitted_at = least(now(), s.deadline_at)
			 from public.test_attempts a
			 where s.attempt_id = $1 and s.position = $2 and a.id = s.attempt_id
				and s.started_at is not null and s.submitted_at is null
			 returning a.test`,
			[attemptId, position]
		);
		if (!closed) return null;
		const next = blueprints[closed.test].sections[position + 1];
		if (next) {
			await sql.query(
				`update public.attempt_sections set started_at = now(), deadline_at = now() + make_interval(secs => $3)
				 where attempt_id = $1 and position = $2`,
				[attemptId, position + 1, next.minutes * 60 * timeScale()]
			);
			return null;
		}
		const score = await scoreFinished(sql, attemptId, closed.test);
		await sql.query('update public.test_attempts set submitted_at = now(), score = $2 where id = $1', [attemptId, JSON.stringify(score)]);
		return closed.test;
	});
	if (finished) await recalibrate(finished);
}

async function scoreFinished(sql: Sql, attemptId: string, test: TestType): Promise<AttemptScore> {
	const rows = await sql.query<ItemResult & { key: number; choice: number | null }>(
		`select i.id as "itemId", u.section, u.mondai, i.difficulty, i.answer_key as key, ans.choice
		 from public.test_attempts a
		 join public.test_items i on i.id = any (a.item_ids)
		 join public.test_units u on u.id = i.unit_id
		 left join public.attempt_answers ans on ans.attempt_id = a.id and ans.item_id = i.id
		 where a.id = $1`,
		[attemptId]
	);
	return scoreAttempt(
		rows.map((r) => ({ ...r, correct: r.choice === null ? null : r.choice === r.key })),
		blueprints[test]
	);
}

/** Item difficulties from every submitted attempt of this test (Rasch, anchored on the authored values). */
export async function recalibrate(test: TestType): Promise<number> {
	return asService(async (sql) => {
		const items = await sql.query<{ id: string; authored: number }>(
			`select i.id, i.authored_difficulty as authored from public.test_items i join public.test_units u on u.id = i.unit_id
			 where u.test = $1 and i.retired_at is null`,
			[test]
		);
		const observations = await sql.query<Observation>(
			`select a.id as person, i.id as item, coalesce(ans.choice = i.answer_key, false) as correct
			 from public.test_attempts a
			 join public.test_items i on i.id = any (a.item_ids)
			 left join public.attempt_answers ans on ans.attempt_id = a.id and ans.item_id = i.id
			 where a.test = $1 and a.submitted_at is not null and not a.practice`,
			[test]
		);
		if (observations.length === 0) return 0;
		const calibrated = calibrate(observations, new Map(items.map((i) => [i.id, i.authored])));
		await sql.query(
			`update public.test_items i set difficulty = r.difficulty
			 from jsonb_to_recordset($1::jsonb) as r(id text, difficulty float8) where i.id = r.id`,
			[JSON.stringify([...calibrated].map(([id, difficulty]) => ({ id, difficulty })))]
		);
		return observations.length;
	});
}
