import { measureDurationMs } from './duration';

/** What a spoken-task recording may be. Pure: the server checks every upload with these before storing it. */
export const AUDIO_MAX_BYTES = 2 * 1024 * 1024;
/** The recorder stops itself here; the server refuses a longer declared duration. */
export const AUDIO_MAX_MS = 180_000;
/** Opus at this rate keeps three minutes near 600 KB, well under the byte limit on a cheap phone's upload. */
export const AUDIO_BITS_PER_SECOND = 24_000;

export type AudioType = 'audio/webm' | 'audio/ogg' | 'audio/mp4';
export const audioExtension: Record<AudioType, string> = { 'audio/webm': 'webm', 'audio/ogg': 'ogg', 'audio/mp4': 'm4a' };

// What browsers and phones call these files: MediaRecorder adds ";codecs=opus"; a picked .m4a is often x-m4a.
const aliases: Record<string, AudioType> = {
	'audio/webm': 'audio/webm',
	'audio/ogg': 'audio/ogg',
	'audio/mp4': 'audio/mp4',
	'audio/m4a': 'audio/mp4',
	'audio/x-m4a': 'audio/mp4'
};

/** The declared type (Content-Type of the part), or null when it is not one we take. */
export function declaredAudioType(type: string): AudioType | null {
	return aliases[type.split(';')[0]!.trim().toLowerCase()] ?? null;
}

/** The container the first bytes say: EBML (WebM) 1A45DFA3, Ogg "OggS", or an ISO-BMFF "ftyp" box (MP4). */
export function sniffAudio(head: Uint8Array): AudioType | null {
	const at = (offset: number, bytes: number[]) => bytes.every((b, i) => head[offset + i] === b);
	if (at(0, [0x1a, 0x45, 0xdf, 0xa3])) return 'audio/webm';
	if (at(0, [0x4f, 0x67, 0x67, 0x53])) return 'audio/ogg';
	if (at(4, [0x66, 0x74, 0x79, 0x70])) return 'audio/mp4';
	return null;
}

export interface AudioUpload {
	/** The type the browser declared for the file. */
	type: string;
	bytes: Uint8Array;
	/** As the recorder measured it; null for a picked file. */
	durationMs: number | null;
}

export type AudioCheck =
	| { type: AudioType; extension: string; durationMs: number | null }
	| { error: 'work_audio_missing' | 'work_audio_too_big' | 'work_audio_wrong_type' | 'work_audio_too_long' };

/**
 * Whether a recording may be stored: not empty, at most 2 MB, declared and truly WebM/Ogg/MP4, and at most three
 * minutes long — as the container says where it can (WebM, Ogg), else as the recorder said. The length to keep
 * comes back with it.
 */
export function checkAudio(upload: AudioUpload): AudioCheck {
	const size = upload.bytes.byteLength;
	if (size === 0) return { error: 'work_audio_missing' };
	if (size > AUDIO_MAX_BYTES) return { error: 'work_audio_too_big' };
	const declared = declaredAudioType(upload.type);
	if (!declared || sniffAudio(upload.bytes) !== declared) return { error: 'work_audio_wrong_type' };
	const durationMs = measureDurationMs(upload.bytes, declared) ?? upload.durationMs;
	// A little slack: the recorder stops itself at the limit by its own clock.
	if (durationMs !== null && durationMs > AUDIO_MAX_MS + 5_000) return { error: 'work_audio_too_long' };
	return { type: declared, extension: audioExtension[declared], durationMs: durationMs === null ? null : Math.max(1, Math.round(durationMs)) };
}
