-- The readiness query sums each trainee's projected recall in SQL from deck_cards' columns (stability, fsrs_state,
-- last_reviewed_at) rather than sending every schedule to the server (src/lib/server/readiness). The server's
-- saveSchedules writes those columns from the same schedule it stores in `schedule`; this trigger makes that
-- true for any writer, so the SQL sum always reads what the TypeScript model would read from the JSON.
create function private.deck_card_columns()
returns trigger language plpgsql set search_path = '' as $$
begin
  if new.schedule is null then
    new.due_at := null;
    new.stability := null;
    new.fsrs_state := 0;
    new.reps := 0;
    new.lapses := 0;
    new.last_reviewed_at := null;
  else
    new.due_at := (new.schedule ->> 'due')::timestamptz;
    new.stability := (new.schedule ->> 'stability')::float8;
    new.fsrs_state := case new.schedule ->> 'state' when 'Learning' then 1 when 'Review' then 2 when 'Relearning' then 3 else 0 end;
    new.reps := coalesce((new.schedule ->> 'reps')::int, 0);
    new.lapses := coalesce((new.schedule ->> 'lapses')::int, 0);
    new.last_reviewed_at := (new.schedule ->> 'last_review')::timestamptz;
  end if;
  return new;
end
$$;

create trigger deck_card_columns before insert or update of schedule, due_at, stability, fsrs_state, reps, lapses, last_reviewed_at
  on public.deck_cards for each row execute function private.deck_card_columns();

-- Rows written before this migration by anything but saveSchedules (none in production): once, only those that differ.
update public.deck_cards set schedule = schedule
where schedule is not null
  and (stability is distinct from (schedule ->> 'stability')::float8
    or last_reviewed_at is distinct from (schedule ->> 'last_review')::timestamptz
    or fsrs_state <> case schedule ->> 'state' when 'Learning' then 1 when 'Review' then 2 when 'Relearning' then 3 else 0 end);

-- Each trainee's core-deck recall, summed: what the readiness query would compute from the deck, kept so a cohort
-- dashboard reads 200 rows rather than 60,000 deck cards. A row answers only the question it was computed for —
-- the sector's core deck, projected to projected_at, on the curve (decay, factor) of the trainee's weights — and
-- is deleted as soon as the answer could change: any change to the trainee's deck (a sync rewrites schedules), or
-- to the curriculum that decides which cards are core. So a row is never stale, however old; the readiness model
-- still weighs activity, tests and lessons from their tables on every view.
create table public.deck_recall_sums (
  user_id uuid not null references public.profiles (id) on delete cascade,
  sector public.sector not null,
  projected_at timestamptz not null,
  decay double precision not null,
  factor double precision not null,
  cards int not null,
  studied int not null,
  recall_sum double precision not null,
  computed_at timestamptz not null default now(),
  primary key (user_id, sector)
);
alter table public.deck_recall_sums enable row level security;
-- Read as the deck is: the trainee and those who may see them. Written only by public.refresh_deck_recall.
create policy "trainees and their teachers see deck recall sums" on public.deck_recall_sums for select to authenticated
  using (user_id = (select auth.uid()) or user_id in (select private.people_i_see()));
revoke all on public.deck_recall_sums from anon, authenticated;
grant select on public.deck_recall_sums to authenticated;

-- The sum itself (the formula src/lib/server/readiness documents and tests/db/readiness-recall.test.ts checks),
-- read with the caller's rights: deck_cards' policy applies.
create function private.deck_recall_compute(p_sector public.sector, p_at_ms double precision, p_users uuid[], p_decays double precision[], p_factors double precision[])
returns table (user_id uuid, cards int, studied int, recall_sum double precision)
language sql stable set search_path = '' as $$
  with core as materialized (
    select cc.id
    from public.content_tracks t
    join public.content_units u on u.track_id = t.id
    join public.content_lessons l on l.unit_id = u.id
    join public.content_cards cc on cc.lesson_id = l.id and cc.retired_at is null
    where t.sector = p_sector
  )
  select k.user_id, s.cards, s.studied, s.recall_sum
  from unnest(p_users, p_decays, p_factors) as k(user_id, decay, factor)
  cross join lateral (
    select count(*)::int as cards, (count(*) filter (where d.fsrs_state <> 0))::int as studied,
      coalesce(sum(case when d.fsrs_state <> 0 and d.last_reviewed_at is not null and d.stability > 0
        then floor(power(1 + k.factor * greatest(0, (p_at_ms - round(date_part('epoch', d.last_reviewed_at) * 1000)) / 86400000) / d.stability, k.decay)
          * 1e8::float8 + 0.5::float8) / 1e8::float8
        else 0 end), 0)::float8 as recall_sum
    from public.deck_cards d
    where d.user_id = k.user_id and d.card_id in (select id from core)
  ) s
