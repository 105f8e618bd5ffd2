export * from './id-number';
export * from './phone';
export * from './mask';
export * from './money';
export * from './money-words';
export { toHalfWidth, stripSpaces } from './normalize';
export { LONG_TERM_CARD_AGE, canBeLongTerm, canHoldLongTermCard } from './id-card-validity';
