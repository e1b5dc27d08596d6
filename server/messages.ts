// The relay's human-readable error messages, in Dutch: the app may show them as they are. The
// machine-readable `error` code next to each message is what clients should switch on.

export const MESSAGES = {
  badJson: 'Het verzoek is geen geldige JSON.',
  notJson: 'Stuur de gegevens als JSON (Content-Type: application/json).',
  bodyTooLarge: 'Het verzoek is te groot.',
  badRequest: 'Het verzoek klopt niet',
  noToken: 'Log eerst in met een uitnodiging.',
  badToken: 'Deze inlog werkt niet (meer). Vraag de voorzitter om een nieuwe uitnodiging.',
  notThisTafel: 'Je inlog hoort bij een andere tafel.',
  notChair: 'Alleen de voorzitter of secretaris kan dit doen.',
  noSuchLid: 'Dit lid staat niet (meer) op de ledenlijst van de tafel.',
  noSuchTafel: 'Deze tafel bestaat niet.',
  inviteUnknown: 'Deze uitnodigingscode is onbekend. Controleer de code of vraag om een nieuwe uitnodiging.',
  inviteUsed: 'Deze uitnodiging is al gebruikt. Vraag de voorzitter om een nieuwe uitnodiging.',
  inviteExpired: 'Deze uitnodiging is verlopen. Vraag de voorzitter om een nieuwe uitnodiging.',
  notFound: 'Niet gevonden.',
  methodNotAllowed: 'Deze methode is hier niet toegestaan.',
  originRefused: 'Verbinden vanaf deze website is niet toegestaan.',
  relayFull: 'De server is even vol. Probeer het zo opnieuw.',
  tooManyConnections: 'Er zijn te veel verbindingen met deze tafel. Probeer het zo opnieuw.',
  appNotBuilt: 'De app is nog niet gebouwd: voer "npm run build" uit, of start met "npm start".',
  internal: 'Er ging iets mis op de server. Probeer het opnieuw.',
} as const;
