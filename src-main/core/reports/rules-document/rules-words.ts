// The program's rules in readable sentences, in English, Polish and Russian. Figures arrive already formatted in
// the document's language (locale-format.ts), so each sentence orders them as its language does.

const RUSSIAN_PLURAL = new Intl.PluralRules('ru-RU');

/** 1 балл, 2 балла, 5 баллов: Russian declines the noun by the number. */
export function russianPoints(n: number): string {
  const form = RUSSIAN_PLURAL.select(n);
  return form === 'one' ? 'балл' : form === 'few' ? 'балла' : 'баллов';
}

const EN = {
  title: 'Program rules',
  version: (version: number, at: string) => `Rules version ${version}, in force from ${at}`,
  note: (note: string) => `Why this version: ${note}`,
  intro: (name: string, client: string, first: string) =>
    `${name} is run for ${client}. Points are counted each calendar month, from ${first} on; a sales line belongs to the month of its date.`,
  pointValueTitle: 'Point value and budget',
  pointValue: (value: string) => `One point is worth ${value}.`,
  budget: (amount: string) => `The budget for payouts is ${amount} per month.`,
  noBudget: 'There is no fixed budget per month.',
  salesTitle: 'Points from sales',
  baseRate: (points: string, per: string) =>
    `A promoted product earns ${points} for each full ${per} of net value of the line.`,
  productRate: (sku: string, points: string) => `Product ${sku} earns ${points} per unit sold.`,
  notPromoted: 'A product that is not promoted earns no points; its sales still count toward your volume.',
  returns: 'A return is a line with a negative quantity and value: it takes back the points the sale gave.',
  campaignsTitle: 'Campaigns',
  noCampaigns: 'There are no campaigns.',
  campaign: (name: string, group: string, from: string, to: string, pct: string) =>
    `${name}: products of the group ${group} sold from ${from} to ${to} earn ${pct} more points.`,
  campaignsAdd: 'When campaigns overlap, each adds its bonus on the line’s own points.',
  tiersTitle: 'Tiers',
  noTiers: 'There are no tiers.',
  tiersIntro: 'Your tier in a month comes from your net sales in the month before:',
  tier: (name: string, from: string, pct: string) => `${name}: from ${from} of net sales, ${pct} on your points.`,
  tiersNone: 'Below the lowest tier, or without sales in the month before, there is no tier bonus.',
  targetsTitle: 'Targets',
  noTargets: 'There is no bonus for reaching a target.',
  targetsIntro:
    'Each month you have a target for sales of promoted products. Reaching it earns a bonus on your points:',
  band: (from: string, pct: string) => `${from} of the target or more: ${pct} on your points.`,
  capTitle: 'Cap',
  cap: (points: string) =>
    `A participant earns at most ${points} in a month (before prizes); points above the cap are cut.`,
  noCap: 'There is no cap on the points of a month.',
  contestsTitle: 'Contests',
  noContests: 'There are no contests.',
  contest: (name: string, prizes: string) =>
    `${name}: among participants who joined in the month and earned points, the best earners win ${prizes}. A tie goes to the earlier join date, then to the lower participant code. Prizes are not capped.`,
  place: (place: number, points: string) => `place ${place}: ${points}`,
  payoutsTitle: 'Payouts',
  payouts: (value: string) =>
    `After a month is approved, your points payable (your balance from earlier months plus the month's points) are loaded onto your prepaid card, or paid to your bank account when you have no card, at ${value} per point.`,
  requiresDestination:
    'A payout needs a card or account on record; without one it is held and the points stay in your balance.',
  requiresActive:
    'A payout needs your participation to be active; otherwise it is held and the points stay in your balance.',
  overBudget:
    'If the month’s payouts would exceed the budget, the coordinator either pays a share of each, keeping the rest in the balances, or approves the excess with a written reason.',
  failed:
    'A top-up the card issuer refuses, or one cancelled before it is paid, goes back to your balance and is paid with a later month.',
  correctionsTitle: 'Corrections',
  corrections:
    'An approved month never changes. A late return or a corrected sales file for it is settled in the next open month, as a correction that names the month it corrects.',
  statements:
    'Each month you receive a statement of your points. When a correction changes it, a new statement is published that names the one it replaces; the earlier one is kept unchanged.',
  pointsUnit: (text: string, n: number) => `${text} ${n === 1 ? 'point' : 'points'}`,
  page: (n: number) => `Page ${n}`,
  and: ', ',
};

export type RulesWords = typeof EN;

