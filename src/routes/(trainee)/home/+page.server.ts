import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// The trainee home moved to /today; old bookmarks and home-screen shortcuts still work.
export const load = (() => redirect(308, '/today')) satisfies PageServerLoad;
