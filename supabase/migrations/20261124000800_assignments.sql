-- An instructor assigns a lesson or a study target (reviews of a track's or a scene's cards) with a due date.
create table public.assignments (
  id uuid primary key default gen_random_uuid(),
  cohort_id uuid not null references public.cohorts (id) on delete cascade,
  kind text not null check (kind in ('lesson', 'study_target')),
  lesson_id text references public.content_lessons (id),
  track_id text references public.content_tracks (id),
  scene text check (scene is null or char_length(btrim(scene)) between 1 and 60),
  target_reviews int check (target_reviews between 1 and 5000),
  due_at timestamptz not null,
  created_by uuid not null references public.profiles (id),
  created_at timestamptz not null default now(),
  check (
    (kind = 'lesson' and lesson_id is not null and track_id is null and scene is null and target_reviews is null)
    or (kind = 'study_target' and lesson_id is null and (track_id is not null or scene is not null) and target_reviews is not null)
  )
);
create index assignments_cohort_idx on public.assignments (cohort_id, due_at);
create index assignments_created_by_idx on public.assignments (created_by);

alter table public.assignments enable row level security;
create policy "assignments visible to the cohort and its staff" on public.assignments for select to authenticated
  using (private.in_cohort(cohort_id) or private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id));
create policy "cohort staff assign work" on public.assignments for insert to authenticated
  with check ((private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id)) and created_by = (select auth.uid()));
create policy "cohort staff change assignments" on public.assignments for update to authenticated
  using (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id))
  with check (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id));
create policy "cohort staff withdraw assignments" on public.assignments for delete to authenticated
  using (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id));
