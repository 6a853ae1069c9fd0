import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from './engines';
import type { Engine } from '../../src/lib/server/db/types';
import * as users from '../../src/lib/server/auth/users';
import * as cohortInvites from '../../src/lib/server/auth/cohort-invites';
import { MAX_FAILURES, recordFailure, secondsUntilAllowed } from '../../src/lib/server/auth/rate-limit';

const phone = (digits: string) => ({ kind: 'phone' as const, value: digits });
const email = (address: string) => ({ kind: 'email' as const, value: address });

describe.each(testEngines)('local accounts on $name', (testEngine) => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await testEngine.open();
		await engine.transaction(async (sql) => {
			const [center] = await sql.query<{ id: string }>(
				`insert into training_centers (name, province) values ('LPK Uji', 'Lampung') returning id`
			);
			await sql.query(
				`insert into cohorts (center_id, name, sector, target_exam, destination_prefecture, invite_code, invite_expires_at)
				 values ($1, 'Open', 'caregiving', 'jft_basic', 'Kagawa', 'OPEN2027', null),
				        ($1, 'Expired', 'caregiving', 'jft_basic', 'Kagawa', 'OLD2020X', now() - interval '1 day')`,
				[center!.id]
			);
		});
	});
	afterAll(() => testEngine.dispose(engine));

	it('stores a user as GoTrue does: bcrypt hash, empty token columns, a profile from the trigger', async () => {
		const row = await engine.transaction(async (sql) => {
			const user = await users.createUser(sql, { identifier: phone('6281100000901'), password: 'rahasia-sekali', displayName: 'Siti' });
			const [stored] = await sql.query<Record<string, unknown>>(
				`select u.encrypted_password, u.confirmation_token, u.recovery_token, u.email_change_token_new, u.email_change,
					u.phone, p.display_name, p.phone as profile_phone, p.locale
				 from auth.users u join profiles p on p.id = u.id where u.id = $1`,
				[user.id]
			);
			return stored!;
		});
		expect(row.encrypted_password).toMatch(/^\$2[ab]\$10\$/);
		expect([row.confirmation_token, row.recovery_token, row.email_change_token_new, row.email_change]).toEqual(['', '', '', '']);
		expect(row).toMatchObject({ phone: '6281100000901', display_name: 'Siti', profile_phone: '6281100000901', locale: 'id' });
	});

	it('keeps the privacy notice version agreed to with the new account, in the language it was read in', async () => {
		const agreements = await engine.transaction(async (sql) => {
			const user = await users.createUser(sql, { identifier: phone('6281100000981'), password: 'rahasia-sekali', displayName: 'Ayu', locale: 'en', privacyNotice: '2026-11-24' });
			return sql.query<{ notice_version: string; locale: string }>('select notice_version, locale from privacy_agreements where user_id = $1', [user.id]);
		});
		expect(agreements).toEqual([{ notice_version: '2026-11-24', locale: 'en' }]);
	});

	it('accepts the right password only, and answers an unknown account the same way as a wrong password', async () => {
		await engine.transaction((sql) =>
			users.createUser(sql, { identifier: email('dewi@example.id'), password: 'kata-sandi-1', displayName: 'Dewi' })
		);
		await engine.transaction(async (sql) => {
			expect(await users.checkPassword(sql, email('dewi@example.id'), 'kata-sandi-1')).toMatchObject({ email: 'dewi@example.id' });
			expect(await users.checkPassword(sql, email('dewi@example.id'), 'kata-sandi-2')).toBeNull();
			expect(await users.checkPassword(sql, email('nobody@example.id'), 'kata-sandi-1')).toBeNull();
		});
	});

	it('joins a cohort by invite code, and a bad code leaves nothing behind', async () => {
		const joined = await engine.transaction(async (sql) => {
			const user = await users.createUser(sql, { identifier: phone('6281100000902'), password: 'rahasia-sekali', displayName: 'Nur' });
			await cohortInvites.joinAs(sql, user.id, 'OPEN2027');
			return sql.query<{ name: string }>(
				'select c.name from cohort_members m join cohorts c on c.id = m.cohort_id where m.user_id = $1',
				[user.id]
			);
		});
		expect(joined).toEqual([{ name: 'Open' }]);

		await expect(
			engine.transaction(async (sql) => {
				const user = await users.createUser(sql, { identifier: phone('6281100000903'), password: 'rahasia-sekali', displayName: 'Ayu' });
				await cohortInvites.joinAs(sql, user.id, 'OLD2020X');
			})
		).rejects.toThrow(/invite_invalid/);
		const left = await engine.transaction((sql) => sql.query(`select 1 from auth.users where phone = '6281100000903'`));
		expect(left).toEqual([]);
		expect(await engine.transaction((sql) => cohortInvites.findOpenCohort(sql, 'OLD2020X'))).toBeNull();
	});

	it('closes sign-in after five failures a minute, per account and per address', async () => {
		await engine.transaction(async (sql) => {
			for (let i = 0; i < MAX_FAILURES - 1; i++) await recordFailure(sql, 'email:a@example.id', '10.0.0.1');
			expect(await secondsUntilAllowed(sql, 'email:a@example.id', '10.0.0.1')).toBe(0);
			await recordFailure(sql, 'email:a@example.id', '10.0.0.1');
			const wait = await secondsUntilAllowed(sql, 'email:a@example.id', '10.0.0.1');
			expect(wait).toBeGreaterThan(0);
			expect(wait).toBeLessThanOrEqual(60);
			// The same account from elsewhere, and anyone from that address, wait too.
			expect(await secondsUntilAllowed(sql, 'email:a@example.id', '10.0.0.2')).toBeGreaterThan(0);
			expect(await secondsUntilAllowed(sql, 'email:b@example.id', '10.0.0.1')).toBeGreaterThan(0);
			expect(await secondsUntilAllowed(sql, 'email:b@example.id', '10.0.0.2')).toBe(0);
		});
	});

	it('ends a session on sign-out and other sessions on password change', async () => {
		await engine.transaction(async (sql) => {
			const user = await users.createUser(sql, { identifier: phone('6281100000904'), password: 'rahasia-sekali', displayName: 'Putri' });
			const phoneSession = await users.startSession(sql, user.id, 'Android', '10.0.0.3');
			const laptopSession = await users.startSession(sql, user.id, 'Firefox', null);
			expect(await users.resumeSession(sql, user.id, phoneSession)).toMatchObject({ id: user.id });
			await users.setPassword(sql, user.id, 'kata-sandi-baru');
			await users.endOtherSessions(sql, user.id, laptopSession);
			expect(await users.resumeSession(sql, user.id, phoneSession)).toBeNull();
			expect(await users.resumeSession(sql, user.id, laptopSession)).not.toBeNull();
			await users.endSession(sql, laptopSession);
			expect(await users.resumeSession(sql, user.id, laptopSession)).toBeNull();
			expect(await users.checkPassword(sql, phone('6281100000904'), 'kata-sandi-baru')).not.toBeNull();
		});
	});
});
