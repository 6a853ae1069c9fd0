// Abuse, over plain HTTP against the production server (its own, on PGlite in a temporary DATA_DIR): every form
// action and every JSON, CSV and file endpoint gets malformed, oversized, wrong-typed and cross-user input
// (fast-check, fixed seed) and must answer 4xx with a message — never a 500, never a success — and no row of
// any table may change (the whole database is compared before and after, read directly while the server is
// stopped). Also: cross-origin form posts are refused (CSRF), session cookies are httpOnly/SameSite=Lax and
// Secure over https, and pages and API answers carry the security headers.
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DEMO, newName, newPhone } from './support/app';
import { ANONYMOUS, cookiesOf, differences, encodeForm, outcomeOf, snapshot, type Form, type FormValue, type Outcome, type Person } from './support/abuse';
import { expect, test } from './support/fixtures';
import { freePort, ROOT, startServer, type RunningServer } from './support/server';

const SEED = 20261125;
const RUNS = Number(process.env.ABUSE_RUNS || 24);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PRIVACY_NOTICE_VERSION = '2026-11-24'; // src/lib/privacy/notice.ts
// Tables the abuse may change by design: failed sign-ins are counted (the rate limit), and the ministry's
// readiness job refreshes its figures on a timer of its own.
const MAY_CHANGE = ['private.sign_in_failures', 'public.ministry_cohort_readiness', 'private.ministry_seen'];

type Actor = 'anonymous' | 'traineeA' | 'traineeB' | 'instructor' | 'admin' | 'ministry';

/** One request of the abuse: a form action (as a browser without JavaScript or as enhance sends it) or an API call. */
interface Request {
	who: Actor;
	method: 'GET' | 'POST';
	path: string;
	form?: Form;
	multipart?: boolean;
	/** The body as sent, with its content type (JSON endpoints, or a form action fed JSON). */
	raw?: { body: string | Uint8Array; type: string };
	/** A form action (answered as SvelteKit's enhance expects, unless html). */
	action?: boolean;
	/** Form actions: answer as HTML (no JavaScript) rather than JSON (enhance). */
	html?: boolean;
	/** Headers that replace the usual ones (origin, forwarded protocol). */
	headers?: Record<string, string>;
}

interface Target {
	/** The route file under src/routes and the action ("default" for a page's only one) or the HTTP method. */
	route: string;
	cases: fc.Arbitrary<Request>;
}

const world = {
	url: '',
	people: {} as Record<Actor, Person>,
	phoneA: '',
	kagawa: '',
	kumamoto: '',
	traineeAId: '',
	assignment: '',
	submission: '',
	attempt: ''
};

