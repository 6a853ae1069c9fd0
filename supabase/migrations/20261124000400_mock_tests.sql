-- Mock tests: the item bank and its forms (loaded by the content build), attempts with a server-held deadline
-- per section, answers saved as they are given, and scores. Keys and explanations are never readable while a
-- test is being taken: trainees see items only through attempt_items(), and keys only in their results.

create table public.test_units (
  id text primary key,
  test public.target_exam not null,
  section text not null,
  mondai text not null,
  passage jsonb,
  script jsonb,
  retired_at timestamptz
);

create table public.test_items (
  id text primary key,
  unit_id text not null references public.test_units (id),
  position int not null,
  skill text not null,
  stem text not null,
  choices jsonb not null,
  answer_key smallint not null,
  authored_difficulty double precision not null,
  -- calibrated from collected responses (Rasch), starting from the authored value
  difficulty double precision not null,
  explanation jsonb not null,
  retired_at timestamptz
);
create index test_items_unit_idx on public.test_items (unit_id, position);

-- Distinct forms assembled from the bank; each lists its items in paper order.
create table public.test_forms (
  test public.target_exam not null,
  number int not null,
  item_ids text[] not null,
  primary key (test, number)
);

alter table public.test_units enable row level security;
alter table public.test_items enable row level security;
alter table public.test_forms enable row level security;
create policy "signed-in people see test units" on public.test_units for select to authenticated using (true);
create policy "signed-in people see forms" on public.test_forms for select to authenticated using (true);
-- No select policy on test_items: items come through attempt_items() and results, never with keys in advance.
revoke all on public.test_items from anon, authenticated;

create table public.test_attempts (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  test public.target_exam not null,
  form_number int not null,
  -- practice: listening read as a transcript because the device had no Japanese voice
  practice boolean not null default false,
  -- the form's items when the attempt began: later changes to the bank never change a test under way
  item_ids text[] not null,
  started_at timestamptz not null default now(),
  submitted_at timestamptz,
  score jsonb
);
create index test_attempts_user_idx on public.test_attempts (user_id, started_at);

create table public.attempt_sections (
  attempt_id uuid not null references public.test_attempts (id) on delete cascade,
  position int not null,
  section text not null,
  started_at timestamptz,
  deadline_at timestamptz,
  submitted_at timestamptz,
  primary key (attempt_id, position)
);

create table public.attempt_answers (
  attempt_id uuid not null references public.test_attempts (id) on delete cascade,
  item_id text not null references public.test_items (id),
  section_position int not null,
  choice smallint not null check (choice between 0 and 3),
  answered_at timestamptz not null default now(),
  primary key (attempt_id, item_id)
);

-- Whether this item's section of the attempt is open now: the current user's attempt, started, before its
-- deadline, not submitted, and the item is on the attempt's form in that section.
create function private.answer_allowed(p_attempt uuid, p_item text, p_section int)
returns boolean language sql stable security definer set search_path = '' as $$
  select exists (
    select 1
    from public.test_attempts a
    join public.attempt_sections s on s.attempt_id = a.id and s.position = p_section
    join public.test_items i on i.id = p_item and i.id = any (a.item_ids)
    join public.test_units u on u.id = i.unit_id and u.section = s.section
    where a.id = p_attempt and a.user_id = (select auth.uid()) and a.submitted_at is null
      and s.started_at is not null and s.submitted_at is null and now() <= s.deadline_at
  )
$$;
revoke all on function private.answer_allowed(uuid, text, int) from public;
grant execute on function private.answer_allowed(uuid, text, int) to authenticated;

create function private.owns_attempt(p_attempt uuid)
returns boolean language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.test_attempts a where a.id = p_attempt and a.user_id = (select auth.uid()))
$$;
create function private.can_see_attempt(p_attempt uuid)
returns boolean language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.test_attempts a
    where a.id = p_attempt and (a.user_id = (select auth.uid()) or private.can_see_person(a.user_id))
  )
$$;
revoke all on function private.owns_attempt(uuid), private.can_see_attempt(uuid) from public;
grant execute on function private.owns_attempt(uuid), private.can_see_attempt(uuid) to authenticated;

alter table public.test_attempts enable row level security;
create policy "trainees and their teachers see attempts" on public.test_attempts for select to authenticated
  using (user_id = (select auth.uid()) or private.can_see_person(user_id));
-- Attempts, sections, submission and scores are written by the server (src/lib/server/mock-tests/attempts.ts):
-- the form, the deadlines and the score are not the browser's to choose.
revoke insert, update, delete on public.test_attempts from anon, authenticated;

alter table public.attempt_sections enable row level security;
create policy "attempt sections visible with the attempt" on public.attempt_sections for select to authenticated
  using (private.can_see_attempt(attempt_id));
revoke insert, update, delete on public.attempt_sections from anon, authenticated;

alter table public.attempt_answers enable row level security;
create policy "answers visible with the attempt" on public.attempt_answers for select to authenticated
  using (private.can_see_attempt(attempt_id));
create policy "trainees answer in an open section of their own attempt" on public.attempt_answers for insert to authenticated
  with check (private.answer_allowed(attempt_id, item_id, section_position));
create policy "trainees change answers in an open section" on public.attempt_answers for update to authenticated
  using (private.owns_attempt(attempt_id))
  with check (private.answer_allowed(attempt_id, item_id, section_position));
revoke delete on public.attempt_answers from anon, authenticated;

-- What a trainee sees of their attempt's items while taking it: no keys, no explanations.
create function public.attempt_items(p_attempt uuid)
returns table (item_id text, unit_id text, section text, mondai text, item_position int, stem text, choices jsonb, passage jsonb, script jsonb)
language sql stable security definer set search_path = '' as $$
  select i.id, u.id, u.section, u.mondai, i.position, i.stem, i.choices, u.passage, u.script
  from public.test_attempts a
  cross join lateral unnest(a.item_ids) with ordinality as fi(item_id, item_order)
  join public.test_items i on i.id = fi.item_id
  join public.test_units u on u.id = i.unit_id
  where a.id = p_attempt and (a.user_id = (select auth.uid()) or private.can_see_person(a.user_id))
  order by fi.item_order
$$;
revoke all on function public.attempt_items(uuid) from public, anon;
grant execute on function public.attempt_items(uuid) to authenticated;

-- Keys and explanations, once the whole attempt is submitted.
create function public.attempt_review(p_attempt uuid)
returns table (item_id text, answer_key smallint, explanation jsonb, difficulty double precision, skill text)
language sql stable security definer set search_path = '' as $$
  select i.id, i.answer_key, i.explanation, i.difficulty, i.skill
  from public.test_attempts a
  join public.test_items i on i.id = any (a.item_ids)
  where a.id = p_attempt and a.submitted_at is not null
    and (a.user_id = (select auth.uid()) or private.can_see_person(a.user_id))
$$;
revoke all on function public.attempt_review(uuid) from public, anon;
grant execute on function public.attempt_review(uuid) to authenticated;
