-- Core schema: training centers, people, their roles, cohorts.
-- Row-level security on every table. Policies call security-definer helpers in the private schema (not
-- exposed by the API), with auth.uid() wrapped in a select so Postgres evaluates it once per statement.

create type public.member_role as enum ('trainee', 'instructor', 'center_admin');
create type public.sector as enum ('caregiving', 'manufacturing', 'hospitality');
create type public.target_exam as enum ('jlpt_n5', 'jlpt_n4', 'jft_basic', 'caregiving_japanese');

create schema if not exists private;
grant usage on schema private to authenticated;

create table public.training_centers (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(btrim(name)) between 2 and 200),
  province text not null check (char_length(btrim(province)) between 2 and 100),
  created_at timestamptz not null default now()
);

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null default '' check (char_length(display_name) <= 120),
  locale text not null default 'id' check (locale in ('id', 'en', 'ja')),
  -- digits only, country code first (GoTrue's form): 6281234567890
  phone text check (phone ~ '^[0-9]{8,15}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.center_memberships (
  center_id uuid not null references public.training_centers (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  role public.member_role not null,
  created_at timestamptz not null default now(),
  primary key (center_id, user_id, role)
);
create index center_memberships_user_id_idx on public.center_memberships (user_id);

create table public.cohorts (
  id uuid primary key default gen_random_uuid(),
  center_id uuid not null references public.training_centers (id) on delete restrict,
  name text not null check (char_length(btrim(name)) between 2 and 120),
  sector public.sector not null,
  target_exam public.target_exam not null,
  departure_date date,
  destination_prefecture text not null check (char_length(btrim(destination_prefecture)) between 2 and 40),
  invite_code text not null unique check (invite_code ~ '^[A-Z0-9]{6,12}$'),
  invite_expires_at timestamptz,
  created_at timestamptz not null default now()
);
create index cohorts_center_id_idx on public.cohorts (center_id);

-- Trainees enrolled in a cohort.
create table public.cohort_members (
  cohort_id uuid not null references public.cohorts (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  joined_at timestamptz not null default now(),
  primary key (cohort_id, user_id)
);
create index cohort_members_user_id_idx on public.cohort_members (user_id);

-- Instructors teaching a cohort (a cohort may have several).
create table public.cohort_instructors (
  cohort_id uuid not null references public.cohorts (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (cohort_id, user_id)
);
create index cohort_instructors_user_id_idx on public.cohort_instructors (user_id);

create table public.ministry_viewers (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now()
);

-- Failed sign-ins, for rate limiting the local provider. Server-only: RLS on, no grants, no policies.
create table private.sign_in_failures (
  id bigint generated always as identity primary key,
  account text not null,
  address text not null,
  failed_at timestamptz not null default now()
);
create index sign_in_failures_account_idx on private.sign_in_failures (account, failed_at);
create index sign_in_failures_address_idx on private.sign_in_failures (address, failed_at);
create index sign_in_failures_failed_at_idx on private.sign_in_failures (failed_at);
alter table private.sign_in_failures enable row level security;

-- Helpers ------------------------------------------------------------------------------------------------

create function private.is_center_member(p_center uuid, p_roles public.member_role[])
returns boolean language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.center_memberships m
    where m.center_id = p_center and m.user_id = (select auth.uid()) and m.role = any (p_roles)
  )
$$;

create function private.teaches_cohort(p_cohort uuid)
returns boolean language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.cohort_instructors ci
    where ci.cohort_id = p_cohort and ci.user_id = (select auth.uid())
  )
$$;

create function private.in_cohort(p_cohort uuid)
returns boolean language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.cohort_members cm
    where cm.cohort_id = p_cohort and cm.user_id = (select auth.uid())
  )
$$;

create function private.administers_cohort(p_cohort uuid)
returns boolean language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.cohorts c
    join public.center_memberships m on m.center_id = c.center_id
    where c.id = p_cohort and m.user_id = (select auth.uid()) and m.role = 'center_admin'
  )
$$;

-- Whether the current user teaches a cohort this trainee is in.
create function private.teaches_trainee(p_user uuid)
returns boolean language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.cohort_members cm
    join public.cohort_instructors ci on ci.cohort_id = cm.cohort_id
    where cm.user_id = p_user and ci.user_id = (select auth.uid())
  )
$$;

-- Whether the current user may see this person's profile: their instructor, their center's admin, or a
-- trainee looking at an instructor of their own cohort.
create function private.can_see_person(p_user uuid)
returns boolean language sql stable security definer set search_path = '' as $$
  select private.teaches_trainee(p_user)
    or exists (
      select 1 from public.center_memberships theirs
      join public.center_memberships mine on mine.center_id = theirs.center_id
      where theirs.user_id = p_user and mine.user_id = (select auth.uid()) and mine.role = 'center_admin'
    )
    or exists (
      select 1 from public.cohort_instructors ci
      join public.cohort_members cm on cm.cohort_id = ci.cohort_id
      where ci.user_id = p_user and cm.user_id = (select auth.uid())
    )
$$;

revoke all on all functions in schema private from public;
grant execute on all functions in schema private to authenticated;

