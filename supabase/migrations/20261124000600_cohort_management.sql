-- Cohort management: an instructor who creates a cohort teaches it, and a cohort's instructors come from its
-- own center.

-- Creates a cohort in a center where the signed-in user is an instructor or center admin; an instructor
-- becomes one of its teachers (they cannot add themselves to cohort_instructors directly). Returns its id.
-- The invite code comes from the caller (crypto random); a clash raises unique_violation and the caller retries.
create function public.create_cohort(
  p_center uuid,
  p_name text,
  p_sector public.sector,
  p_target_exam public.target_exam,
  p_departure_date date,
  p_destination_prefecture text,
  p_desired_retention numeric,
  p_new_cards_per_day int,
  p_invite_code text
)
returns uuid language plpgsql security definer set search_path = '' as $$
declare
  v_user uuid := (select auth.uid());
  v_cohort uuid;
begin
  if v_user is null or not private.is_center_member(p_center, '{instructor,center_admin}') then
    raise exception 'not staff of this center' using errcode = '42501';
  end if;
  insert into public.cohorts (center_id, name, sector, target_exam, departure_date, destination_prefecture,
                              desired_retention, new_cards_per_day, invite_code)
  values (p_center, btrim(p_name), p_sector, p_target_exam, p_departure_date, btrim(p_destination_prefecture),
          p_desired_retention, p_new_cards_per_day, p_invite_code)
  returning id into v_cohort;
  if private.is_center_member(p_center, '{instructor}') then
    insert into public.cohort_instructors (cohort_id, user_id) values (v_cohort, v_user);
  end if;
  return v_cohort;
end
$$;
revoke all on function public.create_cohort(uuid, text, public.sector, public.target_exam, date, text, numeric, int, text) from public, anon;
grant execute on function public.create_cohort(uuid, text, public.sector, public.target_exam, date, text, numeric, int, text) to authenticated;

-- Whether this person is an instructor at the cohort's center (only they may be assigned to teach it).
create function private.instructs_at_cohort_center(p_user uuid, p_cohort uuid)
returns boolean language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.cohorts c
    join public.center_memberships m on m.center_id = c.center_id
    where c.id = p_cohort and m.user_id = p_user and m.role = 'instructor'
  )
$$;
revoke all on function private.instructs_at_cohort_center(uuid, uuid) from public;
grant execute on function private.instructs_at_cohort_center(uuid, uuid) to authenticated;

drop policy "center admins assign instructors" on public.cohort_instructors;
create policy "center admins assign their center's instructors" on public.cohort_instructors for insert to authenticated
  with check (private.administers_cohort(cohort_id) and private.instructs_at_cohort_center(user_id, cohort_id));
drop policy "center admins change instructors" on public.cohort_instructors;
create policy "center admins change instructors" on public.cohort_instructors for update to authenticated
  using (private.administers_cohort(cohort_id))
  with check (private.administers_cohort(cohort_id) and private.instructs_at_cohort_center(user_id, cohort_id));