// ---- input generators ---------------------------------------------------------------------------------------
const WEIRD = ['', ' ', '\t\n', 'null', 'undefined', 'NaN', 'Infinity', '-1', '1e309', '0x10', '[]', '{}', 'true', "' or 1=1 --", '<script>alert(1)</script>', '../../etc/passwd', '%00', '\u202e', '\ud800', '😀'.repeat(3)];
const weird = fc.constantFrom(...WEIRD);
const withNul = fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`);
/** Text that is valid in every other way but holds a NUL, which PostgreSQL cannot store. */
const nulIn = (text: string) => fc.integer({ min: 0, max: text.length }).map((i) => `${text.slice(0, i)}\u0000${text.slice(i)}`);
const oversized = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.constantFrom('x', 'あ', '9')).map(([n, c]) => c.repeat(n * 40_000));
const junk: fc.Arbitrary<string> = fc.oneof(
	{ weight: 3, arbitrary: weird },
	{ weight: 3, arbitrary: fc.string({ maxLength: 60 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{ weight: 2, arbitrary: withNul },
	{ weight: 1, arbitrary: oversized }
);
const file = fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ file: bytes, name: 'x.bin', type: 'application/octet-stream' }));
/** Anything a form field may carry: text, a file where text belongs, nothing at all, or the field twice. */
const value: fc.Arbitrary<FormValue> = fc.oneof(
	{ weight: 6, arbitrary: junk },
	{ weight: 1, arbitrary: file },
	{ weight: 1, arbitrary: fc.constant(undefined) },
	{ weight: 1, arbitrary: fc.array(junk, { minLength: 2, maxLength: 3 }) }
);
const first = (v: FormValue) => (Array.isArray(v) ? v[0] : v);
const notUuid = value.filter((v) => !(typeof first(v) === 'string' && UUID.test(String(first(v)))));
/** A number field's value the server must refuse: missing, empty, a file, text, or outside min..max. */
const badInt = (min: number, max: number) =>
	fc.oneof(value, fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String), fc.double().map(String)).filter((v) => {
		const s = first(v);
		if (typeof s !== 'string' || s.trim() === '') return true;
		const n = Number(s);
		return !(Number.isInteger(n) && n >= min && n <= max);
	});
const uuid = fc.uuid();
const who = (...actors: Actor[]) => fc.constantFrom(...actors);
const html = fc.boolean();
const nonStaff = who('anonymous', 'traineeA', 'traineeB', 'ministry');
const nonTrainee = who('anonymous', 'instructor', 'admin', 'ministry');
const nonAdmin = who('anonymous', 'traineeA', 'instructor', 'ministry');
const futureDate = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
const validCohortForm = { name: 'Abuse Cohort', sector: 'caregiving', targetExam: 'jlpt_n5', departureDate: '2027-06-01', destinationPrefecture: 'Kagawa', desiredRetention: '0.9', newCardsPerDay: '10' };
const validWorkTask = { kind: 'work_task', mode: 'written', title: 'Laporan', instructions: 'Tulis laporan singkat.', dueDate: futureDate, tz: '420' };

/** A form action: the form as generated, sent as HTML or JSON at random. */
function action(path: fc.Arbitrary<string>, actors: fc.Arbitrary<Actor>, form: fc.Arbitrary<Form>): fc.Arbitrary<Request> {
	return fc.record({ who: actors, path, form, html, multipart: fc.boolean() }).map((r) => ({ ...r, method: 'POST' as const, action: true }));
}
const fixed = <T,>(v: T) => fc.constant(v);
/** A path segment from any text (lone surrogates made well-formed, as a browser would send them). */
const enc = (s: string) => encodeURIComponent(s.toWellFormed());
const anyForm = fc.dictionary(fc.constantFrom('id', 'name', 'value', 'email', 'x'), value, { maxKeys: 3 });

// ---- every form action and endpoint, with what makes each request wrong ---------------------------------------
function targets(): Target[] {
	const w = world;
	const cohort = (suffix: string) => fc.oneof(fixed(`/instructor/cohorts/${w.kagawa}${suffix}`), uuid.map((id) => `/instructor/cohorts/${id}${suffix}`), junk.filter((s) => s.length < 200 && !s.includes('/')).map((s) => `/instructor/cohorts/${enc(s)}${suffix}`));
	const ownCohort = (suffix: string) => fixed(`/instructor/cohorts/${w.kagawa}${suffix}`);
	const otherCohort = (suffix: string) => uuid.map((id) => `/instructor/cohorts/${id}${suffix}`);
	return [
		{
			route: '(auth)/signin#default',
			cases: action(fixed('/signin'), who('anonymous'), fc.oneof(
				fc.record({ identifier: value, password: value }),
				fc.record({ identifier: fixed(DEMO.instructor), password: fc.oneof(junk.filter((p) => p !== DEMO.password), nulIn(DEMO.password)) }),
				fc.record({ identifier: nulIn(DEMO.instructor), password: fixed(DEMO.password) })
			))
		},
		{
			// Signing out needs nothing; what it must refuse is a post from another site or not as a form.
			route: '(auth)/signout#default',
			cases: fc.record({ who: who('traineeA', 'instructor'), body: junk }).map((r) => ({ who: r.who, method: 'POST' as const, path: '/signout', raw: { body: JSON.stringify({ x: r.body }), type: 'application/json' } }))
		},
		{
			route: '(auth)/signup#default',
			cases: action(fixed('/signup'), who('anonymous'), fc.oneof(
				fc.record({ inviteCode: value, displayName: value, identifier: value, password: value, privacyNotice: value.filter((v) => first(v) !== PRIVACY_NOTICE_VERSION) }),
				// A well-formed code no cohort has.
				fc.record({ inviteCode: fc.stringMatching(/^ZQ[0-9]{6}$/), displayName: fixed('Budi'), identifier: fc.constant(null).map(() => newPhone()), password: fixed('kuat-sekali-2027'), privacyNotice: fixed(PRIVACY_NOTICE_VERSION) }),
				// Someone else's phone number.
				fc.record({ inviteCode: fixed(DEMO.kagawa.inviteCode), displayName: fixed('Budi'), identifier: fixed(w.phoneA), password: fixed('kuat-sekali-2027'), privacyNotice: fixed(PRIVACY_NOTICE_VERSION) }),
				fc.record({ inviteCode: fixed(DEMO.kagawa.inviteCode), displayName: nulIn('Budi Santoso'), identifier: fc.constant(null).map(() => newPhone()), password: fixed('kuat-sekali-2027'), privacyNotice: fixed(PRIVACY_NOTICE_VERSION) }),
				fc.record({ inviteCode: fixed(DEMO.kagawa.inviteCode), displayName: fixed('Budi'), identifier: nulIn('budi@example.com'), password: fixed('kuat-sekali-2027'), privacyNotice: fixed(PRIVACY_NOTICE_VERSION) }),
				fc.record({ inviteCode: fixed(DEMO.kagawa.inviteCode), displayName: fixed('Budi'), identifier: fc.constant(null).map(() => newPhone()), password: fc.oneof(nulIn('kuat-sekali-2027'), fc.string({ maxLength: 7 }), fc.string({ minLength: 73, maxLength: 200 })), privacyNotice: fixed(PRIVACY_NOTICE_VERSION) })
			))
		},
		{
			route: '(instructor)/instructor/center#add',
			cases: fc.oneof(
				action(fixed('/instructor/center?/add'), nonAdmin, fc.record({ email: fixed('neu@example.com') })),
				action(fixed('/instructor/center?/add'), who('admin'), fc.record({ email: fc.oneof(value.filter((v) => !String(first(v) ?? '').includes('@')), nulIn('guru.baru@example.com')) })),
				action(uuid.map((id) => `/instructor/center?center=${id}&/add`), who('admin'), fc.record({ email: fixed('neu@example.com') }))
			)
		},
		{
			route: '(instructor)/instructor/center#remove',
			cases: fc.oneof(
				action(fixed('/instructor/center?/remove'), nonAdmin, fc.record({ instructor: uuid, confirm: fixed('yes') })),
				action(fixed('/instructor/center?/remove'), who('admin'), fc.record({ instructor: notUuid, confirm: value })),
				action(fixed('/instructor/center?/remove'), who('admin'), fc.record({ instructor: uuid, confirm: fixed('yes') }))
			)
		},
		{
			route: '(instructor)/instructor/center#withdraw',
			cases: fc.oneof(
				action(fixed('/instructor/center?/withdraw'), nonAdmin, fc.record({ invitation: uuid })),
				action(fixed('/instructor/center?/withdraw'), who('admin'), fc.record({ invitation: fc.oneof(notUuid, uuid) }))
			)
		},
		{
			route: '(instructor)/instructor/center/privacy#retention',
			cases: fc.oneof(
				action(fixed('/instructor/center/privacy?/retention'), nonAdmin, fc.record({ months: fixed('12') })),
				action(fixed('/instructor/center/privacy?/retention'), who('admin'), fc.record({ months: badInt(0, 60) }))
			)
		},
		{
			route: '(instructor)/instructor/center/privacy#confirm',
			cases: fc.oneof(
				action(fixed('/instructor/center/privacy?/confirm'), nonAdmin, fc.record({ person: uuid, confirm: fixed('yes') })),
				action(fixed('/instructor/center/privacy?/confirm'), who('admin'), fc.record({ person: notUuid, confirm: value })),
				action(fixed('/instructor/center/privacy?/confirm'), who('admin'), fc.record({ person: fc.oneof(uuid, fixed(w.traineeAId)), confirm: fixed('yes') }))
			)
		},
		{
			route: '(instructor)/instructor/cohorts/[id]#assign',
			cases: fc.oneof(
				action(ownCohort('?/assign'), nonStaff, fc.record({ test: fixed('jlpt_n5'), opensAt: fixed(`${futureDate}T08:00`), closesAt: fixed(`${futureDate}T10:00`) })),
				action(cohort('?/assign'), who('instructor', 'admin'), fc.record({ test: value, opensAt: value, closesAt: value, tz: value })),
				action(ownCohort('?/assign'), who('instructor'), fc.record({ test: fixed('jlpt_n5'), opensAt: fixed(`${futureDate}T10:00`), closesAt: fixed(`${futureDate}T08:00`) })),
				action(otherCohort('?/assign'), who('instructor', 'admin'), fc.record({ test: fixed('jlpt_n5'), opensAt: fixed(`${futureDate}T08:00`), closesAt: fixed(`${futureDate}T10:00`) }))
			)
		},
		{
			route: '(instructor)/instructor/cohorts/[id]#withdraw',
			cases: fc.oneof(
				action(ownCohort('?/withdraw'), nonStaff, fc.record({ assignment: uuid })),
				action(cohort('?/withdraw'), who('instructor', 'admin'), fc.record({ assignment: fc.oneof(notUuid, uuid) }))
			)
		},
		{
			route: '(instructor)/instructor/cohorts/[id]#assignLesson',
			cases: fc.oneof(
				action(ownCohort('?/assignLesson'), nonStaff, fc.record({ kind: fixed('study_target'), trackId: fixed('core'), targetReviews: fixed('50'), dueDate: fixed(futureDate) })),
				action(cohort('?/assignLesson'), who('instructor', 'admin'), fc.record({ kind: fc.oneof(value, fc.constantFrom('lesson', 'study_target', 'work_task')), lessonId: value, trackId: value, scene: value, targetReviews: badInt(1, 5000), dueDate: value, tz: value })),
				action(ownCohort('?/assignLesson'), who('instructor'), fc.oneof(nulIn('cg-l-body-upper').map((lessonId) => ({ kind: 'lesson', lessonId, dueDate: futureDate })), nulIn('caregiving').map((trackId) => ({ kind: 'study_target', trackId, targetReviews: '50', dueDate: futureDate })))),
				action(otherCohort('?/assignLesson'), who('instructor'), fc.record({ kind: fixed('study_target'), trackId: fixed('core'), targetReviews: fixed('50'), dueDate: fixed(futureDate) })),
				action(ownCohort('?/assignLesson'), who('instructor'), fc.record({ kind: fixed('lesson'), lessonId: junk.filter((s) => s.length > 0 && s.length <= 120), dueDate: fixed(futureDate) }))
			)
		},
		{
			route: '(instructor)/instructor/cohorts/[id]#assignWorkTask',
			cases: fc.oneof(
				action(ownCohort('?/assignWorkTask'), nonStaff, fixed(validWorkTask)),
				action(cohort('?/assignWorkTask'), who('instructor', 'admin'), fc.record({ kind: fixed('work_task'), mode: value, title: value, instructions: value, dueDate: value, tz: value }).filter((f) => !['written', 'spoken'].includes(String(first(f.mode))))),
				action(ownCohort('?/assignWorkTask'), who('instructor'), fc.record({ ...Object.fromEntries(Object.entries(validWorkTask).map(([k, v]) => [k, fixed(v)])), title: fc.oneof(fixed(''), fixed('   '), fc.string({ minLength: 121, maxLength: 400 }).filter((s) => s.trim().length > 120)) })),
				action(otherCohort('?/assignWorkTask'), who('instructor', 'admin'), fixed(validWorkTask)),
				action(ownCohort('?/assignWorkTask'), who('instructor'), fc.oneof(nulIn(validWorkTask.title).map((title) => ({ ...validWorkTask, title })), nulIn(validWorkTask.instructions).map((instructions) => ({ ...validWorkTask, instructions }))))
			)
		},
		{
			route: '(instructor)/instructor/cohorts/[id]#withdrawAssignment',
			cases: fc.oneof(
				action(ownCohort('?/withdrawAssignment'), nonStaff, fc.record({ assignment: fixed(w.assignment) })),
				action(cohort('?/withdrawAssignment'), who('instructor', 'admin'), fc.record({ assignment: fc.oneof(notUuid, uuid) }))
			)
		},
		{
			route: '(instructor)/instructor/cohorts/[id]/edit#save',
			cases: fc.oneof(
				action(ownCohort('/edit?/save'), nonStaff, fixed(validCohortForm)),
				action(otherCohort('/edit?/save'), who('instructor', 'admin'), fixed(validCohortForm)),
				action(ownCohort('/edit?/save'), who('instructor', 'admin'), fc.oneof(nulIn(validCohortForm.name).map((name) => ({ ...validCohortForm, name })), nulIn(validCohortForm.destinationPrefecture).map((destinationPrefecture) => ({ ...validCohortForm, destinationPrefecture })))),
				action(cohort('/edit?/save'), who('instructor', 'admin'), fc.record({ name: value.filter((v) => { const s = String(first(v) ?? '').trim(); return s.length < 2 || s.length > 120 || typeof first(v) !== 'string'; }), sector: value, targetExam: value, departureDate: value, destinationPrefecture: value, desiredRetention: value, newCardsPerDay: value }))
			)
		},
		{
			route: '(instructor)/instructor/cohorts/[id]/edit#regenerate',
			cases: fc.oneof(
				action(ownCohort('/edit?/regenerate'), nonStaff, fixed({ confirm: 'yes' })),
				action(cohort('/edit?/regenerate'), who('instructor', 'admin'), fc.record({ confirm: value.filter((v) => first(v) !== 'yes') })),
				action(otherCohort('/edit?/regenerate'), who('instructor', 'admin'), fixed({ confirm: 'yes' }))
			)
		},
		...(['addInstructor', 'removeInstructor'] as const).map((name) => ({
			route: `(instructor)/instructor/cohorts/[id]/edit#${name}`,
			cases: fc.oneof(
				action(ownCohort(`/edit?/${name}`), nonStaff, fc.record({ instructor: uuid })),
				action(cohort(`/edit?/${name}`), who('instructor', 'admin'), fc.record({ instructor: fc.oneof(notUuid, uuid) }))
			)
		})),
		{
			route: '(instructor)/instructor/cohorts/[id]/import#preview',
			cases: fc.oneof(
				action(ownCohort('/import?/preview'), nonStaff, fixed({ roster: { file: new TextEncoder().encode('name,phone\nBudi,081234567890\n'), name: 'r.csv', type: 'text/csv' } })),
				action(cohort('/import?/preview'), who('instructor', 'admin'), fc.record({ roster: fc.oneof(junk, fc.constant(undefined), fc.constant({ file: new Uint8Array(0), name: 'empty.csv', type: 'text/csv' }), fc.constant({ file: new Uint8Array(1_000_001).fill(65), name: 'big.csv', type: 'text/csv' })) }))
			)
		},
		{
			route: '(instructor)/instructor/cohorts/[id]/import#import',
			cases: fc.oneof(
				action(ownCohort('/import?/import'), nonStaff, fixed({ csv: 'name,phone\nBudi,081234567890\n' })),
				action(otherCohort('/import?/import'), who('instructor', 'admin'), fixed({ csv: 'name,phone\nBudi,081234567890\n' })),
				action(ownCohort('/import?/import'), who('instructor', 'admin'), fc.record({ csv: fc.oneof(file, fc.constant(undefined), fixed(''), fixed('x'.repeat(2_000_001)), withNul, weird, nulIn('name,phone\nBudi,081234567890\n')) }))
			)
		},
		{
			route: '(instructor)/instructor/cohorts/[id]/roster#addBack',
			cases: fc.oneof(
				action(ownCohort('/roster?/addBack'), nonStaff, fc.record({ trainee: uuid })),
				action(cohort('/roster?/addBack'), who('instructor', 'admin'), fc.record({ trainee: fc.oneof(notUuid, uuid, fixed(w.traineeAId)) }))
			)
		},
		{
			route: '(instructor)/instructor/cohorts/[id]/roster/[trainee]#status',
			cases: fc.oneof(
				action(fixed(`/instructor/cohorts/${w.kagawa}/roster/${w.traineeAId}?/status`), nonStaff, fixed({ status: 'ready' })),
				action(uuid.map((id) => `/instructor/cohorts/${w.kagawa}/roster/${id}?/status`), who('instructor', 'admin'), fixed({ status: 'ready' })),
				action(fixed(`/instructor/cohorts/${w.kumamoto}/roster/${w.traineeAId}?/status`), who('instructor', 'admin'), fixed({ status: 'ready' })),
				action(fixed(`/instructor/cohorts/${w.kagawa}/roster/${w.traineeAId}?/status`), who('instructor', 'admin'), fc.oneof(
					fc.record({ status: value.filter((v) => !['in_training', 'ready', 'departed', 'withdrawn'].includes(String(first(v)))), departedOn: value }),
					fc.record({ status: fixed('departed'), departedOn: fc.oneof(value, fixed('1999-01-01'), fixed('2200-01-01'), fixed('2027-02-30')).filter((v) => !/^\d{4}-\d{2}-\d{2}$/.test(String(first(v)).trim()) || ['1999-01-01', '2200-01-01', '2027-02-30'].includes(String(first(v)))) })
				))
			)
		},
		{
			route: '(instructor)/instructor/cohorts/[id]/roster/[trainee]#move',
			cases: fc.oneof(
				action(fixed(`/instructor/cohorts/${w.kagawa}/roster/${w.traineeAId}?/move`), nonStaff, fixed({ target: w.kumamoto })),
				action(fixed(`/instructor/cohorts/${w.kagawa}/roster/${w.traineeAId}?/move`), who('instructor', 'admin'), fc.record({ target: fc.oneof(notUuid, uuid, fixed(w.kagawa)) }))
			)
		},
		{
			route: '(instructor)/instructor/cohorts/[id]/roster/[trainee]#remove',
			cases: fc.oneof(
				action(fixed(`/instructor/cohorts/${w.kagawa}/roster/${w.traineeAId}?/remove`), nonStaff, fixed({ confirm: 'yes' })),
				action(uuid.map((id) => `/instructor/cohorts/${w.kagawa}/roster/${id}?/remove`), who('instructor', 'admin'), fixed({ confirm: 'yes' })),
				action(fc.oneof(uuid, junk.filter((s) => s.length < 100 && !s.includes('/'))).map((id) => `/instructor/cohorts/${enc(id)}/roster/${w.traineeAId}?/remove`), who('instructor', 'admin'), fixed({ confirm: 'yes' }))
			)
		},
		{
			route: '(instructor)/instructor/cohorts/[id]/work/[submission]#save',
			cases: fc.oneof(
				action(fixed(`/instructor/cohorts/${w.kagawa}/work/${w.submission}?/save`), nonStaff, fc.record({ score_task: fixed('3'), comment: fixed('bagus') })),
				action(uuid.map((id) => `/instructor/cohorts/${w.kagawa}/work/${id}?/save`), who('instructor', 'admin'), fc.record({ score_task: fixed('3'), comment: value })),
				action(fixed(`/instructor/cohorts/${w.kagawa}/work/${w.submission}?/save`), who('instructor', 'admin'), fc.record({ score_task: badInt(0, 4), score_language: badInt(0, 4), score_x: value, comment: value }))
			)
		},
		{
			route: '(instructor)/instructor/cohorts/new#save',
			cases: fc.oneof(
				action(fixed('/instructor/cohorts/new?/save'), nonStaff, fixed({ ...validCohortForm, centerId: '00000000-0000-4000-8000-000000000000' })),
				action(fixed('/instructor/cohorts/new?/save'), who('instructor', 'admin'), fc.record({ ...Object.fromEntries(Object.entries(validCohortForm).map(([k, v]) => [k, fixed(v)])), centerId: fc.oneof(notUuid, uuid) })),
				action(fixed('/instructor/cohorts/new?/save'), who('instructor', 'admin'), fc.record({ name: fc.oneof(fixed(''), fixed('x'), fc.string({ minLength: 121, maxLength: 300 })), sector: value, targetExam: value, departureDate: value, destinationPrefecture: value, desiredRetention: value, newCardsPerDay: value, centerId: value }))
			)
		},
		{
			route: '(trainee)/learn/lesson/[id]#complete',
			cases: fc.oneof(
				action(fixed('/learn/lesson/core-u01-l01?/complete'), nonTrainee, fixed({})),
				action(junk.filter((s) => s.length > 0 && s.length < 300).map((id) => `/learn/lesson/${enc(id)}?/complete`), who('traineeA', 'traineeB'), anyForm)
			)
		},
		{
			route: '(trainee)/tests#start',
			cases: fc.oneof(
				action(fixed('/tests?/start'), nonTrainee, fixed({ test: 'jlpt_n5' })),
				action(fixed('/tests?/start'), who('traineeA', 'traineeB'), fc.record({ test: value.filter((v) => !['jlpt_n5', 'jlpt_n4', 'jft_basic', 'caregiving_japanese'].includes(String(first(v)))), practice: value }))
			)
		},
		{
			route: '(trainee)/tests/[attempt]#submit',
			cases: fc.oneof(
				action(fixed(`/tests/${w.attempt}?/submit`), nonTrainee, fixed({ position: '0' })),
				action(fixed(`/tests/${w.attempt}?/submit`), who('traineeB'), fc.record({ position: fc.constantFrom('0', '1', '2') })),
				action(fc.oneof(uuid, junk.filter((s) => s.length > 0 && s.length < 200 && !s.includes('/'))).map((id) => `/tests/${enc(id)}?/submit`), who('traineeA', 'traineeB'), fc.record({ position: fc.constantFrom('0', '1') })),
				action(fixed(`/tests/${w.attempt}?/submit`), who('traineeA'), fc.record({ position: badInt(0, 10) }))
			)
		},
		{
			route: '(trainee)/today#limit',
			cases: fc.oneof(
				action(fixed('/today?/limit'), nonTrainee, fixed({ newCardsPerDay: '5' })),
				action(fixed('/today?/limit'), who('traineeA', 'traineeB'), fc.record({ newCardsPerDay: badInt(0, 100) }))
			)
		},
		{
			route: '(trainee)/work/[assignment]#submit',
			cases: fc.oneof(
				action(fixed(`/work/${w.assignment}?/submit`), fc.constantFrom<Actor>('anonymous', 'instructor', 'ministry', 'traineeB'), fixed({ body: 'Laporan saya.' })),
				action(fc.oneof(uuid, junk.filter((s) => s.length > 0 && s.length < 200 && !s.includes('/'))).map((id) => `/work/${enc(id)}?/submit`), who('traineeA'), fixed({ body: 'Laporan saya.' })),
				action(fixed(`/work/${w.assignment}?/submit`), who('traineeA'), fc.record({ body: fc.oneof(nulIn('Saya sudah membersihkan kamar.'), fixed(''), fixed(' \n '), fc.constant(undefined), file, fixed('x'.repeat(4001)), fc.string({ minLength: 4001, maxLength: 5000 }).filter((s) => s.trim().length > 4000)), audio: value, durationMs: value }))
			)
		},
		{
			route: 'account#profile',
			cases: fc.oneof(
				action(fixed('/account?/profile'), who('anonymous'), fixed({ displayName: 'Siapa' })),
				action(fixed('/account?/profile'), who('traineeA', 'traineeB', 'instructor', 'admin', 'ministry'), fc.record({ displayName: fc.oneof(nulIn('Budi Santoso'), value.filter((v) => { const s = first(v); return typeof s !== 'string' || s.trim().length === 0 || s.trim().length > 120; })) }))
			)
		},
		{
			route: 'account#password',
			cases: fc.oneof(
				action(fixed('/account?/password'), who('anonymous'), fixed({ currentPassword: 'x', newPassword: 'yyyyyyyy', confirmPassword: 'yyyyyyyy' })),
				action(fixed('/account?/password'), who('traineeA', 'instructor'), fc.record({ currentPassword: value, newPassword: value, confirmPassword: value })),
				action(fixed('/account?/password'), who('traineeB'), fc.record({ currentPassword: junk.filter((s) => s.length > 0 && s.length <= 200), newPassword: fixed('baru-sekali-2027'), confirmPassword: fixed('baru-sekali-2027') }))
			)
		},
		{
			route: 'account#requestDeletion',
			cases: fc.oneof(
				action(fixed('/account?/requestDeletion'), who('anonymous', 'instructor', 'admin', 'ministry'), fixed({ understood: 'yes' })),
				action(fixed('/account?/requestDeletion'), who('traineeA', 'traineeB'), fc.record({ understood: value.filter((v) => first(v) !== 'yes') }))
			)
		},
		{
			// Cancelling asks nothing; a post from another site or not as a form must still be refused.
			route: 'account#cancelDeletion',
			cases: fc.oneof(
				action(fixed('/account?/cancelDeletion'), who('anonymous'), anyForm),
				fc.record({ who: who('traineeA', 'traineeB'), body: junk }).map((r) => ({ who: r.who, method: 'POST' as const, path: '/account?/cancelDeletion', raw: { body: JSON.stringify({ x: r.body }), type: 'application/json' } }))
			)
		},
		{
			route: 'locale#default',
			cases: action(fixed('/locale'), who('anonymous', 'traineeA', 'instructor'), fc.record({ locale: value.filter((v) => !['id', 'en', 'ja'].includes(String(first(v)))), next: value }))
		},
		// ---- endpoints ----
		{
			route: '(instructor)/instructor/cohorts/[id]/dashboard/export/[table]#GET',
			cases: fc.oneof(
				fc.record({ who: nonStaff, path: fixed(`/instructor/cohorts/${w.kagawa}/dashboard/export/readiness`) }),
				fc.record({ who: who('instructor', 'admin'), path: fc.tuple(fc.oneof(uuid, junk.filter((s) => s.length > 0 && s.length < 100 && !s.includes('/'))), fc.oneof(fixed('readiness'), junk.filter((s) => s.length > 0 && s.length < 100 && !s.includes('/')))).map(([id, table]) => `/instructor/cohorts/${enc(id)}/dashboard/export/${enc(table)}`) }),
				fc.record({ who: who('instructor'), path: junk.filter((s) => s.length > 0 && s.length < 100 && !s.includes('/') && !['readiness', 'assignments', 'mondai', 'scenes', 'trend'].includes(s)).map((table) => `/instructor/cohorts/${w.kagawa}/dashboard/export/${enc(table)}`) })
			).map((r) => ({ ...r, method: 'GET' as const }))
		},
		{
			route: '(instructor)/instructor/cohorts/[id]/trainees/[user]/export/[table]#GET',
			cases: fc.oneof(
				fc.record({ who: nonStaff, path: fixed(`/instructor/cohorts/${w.kagawa}/trainees/${w.traineeAId}/export/activity`) }),
				fc.record({ who: who('instructor', 'admin'), path: uuid.map((id) => `/instructor/cohorts/${w.kagawa}/trainees/${id}/export/activity`) }),
				fc.record({ who: who('instructor', 'admin'), path: fixed(`/instructor/cohorts/${w.kumamoto}/trainees/${w.traineeAId}/export/activity`) }),
				fc.record({ who: who('instructor'), path: junk.filter((s) => s.length > 0 && s.length < 100 && !s.includes('/') && !['activity', 'retention', 'tests', 'submissions'].includes(s)).map((t) => `/instructor/cohorts/${w.kagawa}/trainees/${w.traineeAId}/export/${enc(t)}`) })
			).map((r) => ({ ...r, method: 'GET' as const }))
		},
		{
			route: '(ministry)/ministry/export/[table]#GET',
			cases: fc.oneof(
				fc.record({ who: who('anonymous', 'traineeA', 'instructor', 'admin'), path: fixed('/ministry/export/totals.csv') }),
				fc.record({ who: who('ministry'), path: junk.filter((s) => s.length > 0 && s.length < 100 && !s.includes('/')).map((t) => `/ministry/export/${enc(t)}.csv`) }),
				fc.record({ who: who('ministry'), path: fc.tuple(fc.constantFrom('province', 'center', 'sector', 'destination', 'departure'), junk.filter((s) => s.trim().length > 0)).map(([k, v]) => `/ministry/export/totals.csv?${new URLSearchParams({ [k]: v })}`) })
			).map((r) => ({ ...r, method: 'GET' as const }))
		},
		{
			// Exporting one's own data is allowed (and audited); signed out, from another site or not as a form, never.
			route: 'account/export#POST',
			cases: fc.oneof(
				fc.record({ who: who('anonymous'), form: anyForm }).map((r) => ({ ...r, method: 'POST' as const, path: '/account/export' })),
				fc.record({ who: who('traineeA', 'instructor'), origin: fc.constantFrom('https://evil.example', 'null', 'http://127.0.0.1:1') }).map((r) => ({ who: r.who, method: 'POST' as const, path: '/account/export', form: {}, headers: { origin: r.origin } }))
			)
		},
		{
			route: 'api/study/deck#GET',
			cases: fc.record({ who: nonTrainee, tz: junk.filter((s) => s.length < 100) }).map((r) => ({ who: r.who, method: 'GET' as const, path: `/api/study/deck?tz=${enc(r.tz)}` }))
		},
		{
			route: 'api/study/sync#POST',
			cases: fc.oneof(
				fc.record({ who: nonTrainee, body: fixed(JSON.stringify({ reviews: [] })) }),
				fc.record({ who: who('traineeA', 'traineeB'), body: fc.oneof(junk, fc.jsonValue().map((j) => JSON.stringify(j)), fc.constant(JSON.stringify({ reviews: Array.from({ length: 2001 }, () => ({})) }))) }),
				fc.record({
					who: who('traineeA', 'traineeB'),
					body: fc.array(fc.record({ id: fc.oneof(uuid, junk), cardId: fc.oneof(junk, fc.constant('core-u01-l01-c01'), nulIn('cg-l-body-upper-c01')), rating: fc.oneof(fc.integer({ min: -5, max: 9 }), junk), reviewedAt: fc.oneof(junk, fc.constant('2030-01-01T00:00:00Z'), fc.constant('1999-01-01T00:00:00Z')), durationMs: fc.oneof(fc.integer(), junk), mode: fc.oneof(junk, fc.constant('recall')), extra: value }, { requiredKeys: [] }), { minLength: 1, maxLength: 5 }).map((reviews) => JSON.stringify({ reviews }))
				})
			).map((r) => ({ who: r.who, method: 'POST' as const, path: '/api/study/sync', raw: { body: r.body, type: 'application/json' } }))
		},
		{
			route: 'api/tests/[attempt]/answers#POST',
			cases: fc.oneof(
				fc.record({ who: nonTrainee, path: fixed(`/api/tests/${w.attempt}/answers`), body: fixed(JSON.stringify({ itemId: 'x', section: 0, choice: 0 })) }),
				// Someone else's attempt, with well-formed answers.
				fc.record({ who: who('traineeB'), path: fixed(`/api/tests/${w.attempt}/answers`), body: fc.record({ itemId: fc.string({ minLength: 1, maxLength: 100 }), section: fc.integer({ min: 0, max: 10 }), choice: fc.integer({ min: 0, max: 3 }) }).map((a) => JSON.stringify(a)) }),
				fc.record({ who: who('traineeA', 'traineeB'), path: fc.oneof(uuid, junk.filter((s) => s.length > 0 && s.length < 100 && !s.includes('/'))).map((id) => `/api/tests/${enc(id)}/answers`), body: fixed(JSON.stringify({ itemId: 'x', section: 0, choice: 0 })) }),
				// Malformed or out-of-range answers, and items that are not in the attempt.
				fc.record({ who: who('traineeA'), path: fixed(`/api/tests/${w.attempt}/answers`), body: fc.oneof(junk, fc.jsonValue().map((j) => JSON.stringify(j)), fc.record({ itemId: fc.oneof(junk, fc.integer()), section: fc.oneof(fc.integer(), junk), choice: fc.oneof(fc.integer({ min: 4 }), fc.integer({ max: -1 }), junk) }).map((a) => JSON.stringify(a)), fc.record({ itemId: fc.oneof(withNul, fc.string({ minLength: 1, maxLength: 100 }).map((s) => `nope-${s}`).filter((s) => s.length <= 100)), section: fc.integer({ min: 0, max: 10 }), choice: fc.integer({ min: 0, max: 3 }) }).map((a) => JSON.stringify(a))) })
			).map((r) => ({ who: r.who, method: 'POST' as const, path: r.path, raw: { body: r.body, type: 'application/json' } }))
		},
		{
			route: 'api/work/[submission]/audio#GET',
			cases: fc.oneof(
				fc.record({ who: who('anonymous', 'ministry', 'traineeB'), path: fixed(`/api/work/${w.submission}/audio`) }),
				fc.record({ who: who('traineeA', 'instructor'), path: fc.oneof(uuid, junk.filter((s) => s.length > 0 && s.length < 100 && !s.includes('/'))).map((id) => `/api/work/${enc(id)}/audio`) })
			).map((r) => ({ ...r, method: 'GET' as const }))
		}
	];
}

