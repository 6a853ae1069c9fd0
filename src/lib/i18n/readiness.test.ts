import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReasonCode } from '$lib/readiness';

// Every code of the Reason union; `satisfies` fails the type check when a code is added or renamed.
const CODES = {
	no_mock_test: true,
	no_recent_mock_test: true,
	mock_test_pass_chance_low: true,
	mock_test_pass_chance_good: true,
	projected_recall_low: true,
	projected_recall_good: true,
	core_deck_empty: true,
	protection_lessons_missing: true,
	protection_lessons_complete: true,
	culture_lessons_missing: true,
	culture_lessons_complete: true,
	lessons_unavailable: true,
	inactive: true,
	active: true,
	score_low: true,
	departure_soon: true,
	departure_passed: true,
	departure_unset: true
} satisfies Record<ReasonCode, true>;

describe('readiness reason messages', () => {
	it.each(['id', 'en', 'ja'])('every reason code has a message in %s', (locale) => {
		const messages = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
		for (const code of Object.keys(CODES)) expect(messages[`readiness_reason_${code}`]?.trim(), `${locale}: ${code}`).toBeTruthy();
	});
});
