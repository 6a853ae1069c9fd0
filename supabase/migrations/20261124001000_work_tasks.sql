-- Work tasks: an instructor asks a cohort for a written or spoken piece of Japanese (a 申し送り note, a
-- 自己紹介) by a due date; trainees hand in versions (a resubmission is a new row, history kept); cohort staff
-- score each version against the task's rubric and comment on it.

-- A rubric: 1–8 criteria, each {"key": "content", "max": 4}, keys distinct (labels live in the UI messages).
create function private.valid_rubric(p_rubric jsonb)
returns boolean language sql immutable set search_path = '' as $$
  select case when jsonb_typeof(p_rubric) = 'array' and jsonb_array_length(p_rubric) between 1 and 8 then
    not exists (
      select 1 from jsonb_array_elements(p_rubric) c
      where case
        when jsonb_typeof(c) <> 'object' then true
        when (select count(*) from jsonb_object_keys(c)) <> 2 then true
        when jsonb_typeof(c -> 'key') is distinct from 'string' or (c ->> 'key') !~ '^[a-z_]{1,40}$' then true
        when jsonb_typeof(c -> 'max') is distinct from 'number' or (c ->> 'max') !~ '^[0-9]{1,2}$' then true
        else (c ->> 'max')::int not between 1 and 10
      end
    )
    and (select count(distinct c ->> 'key') from jsonb_array_elements(p_rubric) c) = jsonb_array_length(p_rubric)
  else false end
$$;

-- Scores fit a rubric: an object with exactly the rubric's keys, each a whole number from 0 to its maximum.
create function private.scores_fit(p_scores jsonb, p_rubric jsonb)
returns boolean language sql immutable set search_path = '' as $$
  select case when jsonb_typeof(p_scores) = 'object' and private.valid_rubric(p_rubric) then
    (select count(*) from jsonb_object_keys(p_scores)) = jsonb_array_length(p_rubric)
    and not exists (
      select 1 from jsonb_array_elements(p_rubric) c
      where case
        when jsonb_typeof(p_scores -> (c ->> 'key')) is distinct from 'number' then true
        when (p_scores ->> (c ->> 'key')) !~ '^[0-9]{1,2}$' then true
        else (p_scores ->> (c ->> 'key'))::int > (c ->> 'max')::int
      end
    )
  else false end
$$;
revoke all on function private.valid_rubric(jsonb), private.scores_fit(jsonb, jsonb) from public;
grant execute on function private.valid_rubric(jsonb), private.scores_fit(jsonb, jsonb) to authenticated;

-- The generated names of 20261124000800's checks: the kind list and the shape of each kind.
alter table public.assignments drop constraint assignments_kind_check, drop constraint assignments_check;
alter table public.assignments
  add column work_mode text check (work_mode in ('written', 'spoken')),
  add column title text check (title is null or char_length(btrim(title)) between 1 and 120),
  add column instructions text check (instructions is null or char_length(btrim(instructions)) between 1 and 4000),
  add column rubric jsonb check (rubric is null or private.valid_rubric(rubric)),
  add constraint assignments_kind_check check (kind in ('lesson', 'study_target', 'work_task')),
  add constraint assignments_shape_check check (
    (kind = 'lesson' and lesson_id is not null and track_id is null and scene is null and target_reviews is null
      and work_mode is null and title is null and instructions is null and rubric is null)
    or (kind = 'study_target' and lesson_id is null and (track_id is not null or scene is not null) and target_reviews is not null
      and work_mode is null and title is null and instructions is null and rubric is null)
    or (kind = 'work_task' and lesson_id is null and track_id is null and scene is null and target_reviews is null
      and work_mode is not null and title is not null and instructions is not null and rubric is not null)
  );

create table public.work_submissions (
  id uuid primary key default gen_random_uuid(),
  assignment_id uuid not null references public.assignments (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  version int not null default 1 check (version >= 1),
  body text check (body is null or char_length(btrim(body)) between 1 and 4000),
  -- "<user id>/<uuid>.<ext>", made by the server: never a path a person typed.
  audio_key text check (audio_key is null or audio_key ~ '^[0-9a-f-]{36}/[0-9a-f-]{36}\.(webm|ogg|m4a)$'),
  audio_type text check (audio_type is null or audio_type in ('audio/webm', 'audio/ogg', 'audio/mp4')),
  audio_bytes int check (audio_bytes is null or audio_bytes between 1 and 2097152),
  -- As the recorder measured it; null when the file came from the file picker.
  audio_ms int check (audio_ms is null or audio_ms between 1 and 185000),
  submitted_at timestamptz not null default now(),
  unique (assignment_id, user_id, version),
  check (
    (body is not null and audio_key is null and audio_type is null and audio_bytes is null and audio_ms is null)
    or (body is null and audio_key is not null and audio_type is not null and audio_bytes is not null)
  )
);
create index work_submissions_user_idx on public.work_submissions (user_id, submitted_at desc);

create table public.work_feedback (
  submission_id uuid primary key references public.work_submissions (id) on delete cascade,
  scores jsonb not null,
  comment text not null default '' check (char_length(comment) <= 2000),
  reviewer_id uuid not null references public.profiles (id),
  reviewed_at timestamptz not null default now()
);
create index work_feedback_reviewer_idx on public.work_feedback (reviewer_id);

-- Whether the current user may hand in this kind of version for this task: a work task of a cohort they are in,
-- written text for a written task and a recording for a spoken one.
create function private.may_submit(p_assignment uuid, p_written boolean)
returns boolean language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.assignments a
    where a.id = p_assignment and a.kind = 'work_task' and (a.work_mode = 'written') = p_written
      and private.in_cohort(a.cohort_id)
  )