let resent = 0;

/**
 * fetch, except that a keep-alive connection the server closed after refusing a large body unread (which fails
 * the next request before it is sent) is retried once on a new connection.
 */
async function http(url: string, init: RequestInit): Promise<Response> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await fetch(url, init);
		} catch (failure) {
			const code = (failure as { cause?: { code?: string } }).cause?.code ?? '';
			if (attempt > 0 || !['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'].includes(code)) throw new Error(`${String(failure)} (${code})`);
			resent++;
		}
	}
}

// ---- sending -------------------------------------------------------------------------------------------------
async function send(request: Request): Promise<Outcome> {
	const person = world.people[request.who];
	const json = !!request.action && !request.html;
	const headers: Record<string, string> = {
		origin: world.url,
		'x-forwarded-for': person.address,
		accept: json ? 'application/json' : request.path.startsWith('/api/') ? 'application/json' : 'text/html',
		...(person.cookie ? { cookie: person.cookie } : {}),
		...(json ? { 'x-sveltekit-action': 'true' } : {}),
		...request.headers
	};
	let body: BodyInit | undefined;
	if (request.raw) {
		headers['content-type'] = request.raw.type;
		body = request.raw.body as BodyInit;
	} else if (request.form) {
		body = encodeForm(request.form, request.multipart);
	}
	const response = await http(world.url + request.path, { method: request.method, headers, body, redirect: 'manual' });
	return outcomeOf(response, json);
}

