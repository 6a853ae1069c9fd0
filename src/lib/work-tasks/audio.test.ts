import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDIO_MAX_BYTES, checkAudio, declaredAudioType, sniffAudio } from './audio';

const webm = Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81]);
const ogg = new TextEncoder().encode('OggS\0\x02\0\0\0\0\0\0');
const mp4 = Uint8Array.from([0, 0, 0, 0x1c, ...new TextEncoder().encode('ftypM4A '), 0, 0]);
const mp3 = Uint8Array.from([0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0, 0, 0]); // "ID3"
const upload = (type: string, head: Uint8Array, size = 40_000, durationMs: number | null = 30_000) => {
	const bytes = new Uint8Array(size);
	bytes.set(head.subarray(0, size));
	return { type, bytes, durationMs };
};
// 2.5 s from Chromium's MediaRecorder.
const chromium = new Uint8Array(readFileSync(new URL('./testdata/chromium-2500ms.webm', import.meta.url)));

describe('sniffAudio', () => {
	it('knows WebM, Ogg and MP4 by their first bytes, and nothing else', () => {
		expect(sniffAudio(webm)).toBe('audio/webm');
		expect(sniffAudio(ogg)).toBe('audio/ogg');
		expect(sniffAudio(mp4)).toBe('audio/mp4');
		expect(sniffAudio(mp3)).toBeNull();
		expect(sniffAudio(new Uint8Array())).toBeNull();
	});
});

describe('declaredAudioType', () => {
	it('reads what MediaRecorder and file pickers declare', () => {
		expect(declaredAudioType('audio/webm;codecs=opus')).toBe('audio/webm');
		expect(declaredAudioType('audio/x-m4a')).toBe('audio/mp4');
		expect(declaredAudioType('audio/mpeg')).toBeNull();
		expect(declaredAudioType('')).toBeNull();
	});
});

describe('checkAudio', () => {
	it('takes a recording of a known type whose bytes match what it claims to be', () => {
		expect(checkAudio(upload('audio/webm;codecs=opus', webm))).toEqual({ type: 'audio/webm', extension: 'webm', durationMs: 30_000 });
		expect(checkAudio(upload('audio/mp4', mp4, AUDIO_MAX_BYTES, null))).toEqual({ type: 'audio/mp4', extension: 'm4a', durationMs: null });
	});
	it('keeps the length the recording itself says over what the browser claimed', () => {
		expect(checkAudio({ type: 'audio/webm', bytes: chromium, durationMs: 1 })).toEqual({ type: 'audio/webm', extension: 'webm', durationMs: 2400 });
		expect(checkAudio({ type: 'audio/webm', bytes: chromium, durationMs: null })).toMatchObject({ durationMs: 2400 });
	});
	it('refuses an empty file, one over 2 MB, and a recording longer than three minutes', () => {
		expect(checkAudio(upload('audio/webm', webm, 0))).toEqual({ error: 'work_audio_missing' });
		expect(checkAudio(upload('audio/webm', webm, AUDIO_MAX_BYTES + 1))).toEqual({ error: 'work_audio_too_big' });
		expect(checkAudio(upload('audio/webm', webm, 40_000, 200_000))).toEqual({ error: 'work_audio_too_long' });
	});
	it('refuses a type we do not take, and a file whose bytes are not what its type says', () => {
		expect(checkAudio(upload('audio/mpeg', mp3))).toEqual({ error: 'work_audio_wrong_type' });
		expect(checkAudio(upload('audio/webm', mp3))).toEqual({ error: 'work_audio_wrong_type' });
		expect(checkAudio(upload('audio/ogg', webm))).toEqual({ error: 'work_audio_wrong_type' });
	});
});
