/**
 * Other words customers use for common enum values, by the value written compactly (letters and
 * digits, lower case: `next_day` and `NextDay` are both `nextday`). Used only for values an
 * action's enum has, and only where a word does not name another of its values.
 */
export const ENUM_LEXICON: Readonly<Record<string, readonly string[]>> = {
  // Carriers
  usps: ['us postal service', 'united states postal service', 'postal service', 'post office', 'us mail'],
  ups: ['united parcel service'],
  fedex: ['federal express', 'fed ex'],
  dhl: ['dhl express'],
  royalmail: ['royal mail'],
  // Shipping speeds and ways of getting an order
  standard: ['regular', 'normal', 'ground', 'economy'],
  express: ['expedited', 'fast', 'rush', 'priority', 'quick'],
  nextday: ['next day', 'overnight', 'next-day'],
  overnight: ['next day', 'next-day'],
  sameday: ['same day', 'same-day'],
  pickup: ['pick up', 'collect', 'collection', 'in store', 'click and collect', 'curbside'],
  delivery: ['deliver', 'delivered', 'home delivery', 'ship it'],
  // Contact channels
  sms: ['text', 'text message', 'texts', 'texting'],
  email: ['e-mail', 'mail me', 'an email'],
  phone: ['phone call', 'call', 'ring'],
  call: ['phone call', 'phone', 'ring'],
  whatsapp: ['whats app'],
  // Payment
  card: ['credit card', 'debit card', 'visa', 'mastercard', 'amex'],
  creditcard: ['card', 'credit', 'visa', 'mastercard', 'amex'],
  debitcard: ['debit', 'card'],
  paypal: ['pay pal'],
  cash: ['cash on delivery', 'in cash'],
  banktransfer: ['bank transfer', 'wire', 'wire transfer'],
  // What to do about a return
  refund: ['money back', 'reimburse', 'reimbursement'],
  storecredit: ['store credit', 'credit', 'voucher', 'gift card'],
  exchange: ['swap', 'replacement', 'replace it', 'different size'],
  repair: ['fix', 'fixed'],
  // Priority
  urgent: ['asap', 'emergency', 'critical', 'right away', 'as soon as possible'],
  high: ['urgent', 'asap', 'important', 'critical'],
  low: ['not urgent', 'no rush', 'whenever', 'minor'],
  normal: ['regular', 'medium', 'standard'],
  // Sizes
  xs: ['extra small', 'x-small'],
  s: ['small'],
  m: ['medium'],
  l: ['large'],
  xl: ['extra large', 'x-large'],
  xxl: ['double extra large', '2xl', 'xx-large'],
  extralarge: ['xl', 'x-large'],
  extrasmall: ['xs', 'x-small'],
  // Spelling and common names of services and goods
  color: ['colour', 'coloring', 'colouring', 'dye', 'highlights'],
  colour: ['color', 'coloring', 'colouring', 'dye', 'highlights'],
  haircut: ['hair cut', 'cut', 'trim my hair'],
  manicure: ['nails', 'nail', 'mani'],
  pedicure: ['pedi', 'toenails'],
  beardtrim: ['beard', 'beard trim', 'trim my beard'],
  outerwear: ['jacket', 'coat', 'parka', 'raincoat'],
  shoes: ['shoe', 'boots', 'sneakers', 'trainers', 'footwear'],
  accessories: ['accessory', 'bag', 'belt', 'hat', 'scarf', 'jewelry', 'jewellery'],
  kids: ['children', 'child', 'kid', 'baby', 'toddler'],
  // Days of the week said short
  monday: ['mon'],
  tuesday: ['tue', 'tues'],
  wednesday: ['wed'],
  thursday: ['thu', 'thurs'],
  friday: ['fri'],
  saturday: ['sat'],
  sunday: ['sun'],
};
