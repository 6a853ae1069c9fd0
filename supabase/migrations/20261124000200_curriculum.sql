-- The curriculum, loaded from content/ by the content build (upsert by stable id; an item removed from the
-- files is retired, never deleted, so a trainee's history keeps its card). Readable by every signed-in
-- person; written only by the content loader (the owner).

create table public.content_tracks (
  id text primary key,
  position int not null,
  sector public.sector,
  title jsonb not null,
  description jsonb not null,
  retired_at timestamptz
);

create table public.content_units (
  id text primary key,
  track_id text not null references public.content_tracks (id),
  position int not null,
  title jsonb not null,
  can_do jsonb not null,
  retired_at timestamptz
);
create index content_units_track_idx on public.content_units (track_id, position);

create table public.content_lessons (
  id text primary key,
  unit_id text not null references public.content_units (id),
  position int not null,
  title jsonb not null,
  grammar_ids text[] not null default '{}',
  culture_ids text[] not null default '{}',
  protection_ids text[] not null default '{}',
  retired_at timestamptz
);
create index content_lessons_unit_idx on public.content_lessons (unit_id, position);

create table public.content_cards (
  id text primary key,
  lesson_id text not null references public.content_lessons (id),
  position int not null,
  term text not null,
  reading text not null,
  meaning jsonb not null,
  part_of_speech text not null,
  jlpt text,
  sectors text[] not null,
  scenes text[] not null,
  register text,
  accepted_forms text[] not null default '{}',
  -- [{ ja, furigana: [{ text, reading? }], id, en, register? }]
  examples jsonb not null,
  note jsonb,
  retired_at timestamptz
);
create index content_cards_lesson_idx on public.content_cards (lesson_id, position);

-- Grammar points, culture scenarios and protection lessons, render-ready (furigana included).
create table public.content_items (
  id text primary key,
  kind text not null check (kind in ('grammar', 'culture', 'protection')),
  body jsonb not null,
  retired_at timestamptz
);

-- Which content build is loaded, so a restart with unchanged content does nothing.
create table public.content_versions (
  hash text primary key,
  counts jsonb not null,
  loaded_at timestamptz not null default now()
);

alter table public.content_tracks enable row level security;
alter table public.content_units enable row level security;
alter table public.content_lessons enable row level security;
alter table public.content_cards enable row level security;
alter table public.content_items enable row level security;
alter table public.content_versions enable row level security;
create policy "signed-in people read the curriculum" on public.content_tracks for select to authenticated using (true);
create policy "signed-in people read the curriculum" on public.content_units for select to authenticated using (true);
create policy "signed-in people read the curriculum" on public.content_lessons for select to authenticated using (true);
create policy "signed-in people read the curriculum" on public.content_cards for select to authenticated using (true);
create policy "signed-in people read the curriculum" on public.content_items for select to authenticated using (true);

-- A trainee's finished lessons.
create table public.lesson_completions (
  user_id uuid not null references public.profiles (id) on delete cascade,
  lesson_id text not null references public.content_lessons (id),
  completed_at timestamptz not null default now(),
  primary key (user_id, lesson_id)
);

-- The cards in a trainee's study deck (scheduling comes with the study feature).
create table public.deck_cards (
  user_id uuid not null references public.profiles (id) on delete cascade,
  card_id text not null references public.content_cards (id),
  added_at timestamptz not null default now(),
  primary key (user_id, card_id)
);

alter table public.lesson_completions enable row level security;
create policy "trainees and their teachers see completions" on public.lesson_completions for select to authenticated
  using (user_id = (select auth.uid()) or private.can_see_person(user_id));
create policy "trainees complete their own lessons" on public.lesson_completions for insert to authenticated
  with check (user_id = (select auth.uid()));

alter table public.deck_cards enable row level security;
create policy "trainees and their teachers see decks" on public.deck_cards for select to authenticated
  using (user_id = (select auth.uid()) or private.can_see_person(user_id));
create policy "trainees add cards to their own deck" on public.deck_cards for insert to authenticated
  with check (user_id = (select auth.uid()));
