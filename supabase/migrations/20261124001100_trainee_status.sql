-- Where a trainee stands, kept by their instructors: in training, ready to depart, departed (on a date), withdrawn.
-- It lives on the enrolment, so moving a trainee to another cohort carries it along.
alter table public.cohort_members
  add column status text not null default 'in_training'
    check (status in ('in_training', 'ready', 'departed', 'withdrawn')),
  add column departed_on date,
  add column status_changed_at timestamptz not null default now(),
  add constraint cohort_members_departure_dated check ((status = 'departed') = (departed_on is not null));
