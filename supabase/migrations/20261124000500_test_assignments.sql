-- An instructor assigns a mock test to a cohort for a window of time; its trainees see it on Today.
create table public.test_assignments (
  id uuid primary key default gen_random_uuid(),
  cohort_id uuid not null references public.cohorts (id) on delete cascade,
  test public.target_exam not null,
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  created_by uuid not null references public.profiles (id),
  created_at timestamptz not null default now(),
  check (closes_at > opens_at)
);
create index test_assignments_cohort_idx on public.test_assignments (cohort_id, closes_at);

alter table public.test_assignments enable row level security;
create policy "assignments visible to the cohort and its staff" on public.test_assignments for select to authenticated
  using (private.in_cohort(cohort_id) or private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id));
create policy "cohort staff assign tests" on public.test_assignments for insert to authenticated
  with check ((private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id)) and created_by = (select auth.uid()));
create policy "cohort staff change test assignments" on public.test_assignments for update to authenticated
  using (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id))
  with check (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id));
create policy "cohort staff withdraw test assignments" on public.test_assignments for delete to authenticated
  using (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id));
