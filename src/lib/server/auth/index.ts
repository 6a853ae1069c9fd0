import { localProvider } from './local';
import type { AuthProvider } from './provider';

export type { AuthProvider } from './provider';

/** Supabase Auth when PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY are set, else the embedded provider. */
export async function chooseProvider(): Promise<AuthProvider> {
	if (!process.env.PUBLIC_SUPABASE_URL || !process.env.PUBLIC_SUPABASE_ANON_KEY) return localProvider;
	// Loaded only when used: the embedded deployment never needs supabase-js.
	const { supabaseProvider, supabaseSettings } = await import('./supabase');
	return supabaseProvider(supabaseSettings()!);
}
