// The demo directory: one region, two municipalities, twelve organisations and the staff each one has;
// the demo accounts with their passwords (printed at the first start and by `rost seed --demo`).
import type { OrganizationKind } from '../directory/index.js';

export const DEMO_REGION = { name: 'Свердловская область', code: '66' };

export const DEMO_MUNICIPALITIES = ['Берёзовский городской округ', 'Городской округ Верхняя Пышма'] as const;

export type StaffProfile = 'centre' | 'school' | 'kindergarten' | 'additional' | 'college';

export type DemoOrganization = {
  municipality: 0 | 1;
  kind: OrganizationKind;
  shortName: string;
  fullName: string;
  address: string;
  innPrefix: string;
  email: string;
  phone: string;
  staff: StaffProfile;
};

const BRZ = '623700, Свердловская обл., г. Березовский';
const VP = '624090, Свердловская обл., г. Верхняя Пышма';

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    municipality: 0,
    kind: 'methodological_centre',
    shortName: 'ИМЦ Берёзовского ГО',
    fullName:
      'Муниципальное казённое учреждение «Информационно-методический центр» Берёзовского городского округа',
    address: `${BRZ}, ул. Ленина, д. 24`,
    innPrefix: '660410',
    email: 'imc@berezovsky.demo.rost.local',
    phone: '+7 (34369) 4-12-30',
    staff: 'centre',
  },
  {
    municipality: 0,
    kind: 'school',
    shortName: 'МАОУ СОШ № 1',
    fullName:
      'Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»',
    address: `${BRZ}, ул. Школьный бульвар, д. 1`,
    innPrefix: '660411',
    email: 'school1@berezovsky.demo.rost.local',
    phone: '+7 (34369) 4-20-01',
    staff: 'school',
  },
  {
    municipality: 0,
    kind: 'school',
    shortName: 'МАОУ СОШ № 2',
    fullName:
      'Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 2»',
    address: `${BRZ}, ул. Гагарина, д. 6`,
    innPrefix: '660412',
    email: 'school2@berezovsky.demo.rost.local',
    phone: '+7 (34369) 4-20-02',
    staff: 'school',
  },
  {
    municipality: 0,
    kind: 'school',
    shortName: 'МАОУ «Гимназия № 5»',
    fullName: 'Муниципальное автономное общеобразовательное учреждение «Гимназия № 5»',
    address: `${BRZ}, ул. Смирнова, д. 5`,
    innPrefix: '660413',
    email: 'gymnasium5@berezovsky.demo.rost.local',
    phone: '+7 (34369) 4-20-05',
    staff: 'school',
  },
  {
    municipality: 0,
    kind: 'school',
    shortName: 'МАОУ «Лицей № 7»',
    fullName: 'Муниципальное автономное общеобразовательное учреждение «Лицей № 7»',
    address: `${BRZ}, ул. Театральная, д. 7`,
    innPrefix: '660414',
    email: 'lyceum7@berezovsky.demo.rost.local',
    phone: '+7 (34369) 4-20-07',
    staff: 'school',
  },
  {
    municipality: 0,
    kind: 'kindergarten',
    shortName: 'МАДОУ «Детский сад № 12»',
    fullName: 'Муниципальное автономное дошкольное образовательное учреждение «Детский сад № 12 „Солнышко“»',
    address: `${BRZ}, ул. Строителей, д. 12`,
    innPrefix: '660415',
    email: 'ds12@berezovsky.demo.rost.local',
    phone: '+7 (34369) 4-31-12',
    staff: 'kindergarten',
  },
  {
    municipality: 0,
    kind: 'additional_education',
    shortName: 'МАУ ДО ЦДТ',
    fullName: 'Муниципальное автономное учреждение дополнительного образования «Центр детского творчества»',
    address: `${BRZ}, ул. Красных Героев, д. 3`,
    innPrefix: '660416',
    email: 'cdt@berezovsky.demo.rost.local',
    phone: '+7 (34369) 4-40-03',
    staff: 'additional',
  },
  {
    municipality: 1,
    kind: 'school',
    shortName: 'МАОУ СОШ № 22',
    fullName:
      'Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № 22»',
    address: `${VP}, ул. Юбилейная, д. 22`,
    innPrefix: '660610',
    email: 'school22@vp.demo.rost.local',
    phone: '+7 (34368) 5-22-22',
    staff: 'school',
  },
  {
    municipality: 1,
    kind: 'school',
    shortName: 'МАОУ «Лицей № 1»',
    fullName: 'Муниципальное автономное общеобразовательное учреждение «Лицей № 1»',
    address: `${VP}, ул. Ленина, д. 101`,
    innPrefix: '660611',
    email: 'lyceum1@vp.demo.rost.local',
    phone: '+7 (34368) 5-01-01',
    staff: 'school',
  },
  {
    municipality: 1,
    kind: 'kindergarten',
    shortName: 'МАДОУ «Детский сад № 8»',
    fullName: 'Муниципальное автономное дошкольное образовательное учреждение «Детский сад № 8 „Берёзка“»',
    address: `${VP}, ул. Менделеева, д. 8`,
    innPrefix: '660612',
    email: 'ds8@vp.demo.rost.local',
    phone: '+7 (34368) 5-08-08',
    staff: 'kindergarten',
  },
  {
    municipality: 1,
    kind: 'kindergarten',
    shortName: 'МАДОУ «Детский сад № 34»',
    fullName: 'Муниципальное автономное дошкольное образовательное учреждение «Детский сад № 34 „Ромашка“»',
    address: `${VP}, ул. Кривоусова, д. 34`,
    innPrefix: '660613',
    email: 'ds34@vp.demo.rost.local',
    phone: '+7 (34368) 5-34-34',
    staff: 'kindergarten',
  },
  {
    municipality: 1,
    kind: 'college',
    shortName: 'ГАПОУ СО «ВПМТТ»',
    fullName:
      'Государственное автономное профессиональное образовательное учреждение Свердловской области «Верхнепышминский механико-технологический техникум „Юность“»',
    address: `${VP}, ул. Мамина-Сибиряка, д. 5`,
    innPrefix: '660614',
    email: 'college@vp.demo.rost.local',
    phone: '+7 (34368) 5-55-05',
    staff: 'college',
  },
];

