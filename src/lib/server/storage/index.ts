import { diskStore } from './disk';
import { supabaseStore } from './supabase';

export { isRecordingKey, newRecordingKey } from './keys';

/** Where recordings live: bytes by key. Callers check access first (the submission row, read under RLS). */
export interface ObjectStore {
	put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
	/** The object's bytes, or null when there is none under the key. */
	get(key: string): Promise<Uint8Array | null>;
	/** Removes the object; a missing one is not an error. */
	delete(key: string): Promise<void>;
}

/**
 * Supabase Storage (bucket `recordings`) when PUBLIC_SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY are set; else
 * files under DATA_DIR/recordings, for the embedded mode.
 */
export function recordings(): ObjectStore {
	const url = process.env.PUBLIC_SUPABASE_URL;
	const serviceKey = process.env.SUPABASE_SERVICE_ROLE_KEY;
	return url && serviceKey ? supabaseStore(url, serviceKey, 'recordings') : diskStore();
}
