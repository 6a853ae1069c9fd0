// The demo center printed at start-up. Phone numbers use the 0811-0000 block so none is a real person's.
export const DEMO_PASSWORD = 'hashi-demo-2026';

export interface DemoPerson {
	name: string;
	login: string;
}

interface DemoCohort {
	name: string;
	sector: 'caregiving' | 'manufacturing' | 'hospitality';
	targetExam: 'jlpt_n5' | 'jlpt_n4' | 'jft_basic' | 'caregiving_japanese';
	prefecture: string;
	departsInDays: number;
	inviteCode: string;
	trainees: DemoPerson[];
}

export const demoCenter = {
	name: 'LPK Demo Borneo',
	province: 'Kalimantan Tengah',
	staff: [
		{ role: 'instructor', name: 'Ibu Ratna Sari', login: 'instruktur@demo.hashi.id' },
		{ role: 'center_admin', name: 'Pak Bambang Wijaya', login: 'admin@demo.hashi.id' },
		{ role: 'ministry_viewer', name: 'Pemantau KP2MI (demo)', login: 'kementerian@demo.hashi.id' }
	] as (DemoPerson & { role: 'instructor' | 'center_admin' | 'ministry_viewer' })[],
	cohorts: [
		{
			name: 'Kaigo Kagawa 2027',
			sector: 'caregiving',
			targetExam: 'jft_basic',
			prefecture: 'Kagawa',
			departsInDays: 150,
			inviteCode: 'KAGAWA27',
			trainees: [
				{ name: 'Siti Rahmawati', login: '0811-0000-0101' },
				{ name: 'Dewi Lestari', login: '0811-0000-0102' },
				{ name: 'Nur Aini', login: '0811-0000-0103' }
			]
		},
		{
			name: 'Seizou Kumamoto 2027',
			sector: 'manufacturing',
			targetExam: 'jlpt_n4',
			prefecture: 'Kumamoto',
			departsInDays: 210,
			inviteCode: 'KUMAMOTO27',
			trainees: [
				{ name: 'Agus Setiawan', login: '0811-0000-0201' },
				{ name: 'Rizky Pratama', login: '0811-0000-0202' },
				{ name: 'Yohanes Daeng', login: '0811-0000-0203' }
			]
		},
		{
			name: 'Hoteru Mie 2027',
			sector: 'hospitality',
			targetExam: 'jft_basic',
			prefecture: 'Mie',
			departsInDays: 270,
			inviteCode: 'MIE2027',
			trainees: [
				{ name: 'Putri Ayu', login: '0811-0000-0301' },
				{ name: 'Fajar Nugroho', login: '0811-0000-0302' },
				{ name: 'Maria Goreti', login: '0811-0000-0303' }
			]
		}
	] as DemoCohort[]
};