/** What makes an answer a refusal: 4xx with a message; a signed-out visitor may instead be sent to sign in. */
function refused(request: Request, outcome: Outcome): boolean {
	// Node's HTTP server refuses an address or headers too long to read (no body) before the app sees them.
	if (outcome.status === 414 || outcome.status === 431) return true;
	if (request.who === 'anonymous' && outcome.status >= 300 && outcome.status < 400 && (outcome.location ?? '').startsWith('/signin')) return true;
	return outcome.status >= 400 && outcome.status < 500 && outcome.message.trim().length > 0;
}

function describeRequest(r: Request): string {
	const short = (v: unknown) => {
		const s = typeof v === 'string' ? v : JSON.stringify(v, (_k, x) => (x instanceof Uint8Array ? `<${x.length} bytes>` : x));
		return s && s.length > 120 ? `${s.slice(0, 120)}…(${s.length})` : s;
	};
	const form = r.form ? Object.fromEntries(Object.entries(r.form).map(([k, v]) => [k, short(v)])) : undefined;
	return JSON.stringify({ who: r.who, method: r.method, path: short(r.path), form, raw: r.raw ? short(r.raw.body) : undefined, html: r.html });
}

// ---- the routes in the source tree, so a new action or endpoint cannot go untested ------------------------------
function routesInSource(): string[] {
	const base = join(ROOT, 'src/routes');
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (name === '+page.server.ts' || name === '+server.ts') {
				const route = relative(base, dir).replaceAll('\\', '/');
				const source = readFileSync(path, 'utf8');
				if (name === '+server.ts') {
					for (const m of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) found.push(`${route}#${m[1]}`);
				} else {
					const block = source.match(/export const actions = \{([\s\S]*?)\n\} satisfies Actions/);
					if (block) for (const m of block[1]!.matchAll(/^\t(\w+): async/gm)) found.push(`${route}#${m[1]}`);
				}
			}
		}
	};
	walk(base);
	return found.sort();
}

