import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import { addActivity, buildWorld, claimsFor, WORK_IDS, type World } from './fixtures';
import type { Engine } from '../../src/lib/server/db/types';
import { adoptEngine } from '../../src/lib/server/db/connection';
import * as deletion from '../../src/lib/server/privacy/deletion';
import { newRecordingKey, recordings } from '../../src/lib/server/storage';

describe.each(testEngines)('deleting a trainee on request on $name', (testEngine) => {
	let engine: Engine;
	let world: World;
	let dataDir: string;
	let audioKey: string;
	const owner = <T>(text: string, params: unknown[] = []) => engine.transaction((sql) => sql.query<T>(text, params));

	beforeAll(async () => {
		dataDir = mkdtempSync(join(tmpdir(), 'hashi-deletion-'));
		process.env.DATA_DIR = dataDir;
		engine = await testEngine.open();
		world = await buildWorld(engine);
		await addActivity(engine, world);
		adoptEngine(engine);
		// A's recording of a spoken task, on disk as the embedded mode keeps it.
		audioKey = newRecordingKey(world.users.traineeA.id, 'webm');
		await recordings().put(audioKey, new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3]), 'audio/webm');
		await owner(
			`insert into assignments (id, cohort_id, kind, work_mode, title, instructions, rubric, due_at, created_by)
			 values ('00000000-0000-4000-8000-00000000a002', $1, 'work_task', 'spoken', '自己紹介', '自己紹介をしてください。', '[{"key":"content","max":4}]', now() + interval '3 days', $2)`,
			[world.cohorts.C1, world.users.instructor1.id]
		);
		await owner(
			`insert into work_submissions (assignment_id, user_id, audio_key, audio_type, audio_bytes) values ('00000000-0000-4000-8000-00000000a002', $1, $2, 'audio/webm', 7)`,
			[world.users.traineeA.id, audioKey]
		);
	});
	afterAll(async () => {
		await testEngine.dispose(engine);
		rmSync(dataDir, { recursive: true, force: true });
	});

	const A = () => world.users.traineeA.id;
	const personalRows = async () => {
		const [row] = await owner<Record<string, number>>(
			`select (select count(*)::int from auth.users where id = $1) as account, (select count(*)::int from profiles where id = $1) as profile,
				(select count(*)::int from cohort_members where user_id = $1) as enrolments, (select count(*)::int from review_logs where user_id = $1) as reviews,
				(select count(*)::int from test_attempts where user_id = $1) as attempts, (select count(*)::int from work_submissions where user_id = $1) as submissions,
				(select count(*)::int from work_feedback f join work_submissions s on s.id = f.submission_id where s.user_id = $1) as feedback,
				(select count(*)::int from expected_trainees where joined_user_id = $1) as roster`,
			[A()]
		);
		return row!;
	};

	it('waits for the center admin; no one else can confirm it', async () => {
		await owner(`update expected_trainees set joined_user_id = $1 where cohort_id = $2`, [A(), world.cohorts.C1]);
		await deletion.request(claimsFor(world.users.traineeA));
		expect(await deletion.ownRequest(claimsFor(world.users.traineeA))).not.toBeNull();
		for (const who of [world.users.traineeA, world.users.instructor1, world.users.instructor2, world.users.viewer]) {
			expect(await deletion.confirm(claimsFor(who), A()), who.email).toEqual({ kind: 'not_found' });
		}
		expect(await deletion.pendingForAdmin(claimsFor(world.users.instructor1))).toEqual([]);
		const [pending] = await deletion.pendingForAdmin(claimsFor(world.users.admin1));
		expect(pending).toMatchObject({ userId: A(), heldUntil: null });
		expect(Object.values(await personalRows()).every((n) => n > 0)).toBe(true);
	});

	it("is held while a departed worker's record must be kept, and says until when", async () => {
		await owner(`update cohort_members set joined_at = now() - interval '90 days' where user_id = $1`, [A()]);
		await owner(`update cohort_members set status = 'departed', departed_on = current_date - 30 where user_id = $1`, [A()]);
		const outcome = await deletion.confirm(claimsFor(world.users.admin1), A());
		expect(outcome.kind).toBe('held');
		const until = new Date(`${(outcome as { until: string }).until}T00:00:00Z`);
		const expected = new Date();
		expected.setUTCDate(expected.getUTCDate() - 30);
		expected.setUTCMonth(expected.getUTCMonth() + 24);
		expect(Math.abs(until.getTime() - expected.getTime())).toBeLessThan(3 * 86_400_000);
		expect((await personalRows()).profile).toBe(1);
	});

	it('once the period allows, removes the account, everything about the person and their recordings, and keeps the trail', async () => {
		await owner(`update training_centers set departed_retention_months = 0 where id = $1`, [world.centers.c1]);
		const ministry = () =>
			Promise.all([
				owner<{ total: number; departed: number }>(
					`select sum(trainees)::int as total, coalesce(sum(trainees) filter (where status = 'departed'), 0)::int as departed from ministry_cohort_status`
				),
				owner('select cohort_id, month, joined, departed, active_trainees, reviews::int from ministry_cohort_months order by 1, 2'),
				owner('select cohort_id, exam, takers, passers, attempts, passed_attempts from ministry_cohort_tests order by 1, 2')
			]);
		const before = await ministry();
		expect(await deletion.confirm(claimsFor(world.users.admin1), A())).toEqual({ kind: 'deleted', recordings: 1 });
		// The ministry's totals, months and mock-test counts are what they were: only anonymous counts remain.
		expect(await ministry()).toEqual(before);
		expect(await personalRows()).toEqual({ account: 0, profile: 0, enrolments: 0, reviews: 0, attempts: 0, submissions: 0, feedback: 0, roster: 0 });
		expect(await recordings().get(audioKey)).toBeNull();
		const [request] = await owner<{ state: string }>('select state from deletion_requests where user_id = $1', [A()]);
		expect(request!.state).toBe('deleted');
		const trail = await owner<{ action: string }>(`select action from audit_events where subject_id = $1 order by id`, [A()]);
		expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['deletion_requested', 'deleted']));
		// Trainee B, in the same center, still has everything.
		const [b] = await owner<{ n: number }>('select count(*)::int as n from profiles where id = $1', [world.users.traineeB.id]);
		expect(b!.n).toBe(1);
	});
});
