// Writes the demo program's client files into examples/demo/ with exceljs, the way a
// client's spreadsheet would look: Polish headers under a title, dates as date cells,
// one participant with a broken IBAN so that the import report has something to show.
// Run: npm run examples. The output is committed; data is seeded, so reruns match.
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'examples', 'demo');
const FIXED = new Date(Date.UTC(2026, 9, 1, 8, 0, 0));

/** mulberry32: a tiny seeded generator, so the demo files are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(20261001);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

const WOMEN = ['Anna', 'Katarzyna', 'Magdalena', 'Agnieszka', 'Ewa', 'Zofia', 'Małgorzata'];
const MEN = ['Piotr', 'Tomasz', 'Paweł', 'Michał', 'Łukasz', 'Grzegorz', 'Jan'];
// Polish surnames in -ski/-cki take -ska/-cka for women; the others stay.
const SURNAMES = [
  'Kowalski',
  'Nowak',
  'Wiśniewski',
  'Wójcik',
  'Kamiński',
  'Lewandowski',
  'Zieliński',
  'Szymański',
  'Dąbrowski',
  'Kozłowski',
  'Jankowski',
  'Mazur',
];
const polishName = (woman: boolean): string => {
  const surname = pick(SURNAMES);
  return woman ? `${pick(WOMEN)} ${surname.replace(/ki$/, 'ka')}` : `${pick(MEN)} ${surname}`;
};
const RUSSIAN = ['Ольга Смирнова', 'Дмитрий Иванов', 'Анна Кузнецова', 'Игорь Соколов'];
const REGIONS = ['mazowieckie', 'małopolskie', 'śląskie', 'pomorskie', 'wielkopolskie', 'dolnośląskie'];

interface DemoParticipant {
  code: string;
  name: string;
  email: string;
  phone: string;
  region: string;
  joinDate: Date;
  card: string | null;
  iban: string | null;
  status: string;
}

function ibanWithChecksum(country: string, bban: string): string {
  const digits = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = 98n - (BigInt(digits) % 97n);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

function makeParticipants(): DemoParticipant[] {
  const list: DemoParticipant[] = [];
  for (let i = 1; i <= 40; i += 1) {
    const code = `PH-${String(i).padStart(3, '0')}`;
    const name = i % 10 === 3 ? (RUSSIAN[(i / 10) | 0] as string) : polishName(random() < 0.5);
    const joinMonth = i <= 30 ? between(1, 8) : between(9, 10);
    list.push({
      code,
      name,
      email: `${code.toLowerCase()}@klient.example`,
      phone: `+48 600 ${String(100 + i).padStart(3, '0')} ${String(between(100, 999))}`,
      region: pick(REGIONS),
      joinDate: new Date(Date.UTC(2026, joinMonth - 1, between(1, 28))),
      card: i === 7 || i === 19 ? null : `5375-${String(4100 + i).padStart(4, '0')}-${String(between(1000, 9999))}`,
      iban: i === 19 ? ibanWithChecksum('PL', `10901014${String(i).padStart(16, '0')}`) : null,
      status: i === 12 ? 'nieaktywny' : 'aktywny',
    });
  }
  // One client typo, to show how a rejected row is reported.
  const typo = list[26] as DemoParticipant;
  typo.iban = 'PL61109010140000071219812875';
  return list;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
}

async function writeParticipants(participants: DemoParticipant[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Klient ERP';
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet('Uczestnicy');
  ws.addRow(['Partner Plus — lista przedstawicieli handlowych']).font = { bold: true, size: 14 };
  ws.mergeCells('A1:I1');
  ws.addRow(['Stan na 01.10.2026']);
  ws.addRow([]);
  styleHeader(
    ws.addRow([
      'Kod przedstawiciela',
      'Imię i nazwisko',
      'E-mail',
      'Telefon',
      'Województwo',
      'Data przystąpienia',
      'Nr karty',
      'Nr rachunku',
      'Status',
    ]),
  );
  for (const p of participants) {
    ws.addRow([p.code, p.name, p.email, p.phone, p.region, p.joinDate, p.card, p.iban, p.status]);
  }
  ws.getColumn(6).numFmt = 'dd.mm.yyyy';
  [20, 26, 26, 18, 16, 18, 22, 32, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  await wb.xlsx.writeFile(join(out, 'participants.xlsx'));
}

interface DemoProduct {
  sku: string;
  name: string;
  group: string;
  promoted: boolean;
  pointsPerUnit: number | null;
  /** Net price of one unit in grosze. */
  priceMinor: number;
}

const PRODUCTS: DemoProduct[] = [
  {
    sku: 'DOG-01',
    name: 'Karma sucha dla psa 10 kg',
    group: 'DRY',
    promoted: true,
    pointsPerUnit: null,
    priceMinor: 12_345,
  },
  {
    sku: 'DOG-02',
    name: 'Karma sucha dla psa 3 kg',
    group: 'DRY',
    promoted: true,
    pointsPerUnit: null,
    priceMinor: 4_290,
  },
  {
    sku: 'DOG-05',
    name: 'Karma sucha senior 7 kg',
    group: 'DRY',
    promoted: true,
    pointsPerUnit: null,
    priceMinor: 9_850,
  },
  {
    sku: 'CAT-03',
    name: 'Karma sucha dla kota 2 kg',
    group: 'DRY',
    promoted: true,
    pointsPerUnit: null,
    priceMinor: 3_999,
  },
  {
    sku: 'CAT-07',
    name: 'Saszetki dla kota 12 x 85 g',
    group: 'WET',
    promoted: true,
    pointsPerUnit: 15,
    priceMinor: 5_000,
  },
  {
    sku: 'CAT-08',
    name: 'Puszki dla kota 6 x 400 g',
    group: 'WET',
    promoted: true,
    pointsPerUnit: null,
    priceMinor: 4_549,
  },
  {
    sku: 'DOG-11',
    name: 'Puszki dla psa 6 x 800 g',
    group: 'WET',
    promoted: true,
    pointsPerUnit: 12,
    priceMinor: 6_120,
  },
  { sku: 'TOY-3', name: 'Piłka gumowa', group: 'TOYS', promoted: false, pointsPerUnit: null, priceMinor: 1_199 },
  { sku: 'TOY-8', name: 'Drapak dla kota', group: 'TOYS', promoted: false, pointsPerUnit: null, priceMinor: 15_900 },
  { sku: 'CARE-1', name: 'Szampon dla psa', group: 'CARE', promoted: false, pointsPerUnit: null, priceMinor: 2_450 },
];

