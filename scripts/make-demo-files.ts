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
const SURNAMES = ['Kowalski', 'Nowak', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur'];
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
  styleHeader(ws.addRow(['Kod przedstawiciela', 'Imię i nazwisko', 'E-mail', 'Telefon', 'Województwo', 'Data przystąpienia', 'Nr karty', 'Nr rachunku', 'Status']));
  for (const p of participants) {
    ws.addRow([p.code, p.name, p.email, p.phone, p.region, p.joinDate, p.card, p.iban, p.status]);
  }
  ws.getColumn(6).numFmt = 'dd.mm.yyyy';
  [20, 26, 26, 18, 16, 18, 22, 32, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  await wb.xlsx.writeFile(join(out, 'participants.xlsx'));
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const participants = makeParticipants();
  await writeParticipants(participants);
  const program = JSON.parse(readFileSync(join(root, 'examples', 'reference-program.json'), 'utf8')) as Record<string, unknown>;
  program.$comment = 'The demo program: the reference program under a demo name. Created by `npx loyalty demo` and the app\'s "Try the demo".';
  program.name = 'Partner Plus (demo)';
  program.client = 'Karma Polska S.A. (demo client)';
  writeFileSync(join(out, 'demo-program.json'), `${JSON.stringify(program, null, 2)}\n`);
  console.log(`Wrote the demo files to ${out}`);
}

await main();
