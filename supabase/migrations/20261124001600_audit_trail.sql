-- Who changed what about a trainee (status, cohort, feedback and scores) and who exported what. Written only by
-- triggers and by public.record_export; read by the admins of the center concerned; never changed or removed.
-- Ids, not names: when a person's data is deleted the trail stays, and says nothing personal about them.
create table public.audit_events (
  id bigint generated always as identity primary key,
  -- No foreign keys: the trail outlives the rows it speaks of (a set-null would be an update it refuses).
  center_id uuid,
  actor_id uuid,
  subject_id uuid,
  action text not null check (action in (
    'enrolled', 'status_changed', 'moved', 'removed', 'feedback_given', 'feedback_changed', 'exported', 'deletion_requested', 'deleted'
  )),
  detail jsonb not null default '{}',
  at timestamptz not null default now()
);
create index audit_events_center_idx on public.audit_events (center_id, at desc);
create index audit_events_subject_idx on public.audit_events (subject_id, at desc);

alter table public.audit_events enable row level security;
create policy "center admins read their center's trail" on public.audit_events for select to authenticated
  using (private.is_center_member(center_id, array['center_admin']::public.member_role[]));
revoke insert, update, delete, truncate on public.audit_events from anon, authenticated;

-- Not even the database owner's sessions may rewrite history (RLS does not bind the owner; this does).
create function private.audit_is_append_only()
returns trigger language plpgsql set search_path = '' as $$
begin
  raise exception 'the audit trail cannot be changed or deleted' using errcode = '42501';
end;
$$;
create trigger audit_events_append_only before update or delete on public.audit_events
  for each row execute function private.audit_is_append_only();
create trigger audit_events_no_truncate before truncate on public.audit_events
  for each statement execute function private.audit_is_append_only();

create function private.cohort_center(p_cohort uuid)
returns uuid language sql stable security definer set search_path = '' as $$
  select center_id from public.cohorts where id = p_cohort
$$;

create function private.audit_enrolment()
returns trigger language plpgsql security definer set search_path = '' as $$
declare
  actor uuid := (select auth.uid());
begin
  if tg_op = 'INSERT' then
    insert into public.audit_events (center_id, actor_id, subject_id, action, detail)
    values (private.cohort_center(new.cohort_id), actor, new.user_id, 'enrolled', jsonb_build_object('cohort', new.cohort_id));
  elsif tg_op = 'DELETE' then
    insert into public.audit_events (center_id, actor_id, subject_id, action, detail)
    values (private.cohort_center(old.cohort_id), actor, old.user_id, 'removed', jsonb_build_object('cohort', old.cohort_id));
  else
    if new.cohort_id is distinct from old.cohort_id then
      insert into public.audit_events (center_id, actor_id, subject_id, action, detail)
      values (private.cohort_center(new.cohort_id), actor, new.user_id, 'moved', jsonb_build_object('from', old.cohort_id, 'to', new.cohort_id));
    end if;
    if new.status is distinct from old.status or new.departed_on is distinct from old.departed_on then
      insert into public.audit_events (center_id, actor_id, subject_id, action, detail)
      values (private.cohort_center(new.cohort_id), actor, new.user_id, 'status_changed', jsonb_build_object(
        'cohort', new.cohort_id, 'from', old.status, 'to', new.status, 'departed_on', new.departed_on));
    end if;
  end if;
  return null;
end;
$$;
create trigger cohort_members_audit after insert or update or delete on public.cohort_members
  for each row execute function private.audit_enrolment();

create function private.audit_feedback()
returns trigger language plpgsql security definer set search_path = '' as $$
declare
  trainee uuid;
  cohort uuid;
begin
  select s.user_id, a.cohort_id into trainee, cohort
  from public.work_submissions s join public.assignments a on a.id = s.assignment_id
  where s.id = new.submission_id;
  if tg_op = 'INSERT' or new.scores is distinct from old.scores or new.comment is distinct from old.comment then
    insert into public.audit_events (center_id, actor_id, subject_id, action, detail)
    values (private.cohort_center(cohort), (select auth.uid()), trainee,
      case when tg_op = 'INSERT' then 'feedback_given' else 'feedback_changed' end,
      jsonb_build_object('submission', new.submission_id, 'scores', new.scores,
        'previous_scores', case when tg_op = 'UPDATE' then old.scores end,
        'comment_changed', tg_op = 'UPDATE' and new.comment is distinct from old.comment));
  end if;
  return null;
end;
$$;
create trigger work_feedback_audit after insert or update on public.work_feedback
  for each row execute function private.audit_feedback();

-- An export by the current user: what was exported and from where, recorded under a center they belong to.
create function public.record_export(p_center uuid, p_what text, p_detail jsonb default '{}')
returns void language plpgsql security definer set search_path = '' as $$
begin
  if (select auth.uid()) is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  if p_center is not null and not private.is_center_member(p_center, array['trainee', 'instructor', 'center_admin']::public.member_role[]) then
    raise exception 'not a member of this center' using errcode = '42501';
  end if;
  if char_length(p_what) not between 1 and 80 then
    raise exception 'say what was exported' using errcode = '22023';
  end if;
  insert into public.audit_events (center_id, actor_id, subject_id, action, detail)
  values (p_center, (select auth.uid()), null, 'exported', jsonb_build_object('what', p_what) || coalesce(p_detail, '{}'));
end;
$$;
revoke all on function public.record_export(uuid, text, jsonb) from public, anon;
grant execute on function public.record_export(uuid, text, jsonb) to authenticated;
revoke all on function private.audit_enrolment() from public, authenticated;
revoke all on function private.audit_feedback() from public, authenticated;
revoke all on function private.audit_is_append_only() from public, authenticated;
