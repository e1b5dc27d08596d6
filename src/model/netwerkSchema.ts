// The parts of the tafel document that belong to the network of tafels (docs/network.md): the
// links a tafel has, the escalations it sends up and, at the landelijke tafel, the escalations it
// received. Fields with writer "relay" are written only by the relay, which carries them from the
// other tafel's document; the rulebook refuses them to every lid.

import * as v from './values';
import type { ValueType } from './values';
import { ESCALATIE_DOELEN, ESCALATIE_STATUSSEN, KOPPELING_STATUSSEN, LANDSDELEN, PROVINCIES, TAFELSOORTEN } from './netwerk';

// The field specs have the shapes of src/model/schema.ts, which spreads them into its roots (and
// checks them there); this file does not import it, so the two never form a cycle.
type Writer = 'system' | 'chair' | 'iedereen' | 'reactieAuteur' | 'relay';
interface PlainFieldSpec {
  readonly kind: 'plain';
  readonly type: ValueType;
  readonly writer: Writer;
  readonly immutable?: boolean;
  readonly required?: boolean;
}
type FieldSpec = PlainFieldSpec | { readonly kind: 'richtext'; readonly writer: Writer };
interface DynamicFieldSpec {
  readonly prefix: string;
  readonly suffix: (rest: string) => boolean;
  readonly field: PlainFieldSpec;
}

const plain = (type: ValueType, writer: Writer, extra: Partial<PlainFieldSpec> = {}): PlainFieldSpec => ({ kind: 'plain', type, writer, ...extra });

const NAAM = v.text(200);
const LANG = v.text(20_000);
const VRAAG = v.text(4000, { minLength: 1 });
const TIJDSTIP = v.integerBetween(0, 8_640_000_000_000_000);

/** A list of values of one shape. */
export function listOf(shape: ValueType, max: number): ValueType {
  return {
    describe: `list of up to ${max} × ${shape.describe}`,
    check: (x) => {
      if (!Array.isArray(x)) return v.problem('not-allowed', 'expected a list');
      if (x.length > max) return v.problem('too-many-entries', `more than ${max} entries`, { max });
      for (const [i, e] of x.entries()) {
        const err = shape.check(e);
        if (err) return v.within(`entry ${i}`, err);
      }
      return null;
    },
  };
}

/** Comments that came from the other tafel: key "extern.<id>", written by the relay. */
export const EXTERN_PREFIX = 'extern.';
/** Comments written at this tafel on an escalation: key "reactie.<id>" (as on knelpunten). */
const REACTIE = 'reactie.';

export const EXTERNE_REACTIE = v.record({ tekst: v.text(5000, { minLength: 1 }), naam: NAAM, tafel: NAAM, op: TIJDSTIP });

const reacties: readonly DynamicFieldSpec[] = [
  { prefix: REACTIE, suffix: v.isId, field: plain(v.record({ tekst: v.text(5000, { minLength: 1 }) }), 'reactieAuteur') },
  { prefix: EXTERN_PREFIX, suffix: v.isId, field: plain(EXTERNE_REACTIE, 'relay') },
];

/** The tafel's place in the network, set by the operator when the tafel is created. */
export const TAFEL_NETWERK_FIELDS = {
  soort: plain(v.oneOf(TAFELSOORTEN), 'system'),
  provincies: plain(subsetOf(PROVINCIES), 'system'),
  woondealregio: plain(v.text(200), 'system'),
  /** A lokale tafel: the regional tafel it sits under. */
  bovenTafel: plain(v.text(64), 'system'),
  landelijkeRodeDraadDrempel: plain(v.integerBetween(2, 35), 'chair'),
} satisfies Record<string, PlainFieldSpec>;

/** A lid of the landelijke tafel carries the landsdeel they are the contact for. */
export const LID_NETWERK_FIELDS = {
  landsdeel: plain(v.oneOf(LANDSDELEN, { nullable: true }), 'chair'),
} satisfies Record<string, PlainFieldSpec>;

function subsetOf(list: readonly string[]): ValueType {
  return {
    describe: `list of distinct values of ${list.map((x) => `"${x}"`).join(', ')}`,
    check: (x) => {
      if (!Array.isArray(x) || !x.every((e) => typeof e === 'string' && list.includes(e))) return v.problem('not-allowed', 'expected a list of known values');
      return new Set(x).size === x.length ? null : v.problem('not-allowed', 'duplicate values');
    },
  };
}

/** A link with another tafel, as the relay keeps it (both chairs agreed, or one asked). */
export const KOPPELING_FIELDS = {
  andereTafelId: plain(v.text(64, { minLength: 1 }), 'relay', { required: true }),
  andereNaam: plain(NAAM, 'relay', { required: true }),
  andereSoort: plain(v.oneOf(TAFELSOORTEN), 'relay', { required: true }),
  andereLandsdeel: plain(v.oneOf(LANDSDELEN, { nullable: true }), 'relay'),
  status: plain(v.oneOf(KOPPELING_STATUSSEN), 'relay', { required: true }),
  sinds: plain(TIJDSTIP, 'relay', { required: true }),
} satisfies Record<string, FieldSpec>;

