-- Reading a cohort's records fast. The select policies on the per-trainee tables asked private.can_see_person()
-- row by row: a security-definer call per row, ~50-90 µs each, so a dashboard reading 60,000 deck cards or
-- 20,000 recent reviews spent seconds in the policy alone. The same rule as a set — the people the current user
-- may see, made once per statement and probed by hash — gives the same rows at a fraction of the cost.
-- private.can_see_person() stays (functions and other policies use it) and must stay equal to this set.

-- Everyone private.can_see_person() admits for the current user: the trainees of cohorts they teach, the members
-- of centers they administer, and the instructors of the cohorts they are a trainee in.
create function private.people_i_see()
returns setof uuid language sql stable security definer set search_path = '' as $$
  select cm.user_id
  from public.cohort_instructors ci join public.cohort_members cm on cm.cohort_id = ci.cohort_id
  where ci.user_id = (select auth.uid())
  union
  select theirs.user_id
  from public.center_memberships mine join public.center_memberships theirs on theirs.center_id = mine.center_id
  where mine.user_id = (select auth.uid()) and mine.role = 'center_admin'
  union
  select ci.user_id
  from public.cohort_members cm join public.cohort_instructors ci on ci.cohort_id = cm.cohort_id
  where cm.user_id = (select auth.uid())
$$;
revoke all on function private.people_i_see() from public;
grant execute on function private.people_i_see() to authenticated;

alter policy "trainees and their teachers see review logs" on public.review_logs
  using (user_id = (select auth.uid()) or user_id in (select private.people_i_see()));
alter policy "trainees and their teachers see decks" on public.deck_cards
  using (user_id = (select auth.uid()) or user_id in (select private.people_i_see()));
alter policy "trainees and their teachers see completions" on public.lesson_completions
  using (user_id = (select auth.uid()) or user_id in (select private.people_i_see()));
alter policy "trainees and their teachers see attempts" on public.test_attempts
  using (user_id = (select auth.uid()) or user_id in (select private.people_i_see()));
alter policy "teachers see their trainees' study preferences" on public.study_preferences
  using (user_id in (select private.people_i_see()));
alter policy "people see themselves and those they teach or manage" on public.profiles
  using (id = (select auth.uid()) or id in (select private.people_i_see()));

-- Whether the current user teaches or administers the cohort: who may read its sums.
create function private.sees_cohort(p_cohort uuid)
returns boolean language sql stable security definer set search_path = '' as $$
  select private.teaches_cohort(p_cohort) or private.administers_cohort(p_cohort)
$$;
revoke all on function private.sees_cohort(uuid) from public;
grant execute on function private.sees_cohort(uuid) to authenticated;

-- The cohort dashboard's weekly figures come from a rollup, not from the review log: summing a cohort's 100,000
-- recent reviews on every page view costs hundreds of milliseconds, summing a few rows per trainee and week does
-- not. Weeks are Monday to Sunday in WIB (UTC+7), where the trainees are (readiness counts days there too).
-- sector and scene are '' on the row of all the trainee's reviews that week; the other rows count the reviews of
-- cards of a sector track by scene tag (a card with two scenes counts in both).
create table public.review_weeks (
  user_id uuid not null references public.profiles (id) on delete cascade,
  sector text not null,
  scene text not null,
  week date not null,
  reviews int not null default 0,
  -- not graded Again
  recalled int not null default 0,
  primary key (user_id, sector, scene, week)
);
-- Read only through the dashboard_* functions below (sums over a cohort the caller teaches or administers).
alter table public.review_weeks enable row level security;
revoke all on public.review_weeks from anon, authenticated;

-- The Monday (a date) of the WIB week an instant falls in.
create function private.wib_week(p_at timestamptz)
returns date language sql immutable set search_path = '' as $$
  select date_trunc('week', (p_at at time zone 'UTC') + interval '7 hours')::date
$$;

