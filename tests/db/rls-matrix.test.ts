import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import { addActivity, buildWorld, claimsFor, WORK_IDS, type World } from './fixtures';

/** A's world with its activity: a review, a mock test under way, a test assigned (fixtures.addActivity). */
type MatrixWorld = World & { attempt: string };
import { runAsUser } from '../../src/lib/server/db/rls';
import type { Claims, Engine, Sql } from '../../src/lib/server/db/types';

// Who may do what to trainee A's world, table by table. Every actor not listed must be denied.

const actors = {
	anonymous: () => null,
	'trainee A': (w) => claimsFor(w.users.traineeA),
	'trainee B': (w) => claimsFor(w.users.traineeB),
	"A's instructor": (w) => claimsFor(w.users.instructor1),
	'instructor of another center': (w) => claimsFor(w.users.instructor2),
	'center admin': (w) => claimsFor(w.users.admin1),
	'ministry viewer': (w) => claimsFor(w.users.viewer)
} satisfies Record<string, (w: World) => Claims | null>;
type Actor = keyof typeof actors;

const ops = ['select', 'insert', 'update', 'delete'] as const;
type Op = (typeof ops)[number];

const A: Actor = 'trainee A';
const B: Actor = 'trainee B';
const I1: Actor = "A's instructor";
const I2: Actor = 'instructor of another center';
const ADMIN: Actor = 'center admin';
const VIEWER: Actor = 'ministry viewer';

const expected = {
	training_centers: { select: [A, B, I1, ADMIN], insert: [], update: [ADMIN], delete: [] },
	profiles: { select: [A, I1, ADMIN], insert: [], update: [A], delete: [] },
	center_memberships: { select: [A, I1, ADMIN], insert: [ADMIN], update: [ADMIN], delete: [ADMIN] },
	cohorts: { select: [A, I1, ADMIN], insert: [I1, ADMIN], update: [I1, ADMIN], delete: [ADMIN] },
	cohort_members: { select: [A, I1, ADMIN], insert: [I1, ADMIN], update: [I1, ADMIN], delete: [I1, ADMIN] },
	cohort_instructors: { select: [A, I1, ADMIN], insert: [ADMIN], update: [ADMIN], delete: [ADMIN] },
	ministry_viewers: { select: [VIEWER], insert: [], update: [], delete: [] },
	content_cards: { select: [A, B, I1, I2, ADMIN, VIEWER], insert: [], update: [], delete: [] },
	lesson_completions: { select: [A, I1, ADMIN], insert: [A], update: [], delete: [] },
	deck_cards: { select: [A, I1, ADMIN], insert: [A], update: [], delete: [] },
	review_logs: { select: [A, I1, ADMIN], insert: [A], update: [], delete: [] },
	// A's preferences; the insert is B's own first row (A has one already). Fitted weights are the server's.
	study_preferences: { select: [A, I1, ADMIN], insert: [B], update: [A], delete: [] },
	test_attempts: { select: [A, I1, ADMIN], insert: [], update: [], delete: [] },
	attempt_answers: { select: [A, I1, ADMIN], insert: [A], update: [A], delete: [] },
	test_assignments: { select: [A, I1, ADMIN], insert: [I1, ADMIN], update: [I1, ADMIN], delete: [I1, ADMIN] },
	expected_trainees: { select: [I1, ADMIN], insert: [I1, ADMIN], update: [I1, ADMIN], delete: [I1, ADMIN] },
	// Someone removed from C1, remembered so its staff can add them back; pending instructor invitations of center 1.
	cohort_removals: { select: [I1, ADMIN], insert: [I1, ADMIN], update: [I1, ADMIN], delete: [I1, ADMIN] },
	instructor_invitations: { select: [ADMIN], insert: [ADMIN], update: [ADMIN], delete: [ADMIN] },
	assignments: { select: [A, I1, ADMIN], insert: [I1, ADMIN], update: [I1, ADMIN], delete: [I1, ADMIN] },
	// A version once handed in is never changed or deleted; a resubmission is a new row.
	work_submissions: { select: [A, I1, ADMIN], insert: [A], update: [], delete: [] },
	work_feedback: { select: [A, I1, ADMIN], insert: [I1, ADMIN], update: [I1, ADMIN], delete: [] },
	// Ministry rollups: nobody, not even a ministry viewer; viewers read sums through the ministry_* functions.
	ministry_cohort_status: { select: [], insert: [], update: [], delete: [] },
	ministry_cohort_months: { select: [], insert: [], update: [], delete: [] },
	ministry_cohort_tests: { select: [], insert: [], update: [], delete: [] },
	ministry_cohort_readiness: { select: [], insert: [], update: [], delete: [] },
	// The dashboard's weekly rollup of review logs: nobody; instructors read cohort sums through dashboard_* functions.
	review_weeks: { select: [], insert: [], update: [], delete: [] },
	// Kept core-deck recall sums: read as the deck is; written only by public.refresh_deck_recall.
	deck_recall_sums: { select: [A, I1, ADMIN], insert: [], update: [], delete: [] },
	// Trust (issue 9): written only by triggers and functions; the trail is for the center's admins alone.
	privacy_agreements: { select: [A, I1, ADMIN], insert: [], update: [], delete: [] },
	audit_events: { select: [ADMIN], insert: [], update: [], delete: [] },
	deletion_requests: { select: [A, ADMIN], insert: [], update: [], delete: [] }
} satisfies Record<string, Record<Op, Actor[]>>;
type Table = keyof typeof expected;

