// Header synonyms of every field, as docs/import-formats.md lists them (the client's ERP,
// accountant or Excel decide the headers, in English, Polish, Russian or Norwegian). Matched
// by normalizeHeader: case-insensitive, trimmed, accents kept. The first synonym is the one
// quoted to the operator.

export const SALES_DATE = [
  'Date',
  'Sales date',
  'Invoice date',
  'Data',
  'Data sprzedaży',
  'Data faktury',
  'Дата',
  'Дата продажи',
  'Дата документа',
  'Dato',
] as const;
export const PARTICIPANT_CODE = [
  'Rep code',
  'Rep ID',
  'Participant code',
  'Kod przedstawiciela',
  'Kod PH',
  'Код представителя',
  'Код агента',
  'Selgerkode',
] as const;
export const SKU = ['SKU', 'Product code', 'Kod produktu', 'Indeks', 'Артикул', 'Код товара', 'Varenummer'] as const;
export const QUANTITY = ['Quantity', 'Qty', 'Ilość', 'Количество', 'Кол-во', 'Antall'] as const;
export const NET_VALUE = [
  'Net value',
  'Net amount',
  'Amount',
  'Wartość netto',
  'Wartość',
  'Сумма',
  'Сумма без НДС',
  'Nettobeløp',
] as const;
export const DOCUMENT_NO = [
  'Invoice',
  'Invoice no',
  'Document',
  'Nr faktury',
  'Nr dokumentu',
  'Документ',
  'Номер документа',
  'Fakturanr',
] as const;
export const LINE_NO = ['Line', 'Line no', 'Pozycja', 'Lp.', 'Строка', '№ строки', 'Linje'] as const;
export const PARTICIPANT_NAME_IN_SALES = [
  'Rep',
  'Representative',
  'Przedstawiciel',
  'Представитель',
  'Selger',
] as const;
export const PRODUCT_NAME = ['Product', 'Produkt', 'Nazwa produktu', 'Товар', 'Наименование', 'Produkt navn'] as const;

export const PARTICIPANT_NAME = [
  'Name',
  'Rep',
  'Representative',
  'Przedstawiciel',
  'Imię i nazwisko',
  'Представитель',
  'ФИО',
  'Navn',
] as const;
export const EMAIL = ['Email', 'E-mail'] as const;
export const PHONE = ['Phone', 'Telefon', 'Телефон'] as const;
export const REGION = ['Region', 'Województwo', 'Регион'] as const;
export const JOIN_DATE = ['Join date', 'Data przystąpienia', 'Дата вступления'] as const;
export const CARD = ['Card', 'Card ID', 'Karta', 'Nr karty', 'Карта', 'Номер карты'] as const;
// "Счет" too: Russian writers often put е for ё.
export const IBAN = ['IBAN', 'Nr rachunku', 'Rachunek', 'Счёт', 'Счет', 'Kontonummer'] as const;
export const STATUS = ['Status', 'Статус'] as const;

export const PRODUCT_NAME_OR_NAME = [...PRODUCT_NAME, 'Name'] as const;
export const PRODUCT_GROUP = [
  'Group',
  'Product group',
  'Grupa',
  'Grupa produktowa',
  'Группа',
  'Группа товаров',
  'Produktgruppe',
] as const;
export const PROMOTED = [
  'Promoted',
  'In program',
  'Promocja',
  'W programie',
  'Акция',
  'Участвует',
  'Kampanje',
] as const;
export const POINTS_PER_UNIT = ['Points per unit', 'Punkty za sztukę', 'Баллы за единицу', 'Poeng per enhet'] as const;

export const TARGET_PERIOD = ['Period', 'Okres', 'Miesiąc', 'Период', 'Месяц'] as const;
export const TARGET = ['Target', 'Cel', 'Plan', 'План'] as const;