-- A profile for every auth user, as Supabase projects do.
create function private.handle_new_user()
returns trigger language plpgsql security definer set search_path = '' as $$
begin
  insert into public.profiles (id, display_name, locale, phone)
  values (
    new.id,
    left(coalesce(nullif(btrim(new.raw_user_meta_data ->> 'display_name'), ''), split_part(coalesce(new.email, ''), '@', 1)), 120),
    case when new.raw_user_meta_data ->> 'locale' in ('id', 'en', 'ja') then new.raw_user_meta_data ->> 'locale' else 'id' end,
    nullif(new.phone, '')
  );
  return new;
end
$$;
revoke all on function private.handle_new_user() from public, authenticated;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function private.handle_new_user();

create function private.touch_updated_at()
returns trigger language plpgsql set search_path = '' as $$
begin
  new.updated_at = now();
  return new;
end
$$;
create trigger profiles_touch_updated_at before update on public.profiles
  for each row execute function private.touch_updated_at();

-- Policies -----------------------------------------------------------------------------------------------

alter table public.training_centers enable row level security;
create policy "members see their center" on public.training_centers for select to authenticated
  using (private.is_center_member(id, '{trainee,instructor,center_admin}'));
create policy "center admins edit their center" on public.training_centers for update to authenticated
  using (private.is_center_member(id, '{center_admin}'))
  with check (private.is_center_member(id, '{center_admin}'));

alter table public.profiles enable row level security;
create policy "people see themselves and those they teach or manage" on public.profiles for select to authenticated
  using (id = (select auth.uid()) or private.can_see_person(id));
create policy "people edit their own profile" on public.profiles for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

alter table public.center_memberships enable row level security;
create policy "memberships visible to self, center staff and instructors" on public.center_memberships
  for select to authenticated
  using (
    user_id = (select auth.uid())
    or private.is_center_member(center_id, '{center_admin}')
    or (role <> 'trainee' and private.is_center_member(center_id, '{instructor}'))
    or (role = 'trainee' and private.teaches_trainee(user_id))
  );
create policy "center admins add members" on public.center_memberships for insert to authenticated
  with check (private.is_center_member(center_id, '{center_admin}'));
create policy "center admins change members" on public.center_memberships for update to authenticated
  using (private.is_center_member(center_id, '{center_admin}'))
  with check (private.is_center_member(center_id, '{center_admin}'));
create policy "center admins remove members" on public.center_memberships for delete to authenticated
  using (private.is_center_member(center_id, '{center_admin}'));

alter table public.cohorts enable row level security;
create policy "cohorts visible to their trainees, instructors and center admins" on public.cohorts
  for select to authenticated
  using (private.in_cohort(id) or private.teaches_cohort(id) or private.is_center_member(center_id, '{center_admin}'));
create policy "center staff create cohorts" on public.cohorts for insert to authenticated
  with check (private.is_center_member(center_id, '{instructor,center_admin}'));
create policy "instructors and admins edit cohorts" on public.cohorts for update to authenticated
  using (private.teaches_cohort(id) or private.is_center_member(center_id, '{center_admin}'))
  with check (private.is_center_member(center_id, '{instructor,center_admin}'));
create policy "center admins delete cohorts" on public.cohorts for delete to authenticated
  using (private.is_center_member(center_id, '{center_admin}'));

alter table public.cohort_members enable row level security;
create policy "enrolments visible to the trainee and cohort staff" on public.cohort_members
  for select to authenticated
  using (user_id = (select auth.uid()) or private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id));
create policy "cohort staff enrol trainees" on public.cohort_members for insert to authenticated
  with check (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id));
create policy "cohort staff change enrolments" on public.cohort_members for update to authenticated
  using (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id))
  with check (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id));
create policy "cohort staff remove trainees" on public.cohort_members for delete to authenticated
  using (private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id));

alter table public.cohort_instructors enable row level security;
create policy "cohort teachers visible to the cohort and its center admins" on public.cohort_instructors
  for select to authenticated
  using (
    user_id = (select auth.uid()) or private.in_cohort(cohort_id)
    or private.teaches_cohort(cohort_id) or private.administers_cohort(cohort_id)
  );
create policy "center admins assign instructors" on public.cohort_instructors for insert to authenticated
  with check (private.administers_cohort(cohort_id));
create policy "center admins change instructors" on public.cohort_instructors for update to authenticated
  using (private.administers_cohort(cohort_id))
  with check (private.administers_cohort(cohort_id));
create policy "center admins unassign instructors" on public.cohort_instructors for delete to authenticated
  using (private.administers_cohort(cohort_id));

alter table public.ministry_viewers enable row level security;
create policy "ministry viewers see their own grant" on public.ministry_viewers for select to authenticated
  using (user_id = (select auth.uid()));

-- Joining a cohort with its invite code: the signed-in user becomes a trainee of the cohort and its center.
-- Returns the cohort id; raises 'invite_invalid' for an unknown or expired code.
create function public.join_cohort(p_invite_code text)
returns uuid language plpgsql security definer set search_path = '' as $$
declare
  v_user uuid := (select auth.uid());
  v_cohort public.cohorts;
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
  return v_cohort.id;
end
$$;
revoke all on function public.join_cohort(text) from public, anon;
grant execute on function public.join_cohort(text) to authenticated;
