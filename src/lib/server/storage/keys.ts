import { randomUUID } from 'node:crypto';

// "<user id>/<uuid>.<ext>": what the migration's check on work_submissions.audio_key accepts, and nothing else.
const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}\.(webm|ogg|m4a)$/;

export function isRecordingKey(key: string): boolean {
	return KEY.test(key);
}

/** A fresh key for a person's recording. Made here from ids, never from a name or path someone sent. */
export function newRecordingKey(userId: string, extension: 'webm' | 'ogg' | 'm4a'): string {
	const key = `${userId}/${randomUUID()}.${extension}`;
	if (!isRecordingKey(key)) throw new Error('not a user id');
	return key;
}
