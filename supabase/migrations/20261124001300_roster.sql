-- The roster: trainee status, moves between cohorts of one center, removal (remembered, so a trainee can be
-- added back), center admins adding instructors by e-mail, and join_cohort marking expected trainees joined.

-- Enrolments ---------------------------------------------------------------------------------------------

-- Whether this person is a trainee of the cohort's center (only they may be enrolled in it).
create function private.trains_at_cohort_center(p_user uuid, p_cohort uuid)
returns boolean language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.cohorts c
    join public.center_memberships m on m.center_id = c.center_id
    where c.id = p_cohort and m.user_id = p_user and m.role = 'trainee'
  )
$$;
revoke all on function private.trains_at_cohort_center(uuid, uuid) from public;
grant execute on function private.trains_at_cohort_center(uuid, uuid) to authenticated;

-- Staff could enrol anyone with an account; now only a trainee of the cohort's own center. A move (cohort_id
-- changed) must land in a cohort the actor also teaches or administers.
drop policy "cohort staff enrol trainees" on public.cohort_members;
create policy "cohort staff enrol their center's trainees" on public.cohort_members for insert to authenticated
  with check (
    (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id))
    and private.trains_at_cohort_center(user_id, cohort_id)
  );
drop policy "cohort staff change enrolments" on public.cohort_members;
create policy "cohort staff change enrolments" on public.cohort_members for update to authenticated
  using (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id))
  with check (
    (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id))
    and private.trains_at_cohort_center(user_id, cohort_id)
  );

-- What a policy cannot compare (old row with new): an enrolment stays one person's and moves only within its
-- center, whoever writes it. Also: the departure date is plausible, and a status change is timestamped.
create function private.check_enrolment()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'UPDATE' then
    if new.user_id <> old.user_id then
      raise exception 'an enrolment belongs to one trainee' using errcode = '42501';
    end if;
    if new.cohort_id <> old.cohort_id and (select c.center_id from public.cohorts c where c.id = new.cohort_id)
        is distinct from (select c.center_id from public.cohorts c where c.id = old.cohort_id) then
      raise exception 'a trainee moves only between cohorts of one center' using errcode = '42501';
    end if;
    if (new.status, new.departed_on) is distinct from (old.status, old.departed_on) then
      new.status_changed_at := now();
    end if;
  end if;
  -- A day of slack either side of the app's own check (which knows the instructor's time zone).
  if new.departed_on is not null and (
      new.departed_on < (new.joined_at at time zone 'UTC')::date - 1
      or new.departed_on > current_date + 61) then
    raise exception 'departed_on out of range' using errcode = '23514',
      hint = 'not before the enrolment, at most 60 days ahead';
  end if;
  return new;
end
$$;
revoke all on function private.check_enrolment() from public, authenticated;
create trigger cohort_members_check before insert or update on public.cohort_members
  for each row execute function private.check_enrolment();

-- Removed trainees, remembered per cohort so staff can add them back. Their study history never left: it is
-- keyed by the person. The name is kept because staff no longer see the profile of someone not in their cohort.
create table public.cohort_removals (
  cohort_id uuid not null references public.cohorts (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  display_name text not null check (char_length(display_name) <= 120),
  removed_by uuid references public.profiles (id) on delete set null,
  removed_at timestamptz not null default now(),
  primary key (cohort_id, user_id)
);
create index cohort_removals_user_id_idx on public.cohort_removals (user_id);

alter table public.cohort_removals enable row level security;
create policy "removals visible to cohort staff" on public.cohort_removals for select to authenticated
  using (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id));
create policy "cohort staff record removals" on public.cohort_removals for insert to authenticated
  with check ((private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id)) and removed_by = (select auth.uid()));
create policy "cohort staff change removals" on public.cohort_removals for update to authenticated
  using (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id))
  with check (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id));
create policy "cohort staff forget removals" on public.cohort_removals for delete to authenticated
  using (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id));

-- Instructors --------------------------------------------------------------------------------------------

-- An e-mail a center admin invited to instruct before it had an account. Signing up with that e-mail and the
-- invitation's code (given to the person by the admin) makes them an instructor of the center.
create table public.instructor_invitations (
  id uuid primary key default gen_random_uuid(),
  center_id uuid not null references public.training_centers (id) on delete cascade,
  email text not null check (email = lower(email) and char_length(email) <= 254 and email like '%_@_%'),
  code text not null unique check (code ~ '^[A-Z0-9]{12}$'),
  invited_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  accepted_user_id uuid references public.profiles (id) on delete set null,
  accepted_at timestamptz,
  unique (center_id, email)
);

alter table public.instructor_invitations enable row level security;
create policy "invitations visible to center admins" on public.instructor_invitations for select to authenticated
  using (private.is_center_member(center_id, '{center_admin}'));
create policy "center admins invite" on public.instructor_invitations for insert to authenticated
  with check (private.is_center_member(center_id, '{center_admin}') and invited_by = (select auth.uid()));