export const DEMO_ORGANIZATION_SHORT_NAMES = DEMO_ORGANIZATIONS.map((o) => o.shortName);

/** One staff slot: a position and, for teachers, the subjects they teach. */
export type StaffSlot = { position: string; subjects?: string[] };

const teacher = (...subjects: string[]): StaffSlot => ({ position: 'учитель', subjects });
const times = (n: number, slot: StaffSlot): StaffSlot[] => Array.from({ length: n }, () => slot);
const PRIMARY = ['Русский язык', 'Литературное чтение', 'Математика', 'Окружающий мир'];

export const STAFF: Record<StaffProfile, StaffSlot[]> = {
  centre: [...times(6, { position: 'методист' }), ...times(2, { position: 'старший методист' })],
  school: [
    ...times(5, teacher(...PRIMARY)),
    ...times(3, teacher('Русский язык', 'Литература')),
    ...times(3, teacher('Алгебра', 'Геометрия', 'Вероятность и статистика')),
    ...times(2, teacher('Иностранный язык (английский)')),
    ...times(2, teacher('История', 'Обществознание')),
    teacher('Физика'),
    teacher('Химия'),
    teacher('Биология', 'География'),
    teacher('Информатика'),
    teacher('Физическая культура'),
    teacher('Труд (технология)', 'Изобразительное искусство'),
    teacher('Музыка'),
    { position: 'педагог-психолог' },
    { position: 'социальный педагог' },
    { position: 'учитель-логопед' },
    { position: 'педагог-организатор' },
    { position: 'советник директора по воспитанию и взаимодействию с детскими общественными объединениями' },
    { position: 'педагог-библиотекарь' },
    {
      position: 'преподаватель-организатор основ безопасности и защиты Родины',
      subjects: ['Основы безопасности и защиты Родины'],
    },
    { position: 'тьютор' },
  ],
  kindergarten: [
    ...times(9, { position: 'воспитатель' }),
    { position: 'старший воспитатель' },
    { position: 'музыкальный руководитель' },
    { position: 'инструктор по физической культуре' },
    { position: 'учитель-логопед' },
    { position: 'педагог-психолог' },
  ],
  additional: [
    ...times(8, { position: 'педагог дополнительного образования' }),
    { position: 'старший педагог дополнительного образования' },
    ...times(2, { position: 'методист' }),
    { position: 'концертмейстер' },
  ],
  college: [
    ...times(6, { position: 'преподаватель' }),
    ...times(2, { position: 'мастер производственного обучения' }),
  ],
};

export type DemoAccount = {
  email: string;
  password: string;
  role: 'admin' | 'methodologist' | 'organization_head' | 'teacher';
  label: string;
  scope: string;
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'admin@rost.local',
    password: 'rost-admin-2026',
    role: 'admin',
    label: 'администратор',
    scope: 'вся система',
  },
  {
    email: 'metodist@rost.local',
    password: 'rost-metodist-2026',
    role: 'methodologist',
    label: 'методист',
    scope: DEMO_MUNICIPALITIES[0],
  },
  {
    email: 'director@rost.local',
    password: 'rost-director-2026',
    role: 'organization_head',
    label: 'руководитель организации',
    scope: 'МАОУ СОШ № 1',
  },
  {
    email: 'teacher@rost.local',
    password: 'rost-teacher-2026',
    role: 'teacher',
    label: 'педагог',
    scope: 'МАОУ СОШ № 1',
  },
];