$$;

-- Whether the current user teaches or administers the cohort a submission was made for.
create function private.reviews_submission(p_submission uuid)
returns boolean language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.work_submissions s
    join public.assignments a on a.id = s.assignment_id
    where s.id = p_submission and (private.teaches_cohort(a.cohort_id) or private.administers_cohort(a.cohort_id))
  )
$$;

create function private.staffs_assignment(p_assignment uuid)
returns boolean language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.assignments a
    where a.id = p_assignment and (private.teaches_cohort(a.cohort_id) or private.administers_cohort(a.cohort_id))
  )
$$;

create function private.owns_submission(p_submission uuid)
returns boolean language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.work_submissions s where s.id = p_submission and s.user_id = (select auth.uid()))
$$;
revoke all on function private.may_submit(uuid, boolean), private.reviews_submission(uuid), private.staffs_assignment(uuid),
  private.owns_submission(uuid) from public;
grant execute on function private.may_submit(uuid, boolean), private.reviews_submission(uuid), private.staffs_assignment(uuid),
  private.owns_submission(uuid) to authenticated;

-- The version number and the time are the database's: a late hand-in cannot be dated before the due date.
create function private.number_submission()
returns trigger language plpgsql set search_path = '' as $$
begin
  new.submitted_at = now();
  new.version = coalesce(
    (select max(s.version) from public.work_submissions s where s.assignment_id = new.assignment_id and s.user_id = new.user_id), 0
  ) + 1;
  return new;
end
$$;
create trigger work_submissions_number before insert on public.work_submissions
  for each row execute function private.number_submission();

-- Scores are checked against the task's rubric; the reviewer is whoever saves, at the time they save.
create function private.check_feedback()
returns trigger language plpgsql security definer set search_path = '' as $$
declare
  v_rubric jsonb;
begin
  select a.rubric into v_rubric
  from public.work_submissions s join public.assignments a on a.id = s.assignment_id
  where s.id = new.submission_id;
  if v_rubric is null or not private.scores_fit(new.scores, v_rubric) then
    raise exception 'scores do not fit the rubric of this work task' using errcode = '23514';
  end if;
  new.reviewer_id = coalesce((select auth.uid()), new.reviewer_id);
  new.reviewed_at = now();
  return new;
end
$$;
revoke all on function private.number_submission(), private.check_feedback() from public, authenticated;
create trigger work_feedback_check before insert or update on public.work_feedback
  for each row execute function private.check_feedback();

alter table public.work_submissions enable row level security;
create policy "trainees and the cohort staff see submissions" on public.work_submissions for select to authenticated
  using (user_id = (select auth.uid()) or private.staffs_assignment(assignment_id));
create policy "trainees hand in their own work for their cohort's tasks" on public.work_submissions for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and private.may_submit(assignment_id, body is not null)
    and (audio_key is null or starts_with(audio_key, (select auth.uid())::text || '/'))
  );
-- A version once handed in stays as it was (a resubmission is a new row).
revoke insert, update, delete on public.work_submissions from anon, authenticated;
grant insert (assignment_id, user_id, body, audio_key, audio_type, audio_bytes, audio_ms) on public.work_submissions to authenticated;

alter table public.work_feedback enable row level security;
create policy "the trainee and the cohort staff see feedback" on public.work_feedback for select to authenticated
  using (private.owns_submission(submission_id) or private.reviews_submission(submission_id));
create policy "cohort staff give feedback" on public.work_feedback for insert to authenticated
  with check (private.reviews_submission(submission_id) and reviewer_id = (select auth.uid()));
create policy "cohort staff change feedback" on public.work_feedback for update to authenticated
  using (private.reviews_submission(submission_id))
  with check (private.reviews_submission(submission_id) and reviewer_id = (select auth.uid()));
revoke insert, update, delete on public.work_feedback from anon, authenticated;
grant insert (submission_id, scores, comment, reviewer_id), update (scores, comment, reviewer_id) on public.work_feedback to authenticated;

-- On Supabase, recordings go to a private Storage bucket the server reads and writes (src/lib/server/storage).
do $$
begin
  if to_regclass('storage.buckets') is not null then
    execute $sql$insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
      values ('recordings', 'recordings', false, 2097152, array['audio/webm', 'audio/ogg', 'audio/mp4'])
      on conflict (id) do nothing$sql$;
  end if;
end
$$;
