-- The ministry view: aggregate counts per cohort, kept current as things happen, read only through
-- security-definer functions that check the caller is a ministry viewer and return sums over cohorts.
--
-- Why per cohort: every breakdown the ministry asks for (province, center, sector, destination prefecture,
-- departure month) is an attribute of the cohort or its center, so summing a few rows per cohort answers all of
-- them, and an edited cohort (new departure date) moves its counts with it. The overview never reads
-- review_logs, test_attempts or cohort_members: it reads these tables (a few rows per cohort).
--
-- History survives people: monthly counts and test counts are only ever added to (or corrected when an
-- enrolment is edited), never re-derived from person rows, so deleting a person (issue 9) leaves past months as
-- they were. Only the current-status counts drop when an enrolment is deleted: that person is no longer there.
--
-- Small figures are suppressed in the server (src/lib/ministry/suppress.ts) before anything reaches a browser.

-- Current trainees per cohort and status.
create table public.ministry_cohort_status (
  cohort_id uuid not null,
  status text not null check (status in ('in_training', 'ready', 'departed', 'withdrawn')),
  trainees int not null default 0,
  primary key (cohort_id, status)
);

-- Per cohort and month (WIB): trainees who joined, departed (by departure date), studied at all, and reviews.
create table public.ministry_cohort_months (
  cohort_id uuid not null,
  month date not null,
  joined int not null default 0,
  departed int not null default 0,
  active_trainees int not null default 0,
  reviews bigint not null default 0,
  primary key (cohort_id, month)
);

-- Per cohort and exam, over real (not practice) submitted mock tests: trainees who took it, who passed it at
-- least once, and the attempts.
create table public.ministry_cohort_tests (
  cohort_id uuid not null,
  exam public.target_exam not null,
  takers int not null default 0,
  passers int not null default 0,
  attempts int not null default 0,
  passed_attempts int not null default 0,
  primary key (cohort_id, exam)
);

-- Readiness levels per cohort, of its trainees in training or ready, as the readiness model (src/lib/readiness)
-- assessed them. The model projects recall to the departure date with FSRS and weighs recent activity, so its
-- answer changes with the calendar even when nothing is logged: no trigger can keep it current. A periodic job
-- (src/lib/server/ministry/readiness-job.ts) reassesses the cohorts with the oldest figures first (computed_at
-- is its watermark), at least once a local day each, and sooner when an enrolment changes (stale).
create table public.ministry_cohort_readiness (
  cohort_id uuid primary key,
  ready int not null default 0,
  on_track int not null default 0,
  at_risk int not null default 0,
  computed_at timestamptz,
  stale boolean not null default true
);
create index ministry_cohort_readiness_due_idx on public.ministry_cohort_readiness (stale desc, computed_at nulls first);

-- Which distinct trainees have already been counted (active in a month, took or passed an exam), so a count of
-- trainees grows by one per trainee, not per review. Server-only; rows go with the person, the counts stay.
create table private.ministry_seen (
  user_id uuid not null references public.profiles (id) on delete cascade,
  cohort_id uuid not null,
  fact text not null,
  primary key (user_id, cohort_id, fact)
);
alter table private.ministry_seen enable row level security;

-- Nobody reads or writes the rollups directly: RLS on, no policies, no privileges. The functions below read them.
alter table public.ministry_cohort_status enable row level security;
alter table public.ministry_cohort_months enable row level security;
alter table public.ministry_cohort_tests enable row level security;
alter table public.ministry_cohort_readiness enable row level security;
revoke all on public.ministry_cohort_status, public.ministry_cohort_months, public.ministry_cohort_tests,
  public.ministry_cohort_readiness from public, anon, authenticated;
revoke all on private.ministry_seen from public, anon, authenticated;

-- The month a moment falls in, in Western Indonesian Time (UTC+7), where the trainees study.
create function private.ministry_month(p_at timestamptz)
returns date language sql immutable set search_path = '' as $$
  select date_trunc('month', (p_at at time zone 'UTC') + interval '7 hours')::date
$$;

create function private.ministry_bump_month(p_cohort uuid, p_month date, p_joined int, p_departed int)
returns void language sql security definer set search_path = '' as $$
  insert into public.ministry_cohort_months as t (cohort_id, month, joined, departed)
  values (p_cohort, p_month, p_joined, p_departed)
  on conflict (cohort_id, month) do update
    set joined = t.joined + excluded.joined, departed = t.departed + excluded.departed
$$;

