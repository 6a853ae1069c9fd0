-- Expected trainees: people an instructor imported from a CSV (name and phone or e-mail). Importing never
-- creates accounts or passwords; a person becomes a trainee by signing up with the cohort's invite code, and
-- sign-up marks the matching expected row joined. Visible to and managed by the cohort's staff only.
create table public.expected_trainees (
  id uuid primary key default gen_random_uuid(),
  cohort_id uuid not null references public.cohorts (id) on delete cascade,
  display_name text not null check (char_length(btrim(display_name)) between 1 and 120),
  -- digits only, country code first, as profiles.phone and auth.users.phone
  phone text check (phone ~ '^[0-9]{8,15}$'),
  email text check (email = lower(email) and char_length(email) <= 254 and email like '%_@_%'),
  joined_user_id uuid references public.profiles (id) on delete set null,
  joined_at timestamptz,
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  check (phone is not null or email is not null)
);
-- One expected row per person per cohort; these also serve the policies' and sign-up's cohort_id filter.
create unique index expected_trainees_cohort_phone_key on public.expected_trainees (cohort_id, phone);
create unique index expected_trainees_cohort_email_key on public.expected_trainees (cohort_id, email);
create index expected_trainees_joined_user_idx on public.expected_trainees (joined_user_id) where joined_user_id is not null;

alter table public.expected_trainees enable row level security;
create policy "expected trainees visible to cohort staff" on public.expected_trainees for select to authenticated
  using (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id));
create policy "cohort staff add expected trainees" on public.expected_trainees for insert to authenticated
  with check ((private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id)) and created_by = (select auth.uid()));
create policy "cohort staff change expected trainees" on public.expected_trainees for update to authenticated
  using (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id))
  with check (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id));
create policy "cohort staff remove expected trainees" on public.expected_trainees for delete to authenticated
  using (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id));