async function writeProducts(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Klient ERP';
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet('Produkty');
  styleHeader(ws.addRow(['Indeks', 'Nazwa produktu', 'Grupa', 'W programie', 'Punkty za sztukę']));
  for (const p of PRODUCTS) ws.addRow([p.sku, p.name, p.group, p.promoted ? 'tak' : 'nie', p.pointsPerUnit]);
  [12, 34, 10, 14, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  await wb.xlsx.writeFile(join(out, 'products.xlsx'));
}

const DEMO_PERIODS = ['2026-09', '2026-10'] as const;

/** Targets in the wide form (a column per month), as clients often keep them; two reps without one. */
async function writeTargets(participants: DemoParticipant[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Klient ERP';
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet('Plan');
  ws.addRow(['Plan sprzedaży (netto, PLN)']).font = { bold: true };
  styleHeader(ws.addRow(['Kod przedstawiciela', ...DEMO_PERIODS]));
  for (const p of participants) {
    if (p.code === 'PH-014' || p.code === 'PH-033') continue;
    ws.addRow([p.code, ...DEMO_PERIODS.map(() => between(20, 120) * 100)]);
  }
  ws.getColumn(2).numFmt = '#,##0.00';
  ws.getColumn(3).numFmt = '#,##0.00';
  [22, 14, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  await wb.xlsx.writeFile(join(out, 'targets.xlsx'));
}

/**
 * A month of sales lines: most reps sell a little, two sell a lot of toys (volume for a tier
 * next month without points), a few lines are returns, one SKU and one rep code are unknown
 * to show the anomalies.
 */
async function writeSales(period: string, participants: DemoParticipant[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Klient ERP';
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet('Sprzedaż');
  ws.addRow([`Sprzedaż ${period}`]).font = { bold: true, size: 14 };
  ws.mergeCells('A1:G1');
  styleHeader(ws.addRow(['Data', 'Kod przedstawiciela', 'Indeks', 'Ilość', 'Wartość netto', 'Nr faktury', 'Pozycja']));
  const [year, month] = period.split('-').map(Number) as [number, number];
  let invoice = 1;
  const line = (code: string, product: DemoProduct, qty: number, day: number, position = 1) => {
    const net = (qty * product.priceMinor) / 100;
    ws.addRow([
      new Date(Date.UTC(year, month - 1, day)),
      code,
      product.sku,
      qty,
      net,
      `FV/${month}/${String(invoice).padStart(4, '0')}`,
      position,
    ]);
  };
  const active = participants.filter(
    (p) => p.joinDate.getUTCFullYear() * 100 + p.joinDate.getUTCMonth() + 1 <= year * 100 + month,
  );
  for (const p of active) {
    const count = between(4, 14);
    for (let i = 0; i < count; i++) {
      line(p.code, pick(PRODUCTS), between(1, 40), between(1, 28));
      invoice++;
    }
  }
  // Big toy orders: a tier next month, no points this one.
  line('PH-004', PRODUCTS[8] as DemoProduct, 1700, 12);
  invoice++;
  line('PH-021', PRODUCTS[8] as DemoProduct, 700, 14);
  invoice++;
  // Returns of earlier sales, one of them the full line.
  line('PH-002', PRODUCTS[0] as DemoProduct, -3, 20);
  invoice++;
  line('PH-015', PRODUCTS[4] as DemoProduct, -6, 22);
  invoice++;
  // What the verification step is for.
  line('PH-099', PRODUCTS[1] as DemoProduct, 5, 9);
  invoice++;
  line('PH-005', { ...(PRODUCTS[0] as DemoProduct), sku: 'DOG-99' }, 2, 11);
  invoice++;
  ws.addRow([]);
  ws.addRow(['Razem']).font = { bold: true };
  ws.getColumn(1).numFmt = 'dd.mm.yyyy';
  ws.getColumn(5).numFmt = '#,##0.00';
  [12, 20, 10, 8, 14, 14, 9].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  await wb.xlsx.writeFile(join(out, `sales-${period}.xlsx`));
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const participants = makeParticipants();
  await writeParticipants(participants);
  await writeProducts();
  await writeTargets(participants);
  for (const period of DEMO_PERIODS) await writeSales(period, participants);
  const program = JSON.parse(readFileSync(join(root, 'examples', 'reference-program.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  program.$comment =
    'The demo program: the reference program under a demo name. Created by `npx loyalty demo` and the app\'s "Try the demo".';
  program.name = 'Partner Plus (demo)';
  program.client = 'Karma Polska S.A. (demo client)';
  writeFileSync(join(out, 'demo-program.json'), `${JSON.stringify(program, null, 2)}\n`);
  console.log(`Wrote the demo files to ${out}`);
}

await main();