-- A trainee moved to another cohort takes their history along (as their status goes along with the enrolment):
-- their reviews per month and their mock tests leave the old cohort's counts and join the new one's. Reads one
-- person's rows by review_logs(user_id, reviewed_at) and test_attempts(user_id, started_at); moves are rare.
create function private.ministry_move_history(p_user uuid, p_from uuid, p_to uuid)
returns void language plpgsql security definer set search_path = '' as $$
begin
  update public.ministry_cohort_months t set reviews = t.reviews - m.n, active_trainees = t.active_trainees - 1
  from (
    select private.ministry_month(r.reviewed_at) as month, count(*) as n from public.review_logs r where r.user_id = p_user group by 1
  ) m
  where t.cohort_id = p_from and t.month = m.month;
  delete from private.ministry_seen where user_id = p_user and cohort_id = p_from and fact like 'active:%';
  with moving as (
    select private.ministry_month(r.reviewed_at) as month, count(*) as n from public.review_logs r where r.user_id = p_user group by 1
  ), fresh as (
    insert into private.ministry_seen (user_id, cohort_id, fact)
    select p_user, p_to, 'active:' || m.month from moving m
    on conflict do nothing returning fact
  )
  insert into public.ministry_cohort_months as t (cohort_id, month, active_trainees, reviews)
  select p_to, m.month, (select count(*) from fresh f where f.fact = 'active:' || m.month), m.n from moving m
  on conflict (cohort_id, month) do update
    set active_trainees = t.active_trainees + excluded.active_trainees, reviews = t.reviews + excluded.reviews;

  -- Mock tests: per exam, the attempts, those passed, and whether the trainee took and passed it.
  with mine as (
    select a.test, count(*) as attempts, count(*) filter (where coalesce((a.score ->> 'passed')::boolean, false)) as passed
    from public.test_attempts a
    where a.user_id = p_user and a.submitted_at is not null and a.score is not null and not a.practice
    group by a.test
  ), leaving as (
    update public.ministry_cohort_tests t
    set takers = t.takers - 1, passers = t.passers - (m.passed > 0)::int,
      attempts = t.attempts - m.attempts, passed_attempts = t.passed_attempts - m.passed
    from mine m where t.cohort_id = p_from and t.exam = m.test
  )
  insert into public.ministry_cohort_tests as t (cohort_id, exam, takers, passers, attempts, passed_attempts)
  select p_to, m.test, 1, (m.passed > 0)::int, m.attempts, m.passed from mine m
  on conflict (cohort_id, exam) do update
    set takers = t.takers + 1, passers = t.passers + excluded.passers,
      attempts = t.attempts + excluded.attempts, passed_attempts = t.passed_attempts + excluded.passed_attempts;
  update private.ministry_seen set cohort_id = p_to
  where user_id = p_user and cohort_id = p_from and (fact like 'took:%' or fact like 'passed:%');
end
$$;

-- Enrolments: current status counts, and joined/departed per month. An edit (status, departure date, a move to
-- another cohort) corrects both; a deletion changes only the current counts, so past months stay as published.
create function private.ministry_member_changed()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'UPDATE' and old.cohort_id = new.cohort_id and old.status = new.status
     and old.departed_on is not distinct from new.departed_on and old.joined_at = new.joined_at then
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    update public.ministry_cohort_status set trainees = trainees - 1
    where cohort_id = old.cohort_id and status = old.status;
    insert into public.ministry_cohort_readiness (cohort_id) values (old.cohort_id)
    on conflict (cohort_id) do update set stale = true;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into public.ministry_cohort_status as s (cohort_id, status, trainees) values (new.cohort_id, new.status, 1)
    on conflict (cohort_id, status) do update set trainees = s.trainees + 1;
    insert into public.ministry_cohort_readiness (cohort_id) values (new.cohort_id)
    on conflict (cohort_id) do update set stale = true;
  end if;
  if tg_op = 'UPDATE' then
    if old.cohort_id <> new.cohort_id then
      perform private.ministry_move_history(new.user_id, old.cohort_id, new.cohort_id);
    end if;
    if old.cohort_id <> new.cohort_id or private.ministry_month(old.joined_at) <> private.ministry_month(new.joined_at) then
      perform private.ministry_bump_month(old.cohort_id, private.ministry_month(old.joined_at), -1, 0);
      perform private.ministry_bump_month(new.cohort_id, private.ministry_month(new.joined_at), 1, 0);
    end if;
    if old.cohort_id <> new.cohort_id or old.departed_on is distinct from new.departed_on then
      if old.departed_on is not null then
        perform private.ministry_bump_month(old.cohort_id, date_trunc('month', old.departed_on)::date, 0, -1);
      end if;
      if new.departed_on is not null then
        perform private.ministry_bump_month(new.cohort_id, date_trunc('month', new.departed_on)::date, 0, 1);
      end if;
    end if;
  elsif tg_op = 'INSERT' then
    perform private.ministry_bump_month(new.cohort_id, private.ministry_month(new.joined_at), 1, 0);
    if new.departed_on is not null then
      perform private.ministry_bump_month(new.cohort_id, date_trunc('month', new.departed_on)::date, 0, 1);
    end if;
  end if;
  return null;
