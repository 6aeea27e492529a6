/** The consent element's own strings in English, which load with it. */
export const enConsent = {
  asksTo: '{client_name} asks to:',
  allow: 'Allow',
  deny: 'Deny',
  you: 'you',
  homepage: 'Homepage of {client_name}',
};
