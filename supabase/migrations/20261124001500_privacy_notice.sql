-- The privacy notice a person agreed to at sign-up, by version and language. Written from the sign-up's user
-- metadata (both the embedded sign-in and Supabase Auth put `privacy_notice` there), so no account is made
-- without the agreement being kept with it.
create table public.privacy_agreements (
  user_id uuid not null references public.profiles (id) on delete cascade,
  notice_version text not null check (notice_version ~ '^\d{4}-\d{2}-\d{2}$'),
  locale text not null check (locale in ('id', 'en', 'ja')),
  agreed_at timestamptz not null default now(),
  primary key (user_id, notice_version)
);

alter table public.privacy_agreements enable row level security;
create policy "people and their staff see agreements" on public.privacy_agreements for select to authenticated
  using (user_id = (select auth.uid()) or private.can_see_person(user_id));
revoke insert, update, delete on public.privacy_agreements from anon, authenticated;

-- Runs after on_auth_user_created (triggers fire in name order), so the profile exists.
create function private.record_privacy_agreement()
returns trigger language plpgsql security definer set search_path = '' as $$
declare
  version text := new.raw_user_meta_data ->> 'privacy_notice';
begin
  if version is not null then
    insert into public.privacy_agreements (user_id, notice_version, locale)
    values (new.id, version,
      case when new.raw_user_meta_data ->> 'locale' in ('id', 'en', 'ja') then new.raw_user_meta_data ->> 'locale' else 'id' end);
  end if;
  return new;
end
$$;
revoke all on function private.record_privacy_agreement() from public, authenticated;
create trigger on_auth_user_created_privacy
  after insert on auth.users
  for each row execute function private.record_privacy_agreement();

-- How long a center keeps a departed worker's record after departure before it may be deleted on request.
alter table public.training_centers
  add column departed_retention_months int not null default 24 check (departed_retention_months between 0 and 60);