end
$$;
create trigger ministry_member_changed after insert or update or delete on public.cohort_members
  for each row execute function private.ministry_member_changed();

-- Reviews, once per inserted batch (a sync stores up to 2,000 in one statement): the work reads only the new
-- rows (the transition table) and the trainees' enrolments by cohort_members(user_id), never review_logs.
create function private.ministry_reviews_added()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  with per as (
    select m.cohort_id, r.user_id, private.ministry_month(r.reviewed_at) as month, count(*) as n
    from new_reviews r
    join public.cohort_members m on m.user_id = r.user_id
    group by 1, 2, 3
  ), fresh as (
    insert into private.ministry_seen (user_id, cohort_id, fact)
    select user_id, cohort_id, 'active:' || month from per
    on conflict do nothing
    returning user_id, cohort_id, fact
  )
  insert into public.ministry_cohort_months as t (cohort_id, month, active_trainees, reviews)
  select p.cohort_id, p.month, count(f.user_id), sum(p.n)
  from per p
  left join fresh f on f.user_id = p.user_id and f.cohort_id = p.cohort_id and f.fact = 'active:' || p.month
  group by p.cohort_id, p.month
  on conflict (cohort_id, month) do update
    set active_trainees = t.active_trainees + excluded.active_trainees, reviews = t.reviews + excluded.reviews;
  return null;
end
$$;
create trigger ministry_reviews_added after insert on public.review_logs
  referencing new table as new_reviews
  for each statement execute function private.ministry_reviews_added();

-- A mock test scored (the server sets submitted_at and score once): real attempts only, not practice.
create function private.ministry_test_scored()
returns trigger language plpgsql security definer set search_path = '' as $$
declare
  v_passed boolean := coalesce((new.score ->> 'passed')::boolean, false);
begin
  if new.submitted_at is null or new.score is null or new.practice
     or (tg_op = 'UPDATE' and old.submitted_at is not null) then
    return null;
  end if;
  with mine as (
    select cohort_id from public.cohort_members where user_id = new.user_id
  ), took as (
    insert into private.ministry_seen (user_id, cohort_id, fact)
    select new.user_id, cohort_id, 'took:' || new.test from mine
    on conflict do nothing returning cohort_id
  ), passed as (
    insert into private.ministry_seen (user_id, cohort_id, fact)
    select new.user_id, cohort_id, 'passed:' || new.test from mine where v_passed
    on conflict do nothing returning cohort_id
  )
  insert into public.ministry_cohort_tests as t (cohort_id, exam, takers, passers, attempts, passed_attempts)
  select m.cohort_id, new.test,
    (select count(*) from took where took.cohort_id = m.cohort_id),
    (select count(*) from passed where passed.cohort_id = m.cohort_id),
    1, v_passed::int
  from mine m
  on conflict (cohort_id, exam) do update
    set takers = t.takers + excluded.takers, passers = t.passers + excluded.passers,
      attempts = t.attempts + 1, passed_attempts = t.passed_attempts + excluded.passed_attempts;
  return null;
end
$$;
create trigger ministry_test_scored after insert or update of submitted_at on public.test_attempts
  for each row execute function private.ministry_test_scored();