-- Adds each inserted batch of reviews (a sync stores many in one statement): reads only the new rows (the
-- transition table) and their cards, never the log.
create function private.review_weeks_added()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  insert into public.review_weeks as w (user_id, sector, scene, week, reviews, recalled)
  select r.user_id, '', '', private.wib_week(r.reviewed_at), count(*), count(*) filter (where r.rating > 1)
  from new_reviews r
  group by 1, 4
  union all
  select r.user_id, t.sector::text, s.scene, private.wib_week(r.reviewed_at), count(*), count(*) filter (where r.rating > 1)
  from new_reviews r
  join public.content_cards cc on cc.id = r.card_id
  join public.content_lessons l on l.id = cc.lesson_id
  join public.content_units u on u.id = l.unit_id
  join public.content_tracks t on t.id = u.track_id and t.sector is not null
  cross join unnest(cc.scenes) as s(scene)
  group by 1, 2, 3, 4
  on conflict (user_id, sector, scene, week) do update
    set reviews = w.reviews + excluded.reviews, recalled = w.recalled + excluded.recalled;
  return null;
end
$$;
create trigger review_weeks_added after insert on public.review_logs
  referencing new table as new_reviews
  for each statement execute function private.review_weeks_added();

-- What is already in the log when this migration runs.
insert into public.review_weeks as w (user_id, sector, scene, week, reviews, recalled)
select r.user_id, '', '', private.wib_week(r.reviewed_at), count(*), count(*) filter (where r.rating > 1)
from public.review_logs r group by 1, 4;
insert into public.review_weeks as w (user_id, sector, scene, week, reviews, recalled)
select r.user_id, t.sector::text, s.scene, private.wib_week(r.reviewed_at), count(*), count(*) filter (where r.rating > 1)
from public.review_logs r
join public.content_cards cc on cc.id = r.card_id
join public.content_lessons l on l.id = cc.lesson_id
join public.content_units u on u.id = l.unit_id
join public.content_tracks t on t.id = u.track_id and t.sector is not null
cross join unnest(cc.scenes) as s(scene)
group by 1, 2, 3, 4;

-- Per week from p_from (a WIB Monday): reviews, reviews not graded Again, and trainees who reviewed at all.
create function public.dashboard_review_weeks(p_cohort uuid, p_from date, p_weeks int)
returns table (week_index int, review_count int, recalled_count int, active_trainees int)
language plpgsql stable security definer set search_path = '' as $$
begin
  if p_weeks not between 1 and 53 or not private.sees_cohort(p_cohort) then
    return;
  end if;
  return query
    select (w.week - p_from) / 7, sum(w.reviews)::int, sum(w.recalled)::int, (count(*) filter (where w.reviews > 0))::int
    from public.cohort_members m
    join public.review_weeks w on w.user_id = m.user_id and w.sector = '' and w.scene = ''
      and w.week >= p_from and w.week < p_from + 7 * p_weeks
    where m.cohort_id = p_cohort
    group by w.week;
end
$$;

-- Per week from p_from and scene tag of the cohort's sector deck: reviews and lapses (graded Again).
create function public.dashboard_scene_weeks(p_cohort uuid, p_from date, p_weeks int)
returns table (week_index int, scene_tag text, review_count int, lapse_count int)
language plpgsql stable security definer set search_path = '' as $$
begin
  if p_weeks not between 1 and 53 or not private.sees_cohort(p_cohort) then
    return;
  end if;
  return query
    select (w.week - p_from) / 7, w.scene, sum(w.reviews)::int, sum(w.reviews - w.recalled)::int
    from public.cohorts c
    join public.cohort_members m on m.cohort_id = c.id
    join public.review_weeks w on w.user_id = m.user_id and w.sector = c.sector::text and w.scene <> ''
      and w.week >= p_from and w.week < p_from + 7 * p_weeks
    where c.id = p_cohort
    group by w.week, w.scene;
end
$$;

revoke all on function public.dashboard_review_weeks(uuid, date, int), public.dashboard_scene_weeks(uuid, date, int) from public, anon;
grant execute on function public.dashboard_review_weeks(uuid, date, int), public.dashboard_scene_weeks(uuid, date, int) to authenticated;
