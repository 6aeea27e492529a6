// Shared with the mock provider's consent page: a plain function, no Lit, no DOM.

/** Whether a scope's icon is an image URL (http(s), data: or a path) rather than the name of a built-in icon. */
export const isImageIcon = (icon: string): boolean => /^(https?:|data:|\/)/.test(icon);