type Statement = [text: string, params: unknown[]];

/** The target row in A's world (select/update/delete find it by `where`), and an insert that would otherwise succeed. */
interface Target {
	where: string;
	key: (w: MatrixWorld) => unknown[];
	/** A column set to itself: the update changes nothing but still counts the row. */
	touch: string;
	insert: (w: MatrixWorld) => Statement;
}

const targets: Record<Table, Target> = {
	training_centers: {
		where: 'id = $1',
		key: (w) => [w.centers.c1],
		touch: 'name',
		insert: () => [`insert into public.training_centers (name, province) values ('LPK Baru', 'Bali')`, []]
	},
	profiles: {
		where: 'id = $1',
		key: (w) => [w.users.traineeA.id],
		touch: 'display_name',
		insert: (w) => ['insert into public.profiles (id) values ($1)', [w.users.spare.id]]
	},
	center_memberships: {
		where: `center_id = $1 and user_id = $2 and role = 'trainee'`,
		key: (w) => [w.centers.c1, w.users.traineeA.id],
		touch: 'created_at',
		insert: (w) => [
			`insert into public.center_memberships (center_id, user_id, role) values ($1, $2, 'instructor')`,
			[w.centers.c1, w.users.instructor2.id]
		]
	},
	cohorts: {
		where: 'id = $1',
		key: (w) => [w.cohorts.C1],
		touch: 'name',
		insert: (w) => [
			`insert into public.cohorts (center_id, name, sector, target_exam, destination_prefecture, invite_code)
			 values ($1, 'Angkatan Baru', 'hospitality', 'jlpt_n4', 'Aichi', 'NEWCOHORT1')`,
			[w.centers.c1]
		]
	},
	cohort_members: {
		where: 'cohort_id = $1 and user_id = $2',
		key: (w) => [w.cohorts.C1, w.users.traineeA.id],
		touch: 'joined_at',
		insert: (w) => [
			'insert into public.cohort_members (cohort_id, user_id) values ($1, $2)',
			[w.cohorts.C1, w.users.traineeB.id]
		]
	},
	cohort_instructors: {
		where: 'cohort_id = $1 and user_id = $2',
		key: (w) => [w.cohorts.C1, w.users.instructor1.id],
		touch: 'created_at',
		insert: (w) => [
			'insert into public.cohort_instructors (cohort_id, user_id) values ($1, $2)',
			[w.cohorts.C1, w.users.instructor1b.id]
		]
	},
	ministry_viewers: {
		where: 'user_id = $1',
		key: (w) => [w.users.viewer.id],
		touch: 'created_at',
		insert: (w) => ['insert into public.ministry_viewers (user_id) values ($1)', [w.users.traineeA.id]]
	},
	content_cards: {
		where: `id = 'c1'`,
		key: () => [],
		touch: 'term',
		insert: () => [
			`insert into public.content_cards (id, lesson_id, position, term, reading, meaning, part_of_speech, sectors, scenes, examples)
			 values ('c3', 'l1', 1, '移乗', 'いじょう', '{}', 'noun', '{}', '{}', '[]')`,
			[]
		]
	},
	lesson_completions: {
		where: `user_id = $1 and lesson_id = 'l1'`,
		key: (w) => [w.users.traineeA.id],
		touch: 'completed_at',
		// A's completion of the next lesson: only A may record it.
		insert: (w) => [`insert into public.lesson_completions (user_id, lesson_id) values ($1, 'l2')`, [w.users.traineeA.id]]
	},
	deck_cards: {
		where: `user_id = $1 and card_id = 'c1'`,
		key: (w) => [w.users.traineeA.id],
		touch: 'added_at',
		insert: (w) => [`insert into public.deck_cards (user_id, card_id) values ($1, 'c2')`, [w.users.traineeA.id]]
	},
	review_logs: {
		where: `id = '00000000-0000-7000-8000-000000000001'`,
		key: () => [],
		touch: 'rating',
		// A's next review of a card in A's deck: append-only, and only A may append it.
		insert: (w) => [
			`insert into public.review_logs (id, user_id, card_id, rating, reviewed_at, duration_ms, mode)
			 values ('00000000-0000-7000-8000-000000000002', $1, 'c1', 4, now(), 3000, 'recall')`,
			[w.users.traineeA.id]
		]
	},
	study_preferences: {
		where: 'user_id = $1',
		key: (w) => [w.users.traineeA.id],
		touch: 'new_cards_per_day',
		insert: (w) => ['insert into public.study_preferences (user_id, new_cards_per_day) values ($1, 5)', [w.users.traineeB.id]]
	},
	test_attempts: {
		where: 'id = $1',
		key: (w) => [w.attempt],
		touch: 'started_at',
		insert: (w) => [
			`insert into public.test_attempts (user_id, test, form_number, item_ids) values ($1, 'jlpt_n4', 1, '{ti1}')`,
			[w.users.traineeA.id]
		]
	},
	attempt_answers: {
		where: `attempt_id = $1 and item_id = 'ti1'`,
		key: (w) => [w.attempt],
		touch: 'choice',
		insert: (w) => [`insert into public.attempt_answers (attempt_id, item_id, section_position, choice) values ($1, 'ti2', 0, 2)`, [w.attempt]]
	},
	test_assignments: {
		where: 'cohort_id = $1',
		key: (w) => [w.cohorts.C1],
		touch: 'closes_at',
		// Made by whoever asks (the owner's control run stands in for A's instructor).
		insert: (w) => [
			`insert into public.test_assignments (cohort_id, test, opens_at, closes_at, created_by)
			 values ($1, 'jlpt_n5', now(), now() + interval '1 day', coalesce((select auth.uid()), $2))`,
			[w.cohorts.C1, w.users.instructor1.id]
		]
	},
	expected_trainees: {
		where: `cohort_id = $1 and phone = '6281299990001'`,
		key: (w) => [w.cohorts.C1],
		touch: 'display_name',
		insert: (w) => [
			`insert into public.expected_trainees (cohort_id, display_name, email, created_by)
			 values ($1, 'Calon Baru', 'calon@example.test', coalesce((select auth.uid()), $2))`,
			[w.cohorts.C1, w.users.instructor1.id]
		]
	},
	cohort_removals: {
		where: 'cohort_id = $1 and user_id = $2',
		key: (w) => [w.cohorts.C1, w.users.traineeB.id],
		touch: 'removed_at',
		// Made by whoever asks (the owner's control run stands in for A's instructor).
		insert: (w) => [
			`insert into public.cohort_removals (cohort_id, user_id, display_name, removed_by)
			 values ($1, $2, 'Pernah Ikut', coalesce((select auth.uid()), $3))`,
			[w.cohorts.C1, w.users.instructor1b.id, w.users.instructor1.id]
		]
	},
	instructor_invitations: {
		where: `center_id = $1 and email = 'calon.guru@example.test'`,
		key: (w) => [w.centers.c1],
		touch: 'created_at',
		insert: (w) => [
			`insert into public.instructor_invitations (center_id, email, code, invited_by)
			 values ($1, 'guru.lain@example.test', 'GURULAIN2345', coalesce((select auth.uid()), $2))`,
			[w.centers.c1, w.users.admin1.id]
		]
	},
	assignments: {
		where: `cohort_id = $1 and kind = 'lesson'`,
		key: (w) => [w.cohorts.C1],
		touch: 'due_at',
		insert: (w) => [
			`insert into public.assignments (cohort_id, kind, lesson_id, due_at, created_by)
			 values ($1, 'lesson', 'l2', now() + interval '1 day', coalesce((select auth.uid()), $2))`,
			[w.cohorts.C1, w.users.instructor1.id]
		]
	},
	work_submissions: {
		where: `id = '${WORK_IDS.scored}'`,
		key: () => [],
		touch: 'body',
		// A third version of A's written task: only A may hand it in.
		insert: (w) => [`insert into public.work_submissions (assignment_id, user_id, body) values ($1, $2, '三回目')`, [WORK_IDS.task, w.users.traineeA.id]]
	},
	work_feedback: {
		where: `submission_id = '${WORK_IDS.scored}'`,
		key: () => [],
		touch: 'comment',
		// A score for A's waiting version, by whoever asks (the owner's control run stands in for A's instructor).
		insert: (w) => [
			`insert into public.work_feedback (submission_id, scores, comment, reviewer_id) values ($1, '{"content":4}', '', coalesce((select auth.uid()), $2))`,
			[WORK_IDS.waiting, w.users.instructor1.id]
		]
	},
	ministry_cohort_status: {
		where: `cohort_id = $1 and status = 'in_training'`,
		key: (w) => [w.cohorts.C1],
		touch: 'trainees',
		insert: (w) => [`insert into public.ministry_cohort_status (cohort_id, status, trainees) values ($1, 'ready', 1)`, [w.cohorts.C1]]
	},
	ministry_cohort_months: {
		where: 'cohort_id = $1 and joined > 0',
		key: (w) => [w.cohorts.C1],
		touch: 'reviews',
		insert: (w) => [`insert into public.ministry_cohort_months (cohort_id, month, joined) values ($1, '2000-01-01', 1)`, [w.cohorts.C1]]
	},
	ministry_cohort_tests: {
		where: `cohort_id = $1 and exam = 'jlpt_n4'`,
		key: (w) => [w.cohorts.C1],
		touch: 'takers',
		insert: (w) => [`insert into public.ministry_cohort_tests (cohort_id, exam, takers) values ($1, 'jlpt_n5', 1)`, [w.cohorts.C1]]
	},
	ministry_cohort_readiness: {
		where: 'cohort_id = $1',
		key: (w) => [w.cohorts.C1],
		touch: 'ready',
		insert: (w) => [`insert into public.ministry_cohort_readiness (cohort_id) values ($1)`, [w.cohorts.C3]]
	},
	review_weeks: {
		where: `user_id = $1 and sector = '' and scene = ''`,
		key: (w) => [w.users.traineeA.id],
		touch: 'reviews',
		insert: (w) => [`insert into public.review_weeks (user_id, sector, scene, week) values ($1, '', '', '2000-01-03')`, [w.users.traineeA.id]]
	},
	deck_recall_sums: {
		where: `user_id = $1 and sector = 'caregiving'`,
		key: (w) => [w.users.traineeA.id],
		touch: 'cards',
		insert: (w) => [
			`insert into public.deck_recall_sums (user_id, sector, projected_at, decay, factor, cards, studied, recall_sum) values ($1, 'caregiving', now(), -0.1542, 0.5, 1, 0, 0)`,
			[w.users.traineeB.id]
		]
	},
	privacy_agreements: {
		where: 'user_id = $1',
		key: (w) => [w.users.traineeA.id],
		touch: 'locale',
		insert: (w) => [`insert into public.privacy_agreements (user_id, notice_version, locale) values ($1, '2026-11-24', 'id')`, [w.users.traineeB.id]]
	},
	audit_events: {
		where: `subject_id = $1 and action = 'enrolled'`,
		key: (w) => [w.users.traineeA.id],
		touch: 'detail',
		insert: (w) => [`insert into public.audit_events (center_id, action) values ($1, 'exported')`, [w.centers.c1]]
	},
	deletion_requests: {
		where: 'user_id = $1',
		key: (w) => [w.users.traineeA.id],
		touch: 'state',
		insert: (w) => [`insert into public.deletion_requests (user_id, center_id) values ($1, $2)`, [w.users.spare.id, w.centers.c1]]
	}
};

