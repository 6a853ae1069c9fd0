import { asService } from '../db/service';
import type { Sql } from '../db/types';
import { createUser } from '../auth/users';
import { parseIdentifier } from '$lib/auth/identifier';
import { demoCenter, DEMO_PASSWORD, type DemoPerson } from './data';

export interface DemoAccounts {
	created: boolean;
	password: string;
	staff: { role: string; login: string }[];
	cohorts: { name: string; inviteCode: string; trainees: string[] }[];
}

async function person(sql: Sql, who: DemoPerson): Promise<string> {
	const identifier = parseIdentifier(who.login);
	if (!identifier) throw new Error(`demo login is not an e-mail or phone: ${who.login}`);
	const user = await createUser(sql, { identifier, password: DEMO_PASSWORD, displayName: who.name });
	return user.id;
}

function daysFromNow(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Makes LPK Demo Borneo once; later starts find it and change nothing. */
export async function seedDemo(): Promise<DemoAccounts> {
	const accounts: DemoAccounts = {
		created: false,
		password: DEMO_PASSWORD,
		staff: demoCenter.staff.map((s) => ({ role: s.role, login: s.login })),
		cohorts: demoCenter.cohorts.map((c) => ({ name: c.name, inviteCode: c.inviteCode, trainees: c.trainees.map((t) => t.login) }))
	};
	await asService(async (sql) => {
		const existing = await sql.query('select 1 from public.training_centers where name = $1', [demoCenter.name]);
		if (existing.length > 0) return;
		accounts.created = true;
		const [center] = await sql.query<{ id: string }>(
			'insert into public.training_centers (name, province) values ($1, $2) returning id',
			[demoCenter.name, demoCenter.province]
		);
		const staffIds: Record<string, string> = {};
		for (const member of demoCenter.staff) {
			const id = await person(sql, member);
			staffIds[member.role] = id;
			if (member.role === 'ministry_viewer') {
				await sql.query('insert into public.ministry_viewers (user_id) values ($1)', [id]);
			} else {
				await sql.query('insert into public.center_memberships (center_id, user_id, role) values ($1, $2, $3)', [
					center!.id,
					id,
					member.role
				]);
			}
		}
		for (const cohort of demoCenter.cohorts) {
			const [row] = await sql.query<{ id: string }>(
				`insert into public.cohorts (center_id, name, sector, target_exam, departure_date, destination_prefecture, invite_code)
				 values ($1, $2, $3, $4, $5, $6, $7) returning id`,
				[center!.id, cohort.name, cohort.sector, cohort.targetExam, daysFromNow(cohort.departsInDays), cohort.prefecture, cohort.inviteCode]
			);
			await sql.query('insert into public.cohort_instructors (cohort_id, user_id) values ($1, $2)', [row!.id, staffIds.instructor]);
			for (const trainee of cohort.trainees) {
				const id = await person(sql, trainee);
				await sql.query(`insert into public.center_memberships (center_id, user_id, role) values ($1, $2, 'trainee')`, [center!.id, id]);
				await sql.query('insert into public.cohort_members (cohort_id, user_id) values ($1, $2)', [row!.id, id]);
			}
		}
	});
	return accounts;
}

export function printDemoAccounts(demo: DemoAccounts): void {
	const lines = [
		'',
		`Hashi demo center "${demoCenter.name}" ${demo.created ? 'created' : 'ready'}. Demo accounts (password: ${demo.password}):`,
		...demo.staff.map((s) => `  ${s.role.padEnd(16)} ${s.login}`),
		...demo.cohorts.flatMap((c) => [
			`  cohort "${c.name}", invite code ${c.inviteCode}:`,
			...c.trainees.map((login) => `    trainee        ${login}`)
		]),
		''
	];
	console.log(lines.join('\n'));
}