const PL: RulesWords = {
  title: 'Zasady programu',
  version: (version, at) => `Wersja zasad ${version}, obowiązuje od ${at}`,
  note: (note) => `Powód tej wersji: ${note}`,
  intro: (name, client, first) =>
    `Program ${name} jest prowadzony dla: ${client}. Punkty liczy się w każdym miesiącu kalendarzowym, od ${first}; wiersz sprzedaży należy do miesiąca swojej daty.`,
  pointValueTitle: 'Wartość punktu i budżet',
  pointValue: (value) => `Jeden punkt jest wart ${value}.`,
  budget: (amount) => `Budżet wypłat wynosi ${amount} miesięcznie.`,
  noBudget: 'Nie ma stałego budżetu miesięcznego.',
  salesTitle: 'Punkty ze sprzedaży',
  baseRate: (points, per) => `Produkt promowany daje ${points} za każde pełne ${per} wartości netto wiersza.`,
  productRate: (sku, points) => `Produkt ${sku} daje ${points} za każdą sprzedaną sztukę.`,
  notPromoted: 'Produkt niepromowany nie daje punktów; jego sprzedaż wlicza się jednak do Twojego wolumenu.',
  returns: 'Zwrot to wiersz z ujemną ilością i wartością: odbiera punkty, które dała sprzedaż.',
  campaignsTitle: 'Kampanie',
  noCampaigns: 'Nie ma kampanii.',
  campaign: (name, group, from, to, pct) =>
    `${name}: produkty z grupy ${group} sprzedane od ${from} do ${to} dają o ${pct} więcej punktów.`,
  campaignsAdd: 'Gdy kampanie się nakładają, każda dodaje swoją premię od punktów samego wiersza.',
  tiersTitle: 'Poziomy',
  noTiers: 'Nie ma poziomów.',
  tiersIntro: 'Twój poziom w miesiącu wynika z Twojej sprzedaży netto w miesiącu poprzednim:',
  tier: (name, from, pct) => `${name}: od ${from} sprzedaży netto, ${pct} do Twoich punktów.`,
  tiersNone: 'Poniżej najniższego poziomu albo bez sprzedaży w poprzednim miesiącu premii za poziom nie ma.',
  targetsTitle: 'Cele',
  noTargets: 'Nie ma premii za realizację celu.',
  targetsIntro: 'Co miesiąc masz cel sprzedaży produktów promowanych. Jego realizacja daje premię od Twoich punktów:',
  band: (from, pct) => `${from} celu lub więcej: ${pct} do Twoich punktów.`,
  capTitle: 'Limit',
  cap: (points) => `Uczestnik zdobywa w miesiącu najwyżej ${points} (przed nagrodami); punkty ponad limit są obcinane.`,
  noCap: 'Punkty miesiąca nie mają limitu.',
  contestsTitle: 'Konkursy',
  noContests: 'Nie ma konkursów.',
  contest: (name, prizes) =>
    `${name}: wśród uczestników, którzy dołączyli w danym miesiącu i zdobyli punkty, najlepsi wygrywają: ${prizes}. Przy remisie wygrywa wcześniejsza data dołączenia, potem niższy kod uczestnika. Nagrody nie podlegają limitowi.`,
  place: (place, points) => `miejsce ${place}: ${points}`,
  payoutsTitle: 'Wypłaty',
  payouts: (value) =>
    `Po zatwierdzeniu miesiąca Twoje punkty do wypłaty (saldo z wcześniejszych miesięcy plus punkty miesiąca) trafiają na Twoją kartę przedpłaconą, a gdy nie masz karty, na Twoje konto bankowe, po ${value} za punkt.`,
  requiresDestination:
    'Wypłata wymaga karty lub konta w naszych danych; bez nich jest wstrzymana, a punkty zostają na saldzie.',
  requiresActive: 'Wypłata wymaga aktywnego udziału; w przeciwnym razie jest wstrzymana, a punkty zostają na saldzie.',
  overBudget:
    'Jeśli wypłaty miesiąca przekroczyłyby budżet, koordynator wypłaca każdemu część, a resztę zostawia na saldach, albo zatwierdza nadwyżkę z pisemnym uzasadnieniem.',
  failed:
    'Zasilenie odrzucone przez wydawcę karty albo anulowane przed wypłatą wraca na Twoje saldo i jest wypłacane z późniejszym miesiącem.',
  correctionsTitle: 'Korekty',
  corrections:
    'Zatwierdzony miesiąc nigdy się nie zmienia. Późny zwrot albo poprawiony plik sprzedaży rozlicza się w najbliższym otwartym miesiącu jako korektę, która wskazuje korygowany miesiąc.',
  statements:
    'Co miesiąc otrzymujesz wyciąg punktów. Gdy korekta go zmienia, publikowany jest nowy wyciąg, który wskazuje zastępowany; wcześniejszy pozostaje bez zmian.',
  pointsUnit: (text) => `${text} pkt`,
  page: (n) => `Strona ${n}`,
  and: ', ',
};

