/**
 * The byte range a media element asks for ("bytes=0-", "bytes=100-199", "bytes=-500"), clipped to the file;
 * null for the whole file; 'unsatisfiable' past the end. Safari plays audio only from a server that honours ranges.
 */
export function byteRange(header: string | null, size: number): { start: number; end: number } | null | 'unsatisfiable' {
	const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
	if (!match || (match[1] === '' && match[2] === '')) return null;
	let start: number;
	let end: number;
	if (match[1] === '') {
		start = Math.max(0, size - Number(match[2]));
		end = size - 1;
	} else {
		start = Number(match[1]);
		end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	}
	if (start >= size || start > end) return 'unsatisfiable';
	return { start, end };
}

/** The whole recording, or the asked-for part of it (206), never cached: it is one person's voice on a shared phone. */
export function audioResponse(bytes: Uint8Array, type: string, rangeHeader: string | null): Response {
	const headers: Record<string, string> = {
		'content-type': type,
		'accept-ranges': 'bytes',
		'cache-control': 'private, no-store',
		'x-content-type-options': 'nosniff'
	};
	const range = byteRange(rangeHeader, bytes.byteLength);
	if (range === 'unsatisfiable') return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${bytes.byteLength}` } });
	if (!range) return new Response(bytes.slice(), { headers: { ...headers, 'content-length': String(bytes.byteLength) } });
	const part = bytes.slice(range.start, range.end + 1);
	return new Response(part, {
		status: 206,
		headers: { ...headers, 'content-length': String(part.byteLength), 'content-range': `bytes ${range.start}-${range.end}/${bytes.byteLength}` }
	});
}
