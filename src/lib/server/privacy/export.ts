import { strToU8, zipSync, type Zippable } from 'fflate';
import { toCsv, type CsvCell } from '$lib/dashboard/csv';
import { withUser } from '../db';
import type { Claims, Sql } from '../db/types';
import { recordings } from '../storage';

const AUDIO_EXTENSION: Record<string, string> = { 'audio/webm': 'webm', 'audio/ogg': 'ogg', 'audio/mp4': 'm4a' };

const csv = (rows: Record<string, unknown>[], header: string[]) =>
	strToU8(toCsv({ header, rows: rows.map((row) => header.map((h) => cell(row[h]))) }));
const cell = (value: unknown): CsvCell =>
	value === null || value === undefined ? null : value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : (value as CsvCell);
const json = (value: unknown) => strToU8(JSON.stringify(value, null, 2));

/**
 * Everything Hashi keeps about the signed-in person, read as them (row-level security decides what is theirs),
 * as one zip: profile and enrolments, study history, mock tests, work submissions with their recordings and
 * the feedback on them. Also records the export in the center's audit trail.
 */
export async function exportArchive(claims: Claims, readme: string): Promise<{ bytes: Uint8Array; fileName: string }> {
	const files: Zippable = { 'README.txt': strToU8(readme) };
	const audio: { name: string; key: string }[] = [];
	await withUser(claims, async (sql) => {
		const me = claims.sub;
		const [profile] = await sql.query('select display_name, locale, phone, created_at from profiles where id = $1', [me]);
		files['profile.json'] = json({
			account: { id: me, email: claims.email ?? null, phone: claims.phone || null },
			profile,
			centers: await sql.query(
				`select c.name as center, c.province, m.role, m.created_at from center_memberships m join training_centers c on c.id = m.center_id where m.user_id = $1`,
				[me]
			),
			cohorts: await sql.query(
				`select c.name as cohort, c.sector, c.target_exam, c.destination_prefecture, c.departure_date, m.status, m.departed_on, m.joined_at
				 from cohort_members m join cohorts c on c.id = m.cohort_id where m.user_id = $1`,
				[me]
			),
			privacyAgreements: await sql.query('select notice_version, locale, agreed_at from privacy_agreements where user_id = $1', [me]),
			studyPreferences: (await sql.query('select new_cards_per_day, fsrs_weights, weights_fitted_at from study_preferences where user_id = $1', [me]))[0] ?? null
		});
		files['reviews.csv'] = csv(
			await sql.query('select id, card_id, rating, reviewed_at, duration_ms, mode, overridden, received_at from review_logs where user_id = $1 order by reviewed_at, id', [me]),
			['id', 'card_id', 'rating', 'reviewed_at', 'duration_ms', 'mode', 'overridden', 'received_at']
		);
		files['deck.csv'] = csv(await sql.query('select card_id, added_at from deck_cards where user_id = $1 order by added_at, card_id', [me]), ['card_id', 'added_at']);
		files['lessons.csv'] = csv(await sql.query('select lesson_id, completed_at from lesson_completions where user_id = $1 order by completed_at', [me]), [
			'lesson_id',
			'completed_at'
		]);
		files['mock-tests.json'] = json(await mockTests(sql, me));
		const submissions = await sql.query<{ id: string; version: number; audio_key: string | null; audio_type: string | null } & Record<string, unknown>>(
			`select s.id, a.title as task, a.work_mode as mode, s.version, s.body, s.audio_key, s.audio_type, s.audio_bytes, s.audio_ms, s.submitted_at,
				f.scores, f.comment, f.reviewed_at
			 from work_submissions s join assignments a on a.id = s.assignment_id
			 left join work_feedback f on f.submission_id = s.id
			 where s.user_id = $1 order by s.submitted_at`,
			[me]
		);
		files['submissions.json'] = json(
			submissions.map(({ audio_key, audio_type, ...row }) => {
				if (!audio_key) return row;
				const name = `recordings/${row.id}.${AUDIO_EXTENSION[audio_type ?? ''] ?? 'audio'}`;
				audio.push({ name, key: audio_key });
				return { ...row, recording: name };
			})
		);
		const [center] = await sql.query<{ center_id: string }>(`select center_id from center_memberships where user_id = $1 order by created_at limit 1`, [me]);
		await sql.query(`select record_export($1, 'own data', $2)`, [center?.center_id ?? null, JSON.stringify({ reviews: 'all', recordings: audio.length })]);
	});
	const store = recordings();
	for (const { name, key } of audio) {
		const bytes = await store.get(key);
		// Audio is already compressed: stored as is.
		if (bytes) files[name] = [bytes, { level: 0 }];
	}
	return { bytes: zipSync(files, { level: 6 }), fileName: `hashi-data-${new Date().toISOString().slice(0, 10)}.zip` };
}

async function mockTests(sql: Sql, me: string) {
	const attempts = await sql.query<{ id: string } & Record<string, unknown>>(
		`select id, test, form_number, practice, started_at, submitted_at, score from test_attempts where user_id = $1 order by started_at`,
		[me]
	);
	if (attempts.length === 0) return [];
	const answers = await sql.query<{ attempt_id: string } & Record<string, unknown>>(
		`select attempt_id, item_id, section_position, choice from attempt_answers where attempt_id = any ($1::uuid[]) order by attempt_id, section_position, item_id`,
		[attempts.map((a) => a.id)]
	);
	return attempts.map((attempt) => ({ ...attempt, answers: answers.filter((a) => a.attempt_id === attempt.id).map(({ attempt_id: _a, ...rest }) => rest) }));
}