$$;
revoke all on function private.deck_recall_compute(public.sector, double precision, uuid[], double precision[], double precision[]) from public;
grant execute on function private.deck_recall_compute(public.sector, double precision, uuid[], double precision[], double precision[]) to authenticated;

-- Computes and keeps the sums of those of p_users the caller may see (as the deck's policy says); returns nothing,
-- so it reveals nothing: the caller reads the rows under the table's policy.
create function public.refresh_deck_recall(p_sector public.sector, p_at_ms double precision, p_users uuid[], p_decays double precision[], p_factors double precision[])
returns void language plpgsql security definer set search_path = '' as $$
begin
  if cardinality(p_users) > 2000 or cardinality(p_users) <> cardinality(p_decays) or cardinality(p_users) <> cardinality(p_factors) then
    raise exception 'refresh_deck_recall: up to 2000 trainees, with a decay and a factor each' using errcode = '22023';
  end if;
  -- In user_id order, so two refreshes of overlapping cohorts take their row locks in the same order.
  with allowed as (
    select distinct on (k.user_id) k.user_id, k.decay, k.factor
    from unnest(p_users, p_decays, p_factors) as k(user_id, decay, factor)
    where k.user_id = (select auth.uid()) or k.user_id in (select private.people_i_see())
    order by k.user_id
  ), args as (
    select array_agg(user_id order by user_id) as users, array_agg(decay order by user_id) as decays,
      array_agg(factor order by user_id) as factors
    from allowed
  )
  insert into public.deck_recall_sums as r (user_id, sector, projected_at, decay, factor, cards, studied, recall_sum, computed_at)
  select c.user_id, p_sector, to_timestamp(p_at_ms / 1000), a.decay, a.factor, c.cards, c.studied, c.recall_sum, now()
  from args, private.deck_recall_compute(p_sector, p_at_ms, args.users, args.decays, args.factors) c
  join allowed a on a.user_id = c.user_id
  order by c.user_id
  on conflict (user_id, sector) do update
    set projected_at = excluded.projected_at, decay = excluded.decay, factor = excluded.factor, cards = excluded.cards,
        studied = excluded.studied, recall_sum = excluded.recall_sum, computed_at = excluded.computed_at;
end
$$;
revoke all on function public.refresh_deck_recall(public.sector, double precision, uuid[], double precision[], double precision[]) from public, anon;
grant execute on function public.refresh_deck_recall(public.sector, double precision, uuid[], double precision[], double precision[]) to authenticated;

-- A trainee's deck changed: their sums are no longer the answer. Reads only the changed rows (transition tables).
create function private.deck_recall_forget()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  delete from public.deck_recall_sums s where s.user_id in (select distinct c.user_id from changed c);
  return null;
end
$$;
create trigger deck_recall_forget_insert after insert on public.deck_cards
  referencing new table as changed for each statement execute function private.deck_recall_forget();
create trigger deck_recall_forget_update after update on public.deck_cards
  referencing new table as changed for each statement execute function private.deck_recall_forget();
create trigger deck_recall_forget_delete after delete on public.deck_cards
  referencing old table as changed for each statement execute function private.deck_recall_forget();

-- The curriculum changed (rare: a content release): which cards are core may have changed, for every sector.
create function private.deck_recall_forget_all()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  delete from public.deck_recall_sums where true;
  return null;
end
$$;
create trigger deck_recall_forget_cards after insert or update or delete or truncate on public.content_cards
  for each statement execute function private.deck_recall_forget_all();
create trigger deck_recall_forget_lessons after insert or update or delete or truncate on public.content_lessons
  for each statement execute function private.deck_recall_forget_all();
create trigger deck_recall_forget_units after insert or update or delete or truncate on public.content_units
  for each statement execute function private.deck_recall_forget_all();
create trigger deck_recall_forget_tracks after insert or update or delete or truncate on public.content_tracks
  for each statement execute function private.deck_recall_forget_all();

-- The cohort's weekly totals (migration 20261124001400), read trainee by trainee through review_weeks' primary key:
-- joined as a set, the planner scanned the whole index (every trainee's weeks) when the cohort was most of the table.
create or replace function public.dashboard_review_weeks(p_cohort uuid, p_from date, p_weeks int)
returns table (week_index int, review_count int, recalled_count int, active_trainees int)
language plpgsql stable security definer set search_path = '' as $$
begin
  if p_weeks not between 1 and 53 or not private.sees_cohort(p_cohort) then
    return;
  end if;
  return query
    select (w.week - p_from) / 7, sum(w.reviews)::int, sum(w.recalled)::int, (count(*) filter (where w.reviews > 0))::int
    from public.cohort_members m
    cross join lateral (
      select x.week, x.reviews, x.recalled from public.review_weeks x
      where x.user_id = m.user_id and x.sector = '' and x.scene = '' and x.week >= p_from and x.week < p_from + 7 * p_weeks
      offset 0
    ) w
    where m.cohort_id = p_cohort
    group by w.week;
end
$$;
