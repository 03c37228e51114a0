/** Test data for similar-comment grouping: distinct comments and near-copies of a form letter. */
/** mulberry32: a small seeded PRNG, so the data set is the same on every run. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const vocabulary = (
  "грант отчёт лот сумма бюджет организация молодёжь волонтёр срок комиссия конкурс заявка оценка балл критерий " +
  "мониторинг результат индикатор расход смета зарплата аренда транспорт село город область район услуга стандарт " +
  "грант есеп лот сома бюджет ұйым жастар ерікті мерзім комиссия конкурс өтінім бағалау балл өлшем нәтиже көрсеткіш " +
  "шығыс смета жалақы жалға көлік ауыл қала облыс аудан қызмет стандарт әлеуметтік қоғамдық жоба қаржы тексеру"
).split(" ");

const syllables = "ба ке ру ма ны са та ла ди ко ре зы қа ғы ұл өз ің мі ер ан ов ес ти по на ст жа шы үй ық".split(" ");

/** A comment of its own: common topic words mixed with words nobody else uses. */
export function distinctComment(random: () => number): string {
  const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)];
  const words = Array.from({ length: 20 + Math.floor(random() * 30) }, () =>
    random() < 0.3 ? pick(vocabulary) : Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(syllables)).join(""),
  );
  return words.join(" ") + ".";
}

const letter =
  "Мы, жители Павлодарской области, просим увеличить сумму лота на поддержку сельской молодёжи до 20 миллионов тенге, " +
  "потому что при нынешних 12 миллионах невозможно оплатить транспорт до районных центров, аренду помещений и зарплату " +
  "двух специалистов в течение всего года. Просим также учитывать расстояния при расчёте сметы.";

/** A campaign copy with small edits: punctuation, case, a changed or added word, a signature. */
export function nearCopy(random: () => number, i: number): string {
  let text = letter;
  if (random() < 0.5) text = text.replace("просим", "убедительно просим");
  if (random() < 0.5) text = text.replace(/,/g, "");
  if (random() < 0.3) text = text.toUpperCase();
  if (random() < 0.5) text = text.replace("20 миллионов", "25 миллионов");
  if (random() < 0.4) text = text.replace("Павлодарской", "Северо-Казахстанской");
  return `${text} ${random() < 0.5 ? `С уважением, участник ${i}.` : ""}`.trim();
}