create policy "center admins change invitations" on public.instructor_invitations for update to authenticated
  using (private.is_center_member(center_id, '{center_admin}'))
  with check (private.is_center_member(center_id, '{center_admin}'));
create policy "center admins withdraw invitations" on public.instructor_invitations for delete to authenticated
  using (private.is_center_member(center_id, '{center_admin}'));

-- A center admin adds an instructor by e-mail: an existing account becomes an instructor of the center at
-- once; otherwise a pending invitation is kept with p_code. Admins cannot read auth.users, hence definer.
-- Returns 'added', 'already_instructor', 'invited' or 'already_invited'.
create function public.add_center_instructor(p_center uuid, p_email text, p_code text)
returns text language plpgsql security definer set search_path = '' as $$
declare
  v_email text := lower(btrim(p_email));
  v_user uuid;
begin
  if (select auth.uid()) is null or not private.is_center_member(p_center, '{center_admin}') then
    raise exception 'not an admin of this center' using errcode = '42501';
  end if;
  select u.id into v_user from auth.users u
  where u.email = v_email and u.is_sso_user = false and u.deleted_at is null;
  if v_user is not null then
    -- An invitation left from before the account existed has served its purpose.
    delete from public.instructor_invitations i where i.center_id = p_center and i.email = v_email and i.accepted_at is null;
    insert into public.center_memberships (center_id, user_id, role)
    values (p_center, v_user, 'instructor') on conflict do nothing;
    return case when found then 'added' else 'already_instructor' end;
  end if;
  insert into public.instructor_invitations (center_id, email, code, invited_by)
  values (p_center, v_email, upper(p_code), (select auth.uid())) on conflict (center_id, email) do nothing;
  return case when found then 'invited' else 'already_invited' end;
end
$$;
revoke all on function public.add_center_instructor(uuid, text, text) from public, anon;
grant execute on function public.add_center_instructor(uuid, text, text) to authenticated;

-- The newly signed-up user takes up their invitation: the code must be pending and the account's e-mail the
-- invited one. Returns the center id; raises 'invite_invalid' or 'invite_email_mismatch'.
create function public.accept_instructor_invitation(p_code text)
returns uuid language plpgsql security definer set search_path = '' as $$
declare
  v_user uuid := (select auth.uid());
  v_invitation public.instructor_invitations;
begin
  if v_user is null then
    raise exception 'not signed in' using errcode = '42501';
  end if;
  select * into v_invitation from public.instructor_invitations i
  where i.code = upper(btrim(p_code)) and i.accepted_at is null;
  if not found then
    raise exception 'invite_invalid' using errcode = 'P0001', hint = 'unknown or used invitation code';
  end if;
  if not exists (select 1 from auth.users u where u.id = v_user and lower(u.email) = v_invitation.email) then
    raise exception 'invite_email_mismatch' using errcode = 'P0001', hint = 'the invitation is for another e-mail';
  end if;
  insert into public.center_memberships (center_id, user_id, role)
  values (v_invitation.center_id, v_user, 'instructor') on conflict do nothing;
  update public.instructor_invitations set accepted_user_id = v_user, accepted_at = now() where id = v_invitation.id;
  return v_invitation.center_id;
end
$$;
revoke all on function public.accept_instructor_invitation(text) from public, anon;
grant execute on function public.accept_instructor_invitation(text) to authenticated;

-- Joining ------------------------------------------------------------------------------------------------

-- As before, and whoever joins (local or Supabase sign-up, or a trainee re-joining) is marked joined on the
-- cohort's expected list when their account's phone or e-mail matches, and is no longer listed as removed.
create or replace function public.join_cohort(p_invite_code text)
returns uuid language plpgsql security definer set search_path = '' as $$
declare
  v_user uuid := (select auth.uid());
  v_cohort public.cohorts;
  v_phone text;
  v_email text;
begin
  if v_user is null then
    raise exception 'not signed in' using errcode = '42501';
  end if;
  select * into v_cohort from public.cohorts c
  where c.invite_code = upper(btrim(p_invite_code))
    and (c.invite_expires_at is null or c.invite_expires_at > now());
  if not found then
    raise exception 'invite_invalid' using errcode = 'P0001', hint = 'unknown or expired invite code';
  end if;
  insert into public.center_memberships (center_id, user_id, role)
  values (v_cohort.center_id, v_user, 'trainee') on conflict do nothing;
  insert into public.cohort_members (cohort_id, user_id)
  values (v_cohort.id, v_user) on conflict do nothing;
  delete from public.cohort_removals where cohort_id = v_cohort.id and user_id = v_user;
  select nullif(u.phone, ''), lower(nullif(u.email, '')) into v_phone, v_email from auth.users u where u.id = v_user;
  update public.expected_trainees e set joined_user_id = v_user, joined_at = now()
  where e.cohort_id = v_cohort.id and e.joined_user_id is null and (e.phone = v_phone or e.email = v_email);
  return v_cohort.id;
end
$$;