function statement(table: Table, op: Op, w: MatrixWorld): Statement {
	const t = targets[table];
	switch (op) {
		case 'select':
			return [`select 1 from public.${table} where ${t.where}`, t.key(w)];
		case 'update':
			return [`update public.${table} set ${t.touch} = ${t.touch} where ${t.where} returning 1`, t.key(w)];
		case 'delete':
			return [`delete from public.${table} where ${t.where} returning 1`, t.key(w)];
		case 'insert':
			return t.insert(w);
	}
}

const isDenied = (error: unknown) => (error as { code?: string } | null)?.code === '42501';

/** Rows the statement reached: 1 when allowed; 0 when RLS hides the row or refuses it (42501). */
async function rowsReached(sql: Sql, op: Op, [text, params]: Statement): Promise<number> {
	try {
		const rows = await sql.query(text, params);
		return op === 'insert' ? 1 : rows.length;
	} catch (error) {
		if (isDenied(error)) return 0;
		throw error; // anything else means the statement is wrong, not that RLS said no
	}
}

/** Carries fn's result out of a transaction that is thereby rolled back. */
class Rollback {
	constructor(readonly value: unknown) {}
}

/** Runs fn as the actor (or the owner) in a transaction that never commits, so the world never changes. */
async function rolledBack<T>(engine: Engine, who: Claims | null | 'owner', fn: (sql: Sql) => Promise<T>): Promise<T> {
	const body = async (sql: Sql): Promise<never> => {
		throw new Rollback(await fn(sql));
	};
	try {
		await (who === 'owner' ? engine.transaction(body) : runAsUser(engine, who, body));
	} catch (error) {
		if (error instanceof Rollback) return error.value as T;
		throw error;
	}
	throw new Error('unreachable: the transaction body always throws');
}

