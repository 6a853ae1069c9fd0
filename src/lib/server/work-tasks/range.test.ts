import { describe, expect, it } from 'vitest';
import { audioResponse, byteRange } from './range';

describe('byteRange', () => {
	it('reads open, closed and suffix ranges, clipped to the file', () => {
		expect(byteRange('bytes=0-', 1000)).toEqual({ start: 0, end: 999 });
		expect(byteRange('bytes=100-199', 1000)).toEqual({ start: 100, end: 199 });
		expect(byteRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
		expect(byteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
	});
	it('means the whole file without a usable header, and nothing past the end', () => {
		expect(byteRange(null, 1000)).toBeNull();
		expect(byteRange('bytes=0-1,5-9', 1000)).toBeNull();
		expect(byteRange('bytes=1000-', 1000)).toBe('unsatisfiable');
		expect(byteRange('bytes=5-2', 1000)).toBe('unsatisfiable');
	});
});

describe('audioResponse', () => {
	const bytes = Uint8Array.from({ length: 10 }, (_, i) => i);
	it('sends the part asked for with 206, and the whole file otherwise, never cached', async () => {
		const part = audioResponse(bytes, 'audio/webm', 'bytes=2-4');
		expect([part.status, part.headers.get('content-range'), [...new Uint8Array(await part.arrayBuffer())]]).toEqual([206, 'bytes 2-4/10', [2, 3, 4]]);
		const whole = audioResponse(bytes, 'audio/ogg', null);
		expect([whole.status, whole.headers.get('content-type'), whole.headers.get('cache-control'), (await whole.arrayBuffer()).byteLength]).toEqual([
			200,
			'audio/ogg',
			'private, no-store',
			10
		]);
		expect(audioResponse(bytes, 'audio/ogg', 'bytes=20-').status).toBe(416);
	});
});
