import { withUser } from '../db';
import type { Claims } from '../db/types';
import type { LessonCard, LessonView, TrackProgress, UnitPath } from '$lib/curriculum/types';

export type { LessonCard, LessonView, TrackProgress, UnitPath } from '$lib/curriculum/types';

type Text = { id: string; en: string };
type TextJa = Text & { ja: string };

/** The tracks in study order (the trainee's own sector first), with how far this person has come. */
export async function listTracks(claims: Claims): Promise<TrackProgress[]> {
	return withUser(claims, (sql) =>
		sql.query<TrackProgress>(
			`select t.id, t.sector, t.title, t.description,
				count(l.id)::int as lessons, count(done.lesson_id)::int as completed
			 from content_tracks t
			 left join content_units u on u.track_id = t.id and u.retired_at is null
			 left join content_lessons l on l.unit_id = u.id and l.retired_at is null
			 left join lesson_completions done on done.lesson_id = l.id and done.user_id = $1
			 where t.retired_at is null
			 group by t.id
			 order by coalesce(t.sector::text in (select c.sector::text from cohort_members m join cohorts c on c.id = m.cohort_id where m.user_id = $1), false) desc,
				t.sector is null, t.position`,
			[claims.sub]
		)
	);
}

export async function getTrackPath(claims: Claims, trackId: string): Promise<{ track: TrackProgress; units: UnitPath[] } | null> {
	const track = (await listTracks(claims)).find((t) => t.id === trackId);
	if (!track) return null;
	const rows = await withUser(claims, (sql) =>
		sql.query<{ unit_id: string; unit_title: TextJa; can_do: Text[]; lesson_id: string; lesson_title: TextJa; cards: number; completed: boolean }>(
			`select u.id as unit_id, u.title as unit_title, u.can_do, l.id as lesson_id, l.title as lesson_title,
				(select count(*) from content_cards c where c.lesson_id = l.id and c.retired_at is null)::int as cards,
				exists (select 1 from lesson_completions d where d.lesson_id = l.id and d.user_id = $2) as completed
			 from content_units u join content_lessons l on l.unit_id = u.id and l.retired_at is null
			 where u.track_id = $1 and u.retired_at is null
			 order by u.position, l.position`,
			[trackId, claims.sub]
		)
	);
	const units: UnitPath[] = [];
	for (const row of rows) {
		let unit = units[units.length - 1];
		if (!unit || unit.id !== row.unit_id) {
			unit = { id: row.unit_id, title: row.unit_title, canDo: row.can_do, lessons: [] };
			units.push(unit);
		}
		unit.lessons.push({ id: row.lesson_id, title: row.lesson_title, cards: row.cards, completed: row.completed });
	}
	return { track, units };
}

export async function getLesson(claims: Claims, lessonId: string): Promise<LessonView | null> {
	return withUser(claims, async (sql) => {
		const [lesson] = await sql.query<{
			id: string;
			title: TextJa;
			track_id: string;
			track_title: TextJa;
			unit_title: TextJa;
			can_do: Text[];
			grammar_ids: string[];
			culture_ids: string[];
			protection_ids: string[];
			completed: boolean;
		}>(
			`select l.id, l.title, t.id as track_id, t.title as track_title, u.title as unit_title, u.can_do,
				l.grammar_ids, l.culture_ids, l.protection_ids,
				exists (select 1 from lesson_completions d where d.lesson_id = l.id and d.user_id = $2) as completed
			 from content_lessons l join content_units u on u.id = l.unit_id join content_tracks t on t.id = u.track_id
			 where l.id = $1 and l.retired_at is null`,
			[lessonId, claims.sub]
		);
		if (!lesson) return null;
		const cards = await sql.query<LessonCard>(
			`select id, term, reading, meaning, part_of_speech as "partOfSpeech", register, examples, note
			 from content_cards where lesson_id = $1 and retired_at is null order by position`,
			[lessonId]
		);
		const items = await sql.query<{ id: string; kind: string; body: never }>(
			`select id, kind, body from content_items where id = any($1::text[]) and retired_at is null`,
			[[...lesson.grammar_ids, ...lesson.culture_ids, ...lesson.protection_ids]]
		);
		const inOrder = (ids: string[]) => ids.flatMap((id) => items.filter((item) => item.id === id).map((item) => item.body));
		return {
			id: lesson.id,
			title: lesson.title,
			trackId: lesson.track_id,
			trackTitle: lesson.track_title,
			unitTitle: lesson.unit_title,
			canDo: lesson.can_do,
			cards,
			grammar: inOrder(lesson.grammar_ids),
			culture: inOrder(lesson.culture_ids),
			protection: inOrder(lesson.protection_ids),
			completed: lesson.completed
		};
	});
}

/** Marks the lesson done and puts its cards in the trainee's study deck; doing it twice changes nothing. */
export async function completeLesson(claims: Claims, lessonId: string): Promise<{ trackId: string; added: number } | null> {
	return withUser(claims, async (sql) => {
		const [lesson] = await sql.query<{ track_id: string }>(
			`select u.track_id from content_lessons l join content_units u on u.id = l.unit_id
			 where l.id = $1 and l.retired_at is null`,
			[lessonId]
		);
		if (!lesson) return null;
		await sql.query(
			'insert into lesson_completions (user_id, lesson_id) values ($1, $2) on conflict do nothing',
			[claims.sub, lessonId]
		);
		const added = await sql.query(
			`insert into deck_cards (user_id, card_id)
			 select $1, id from content_cards where lesson_id = $2 and retired_at is null
			 on conflict do nothing returning card_id`,
			[claims.sub, lessonId]
		);
		return { trackId: lesson.track_id, added: added.length };
	});
}