const tables = Object.keys(expected) as Table[];
const actorNames = Object.keys(actors) as Actor[];
const cases = tables.flatMap((table) =>
	ops.flatMap((op) =>
		actorNames.map((actor) => ({ table, op, actor, allowed: (expected[table][op] as Actor[]).includes(actor) }))
	)
);

describe.each(testEngines)('RLS matrix on $name', (testEngine) => {
	let engine: Engine;
	let world: MatrixWorld;
	let ran = 0;

	beforeAll(async () => {
		engine = await testEngine.open();
		const built = await buildWorld(engine);
		world = { ...built, attempt: await addActivity(engine, built) };
	});
	afterAll(async () => {
		if (engine) await testEngine.dispose(engine);
	});

	// Controls: a denial below means RLS said no, not that the target is missing or the insert is broken.
	it.each(tables)('%s · as the owner the target row exists and the insert succeeds', async (table) => {
		const reached = await rolledBack(engine, 'owner', async (sql) => [
			await rowsReached(sql, 'select', statement(table, 'select', world)),
			await rowsReached(sql, 'insert', statement(table, 'insert', world))
		]);
		expect(reached).toEqual([1, 1]);
	});

	for (const { table, op, actor, allowed } of cases) {
		it(`${table} · ${op} · ${actor} → ${allowed ? 'allowed' : 'denied'}`, async () => {
			ran++;
			const reached = await rolledBack(engine, actors[actor](world), (sql) =>
				rowsReached(sql, op, statement(table, op, world))
			);
			expect(reached).toBe(allowed ? 1 : 0);
		});
	}

	// Server-only table: no grants at all, so even the attempt is a permission error, not an empty result.
	const privateStatements: Record<'select' | 'insert', string> = {
		select: 'select 1 from private.sign_in_failures',
		insert: `insert into private.sign_in_failures (account, address) values ('a@example.test', '127.0.0.1')`
	};
	for (const op of ['select', 'insert'] as const) {
		for (const actor of actorNames) {
			it(`private.sign_in_failures · ${op} · ${actor} → permission denied`, async () => {
				await expect(
					rolledBack(engine, actors[actor](world), (sql) => sql.query(privateStatements[op]))
				).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied/) });
			});
		}
	}

	it(`ran all ${cases.length} table × operation × actor cases`, () => {
		expect(cases.length).toBe(tables.length * ops.length * actorNames.length);
		expect(ran).toBe(cases.length);
		console.log(`RLS matrix on ${testEngine.name}: ${ran} cases (${tables.length} tables × ${ops.length} ops × ${actorNames.length} actors)`);
	});
});
