-- Readiness projects recall with each trainee's own fitted FSRS weights, so the trainee's instructors and
-- center admin may read (never write) their study preferences.
create policy "teachers see their trainees' study preferences" on public.study_preferences for select to authenticated
  using (private.can_see_person(user_id));
