// Chart colours: the theme's tokens as literal values (SVG fills cannot read CSS variables in
// every browser), each with at least 3:1 contrast against white for graphical objects.
export const KLEUR = {
  gepland: '#8a93a3',
  verwacht: '#1d4ed8',
  doel: '#b42318',
  hard: '#146c2e',
  open: '#b42318',
  totaal: '#8a93a3',
  voor: '#8a93a3',
  na: '#1d4ed8',
} as const;

export const SEGMENT_KLEUR: Readonly<Record<string, string>> = {
  'sociale huur': '#146c2e',
  middenhuur: '#1d4ed8',
  'betaalbare koop': '#7e22ce',
  'vrije sector huur': '#8a4b00',
  'vrije sector koop': '#5b6472',
};

/** Legend labels in the body text colour: a grey series name in grey text would be unreadable. */
export const legendaTekst = (naam: string) => <span className="legenda-tekst">{naam}</span>;