/** The public part of a project, the only part that leaves a tafel with an escalation. */
export const PUBLIEK_PROJECT = v.record({
  naam: NAAM,
  gemeente: NAAM,
  planstatus: v.text(40),
  woningen: v.count(10_000_000),
});

export const BEZORGING = v.record({
  status: v.oneOf(['bezorgd', 'geen koppeling']),
  tafelId: v.text(64),
  tafel: NAAM,
  op: TIJDSTIP,
});

/** What comes back from the landelijke tafel: status and answer, with who and when. */
export const TERUGMELDING = v.record({
  status: v.oneOf(ESCALATIE_STATUSSEN),
  antwoord: LANG,
  lid: NAAM,
  tafel: NAAM,
  op: TIJDSTIP,
});

/** An escalation this tafel sends up the ladder (made by the chair). */
export const ESCALATIE_FIELDS = {
  knelpuntId: plain(v.idRef(), 'chair', { immutable: true, required: true }),
  niveau: plain(v.oneOf(ESCALATIE_DOELEN), 'chair', { immutable: true, required: true }),
  gevraagd: plain(VRAAG, 'chair', { immutable: true, required: true }),
  waarom: plain(VRAAG, 'chair', { immutable: true, required: true }),
  gedeeld: plain(v.text(4000), 'chair', { immutable: true }),
  projecten: plain(v.idList(50), 'chair', { immutable: true }),
  /** For rungs outside the app: the status the chair keeps by hand. */
  handmatigeStatus: plain(v.oneOf(ESCALATIE_STATUSSEN), 'chair'),
  /** The chair closes the loop: solved or not, and why. */
  afsluiting: plain(v.record({ opgelost: v.bool, toelichting: v.text(500, { minLength: 1 }) }), 'chair'),
  bezorging: plain(BEZORGING, 'relay'),
  terugmelding: plain(TERUGMELDING, 'relay'),
  /** Set when the link it travelled over ended: what was shared stays, marked. */
  koppelingBeeindigd: plain(TIJDSTIP, 'relay'),
} satisfies Record<string, FieldSpec>;

/** An escalation as it arrived at the landelijke tafel (written by the relay, handled by the leden). */
export const ONTVANGEN_ESCALATIE_FIELDS = {
  bron: plain(
    v.record({ tafelId: v.text(64, { minLength: 1 }), tafelNaam: NAAM, landsdeel: v.oneOf(LANDSDELEN, { nullable: true }), escalatieId: v.idRef() }),
    'relay',
    { required: true },
  ),
  knelpunt: plain(v.record({ titel: NAAM, beschrijving: LANG, thema: v.text(60) }), 'relay', { required: true }),
  gevraagd: plain(VRAAG, 'relay', { required: true }),
  waarom: plain(VRAAG, 'relay', { required: true }),
  gedeeld: plain(v.text(4000), 'relay'),
  projecten: plain(listOf(PUBLIEK_PROJECT, 50), 'relay'),
  ontvangenOp: plain(TIJDSTIP, 'relay', { required: true }),
  afsluiting: plain(v.record({ opgelost: v.bool, toelichting: v.text(500, { minLength: 1 }), naam: NAAM, op: TIJDSTIP }), 'relay'),
  koppelingBeeindigd: plain(TIJDSTIP, 'relay'),
  status: plain(v.oneOf(ESCALATIE_STATUSSEN), 'iedereen', { required: true }),
  antwoord: { kind: 'richtext', writer: 'iedereen' },
} satisfies Record<string, FieldSpec>;

export const ESCALATIE_DYNAMIC = reacties;

/**
 * A vastgestelde rapportage's summary as it arrived at the landelijke tafel from a linked regional
 * tafel (src/model/rapportage.ts, rapportageSamenvatting). Every field is the relay's: the leden of
 * the landelijke tafel read it, nobody changes it.
 */
export const ONTVANGEN_RAPPORTAGE_FIELDS = {
  bron: plain(
    v.record({
      tafelId: v.text(64, { minLength: 1 }),
      tafelNaam: NAAM,
      landsdeel: v.oneOf(LANDSDELEN, { nullable: true }),
      rapportageId: v.idRef(),
      vastgesteldDoor: NAAM,
    }),
    'relay',
    { required: true },
  ),
  samenvatting: plain(v.jsonUpTo(1_000_000, v.anyObject), 'relay', { required: true }),
  ontvangenOp: plain(TIJDSTIP, 'relay', { required: true }),
  /** Set when the link it travelled over ended: what was shared stays, marked. */
  koppelingBeeindigd: plain(TIJDSTIP, 'relay'),
} satisfies Record<string, FieldSpec>;
