import type { SupabaseClient } from '@supabase/supabase-js';
import type { AuthProvider } from '$lib/server/auth';
import type { Claims } from '$lib/server/db/types';
import type { Viewer } from '$lib/server/people/viewer';

declare global {
	namespace App {
		interface Locals {
			auth: AuthProvider;
			/** Verified claims of the signed-in user, or null. */
			claims: Claims | null;
			/** The signed-in person with roles; loaded once per request, on first use. */
			viewer: () => Promise<Viewer | null>;
			supabase?: SupabaseClient;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
