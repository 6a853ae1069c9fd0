import type { RequestHandler } from './$types';
import { requireViewer } from '$lib/server/auth/guard';
import { exportArchive } from '$lib/server/privacy/export';
import { m } from '$lib/paraglide/messages.js';

// A POST (a form on the account page), not a GET: each export is recorded in the center's audit trail.
export const POST = (async (event) => {
	const { claims } = await requireViewer(event);
	const { bytes, fileName } = await exportArchive(claims, m.privacy_export_readme());
	return new Response(bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'no-store'
		}
	});
}) satisfies RequestHandler;
