/**
 * How long a recording plays, read from its container, so a picked file cannot claim to be shorter than it is.
 * WebM: the last block's time (MediaRecorder writes no Duration and clusters of unknown size). Ogg: the last
 * page's granule position over the sample rate. Null when it cannot tell (MP4, a damaged file).
 */
export function measureDurationMs(bytes: Uint8Array, type: 'audio/webm' | 'audio/ogg' | 'audio/mp4'): number | null {
	if (type === 'audio/webm') return webmDurationMs(bytes);
	if (type === 'audio/ogg') return oggDurationMs(bytes);
	return null;
}

// EBML element ids (with their length marker, as the spec writes them).
const SEGMENT = 0x18538067;
const CLUSTER = 0x1f43b675;
const INFO = 0x1549a966;
const BLOCK_GROUP = 0xa0;
const TIMECODE_SCALE = 0x2ad7b1;
const DURATION = 0x4489;
const CLUSTER_TIMECODE = 0xe7;
const SIMPLE_BLOCK = 0xa3;
const BLOCK = 0xa1;
// Walked into rather than over: the children hold the times.
const containers = new Set([SEGMENT, CLUSTER, INFO, BLOCK_GROUP]);

/** An EBML variable-length number: its value (marker kept for ids, dropped for sizes) and byte length. */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } | null {
	const first = bytes[at];
	if (first === undefined || first === 0) return null;
	const length = Math.clz32(first) - 23;
	if (length > 8 || at + length > bytes.length) return null;
	let value = keepMarker ? first : first & (0xff >> length);
	let allOnes = value === 0xff >> length;
	for (let i = 1; i < length; i++) {
		value = value * 256 + bytes[at + i]!;
		allOnes &&= bytes[at + i] === 0xff;
	}
	return { value, length, unknown: !keepMarker && allOnes };
}

function unsigned(bytes: Uint8Array, at: number, size: number): number {
	let value = 0;
	for (let i = 0; i < size; i++) value = value * 256 + bytes[at + i]!;
	return value;
}

function webmDurationMs(bytes: Uint8Array): number | null {
	let nanosPerTick = 1_000_000;
	let declaredTicks: number | null = null;
	let clusterTicks = 0;
	let lastTicks = -1;
	let at = 0;
	while (at < bytes.length) {
		const id = vint(bytes, at, true);
		const size = id && vint(bytes, at + id.length, false);
		if (!id || !size) break;
		const body = at + id.length + size.length;
		if (containers.has(id.value)) {
			at = body;
			continue;
		}
		const end = body + size.value;
		if (size.unknown || end > bytes.length) break;
		const view = new DataView(bytes.buffer, bytes.byteOffset + body, size.value);
		if (id.value === TIMECODE_SCALE) nanosPerTick = unsigned(bytes, body, size.value);
		else if (id.value === DURATION && (size.value === 4 || size.value === 8))
			declaredTicks = size.value === 4 ? view.getFloat32(0) : view.getFloat64(0);
		else if (id.value === CLUSTER_TIMECODE) clusterTicks = unsigned(bytes, body, size.value);
		else if (id.value === SIMPLE_BLOCK || id.value === BLOCK) {
			const track = vint(bytes, body, false);
			if (track && track.length + 2 <= size.value) lastTicks = Math.max(lastTicks, clusterTicks + view.getInt16(track.length));
		}
		at = end;
	}
	const ticks = Math.max(lastTicks, declaredTicks ?? -1);
	return ticks >= 0 && nanosPerTick > 0 ? (ticks * nanosPerTick) / 1e6 : null;
}

function oggDurationMs(bytes: Uint8Array): number | null {
	const isPage = (at: number) => bytes[at] === 0x4f && bytes[at + 1] === 0x67 && bytes[at + 2] === 0x67 && bytes[at + 3] === 0x53 && bytes[at + 4] === 0;
	if (!isPage(0) || bytes.length < 28) return null;
	const packet = 27 + bytes[26]!;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const text = (at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
	let rate: number;
	let preSkip = 0;
	if (text(packet, 8) === 'OpusHead' && packet + 12 <= bytes.length) {
		rate = 48_000; // Opus granules always count 48 kHz samples
		preSkip = view.getUint16(packet + 10, true);
	} else if (bytes[packet] === 1 && text(packet + 1, 6) === 'vorbis' && packet + 16 <= bytes.length) {
		rate = view.getUint32(packet + 12, true);
	} else return null;
	if (rate === 0) return null;
	// The last page with a granule position (-1 means no packet ends on that page).
	for (let at = bytes.length - 27; at >= 0; at--) {
		if (!isPage(at)) continue;
		const granule = view.getBigInt64(at + 6, true);
		if (granule >= 0n) return (Math.max(0, Number(granule) - preSkip) / rate) * 1000;
	}
	return null;
}