-- The full recomputation from the person tables: what the incremental triggers must always equal (the tests
-- compare them), and how a generated or restored database gets its rollups. It reads every review, so it is
-- for the owner only, never for a request. Readiness is the job's, so it is kept.
create function private.ministry_rebuild()
returns void language plpgsql security definer set search_path = '' as $$
begin
  delete from public.ministry_cohort_status;
  delete from public.ministry_cohort_months;
  delete from public.ministry_cohort_tests;
  delete from private.ministry_seen;

  insert into public.ministry_cohort_status (cohort_id, status, trainees)
  select cohort_id, status, count(*) from public.cohort_members group by 1, 2;

  insert into private.ministry_seen (user_id, cohort_id, fact)
  select distinct r.user_id, m.cohort_id, 'active:' || private.ministry_month(r.reviewed_at)
  from public.review_logs r join public.cohort_members m on m.user_id = r.user_id;

  insert into public.ministry_cohort_months (cohort_id, month, joined, departed, active_trainees, reviews)
  select cohort_id, month, sum(joined), sum(departed), sum(active), sum(reviews)
  from (
    select cohort_id, private.ministry_month(joined_at) as month, count(*) as joined, 0 as departed, 0 as active, 0 as reviews
    from public.cohort_members group by 1, 2
    union all
    select cohort_id, date_trunc('month', departed_on)::date, 0, count(*), 0, 0
    from public.cohort_members where departed_on is not null group by 1, 2
    union all
    select m.cohort_id, private.ministry_month(r.reviewed_at), 0, 0, count(distinct r.user_id), count(*)
    from public.review_logs r join public.cohort_members m on m.user_id = r.user_id group by 1, 2
  ) parts
  group by 1, 2;

  insert into private.ministry_seen (user_id, cohort_id, fact)
  select distinct a.user_id, m.cohort_id, f.fact
  from public.test_attempts a
  join public.cohort_members m on m.user_id = a.user_id
  cross join lateral (
    select 'took:' || a.test as fact
    union all
    select 'passed:' || a.test where coalesce((a.score ->> 'passed')::boolean, false)
  ) f
  where a.submitted_at is not null and a.score is not null and not a.practice;

  insert into public.ministry_cohort_tests (cohort_id, exam, takers, passers, attempts, passed_attempts)
  select m.cohort_id, a.test, count(distinct a.user_id),
    count(distinct a.user_id) filter (where coalesce((a.score ->> 'passed')::boolean, false)),
    count(*), count(*) filter (where coalesce((a.score ->> 'passed')::boolean, false))
  from public.test_attempts a
  join public.cohort_members m on m.user_id = a.user_id
  where a.submitted_at is not null and a.score is not null and not a.practice
  group by 1, 2;

  insert into public.ministry_cohort_readiness (cohort_id)
  select id from public.cohorts
  on conflict (cohort_id) do nothing;
end
$$;
revoke all on function private.ministry_rebuild() from public, anon, authenticated;

-- Reading ----------------------------------------------------------------------------------------------------

create function private.is_ministry_viewer()
returns boolean language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.ministry_viewers v where v.user_id = (select auth.uid()))
$$;

create function private.require_ministry_viewer()
returns void language plpgsql stable security definer set search_path = '' as $$
begin
  if not private.is_ministry_viewer() then
    raise exception 'ministry viewers only' using errcode = '42501';
  end if;
end
$$;

-- The cohorts a filter selects, with the attributes the breakdowns use. A null filter selects all; departure
-- is 'YYYY-MM' or 'none' (no departure date set).
create function private.ministry_cohorts(p_sector text, p_province text, p_center uuid, p_destination text, p_departure text)
returns table (cohort_id uuid, province text, center_id uuid, center_name text, sector text, destination text, departure text)
language sql stable security definer set search_path = '' as $$
  select c.id, t.province, t.id, t.name, c.sector::text, c.destination_prefecture,
    coalesce(to_char(c.departure_date, 'YYYY-MM'), 'none')
  from public.cohorts c
  join public.training_centers t on t.id = c.center_id
  where (p_sector is null or c.sector::text = p_sector)
    and (p_province is null or t.province = p_province)
    and (p_center is null or t.id = p_center)
    and (p_destination is null or c.destination_prefecture = p_destination)
    and (p_departure is null or coalesce(to_char(c.departure_date, 'YYYY-MM'), 'none') = p_departure)
$$;

-- Trainees by status, for the filtered cohorts: the total (dimension 'total') and every breakdown.
create function public.ministry_status(p_sector text, p_province text, p_center uuid, p_destination text, p_departure text, p_totals_only boolean default false)
returns table (dimension text, key text, label text, status text, trainees bigint)
language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.require_ministry_viewer();
  return query
    with s as (
      select c.*, r.status, r.trainees
      from private.ministry_cohorts(p_sector, p_province, p_center, p_destination, p_departure) c
      join public.ministry_cohort_status r on r.cohort_id = c.cohort_id
      where r.trainees > 0
    )
    select 'total'::text, ''::text, ''::text, s.status, sum(s.trainees)::bigint from s group by s.status
    union all
    select 'province', s.province, s.province, s.status, sum(s.trainees)::bigint from s where not p_totals_only group by s.province, s.status
    union all
    select 'center', s.center_id::text, min(s.center_name), s.status, sum(s.trainees)::bigint from s where not p_totals_only group by s.center_id, s.status
    union all
    select 'sector', s.sector, s.sector, s.status, sum(s.trainees)::bigint from s where not p_totals_only group by s.sector, s.status
    union all
    select 'destination', s.destination, s.destination, s.status, sum(s.trainees)::bigint from s where not p_totals_only group by s.destination, s.status
    union all
    select 'departure', s.departure, s.departure, s.status, sum(s.trainees)::bigint from s where not p_totals_only group by s.departure, s.status;
