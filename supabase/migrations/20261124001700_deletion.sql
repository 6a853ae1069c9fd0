-- A trainee's request to have their personal data deleted, and its confirmation by an admin of their center.
-- The row outlives the person (no foreign key): afterwards it holds only an id nobody can trace back, the dates,
-- and who confirmed.
create table public.deletion_requests (
  user_id uuid primary key,
  center_id uuid not null,
  requested_at timestamptz not null default now(),
  state text not null default 'requested' check (state in ('requested', 'deleted')),
  confirmed_by uuid,
  confirmed_at timestamptz
);
create index deletion_requests_center_idx on public.deletion_requests (center_id, state, requested_at);

alter table public.deletion_requests enable row level security;
create policy "the person and their center's admins see a request" on public.deletion_requests for select to authenticated
  using (user_id = (select auth.uid()) or private.is_center_member(center_id, array['center_admin']::public.member_role[]));
revoke insert, update, delete on public.deletion_requests from anon, authenticated;

-- The first day a center may delete a departed worker's record: departure plus the center's retention period.
-- Null when nothing holds it (never departed, or the period is over).
create function private.deletion_held_until(p_user uuid)
returns date language sql stable security definer set search_path = '' as $$
  select max((m.departed_on + make_interval(months => c.departed_retention_months))::date)
  from public.cohort_members m
  join public.cohorts co on co.id = m.cohort_id
  join public.training_centers c on c.id = co.center_id
  where m.user_id = p_user and m.status = 'departed'
  having max((m.departed_on + make_interval(months => c.departed_retention_months))::date) > current_date
$$;

create function public.request_deletion()
returns void language plpgsql security definer set search_path = '' as $$
declare
  me uuid := (select auth.uid());
  center uuid;
begin
  select m.center_id into center from public.center_memberships m where m.user_id = me and m.role = 'trainee' order by m.created_at limit 1;
  if center is null then
    raise exception 'only a trainee of a training center can ask for deletion here' using errcode = '42501';
  end if;
  insert into public.deletion_requests (user_id, center_id) values (me, center)
  on conflict (user_id) do nothing;
  insert into public.audit_events (center_id, actor_id, subject_id, action) values (center, me, me, 'deletion_requested');
end
$$;

create function public.cancel_deletion_request()
returns void language sql security definer set search_path = '' as $$
  delete from public.deletion_requests where user_id = (select auth.uid()) and state = 'requested'
$$;

-- Deletes the person: their account, profile, enrolments, study history, tests, submissions and feedback (by the
-- foreign keys' cascades), and the roster rows that named them. Returns the recording keys, for the server to
-- remove from storage. The ministry's counts stay as published: past months are never re-derived (migration
-- 1200), and the current status count the enrolment's deletion takes away is put back first. Deleting data does
-- not undo that someone trained or departed; only these anonymous counts remain of them. (Staff set a leaver's
-- status to withdrawn before confirming if that is what happened.)
create function public.confirm_deletion(p_user uuid)
returns text[] language plpgsql security definer set search_path = '' as $$
declare
  me uuid := (select auth.uid());
  request public.deletion_requests;
  held date;
  audio text[];
begin
  select * into request from public.deletion_requests where user_id = p_user and state = 'requested';
  if request is null or not private.is_center_member(request.center_id, array['center_admin']::public.member_role[]) then
    raise exception 'no deletion request for this person at a center you administer' using errcode = '42501';
  end if;
  held := private.deletion_held_until(p_user);
  if held is not null then
    raise exception 'held until %', to_char(held, 'YYYY-MM-DD') using errcode = 'P0001', hint = 'retention';
  end if;
  select coalesce(array_agg(s.audio_key) filter (where s.audio_key is not null), '{}') into audio
  from public.work_submissions s where s.user_id = p_user;
  insert into public.ministry_cohort_status as t (cohort_id, status, trainees)
  select m.cohort_id, m.status, count(*)
  from public.cohort_members m where m.user_id = p_user
  group by 1, 2
  on conflict (cohort_id, status) do update set trainees = t.trainees + excluded.trainees;
  delete from public.expected_trainees where joined_user_id = p_user;
  delete from auth.users where id = p_user;
  update public.deletion_requests set state = 'deleted', confirmed_by = me, confirmed_at = now() where user_id = p_user;
  insert into public.audit_events (center_id, actor_id, subject_id, action, detail)
  values (request.center_id, me, p_user, 'deleted', jsonb_build_object('recordings', cardinality(audio)));
  return audio;
end
$$;

revoke all on function public.request_deletion(), public.cancel_deletion_request(), public.confirm_deletion(uuid) from public, anon;
grant execute on function public.request_deletion(), public.cancel_deletion_request(), public.confirm_deletion(uuid) to authenticated;
revoke all on function private.deletion_held_until(uuid) from public, anon;
grant execute on function private.deletion_held_until(uuid) to authenticated;