const RU: RulesWords = {
  title: 'Правила программы',
  version: (version, at) => `Версия правил ${version}, действует с ${at}`,
  note: (note) => `Причина этой версии: ${note}`,
  intro: (name, client, first) =>
    `Программа ${name} проводится для: ${client}. Баллы считаются за каждый календарный месяц, начиная с ${first}; строка продаж относится к месяцу своей даты.`,
  pointValueTitle: 'Стоимость балла и бюджет',
  pointValue: (value) => `Один балл стоит ${value}.`,
  budget: (amount) => `Бюджет выплат составляет ${amount} в месяц.`,
  noBudget: 'Постоянного месячного бюджета нет.',
  salesTitle: 'Баллы за продажи',
  baseRate: (points, per) => `Продвигаемый товар приносит ${points} за каждые полные ${per} чистой суммы строки.`,
  productRate: (sku, points) => `Товар ${sku} приносит ${points} за каждую проданную единицу.`,
  notPromoted: 'Непродвигаемый товар баллов не приносит, но его продажи входят в ваш объём.',
  returns: 'Возврат — это строка с отрицательным количеством и суммой: он забирает баллы, которые дала продажа.',
  campaignsTitle: 'Акции',
  noCampaigns: 'Акций нет.',
  campaign: (name, group, from, to, pct) =>
    `${name}: товары группы ${group}, проданные с ${from} по ${to}, приносят на ${pct} больше баллов.`,
  campaignsAdd: 'Когда акции пересекаются, каждая добавляет свой бонус к баллам самой строки.',
  tiersTitle: 'Уровни',
  noTiers: 'Уровней нет.',
  tiersIntro: 'Ваш уровень в месяце определяется вашими чистыми продажами за предыдущий месяц:',
  tier: (name, from, pct) => `${name}: от ${from} чистых продаж, ${pct} к вашим баллам.`,
  tiersNone: 'Ниже самого низкого уровня или без продаж в предыдущем месяце бонуса уровня нет.',
  targetsTitle: 'Планы',
  noTargets: 'Бонуса за выполнение плана нет.',
  targetsIntro: 'Каждый месяц у вас есть план продаж продвигаемых товаров. Его выполнение даёт бонус к вашим баллам:',
  band: (from, pct) => `${from} плана и больше: ${pct} к вашим баллам.`,
  capTitle: 'Лимит',
  cap: (points) => `Участник зарабатывает за месяц не больше ${points} (до призов); баллы сверх лимита срезаются.`,
  noCap: 'Лимита баллов за месяц нет.',
  contestsTitle: 'Конкурсы',
  noContests: 'Конкурсов нет.',
  contest: (name, prizes) =>
    `${name}: среди участников, присоединившихся в этом месяце и заработавших баллы, лучшие получают: ${prizes}. При равенстве побеждает более ранняя дата присоединения, затем меньший код участника. Призы не ограничены лимитом.`,
  place: (place, points) => `${place}-е место: ${points}`,
  payoutsTitle: 'Выплаты',
  payouts: (value) =>
    `После утверждения месяца ваши баллы к выплате (остаток прошлых месяцев плюс баллы месяца) зачисляются на вашу предоплаченную карту, а если карты нет — на ваш банковский счёт, по ${value} за балл.`,
  requiresDestination:
    'Для выплаты нужны данные карты или счёта; без них выплата задерживается, а баллы остаются на остатке.',
  requiresActive: 'Для выплаты участие должно быть активным; иначе выплата задерживается, а баллы остаются на остатке.',
  overBudget:
    'Если выплаты месяца превысят бюджет, координатор выплачивает каждому часть, оставляя остальное на остатках, или утверждает превышение с письменным обоснованием.',
  failed:
    'Зачисление, отклонённое эмитентом карты или отменённое до выплаты, возвращается на ваш остаток и выплачивается с одним из следующих месяцев.',
  correctionsTitle: 'Корректировки',
  corrections:
    'Утверждённый месяц никогда не меняется. Поздний возврат или исправленный файл продаж учитывается в ближайшем открытом месяце как корректировка с указанием исправляемого месяца.',
  statements:
    'Каждый месяц вы получаете выписку по баллам. Когда корректировка её меняет, публикуется новая выписка с указанием заменяемой; прежняя остаётся без изменений.',
  pointsUnit: (text, n) => `${text} ${russianPoints(n)}`,
  page: (n) => `Страница ${n}`,
  and: ', ',
};

export const RULES_WORDS = { en: EN, pl: PL, ru: RU } as const;