end
$$;

-- Per month, for the filtered cohorts.
create function public.ministry_months(p_sector text, p_province text, p_center uuid, p_destination text, p_departure text)
returns table (month date, joined bigint, departed bigint, active_trainees bigint, reviews bigint)
language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.require_ministry_viewer();
  return query
    select r.month, sum(r.joined)::bigint, sum(r.departed)::bigint, sum(r.active_trainees)::bigint, sum(r.reviews)::bigint
    from private.ministry_cohorts(p_sector, p_province, p_center, p_destination, p_departure) c
    join public.ministry_cohort_months r on r.cohort_id = c.cohort_id
    group by r.month
    order by r.month;
end
$$;

-- Per exam, for the filtered cohorts.
create function public.ministry_tests(p_sector text, p_province text, p_center uuid, p_destination text, p_departure text)
returns table (exam text, takers bigint, passers bigint, attempts bigint, passed_attempts bigint)
language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.require_ministry_viewer();
  return query
    select r.exam::text, sum(r.takers)::bigint, sum(r.passers)::bigint, sum(r.attempts)::bigint, sum(r.passed_attempts)::bigint
    from private.ministry_cohorts(p_sector, p_province, p_center, p_destination, p_departure) c
    join public.ministry_cohort_tests r on r.cohort_id = c.cohort_id
    group by r.exam
    order by r.exam;
end
$$;

-- Readiness levels, for the filtered cohorts, and when the oldest figure among them was computed.
create function public.ministry_readiness(p_sector text, p_province text, p_center uuid, p_destination text, p_departure text)
returns table (ready bigint, on_track bigint, at_risk bigint, oldest timestamptz)
language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.require_ministry_viewer();
  return query
    select coalesce(sum(r.ready), 0)::bigint, coalesce(sum(r.on_track), 0)::bigint, coalesce(sum(r.at_risk), 0)::bigint,
      min(r.computed_at)
    from private.ministry_cohorts(p_sector, p_province, p_center, p_destination, p_departure) c
    join public.ministry_cohort_readiness r on r.cohort_id = c.cohort_id
    where r.computed_at is not null;
end
$$;

-- What the filters can choose from: provinces, centers, sectors, destinations, departure months. Names of
-- places and centers only, no counts.
create function public.ministry_filter_options()
returns table (dimension text, key text, label text)
language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.require_ministry_viewer();
  return query
    select distinct 'province'::text, t.province, t.province from public.training_centers t
    union all
    select 'center', t.id::text, t.name from public.training_centers t
    union all
    select distinct 'destination', c.destination_prefecture, c.destination_prefecture from public.cohorts c
    union all
    select distinct 'departure', coalesce(to_char(c.departure_date, 'YYYY-MM'), 'none'), coalesce(to_char(c.departure_date, 'YYYY-MM'), 'none')
    from public.cohorts c;
end
$$;

revoke all on function private.ministry_month(timestamptz), private.ministry_bump_month(uuid, date, int, int),
  private.ministry_move_history(uuid, uuid, uuid),
  private.ministry_member_changed(), private.ministry_reviews_added(), private.ministry_test_scored(),
  private.ministry_cohorts(text, text, uuid, text, text) from public, anon, authenticated;
revoke all on function private.is_ministry_viewer(), private.require_ministry_viewer() from public, anon;
grant execute on function private.is_ministry_viewer(), private.require_ministry_viewer() to authenticated;
revoke all on function public.ministry_status(text, text, uuid, text, text, boolean), public.ministry_months(text, text, uuid, text, text),
  public.ministry_tests(text, text, uuid, text, text), public.ministry_readiness(text, text, uuid, text, text),
  public.ministry_filter_options() from public, anon;
grant execute on function public.ministry_status(text, text, uuid, text, text, boolean), public.ministry_months(text, text, uuid, text, text),
  public.ministry_tests(text, text, uuid, text, text), public.ministry_readiness(text, text, uuid, text, text),
  public.ministry_filter_options() to authenticated;

-- Rollups for whatever exists already.
select private.ministry_rebuild();
