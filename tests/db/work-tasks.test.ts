import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import { buildWorld, claimsFor, type World } from './fixtures';
import type { Engine } from '../../src/lib/server/db/types';
import { adoptEngine } from '../../src/lib/server/db/connection';
import { withUser } from '../../src/lib/server/db';
import * as assignments from '../../src/lib/server/assignments';
import * as work from '../../src/lib/server/work-tasks';

const day = 86_400_000;
const webmHead = [0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81];
const recording = (size = 30_000, type = 'audio/webm;codecs=opus', head = webmHead) => {
	const bytes = new Uint8Array(size);
	bytes.set(head);
	return new File([bytes], 'recording.webm', { type });
};

// 2.5 s recorded by Chromium's MediaRecorder (its last block starts at 2.4 s).
const chromium = readFileSync(new URL('../../src/lib/work-tasks/testdata/chromium-2500ms.webm', import.meta.url));

/** Every file under the recordings folder, as "<user>/<file>". */
function storedFiles(dataDir: string): string[] {
	const root = join(dataDir, 'recordings');
	try {
		return readdirSync(root).flatMap((user) => readdirSync(join(root, user)).map((file) => `${user}/${file}`));
	} catch {
		return [];
	}
}

describe.each(testEngines)('work tasks on $name', (testEngine) => {
	let engine: Engine;
	let world: World;
	let dataDir: string;
	let written: string;
	let spoken: string;
	const previousDataDir = process.env.DATA_DIR;

	beforeAll(async () => {
		dataDir = mkdtempSync(join(tmpdir(), 'hashi-work-'));
		process.env.DATA_DIR = dataDir;
		engine = await testEngine.open();
		world = await buildWorld(engine);
		adoptEngine(engine);
		await engine.transaction((sql) => sql.query(`update profiles set display_name = 'Trainee A' where id = $1`, [world.users.traineeA.id]));
		const dueAt = new Date(Date.now() + 3 * day);
		written = await assignments.create(instructor(), world.cohorts.C1, {
			kind: 'work_task',
			mode: 'written',
			title: '申し送り',
			instructions: '夜勤から日勤への申し送りを書いてください。',
			dueAt
		});
		spoken = await assignments.create(instructor(), world.cohorts.C1, { kind: 'work_task', mode: 'spoken', title: '自己紹介', instructions: '自己紹介をしてください。', dueAt });
	});
	afterAll(async () => {
		await testEngine.dispose(engine);
		rmSync(dataDir, { recursive: true, force: true });
		if (previousDataDir === undefined) delete process.env.DATA_DIR;
		else process.env.DATA_DIR = previousDataDir;
	});

	const instructor = () => claimsFor(world.users.instructor1);
	const traineeA = () => claimsFor(world.users.traineeA);
	const outsiders = () => [world.users.traineeB, world.users.instructor1b, world.users.instructor2, world.users.viewer].map(claimsFor);

	it('keeps every version a trainee hands in, newest first, and shows it to the cohort staff only', async () => {
		const first = await work.submitWritten(traineeA(), written, '夜勤の佐藤です。田中さんは夜中に二回トイレに行きました。');
		const second = await work.submitWritten(traineeA(), written, '  夜勤の佐藤です。\r\n田中さんは2時と4時にトイレに行きました。  ');
		expect(first).toHaveProperty('id');
		expect(second).toHaveProperty('id');
		const mine = (await work.forTrainee(traineeA(), written))!;
		expect(mine.submissions.map((s) => [s.version, s.body])).toEqual([
			[2, '夜勤の佐藤です。\n田中さんは2時と4時にトイレに行きました。'],
			[1, '夜勤の佐藤です。田中さんは夜中に二回トイレに行きました。']
		]);
		expect(mine.status).toBe('in_progress');
		const id = (second as { id: string }).id;
		const review = (await work.forReview(instructor(), id))!;
		expect([review.trainee.name, review.versions.length, review.submission.version]).toEqual(['Trainee A', 2, 2]);
		expect(await work.forReview(claimsFor(world.users.admin1), id)).not.toBeNull();
		for (const outsider of outsiders()) {
			expect(await work.forReview(outsider, id), outsider.email).toBeNull();
			expect(await work.forTrainee(outsider, written), outsider.email).toBeNull();
		}
		const [row] = (await assignments.statusForCohort(instructor(), world.cohorts.C1)).filter((a) => a.id === written);
		expect(row!.trainees.map((t) => [t.name, t.status, t.latestSubmissionId])).toEqual([['Trainee A', 'in_progress', id]]);
	});

	it('refuses hand-ins from other cohorts and centers, of the wrong kind, and of a bad length', async () => {
		for (const outsider of [world.users.traineeB, world.users.instructor1, world.users.instructor2]) {
			expect(await work.submitWritten(claimsFor(outsider), written, 'はじめまして。'), outsider.email).toEqual({ error: 'work_not_yours' });
		}
		expect(await work.submitWritten(traineeA(), spoken, '話す課題に文字は出せません')).toEqual({ error: 'work_not_yours' });
		expect(await work.submitWritten(traineeA(), written, '   ')).toEqual({ error: 'work_text_length' });
		expect(await work.submitWritten(traineeA(), written, 'あ'.repeat(4001))).toEqual({ error: 'work_text_length' });
		// Straight to the database: no one hands in as someone else, nor claims another person's recording.
		await expect(
			withUser(claimsFor(world.users.traineeB), (sql) =>
				sql.query('insert into work_submissions (assignment_id, user_id, body) values ($1, $2, $3)', [written, world.users.traineeA.id, 'なりすまし'])
			)
		).rejects.toMatchObject({ code: '42501' });
		const othersKey = `${world.users.traineeB.id}/00000000-0000-4000-8000-000000000001.webm`;
		await expect(
			withUser(traineeA(), (sql) =>
				sql.query(`insert into work_submissions (assignment_id, user_id, audio_key, audio_type, audio_bytes) values ($1, $2, $3, 'audio/webm', 10)`, [
					spoken,
					world.users.traineeA.id,
					othersKey
				])
			)
		).rejects.toMatchObject({ code: '42501' });
		expect((await work.forTrainee(traineeA(), spoken))!.submissions).toEqual([]);
	});

	it('shows the trainee feedback only once saved, checks scores against the rubric, and lets staff change it', async () => {
		const [latest] = (await work.forTrainee(traineeA(), written))!.submissions;
		expect(latest!.feedback).toBeNull();
		const good = { content: '4', accuracy: '3', politeness: '2' };
		expect(await work.saveFeedback(instructor(), latest!.id, { ...good, politeness: '5' }, 'ok')).toEqual({ error: 'work_bad_scores' });
		expect(await work.saveFeedback(instructor(), latest!.id, { content: '4', accuracy: '3' }, 'ok')).toEqual({ error: 'work_bad_scores' });
		expect(await work.saveFeedback(instructor(), latest!.id, good, 'x'.repeat(2001))).toEqual({ error: 'work_comment_length' });
		expect((await work.forTrainee(traineeA(), written))!.submissions[0]!.feedback).toBeNull();
		for (const other of [traineeA(), ...outsiders()]) {
			expect(await work.saveFeedback(other, latest!.id, good, 'bagus'), other.email).toEqual({ error: 'work_not_reviewer' });
		}
		// The database checks too, whatever the caller sends.
		await expect(
			withUser(instructor(), (sql) =>
				sql.query(`insert into work_feedback (submission_id, scores, reviewer_id) values ($1, '{"content": 9, "accuracy": 0, "politeness": 0}', $2)`, [
					latest!.id,
					world.users.instructor1.id
				])
			)
		).rejects.toMatchObject({ code: '23514' });

		expect(await work.saveFeedback(instructor(), latest!.id, good, '丁寧語が正しく使えています。時間も書けました。')).toEqual({ saved: true });
		let mine = (await work.forTrainee(traineeA(), written))!;
		expect(mine.status).toBe('done');
		expect(mine.submissions[0]!.feedback).toMatchObject({ scores: { content: 4, accuracy: 3, politeness: 2 }, total: 9, max: 12 });
		expect(mine.submissions[1]!.feedback).toBeNull();
		expect(await work.saveFeedback(claimsFor(world.users.admin1), latest!.id, { ...good, content: '3' }, 'Perbaiki kalimat kedua.')).toEqual({ saved: true });
		mine = (await work.forTrainee(traineeA(), written))!;
		expect(mine.submissions[0]!.feedback).toMatchObject({ comment: 'Perbaiki kalimat kedua.', total: 8 });
		// A new version waits for its own score.
		await work.submitWritten(traineeA(), written, '夜勤の佐藤です。田中さんは2時と4時にトイレに行きました。朝ご飯は全部食べました。');
		expect((await work.forTrainee(traineeA(), written))!.status).toBe('in_progress');

		const listed = await work.submissionsForTrainee(instructor(), world.cohorts.C1, world.users.traineeA.id);
		expect(listed.map((s) => [s.title, s.version, s.status, s.total, s.max])).toEqual([
			['申し送り', 3, 'in_progress', null, 12],
			['申し送り', 2, 'done', 8, 12],
			['申し送り', 1, 'in_progress', null, 12]
		]);
		expect(await work.submissionsForTrainee(claimsFor(world.users.instructor2), world.cohorts.C1, world.users.traineeA.id)).toEqual([]);
	});

	it('stores a recording on disk for the trainee and their staff, and refuses an oversize or wrong file storing nothing', async () => {
		expect(await work.submitSpoken(traineeA(), spoken, recording(2 * 1024 * 1024 + 1), 60_000)).toEqual({ error: 'work_audio_too_big' });
		expect(await work.submitSpoken(traineeA(), spoken, recording(30_000, 'audio/mpeg'), 60_000)).toEqual({ error: 'work_audio_wrong_type' });
		const mp3 = [0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0, 0, 0];
		expect(await work.submitSpoken(traineeA(), spoken, recording(30_000, 'audio/webm', mp3), 60_000)).toEqual({ error: 'work_audio_wrong_type' });
		expect(await work.submitSpoken(traineeA(), spoken, recording(30_000), 200_000)).toEqual({ error: 'work_audio_too_long' });
		expect(await work.submitSpoken(traineeA(), spoken, null, null)).toEqual({ error: 'work_audio_missing' });
		// Checked and stored, then refused by the database (not B's cohort): the file goes again.
		expect(await work.submitSpoken(claimsFor(world.users.traineeB), spoken, recording(), 20_000)).toEqual({ error: 'work_not_yours' });
		expect(await work.submitSpoken(traineeA(), written, recording(), 20_000)).toEqual({ error: 'work_not_yours' });
		expect(storedFiles(dataDir)).toEqual([]);
		expect((await work.forTrainee(traineeA(), spoken))!.submissions).toEqual([]);

		// The length kept is the recording's own, not the 42 s the browser claimed.
		const saved = (await work.submitSpoken(traineeA(), spoken, new File([chromium], 'rekaman.webm', { type: 'audio/webm;codecs=opus' }), 42_000)) as {
			id: string;
		};
		expect(storedFiles(dataDir)).toEqual([expect.stringMatching(new RegExp(`^${world.users.traineeA.id}/[0-9a-f-]{36}\\.webm$`))]);
		const [submission] = (await work.forTrainee(traineeA(), spoken))!.submissions;
		expect(submission).toMatchObject({ id: saved.id, audioType: 'audio/webm', audioBytes: chromium.byteLength, audioMs: 2400, body: null });
		for (const who of [traineeA(), instructor(), claimsFor(world.users.admin1)]) {
			const got = await work.audio(who, saved.id);
			expect([got?.type, Buffer.from(got!.bytes).equals(chromium)], who.email).toEqual(['audio/webm', true]);
		}
		for (const outsider of outsiders()) expect(await work.audio(outsider, saved.id), outsider.email).toBeNull();
		expect(await work.audio(null as never, saved.id).catch(() => null)).toBeNull();

		// Withdrawing the task takes its recordings with it.
		expect(await assignments.withdraw(instructor(), spoken)).toBe(true);
		expect(storedFiles(dataDir)).toEqual([]);
	});

	it('lets nobody change or delete a version once handed in', async () => {
		const [latest] = (await work.forTrainee(traineeA(), written))!.submissions;
		for (const who of [traineeA(), instructor(), claimsFor(world.users.admin1)]) {
			await expect(withUser(who, (sql) => sql.query(`update work_submissions set body = 'changed' where id = $1`, [latest!.id])), who.email).rejects.toMatchObject({
				code: '42501'
			});
			await expect(withUser(who, (sql) => sql.query('delete from work_submissions where id = $1', [latest!.id])), who.email).rejects.toMatchObject({ code: '42501' });
		}
	});
});
