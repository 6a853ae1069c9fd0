import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measureDurationMs } from './duration';

// 2.5 s recorded by Chromium's MediaRecorder (fake microphone, Opus at 24 kbit/s): clusters of unknown size, no Duration.
const chromium = new Uint8Array(readFileSync(new URL('./testdata/chromium-2500ms.webm', import.meta.url)));

/** An Ogg page: header, one segment of payload. */
function oggPage(granule: bigint, payload: Uint8Array): Uint8Array {
	const page = new Uint8Array(27 + 1 + payload.length);
	page.set([0x4f, 0x67, 0x67, 0x53, 0]);
	new DataView(page.buffer).setBigInt64(6, granule, true);
	page[26] = 1;
	page[27] = payload.length;
	page.set(payload, 28);
	return page;
}
const opusHead = (preSkip: number) => {
	const head = new Uint8Array(19);
	head.set(new TextEncoder().encode('OpusHead'));
	head[8] = 1;
	head[9] = 1;
	new DataView(head.buffer).setUint16(10, preSkip, true);
	return head;
};
const concat = (...parts: Uint8Array[]) => {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
	return out;
};

describe('measureDurationMs', () => {
	it("reads a MediaRecorder WebM's length from its last block", () => {
		const ms = measureDurationMs(chromium, 'audio/webm')!;
		expect(ms).toBeGreaterThan(2200);
		expect(ms).toBeLessThan(2600);
	});
	it('reads an Ogg Opus length from the last granule position, less the pre-skip', () => {
		const threeMinutesTwenty = concat(oggPage(0n, opusHead(312)), oggPage(48_000n * 100n, new Uint8Array(10)), oggPage(48_000n * 200n + 312n, new Uint8Array(10)), oggPage(-1n, new Uint8Array(5)));
		expect(measureDurationMs(threeMinutesTwenty, 'audio/ogg')).toBe(200_000);
	});
	it('cannot tell for MP4, a cut-off header or bytes that are not the container', () => {
		expect(measureDurationMs(chromium, 'audio/mp4')).toBeNull();
		expect(measureDurationMs(chromium.subarray(0, 20), 'audio/webm')).toBeNull();
		expect(measureDurationMs(new TextEncoder().encode('OggS but nothing else'), 'audio/ogg')).toBeNull();
		expect(measureDurationMs(new Uint8Array(64), 'audio/webm')).toBeNull();
	});
});