async function signIn(identifier: string, password: string, extra: Record<string, string> = {}): Promise<Response> {
	const response = await fetch(`${world.url}/signin`, {
		method: 'POST',
		headers: { origin: world.url, accept: 'text/html', 'x-forwarded-for': `10.251.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, ...extra },
		body: new URLSearchParams({ identifier, password }),
		redirect: 'manual'
	});
	return response;
}

async function page(who: Actor, path: string): Promise<string> {
	const person = world.people[who];
	const response = await fetch(world.url + path, { headers: { cookie: person.cookie, 'x-forwarded-for': person.address }, redirect: 'manual' });
	expect(response.status, `GET ${path} as ${who}`).toBe(200);
	return response.text();
}

/** The id in the first link to `prefix<uuid>` whose text (or label) contains `text`. */
function linkId(html: string, prefix: string, text: string): string {
	for (const m of html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/g)) {
		const href = m[1]!.match(/href="([^"]*)"/)?.[1] ?? '';
		const id = href.startsWith(prefix) ? href.slice(prefix.length).match(/^[0-9a-f-]{36}/)?.[0] : undefined;
		if (id && (m[2]!.includes(text) || m[1]!.includes(text))) return id;
	}
	throw new Error(`no link to ${prefix}… with "${text}"`);
}

test.describe('abuse is refused', () => {
	test.describe.configure({ mode: 'serial', timeout: 300_000 });

	let dataDir = '';
	let port = 0;
	let server: RunningServer | undefined;

	test.beforeAll(async () => {
		test.setTimeout(240_000);
		dataDir = mkdtempSync(join(tmpdir(), 'hashi-e2e-abuse-'));
		port = await freePort();
		server = await startServer({ port, dataDir });
		world.url = server.url;

		const staff = async (identifier: string, address: string): Promise<Person> => {
			const response = await signIn(identifier, DEMO.password);
			expect(response.status, `${identifier} signs in`).toBe(303);
			return { cookie: cookiesOf(response), address };
		};
		const signUp = async (inviteCode: string, name: string, phone: string, address: string): Promise<Person> => {
			const response = await fetch(`${world.url}/signup`, {
				method: 'POST',
				headers: { origin: world.url, accept: 'text/html', 'x-forwarded-for': address },
				body: new URLSearchParams({ inviteCode, displayName: name, identifier: phone, password: 'abuse-test-2027', privacyNotice: PRIVACY_NOTICE_VERSION }),
				redirect: 'manual'
			});
			expect(response.status, `${name} signs up`).toBe(303);
			return { cookie: cookiesOf(response), address };
		};
		world.phoneA = newPhone();
		const nameA = newName('Ayu');
		world.people = {
			anonymous: ANONYMOUS,
			instructor: await staff(DEMO.instructor, '10.252.0.2'),
			admin: await staff(DEMO.admin, '10.252.0.3'),
			ministry: await staff(DEMO.ministry, '10.252.0.4'),
			traineeA: await signUp(DEMO.kagawa.inviteCode, nameA, world.phoneA, '10.252.0.5'),
			traineeB: await signUp(DEMO.kumamoto.inviteCode, newName('Bayu'), newPhone(), '10.252.0.6')
		};

		const cohorts = await page('instructor', '/instructor');
		world.kagawa = linkId(cohorts, '/instructor/cohorts/', DEMO.kagawa.name);
		world.kumamoto = linkId(cohorts, '/instructor/cohorts/', DEMO.kumamoto.name);

		// A written work task for Kagawa, which trainee A answers; trainee A also starts a mock test.
		const post = async (who: Actor, path: string, form: Record<string, string>) => {
			const person = world.people[who];
			const response = await fetch(world.url + path, {
				method: 'POST',
				headers: { origin: world.url, cookie: person.cookie, 'x-forwarded-for': person.address, accept: 'application/json', 'x-sveltekit-action': 'true' },
				body: new URLSearchParams(form),
				redirect: 'manual'
			});
			return (await response.json()) as { type: string; status: number; data?: string; location?: string };
		};
		expect((await post('instructor', `/instructor/cohorts/${world.kagawa}?/assignWorkTask`, validWorkTask)).type).toBe('success');
		world.assignment = linkId(await page('traineeA', '/today'), '/work/', '');
		const submitted = await post('traineeA', `/work/${world.assignment}?/submit`, { body: 'Saya sudah membersihkan kamar.' });
		expect(submitted.type).toBe('success');
		world.submission = submitted.data!.match(/[0-9a-f]{8}-[0-9a-f-]{27}/)![0];
		const started = await post('traineeA', '/tests?/start', { test: 'jlpt_n5' });
		expect(started.type).toBe('redirect');
		world.attempt = started.location!.split('/').pop()!;
		world.traineeAId = linkId(await page('instructor', `/instructor/cohorts/${world.kagawa}`), `/instructor/cohorts/${world.kagawa}/trainees/`, nameA);

		// The harness can see an accepted form: a same-origin post of a valid limit succeeds (the abuse must not).
		expect((await post('traineeA', '/today?/limit', { newCardsPerDay: '7' })).type).toBe('success');
	});

	test.afterAll(async () => {
		server?.kill();
		await server?.stop();
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	});

	test('session cookies are httpOnly and SameSite=Lax, and Secure when served over https', async () => {
		for (const https of [false, true]) {
			const origin = https ? world.url.replace('http:', 'https:') : world.url;
			const response = await signIn(DEMO.ministry, DEMO.password, https ? { 'x-forwarded-proto': 'https', origin } : {});
			expect(response.status).toBe(303);
			const session = response.headers.getSetCookie().filter((c) => /^hashi_(access|refresh)=/.test(c));
			expect(session, 'both session cookies are set').toHaveLength(2);
			for (const cookie of session) {
				const attributes = cookie.split(';').map((a) => a.trim().toLowerCase());
				expect(attributes, cookie).toContain('httponly');
				expect(attributes, cookie).toContain('samesite=lax');
				expect(attributes.includes('secure'), `${cookie} (https: ${https})`).toBe(https);
			}
		}
	});

	test('pages and API answers carry the security headers', async () => {
		const pageResponse = await fetch(`${world.url}/signin`);
		const apiResponse = await fetch(`${world.url}/api/study/deck`, { headers: { cookie: world.people.traineeA.cookie } });
		expect(apiResponse.status).toBe(200);
		const pageCsp = pageResponse.headers.get('content-security-policy') ?? '';
		const pageHtml = await pageResponse.text();
		console.log(`page CSP: ${pageCsp}\nAPI CSP: ${apiResponse.headers.get('content-security-policy')}`);
		for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "media-src 'self' blob:", "worker-src 'self'"]) {
			expect(pageCsp).toContain(directive);
		}
		// SvelteKit's inline bootstrap script runs by its nonce; no script runs inline without one.
		const nonce = pageCsp.match(/script-src[^;]*'nonce-([^']+)'/)?.[1];
		expect(nonce, 'script-src carries a nonce').toBeTruthy();
		expect(pageCsp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
		const inline = [...pageHtml.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
		expect(inline.length).toBeGreaterThan(0);
		for (const script of inline) expect(script[1]).toContain(`nonce="${nonce}"`);
		expect(apiResponse.headers.get('content-security-policy')).toContain("default-src 'none'");
		expect(apiResponse.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		for (const response of [pageResponse, apiResponse]) {
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
			expect(response.headers.get('permissions-policy')).toContain('microphone=(self)');
			expect(response.headers.get('x-frame-options')).toBe('DENY');
		}
		console.log(['x-content-type-options', 'referrer-policy', 'permissions-policy', 'x-frame-options'].map((h) => `${h}: ${pageResponse.headers.get(h)}`).join('\n'));
	});

	test('the pages run under that policy: no violation in Chromium, and the service worker starts', async ({ newVisitor }) => {
		const visit = async (who: Actor, paths: string[]) => {
			const page = await newVisitor({ baseURL: world.url });
			await page.context().addCookies(
				world.people[who].cookie.split('; ').map((pair) => {
					const [name, ...rest] = pair.split('=');
					return { name: name!, value: rest.join('='), url: world.url };
				})
			);
			const violations: string[] = [];
			page.on('console', (message) => {
				if (/content security policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
			});
			for (const path of paths) {
				await page.goto(path);
				await expect(page.locator('h1').first()).toBeVisible();
			}
			return { page, violations };
		};
		const trainee = await visit('traineeA', ['/today', '/study', '/learn', '/learn/caregiving', '/learn/lesson/cg-l-body-upper', '/progress', '/tests', `/work/${world.assignment}`, '/account']);
		expect(await trainee.page.evaluate(() => navigator.serviceWorker.ready.then((r) => !!r.active))).toBe(true);
		const instructor = await visit('instructor', ['/instructor', `/instructor/cohorts/${world.kagawa}`, `/instructor/cohorts/${world.kagawa}/dashboard`, `/instructor/cohorts/${world.kagawa}/work/${world.submission}`, `/instructor/cohorts/${world.kagawa}/roster`]);
		const ministry = await visit('ministry', ['/ministry']);
		expect([...trainee.violations, ...instructor.violations, ...ministry.violations]).toEqual([]);
	});

	test('every form action and endpoint refuses malformed, oversized, wrong-typed, cross-user and cross-site input, and no row changes', async () => {
		const all = targets();
		// Every action and endpoint in src/routes has its abuse here.
		expect(all.map((t) => t.route).sort()).toEqual(routesInSource());

		// The whole database as it is now, read while the server is stopped; then the same server again.
		expect(await server!.stop(), 'the server stops cleanly').toBe(0);
		const before = await snapshot(dataDir);
		server = await startServer({ port, dataDir });

		let tried = 0;
		const problems: string[] = [];
		for (const [index, target] of all.entries()) {
			const result = await fc.check(
				fc.asyncProperty(target.cases, async (request) => {
					tried++;
					const outcome = await send(request);
					if (!refused(request, outcome)) {
						throw new Error(`answered ${outcome.status}${outcome.location ? ` → ${outcome.location}` : ''}: ${outcome.message.slice(0, 200)}`);
					}
				}),
				{ seed: SEED + index, numRuns: RUNS, endOnFailure: true }
			);
			if (result.failed) problems.push(`${target.route}: ${describeRequest(result.counterexample![0])} ${String((result.errorInstance as Error)?.message ?? result.errorInstance)}`);
		}

		// Cross-site form posts: every form action, as every signed-in role, with a foreign or missing Origin.
		const forms = all.filter((t) => !t.route.includes('#GET') && !t.route.startsWith('api/'));
		const crossSite = fc.record({
			target: fc.constantFrom(...forms),
			who: who('traineeA', 'traineeB', 'instructor', 'admin', 'ministry'),
			origin: fc.constantFrom('https://evil.example', 'null', `http://localhost:${port}`, `https://127.0.0.1:${port}`, ''),
			type: fc.constantFrom('application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain')
		});
		const crossSiteResult = await fc.check(
			fc.asyncProperty(crossSite, async ({ target, who: actor, origin, type }) => {
				tried++;
				const path = target.route.replace(/^\([^)]+\)\//, '/').replace(/#(default|POST)$/, '').replace(/#(\w+)$/, '?/$1').replace('[id]', world.kagawa).replace('[trainee]', world.traineeAId).replace('[submission]', world.submission).replace('[attempt]', world.attempt).replace('[assignment]', world.assignment).replace(/^(?!\/)/, '/');
				const person = world.people[actor];
				const headers: Record<string, string> = { cookie: person.cookie, 'x-forwarded-for': person.address, 'content-type': type };
				if (origin) headers.origin = origin;
				const response = await http(world.url + path, { method: 'POST', headers, body: 'newCardsPerDay=3&confirm=yes&understood=yes&locale=en', redirect: 'manual' });
				const text = await response.text();
				if (response.status !== 403 || !/cross-site/i.test(text)) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 120)}`);
			}),
			{ seed: SEED, numRuns: RUNS * 4, endOnFailure: true }
		);
		if (crossSiteResult.failed) problems.push(`cross-site: ${JSON.stringify(crossSiteResult.counterexample)} ${String(crossSiteResult.errorInstance)}`);

		console.log(`abuse: ${all.length} actions and endpoints, ${tried} abuse requests tried (${resent} sent again after a closed connection), ${problems.length} refused wrongly`);
		expect(problems, `requests that were not refused with a 4xx and a message. Server output:\n${server!.output().slice(-3000)}`).toEqual([]);

		expect(await server!.stop(), 'the server stops cleanly').toBe(0);
		const after = await snapshot(dataDir);
		expect(differences(before, after, MAY_CHANGE), 'no row changed').toEqual([]);
		// The check itself sees changes: a table we know the abuse touched (failed sign-ins) did change.
		expect(differences(before, after, []).some((d) => d.startsWith('private.sign_in_failures'))).toBe(true);
	});
});
