-- Daily study: cohort study settings, the append-only review log, and each deck card's schedule, derived by
-- replaying the log with ts-fsrs (src/lib/scheduling) on the server exactly as the device computed it.

alter table public.cohorts
  add column new_cards_per_day int not null default 10 check (new_cards_per_day between 0 and 100),
  add column desired_retention numeric(3, 2) not null default 0.90 check (desired_retention between 0.70 and 0.97);

-- A trainee's own study choices and fitted FSRS parameters.
create table public.study_preferences (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  -- may lower the cohort's daily new-card limit, never raise it (enforced where it is read)
  new_cards_per_day int check (new_cards_per_day between 0 and 100),
  fsrs_weights double precision[],
  weights_fitted_at timestamptz,
  weights_fitted_on_reviews int,
  updated_at timestamptz not null default now()
);
alter table public.study_preferences enable row level security;
create policy "trainees see their own study preferences" on public.study_preferences for select to authenticated
  using (user_id = (select auth.uid()));
create policy "trainees set their own study preferences" on public.study_preferences for insert to authenticated
  with check (user_id = (select auth.uid()));
create policy "trainees change their own study preferences" on public.study_preferences for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
-- Fitted weights come from the server's optimizer, not from the browser: the trainee may change only the limit.
revoke insert, update on public.study_preferences from authenticated, anon;
grant insert (user_id, new_cards_per_day, updated_at), update (new_cards_per_day, updated_at) on public.study_preferences to authenticated;

-- Every grade a trainee gave, with the id the device made, so a batch sent twice adds nothing.
create table public.review_logs (
  id uuid primary key,
  user_id uuid not null references public.profiles (id) on delete cascade,
  card_id text not null references public.content_cards (id),
  rating smallint not null check (rating between 1 and 4),
  reviewed_at timestamptz not null,
  duration_ms int not null check (duration_ms between 0 and 3600000),
  mode text not null check (mode in ('recognition', 'recall', 'reading', 'listening', 'cloze')),
  -- "I was right": the trainee overrode the automatic check of a typed answer
  overridden boolean not null default false,
  received_at timestamptz not null default now()
);
create index review_logs_user_card_idx on public.review_logs (user_id, card_id, reviewed_at);
create index review_logs_user_time_idx on public.review_logs (user_id, reviewed_at);

alter table public.review_logs enable row level security;
create policy "trainees and their teachers see review logs" on public.review_logs for select to authenticated
  using (user_id = (select auth.uid()) or private.can_see_person(user_id));
create policy "trainees log reviews of cards in their own deck" on public.review_logs for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and exists (select 1 from public.deck_cards d where d.user_id = (select auth.uid()) and d.card_id = review_logs.card_id)
  );
-- Append-only: nobody updates or deletes a review (no policies, and no privilege either).
revoke update, delete on public.review_logs from authenticated, anon;

-- The schedule of each card in a deck, derived from the log by the server (never written by the browser).
alter table public.deck_cards
  add column schedule jsonb,
  add column due_at timestamptz,
  add column stability double precision,
  add column fsrs_state smallint not null default 0,
  add column reps int not null default 0,
  add column lapses int not null default 0,
  add column last_reviewed_at timestamptz,
  add column first_reviewed_at timestamptz;
create index deck_cards_user_due_idx on public.deck_cards (user_id, due_at);
revoke update on public.deck_cards from authenticated, anon;
