import type { ObjectStore } from '.';
import { isRecordingKey } from './keys';

/** supabase-js builds a Realtime client even when unused, and on Node 20 (no WebSocket) needs a transport: never made. */
class NoRealtime {
	constructor() {
		throw new Error('Hashi does not use Supabase Realtime');
	}
}

/**
 * A private Supabase Storage bucket (made by the work-tasks migration). The service key stays on the server and
 * is used only after the request has read the submission row under RLS, so it never widens who gets a file.
 */
export function supabaseStore(url: string, serviceKey: string, bucket: string): ObjectStore {
	// Loaded only when used, so the embedded mode never pulls in supabase-js.
	const files = async () => {
		const { createClient } = await import('@supabase/supabase-js');
		const client = createClient(url, serviceKey, {
			auth: { persistSession: false, autoRefreshToken: false },
			realtime: { transport: NoRealtime as never }
		});
		return client.storage.from(bucket);
	};
	const checked = (key: string) => {
		if (!isRecordingKey(key)) throw new Error('not a recording key');
		return key;
	};
	return {
		async put(key, bytes, contentType) {
			const { error } = await (await files()).upload(checked(key), bytes, { contentType, upsert: false, cacheControl: '0' });
			if (error) throw new Error(`storage upload failed: ${error.message}`);
		},
		async get(key) {
			const { data, error } = await (await files()).download(checked(key));
			if (error) {
				// Storage answers a missing object with 404, or (older servers) 400 and statusCode "404".
				const { status, statusCode } = error as { status?: number; statusCode?: string };
				if (status === 404 || statusCode === '404' || statusCode === 'not_found') return null;
				throw new Error(`storage download failed: ${error.message}`);
			}
			return new Uint8Array(await data.arrayBuffer());
		},
		async delete(key) {
			const { error } = await (await files()).remove([checked(key)]);
			if (error) throw new Error(`storage remove failed: ${error.message}`);
		}
	};
}
